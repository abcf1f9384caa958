// Filters the findings table (copy.js copies remediation code). Runs under a hash-pinned CSP: no inline handlers, no network.
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.finding'));
  var status = document.getElementById('f-status');
  var severity = document.getElementById('f-severity');
  var search = document.getElementById('f-text');
  var count = document.getElementById('f-count');

  function apply() {
    var wantedStatus = status.value;
    var wantedSeverity = severity.value;
    var query = search.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var match = (!wantedStatus || row.getAttribute('data-status') === wantedStatus) &&
        (!wantedSeverity || row.getAttribute('data-severity') === wantedSeverity) &&
        (!query || row.textContent.toLowerCase().indexOf(query) >= 0);
      row.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    count.textContent = count.getAttribute('data-template')
      .replace('{shown}', String(shown))
      .replace('{total}', String(rows.length));
  }

  // A link can carry a filter, e.g. report.html#status=FAIL&severity=high&q=graph, to share one view of the report.
  function fromHash() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    status.value = params.get('status') || '';
    severity.value = params.get('severity') || '';
    search.value = params.get('q') || '';
  }

  fromHash();
  status.addEventListener('change', apply);
  severity.addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();
  document.documentElement.setAttribute('data-ready', 'true');
}());
