// Filters for the findings list. Reads only data attributes the page already carries;
// no report data is embedded in this script (its hash is pinned by the page's CSP).
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var kind = document.getElementById("filter-kind");
  var severity = document.getElementById("filter-severity");
  var doc = document.getElementById("filter-document");
  var suppressed = document.getElementById("filter-suppressed");
  var count = document.getElementById("filter-count");
  var noMatch = document.getElementById("no-match");
  var items = Array.prototype.slice.call(document.querySelectorAll("li.finding"));

  function matches(li) {
    if (kind.value && li.dataset.kind !== kind.value) { return false; }
    if (severity.value && li.dataset.severity !== severity.value) { return false; }
    if (doc.value && li.dataset.documents.split(" ").indexOf(doc.value) < 0) { return false; }
    return suppressed.checked || li.dataset.suppressed !== "true";
  }

  function apply() {
    var visible = {};
    var shown = 0;
    items.forEach(function (li) {
      var ok = matches(li);
      li.hidden = !ok;
      if (ok) { visible[li.dataset.finding] = true; shown += 1; }
    });
    document.querySelectorAll(".card[data-finding]").forEach(function (card) {
      card.hidden = !visible[card.dataset.finding];
    });
    document.querySelectorAll("mark[data-findings]").forEach(function (mark) {
      var on = mark.dataset.findings.split(" ").some(function (id) { return visible[id]; });
      mark.classList.toggle("dim", !on);
    });
    document.querySelectorAll("section.document").forEach(function (section) {
      section.hidden = Boolean(doc.value) && section.dataset.document !== doc.value;
    });
    count.textContent = shown + " of " + items.length + " findings shown";
    noMatch.hidden = shown > 0;
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
}());
