// Sortable tables: each column head of a table in a page marked data-sortable becomes a button that
// sorts the rows by that column (again: the other way). Numbers sort as numbers, text in Vietnamese
// order. Without JavaScript the table stays in the order the site wrote it.
(function () {
  "use strict";
  var collator = new Intl.Collator(document.documentElement.lang || "vi", {numeric: true, sensitivity: "base"});
  document.querySelectorAll("[data-sortable] table").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    var body = table.tBodies[0];
    heads.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) { return row.cells[column].textContent.trim(); };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var nx = Number(x), ny = Number(y);
          var order = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : collator.compare(x, y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
