"""The HTML report's stylesheet and script, inlined into the page (nothing is fetched)."""

CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:0 2rem 2rem;color:#1d2430;background:#fff}
h1{margin:1rem 0 .2rem}h2{margin:1.6rem 0 .4rem;font-size:1.15rem}
.summary{display:flex;gap:1rem;flex-wrap:wrap;margin:.6rem 0}
.card{border:1px solid #d5dbe3;border-radius:6px;padding:.5rem .9rem;min-width:7rem}
.card b{display:block;font-size:1.4rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(540px,1fr));gap:1rem}
.chart text{font-size:12px;fill:#1d2430}
table{border-collapse:collapse;width:100%;margin:.3rem 0}
th,td{border-bottom:1px solid #e4e8ee;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f8;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
td.num,th.num{text-align:right}.sev-error{color:#b3261e;font-weight:600}
.sev-warning{color:#8a5a00}.sev-info{color:#1f5f8b}
.filters{display:flex;gap:.6rem;align-items:center;margin:.3rem 0}
input[type=search]{width:22rem;padding:.25rem .4rem}.count{color:#5b6573}
code{font-size:12px;background:#f3f5f8;padding:0 .2rem}
.scroll{max-height:32rem;overflow:auto;border:1px solid #e4e8ee}
"""

JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  function cell(tr, value, cls) {
    var td = document.createElement("td");
    td.textContent = value === null || value === undefined ? "" : String(value);
    if (cls) td.className = cls;
    tr.appendChild(td);
  }
  function fill(tbodyId, rows, columns) {
    var body = document.getElementById(tbodyId);
    rows.forEach(function (row) {
      var tr = document.createElement("tr");
      columns.forEach(function (c) {
        var value = typeof c.get === "function" ? c.get(row) : row[c.get];
        cell(tr, value, c.cls ? (typeof c.cls === "function" ? c.cls(row) : c.cls) : "");
      });
      tr.dataset.severity = row.severity || "";
      body.appendChild(tr);
    });
  }
  fill("files-body", data.files, [
    {get: "path"}, {get: "score", cls: "num"}, {get: "errors", cls: "num"},
    {get: "warnings", cls: "num"}, {get: "infos", cls: "num"},
    {get: function (r) { return r.authors.join(", "); }},
    {get: function (r) { return r.categories.join(", "); }},
    {get: "newest_date"}, {get: function (r) { return r.stale ? "yes" : ""; }}
  ]);
  fill("findings-body", data.findings, [
    {get: "path"}, {get: "line", cls: "num"}, {get: "code"},
    {get: "severity", cls: function (r) { return "sev-" + r.severity; }},
    {get: "message"}, {get: "text"}
  ]);
  function apply(table) {
    var text = table.filter.value.trim().toLowerCase();
    var severity = table.severity ? table.severity.value : "";
    var shown = 0;
    Array.prototype.forEach.call(table.body.rows, function (tr) {
      var ok = (!text || tr.textContent.toLowerCase().indexOf(text) >= 0) &&
               (!severity || tr.dataset.severity === severity);
      tr.hidden = !ok;
      if (ok) shown += 1;
    });
    table.count.textContent = shown + " of " + table.body.rows.length + " shown";
  }
  function sortBy(table, th, index) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var numeric = th.classList.contains("num");
    var rows = Array.prototype.slice.call(table.body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].textContent, y = b.cells[index].textContent;
      var order = numeric ? (Number(x) - Number(y)) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (tr) { table.body.appendChild(tr); });
  }
  document.querySelectorAll("table.sortable").forEach(function (element) {
    var table = {
      body: element.tBodies[0],
      filter: document.getElementById(element.id + "-filter"),
      severity: document.getElementById(element.id + "-severity"),
      count: document.getElementById(element.id + "-count")
    };
    Array.prototype.forEach.call(element.tHead.rows[0].cells, function (th, index) {
      th.addEventListener("click", function () { sortBy(table, th, index); });
    });
    if (table.filter) {
      table.filter.addEventListener("input", function () { apply(table); });
      if (table.severity) table.severity.addEventListener("change", function () { apply(table); });
      apply(table);
    }
  });
})();
"""
