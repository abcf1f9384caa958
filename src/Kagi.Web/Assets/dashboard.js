// Filters apply as soon as a select changes; everything else works without script.
document.querySelectorAll("form.filters select").forEach(function (select) {
  select.addEventListener("change", function () { select.form.submit(); });
});
