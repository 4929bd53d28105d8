// Casebook search page: Pagefind's UI over the index that `build_site.py build` writes into
// pagefind/. Kept in a file (not inline) so the page's Content-Security-Policy allows it.
//
// The ranking follows the CLI's model (casebook/search_model.py): each record page carries its
// weighted fields for Pagefind (casebook/site/templates/search_fields.html.j2), and a query is
// prepared as the CLI prepares it: its stop words are dropped (Pagefind would otherwise require
// every word, "a" and "with" included, to be on a page). window.CasebookSearch is the one place
// both the page and tests/test_site_search.py take the preparation and options from.
(function () {
  "use strict";
  // casebook/search_model.py STOPWORDS (tests/test_site_search.py checks they are the same).
  var STOPWORDS = [
    "a", "about", "an", "and", "any", "are", "as", "at", "by", "for", "from", "her", "his", "how",
    "in", "into", "is", "its", "of", "on", "or", "somebody", "someone", "the", "their", "to", "was",
    "what", "which", "who", "with",
  ];
  var STOP = {};
  STOPWORDS.forEach(function (w) { STOP[w] = true; });
  // Pagefind's ranking: a page's length counts for little (a statute page lists every citing
  // case and would otherwise lose to short pages), and repeated words count for less than the
  // weighted fields. Measured on the relevance set (docs/performance.md "Search relevance").
  var RANKING = { pageLength: 0.1, termFrequency: 0.3, termSaturation: 1.2 };

  function prepare(query) {
    var words = String(query || "").trim().split(/\s+/);
    var kept = words.filter(function (w) { return !STOP[w.toLowerCase()]; });
    return (kept.length ? kept : words).join(" ");
  }

  function bundle() {
    var box = document.getElementById("cb-search");
    // An absolute address: Pagefind imports its modules from here, and a bare relative path
    // would be read as a module name.
    return new URL(box.getAttribute("data-bundle"), document.baseURI).href;
  }

  var loaded = null;
  function load() {
    if (!loaded) {
      loaded = import(bundle() + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ ranking: RANKING }).then(function () { return pagefind; });
      });
    }
    return loaded;
  }

  function search(pagefind, query, options) {
    return pagefind.search(prepare(query), options || {}).then(function (found) {
      return found.results;
    });
  }

  // The address of the record a result stands for: on a page gathering several records (the
  // statistics page, one section per figure) the section where the query weighs most.
  function recordUrl(data) {
    if (!/(^|\/)statistics\.html$/.test(data.url)) return data.url;
    var best = null, bestScore = 0;
    (data.sub_results || []).forEach(function (sub) {
      var score = 0;
      (sub.weighted_locations || []).forEach(function (l) { score += l.balanced_score || 0; });
      if (sub.url.indexOf("#") > 0 && score > bestScore) { best = sub; bestScore = score; }
    });
    return best ? best.url : data.url;
  }

  window.CasebookSearch = { prepare: prepare, ranking: RANKING, load: load, search: search, recordUrl: recordUrl };

  function start() {
    var box = document.getElementById("cb-search");
    if (!box || typeof PagefindUI === "undefined") return;
    if (location.protocol === "file:") return; // the note in the page explains why
    box.querySelector(".cb-search-unavailable").hidden = true;
    var ui = new PagefindUI({
      element: "#cb-search",
      bundlePath: bundle(),
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      ranking: RANKING,
      processTerm: prepare,
    });
    var q = new URLSearchParams(location.search).get("q");
    if (q) ui.triggerSearch(q); // search.html?q=... links straight to results
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
