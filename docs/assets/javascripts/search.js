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
  // weighted fields; a match in a statute's `concept` or the statistics page's `figures`
  // metadata adds to the page's score (casebook/site/render.py CONCEPT_FIELDS). Measured on the
  // relevance set (docs/performance.md "Site search").
  var RANKING = { pageLength: 0.1, termFrequency: 0.3, termSaturation: 1.2, metaWeights: { title: 5, concept: 20, figures: 3 } };

  // The words a mistyped query word can be mended to (casebook/site/search_words.py), once
  // loaded: a Set to ask "does a page have it", the list sorted to ask "does a word begin with
  // it" (Pagefind matches beginnings), and the list as written, the most frequent first.
  var words = null;

  function known(word) {
    if (words.set.has(word)) return true;
    var sorted = words.sorted, lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] < word) lo = mid + 1; else hi = mid; }
    return lo < sorted.length && sorted[lo].lastIndexOf(word, 0) === 0;
  }

  // Edits between two words (insert, delete, replace, swap two neighbours), or more than `most`.
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var prev2 = null, prev = [], i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      var row = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        row.push(d);
        if (d < best) best = d;
      }
      if (best > most) return most + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  // A word no page has, in the Latin alphabet, becomes the nearest listed word (one edit away,
  // two from eight letters on; of two as near, the more frequent); any other word stays.
  function mend(word) {
    var lower = word.toLowerCase();
    if (!words || lower.length < 4 || !/^[a-z]+$/.test(lower) || known(lower)) return word;
    var most = lower.length >= 8 ? 2 : 1, found = null, foundDistance = most + 1;
    for (var k = 0; k < words.list.length && foundDistance > 1; k++) {
      var d = distance(lower, words.list[k], most);
      if (d < foundDistance) { found = words.list[k]; foundDistance = d; }
    }
    return found || word;
  }

  function prepare(query) {
    var all = String(query || "").trim().split(/\s+/);
    var kept = all.filter(function (w) { return !STOP[w.toLowerCase()]; });
    return (kept.length ? kept : all).map(mend).join(" ");
  }

  var wordsLoading = null;
  function loadWords() {
    if (!wordsLoading) {
      var box = document.getElementById("cb-search");
      var url = new URL(box.getAttribute("data-words"), document.baseURI).href;
      wordsLoading = fetch(url)
        .then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; })  // no list: queries go as typed
        .then(function (list) {
          words = { list: list, set: new Set(list), sorted: list.slice().sort() };
        });
    }
    return wordsLoading;
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
    return loadWords().then(function () {
      return pagefind.search(prepare(query), options || {});
    }).then(function (found) {
      return found.results;
    });
  }

  // The address of the record a result stands for: on a page gathering several records, the
  // part where the query weighs most — on the statistics page the section (a figure), on the
  // Sources list the row (a source: the anchor last before the matched words, by weight).
  function recordUrl(data) {
    if (/(^|\/)statistics\.html$/.test(data.url)) {
      var best = null, bestScore = 0;
      (data.sub_results || []).forEach(function (sub) {
        var score = 0;
        (sub.weighted_locations || []).forEach(function (l) { score += l.balanced_score || 0; });
        if (sub.url.indexOf("#") > 0 && score > bestScore) { best = sub; bestScore = score; }
      });
      return best ? best.url : data.url;
    }
    if (/(^|\/)sources\/(index\.html)?$/.test(data.url)) {
      var anchors = (data.anchors || []).filter(function (a) { return a.id; });
      anchors.sort(function (a, b) { return a.location - b.location; });
      var scores = {}, top = null;
      (data.weighted_locations || []).forEach(function (l) {
        var at = null;
        anchors.forEach(function (a) { if (a.location <= l.location) at = a.id; });
        if (at === null) return;
        scores[at] = (scores[at] || 0) + (l.balanced_score || 0);
        if (top === null || scores[at] > scores[top]) top = at;
      });
      return top ? data.url + "#" + top : data.url;
    }
    return data.url;
  }

  // Pagefind is given the pages' Hangul decomposed (casebook/site/search_index.py
  // decomposed_hangul: it splits the Korean index into small pieces only then); what a result
  // shows is composed again, so it reads and copies as the page does.
  function composed(result) {
    var nfc = function (s) { return typeof s === "string" ? s.normalize("NFC") : s; };
    result.excerpt = nfc(result.excerpt);
    result.content = nfc(result.content);
    Object.keys(result.meta || {}).forEach(function (k) { result.meta[k] = nfc(result.meta[k]); });
    (result.sub_results || []).forEach(function (sub) { sub.title = nfc(sub.title); sub.excerpt = nfc(sub.excerpt); });
    return result;
  }

  window.CasebookSearch = {
    prepare: prepare, ranking: RANKING, load: load, composed: composed, loadWords: loadWords, search: search, recordUrl: recordUrl,
  };

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
      processResult: composed,
    });
    // The word list loads beside Pagefind's first pieces; a query typed before it arrived is
    // searched again once it has, in case a word of it needed mending.
    loadWords().then(function () {
      var input = box.querySelector(".pagefind-ui__search-input");
      if (input && input.value.trim()) ui.triggerSearch(input.value);
    });
    var q = new URLSearchParams(location.search).get("q");
    if (q) loadWords().then(function () { ui.triggerSearch(q); }); // search.html?q=... links straight to results
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
