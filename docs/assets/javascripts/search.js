// Casebook search page: Pagefind's UI over the index that `build_site.py build` writes into
// pagefind/. Kept in a file (not inline) so the page's Content-Security-Policy allows it.
(function () {
  "use strict";
  function start() {
    var box = document.getElementById("cb-search");
    if (!box || typeof PagefindUI === "undefined") return;
    if (location.protocol === "file:") return; // the note in the page explains why
    box.querySelector(".cb-search-unavailable").hidden = true;
    var ui = new PagefindUI({
      element: "#cb-search",
      // An absolute address: Pagefind imports its modules from here, and a bare relative
      // path would be read as a module name.
      bundlePath: new URL(box.getAttribute("data-bundle"), document.baseURI).href,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
    });
    var q = new URLSearchParams(location.search).get("q");
    if (q) ui.triggerSearch(q); // search.html?q=... links straight to results
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
