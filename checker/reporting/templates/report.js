// Filters for the findings list, and documents built when opened. Reads only what the page
// already carries (data attributes, <template> elements the server escaped); no report
// data is embedded in this script (its hash is pinned by the page's CSP) and no markup is
// made from strings.
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
  var more = document.getElementById("show-more");
  var list = document.getElementById("finding-list");
  var items = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  // A large report lists a page of the findings that match at a time (`data-page`); each
  // finding is built from its <template> when first listed.
  var page = Number(list && list.dataset.page) || 0;
  var limit = page;
  var visible = {};

  function matches(li) {
    if (kind.value && li.dataset.kind !== kind.value) { return false; }
    if (severity.value && li.dataset.severity !== severity.value) { return false; }
    if (doc.value && li.dataset.documents.split(" ").indexOf(doc.value) < 0) { return false; }
    return suppressed.checked || li.dataset.suppressed !== "true";
  }

  // Cards and highlights beside the documents' text follow the list (within `root`).
  function paint(root) {
    root.querySelectorAll(".card[data-finding]").forEach(function (card) {
      card.hidden = !visible[card.dataset.finding];
    });
    root.querySelectorAll("mark[data-findings]").forEach(function (mark) {
      var on = mark.dataset.findings.split(" ").some(function (id) { return visible[id]; });
      mark.classList.toggle("dim", !on);
    });
  }

  // A large report keeps a document's paragraphs and a finding's body in a <template>
  // (parsed, not rendered) until shown: put its content in place.
  function build(element, selector) {
    var template = element.querySelector(selector || "template.doc-blocks");
    if (!template || template.parentNode !== element) { return; }
    var body = document.importNode(template.content, true);
    paint(body);
    element.replaceChild(body, template);
  }

  // The element of that id, built first if it waits in a document's template, with the
  // documents around it opened.
  function reveal(id) {
    var target = document.getElementById(id);
    if (!target) {
      var templates = document.querySelectorAll("template.doc-blocks");
      for (var i = 0; i < templates.length && !target; i += 1) {
        if (templates[i].content.getElementById(id)) {
          var details = templates[i].parentNode;
          build(details);
          target = document.getElementById(id);
        }
      }
    }
    if (target && target.matches("li.finding") && target.hidden && visible[target.id]) {
      build(target, "template.finding-body");  // matches the filters, beyond the page
      target.hidden = false;
    }
    for (var up = target; up; up = up.parentElement) {
      if (up.tagName === "DETAILS" && !up.open) { up.open = true; }
    }
    return target;
  }

  function apply() {
    visible = {};
    var shown = 0;
    items.forEach(function (li) {
      var ok = matches(li);
      if (ok) { visible[li.dataset.finding] = true; shown += 1; }
      var listed = ok && (!page || shown <= limit);
      if (listed) { build(li, "template.finding-body"); }
      li.hidden = !listed;
    });
    paint(document);
    document.querySelectorAll("section.document").forEach(function (section) {
      var mine = section.dataset.document === doc.value;
      section.hidden = Boolean(doc.value) && !mine;
      var details = mine ? section.querySelector("details.doc-body") : null;
      if (details) {  // the one document asked for, opened
        build(details);
        details.open = true;
      }
    });
    count.textContent = shown + " of " + items.length + " findings shown" +
      (page && shown > limit ? " (the first " + limit + " listed)" : "");
    noMatch.hidden = shown > 0;
    if (more) {
      more.hidden = !(page && shown > limit);
      more.textContent = "Show " + Math.min(page, shown - limit) + " more of the " +
        (shown - limit) + " not listed";
    }
  }

  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.open && details.classList && details.classList.contains("doc-body")) {
      build(details);
    }
  }, true);
  // A link to a paragraph not built yet: build it before the browser scrolls to it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (link) { reveal(decodeURIComponent(link.getAttribute("href").slice(1))); }
  });
  form.addEventListener("change", function () {
    limit = page;
    apply();
  });
  if (more) {
    more.addEventListener("click", function () {
      limit += page;
      apply();
    });
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
  if (location.hash.length > 1) {
    var target = reveal(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.scrollIntoView(); }
  }
}());
