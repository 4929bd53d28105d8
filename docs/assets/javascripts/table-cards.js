// On a phone, a wide table reads as one card per row of "heading: value" lines (casebook.css,
// "Tables on a phone"). This copies each column's heading into its cells' data-label, which the
// stylesheet shows before the value; rows a script draws later (the case finder) are labelled
// as they appear. Tables of one or two columns fit a phone as they are and stay tables.
(function () {
  function label(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head || head.cells.length < 3) return;
    var names = Array.prototype.map.call(head.cells, function (th) { return th.textContent.trim(); });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (names[i] && cell.getAttribute("data-label") !== names[i]) cell.setAttribute("data-label", names[i]);
        });
      });
    });
    table.setAttribute("data-cb-cards", "");
  }
  function init() {
    document.querySelectorAll("article table").forEach(function (table) {
      label(table);
      if (!window.MutationObserver || table.hasAttribute("data-cb-watched")) return;
      table.setAttribute("data-cb-watched", "");
      new MutationObserver(function () { label(table); }).observe(table, { childList: true, subtree: true });
    });
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
