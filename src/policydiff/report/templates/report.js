/* Filters for the lists: progressive enhancement only.  Every pledge is in the HTML; this
   script shows the filter bar, hides and shows rows, and opens pages that hold matches. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var count = document.getElementById("filter-count");
  var rows = null;
  var texts = null;

  function collect() {
    if (rows) { return; }
    rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-status], tr[data-lineage]"));
    // Search the pledges' words, not their source lines (a heading may name another topic).
    texts = rows.map(function (row) {
      return Array.prototype.map.call(row.querySelectorAll(".words"), function (words) {
        return words.textContent;
      }).join(" ").replace(/\s+/g, " ").toLowerCase();
    });
  }

  function visibleRows(element) {
    return element.querySelectorAll("tr[data-status]:not([hidden]), tr[data-lineage]:not([hidden])").length;
  }

  function apply() {
    collect();
    var statuses = {};
    form.querySelectorAll("input[name=status]").forEach(function (box) { statuses[box.value] = box.checked; });
    var topic = form.elements.topic.value;
    var query = form.elements.q.value.trim().replace(/\s+/g, " ").toLowerCase();
    var narrowing = topic !== "" || query !== "";
    var shown = 0;
    var total = 0;
    rows.forEach(function (row, i) {
      var status = row.getAttribute("data-status");
      var visible = (!status || statuses[status]) &&
        (!topic || row.getAttribute("data-topic") === topic) &&
        (!query || texts[i].indexOf(query) !== -1);
      row.hidden = !visible;
      if (status) {
        total += 1;
        if (visible) { shown += 1; }
      }
    });
    document.querySelectorAll("table.rows > tbody").forEach(function (body) {
      body.hidden = visibleRows(body) === 0;
    });
    document.querySelectorAll("details.page").forEach(function (page) {
      var matches = visibleRows(page);
      page.hidden = matches === 0;
      page.querySelector(".matches").textContent = narrowing && matches ? " (" + matches + " match)" : "";
      if (narrowing && matches && !page.open) {
        page.open = true;
        page.setAttribute("data-opened-by-filter", "");
      } else if (!narrowing && page.hasAttribute("data-opened-by-filter")) {
        page.open = false;
        page.removeAttribute("data-opened-by-filter");
      }
    });
    document.querySelectorAll("section[data-list], #lineages").forEach(function (list) {
      var none = list.querySelector(".none");
      if (none) { none.hidden = visibleRows(list) !== 0 || list.querySelectorAll("tr[data-status], tr[data-lineage]").length === 0; }
    });
    count.textContent = "Showing " + shown + " of " + total + " change records";
  }

  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    for (var open = target.closest("details"); open; open = open.parentElement.closest("details")) {
      open.open = true;
    }
    target.scrollIntoView();
  }

  var closedForPrint = [];
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", reveal);
  window.addEventListener("beforeprint", function () {
    closedForPrint = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    closedForPrint.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closedForPrint.forEach(function (details) { details.open = false; });
    closedForPrint = [];
  });
  reveal();
}());
