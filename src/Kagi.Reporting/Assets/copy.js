// Copies remediation code from the button's panel; shared by the HTML report and the dashboard. No inline handlers.
(function () {
  'use strict';
  function copied(button) {
    var label = button.textContent;
    button.textContent = button.getAttribute('data-done');
    window.setTimeout(function () { button.textContent = label; }, 1500);
  }

  // file:// pages may be denied the async clipboard; fall back to selecting the code for Ctrl+C.
  function selectCode(code) {
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
    button.addEventListener('click', function () {
      var code = button.parentNode.querySelector('code');
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code.textContent).then(function () { copied(button); }, function () { selectCode(code); });
      } else {
        selectCode(code);
      }
    });
  });
}());
