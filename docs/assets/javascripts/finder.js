// Case finder: filters the build's decision rows in the browser; state lives in the URL.
// Its words come with the rows (data/finder.js, from the site's catalogue), in the page's language.
(function () {
  var rows = window.casebookFinder || [];
  var text = window.casebookFinderText || {};
  var form = document.getElementById("cb-finder-form");
  if (!form) return;
  // The name box matches titles, aliases, case numbers, courts (Korean and English) and labels,
  // in part: 서울중앙 finds 서울중앙지방법원.
  rows.forEach(function (r) {
    r.names = fold([r.title, r.title_ko, r.title_en, r.defendant, r.level_label].concat(r.aliases, r.courts || []).join("|"));
  });
  var body = document.querySelector("#cb-finder-table tbody");
  var count = document.getElementById("cb-finder-count");
  var PAGE = 200;
  var showAll = false;
  var more = document.createElement("button");
  more.type = "button";
  more.textContent = text.show_all || "Show all";
  more.className = "md-button";
  more.addEventListener("click", function () { showAll = true; render(); });
  document.getElementById("cb-finder-table").after(more);
  var OUTCOMES = text.outcomes || { custodial: "prison", suspended: "suspended", fine: "fine", juvenile: "juvenile", acquitted: "acquitted", other: "other", "not-reported": "not reported" };
  var NOT_REPORTED = text.not_reported || "not reported";
  var LEVELS = {};
  rows.forEach(function (r) { LEVELS[r.level] = r.level_label || r.level; });
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }

  function fill(name, values, label) {
    var select = form.elements[name];
    values.forEach(function (v) {
      var option = document.createElement("option");
      option.value = v;
      option.textContent = label ? label(v) : v;
      select.appendChild(option);
    });
  }
  function unique(f) {
    var seen = {};
    rows.forEach(function (r) { [].concat(f(r)).forEach(function (v) { if (v !== "" && v !== null) seen[v] = true; }); });
    return Object.keys(seen).sort();
  }
  fill("court", unique(function (r) { return r.court; }));
  fill("year", unique(function (r) { return r.year === null ? "" : String(r.year); }).reverse());
  fill("level", unique(function (r) { return r.level; }), function (v) { return LEVELS[v]; });
  fill("statute", unique(function (r) { return r.statutes; }));
  fill("outcome", Object.keys(OUTCOMES), function (v) { return OUTCOMES[v]; });

  // Selects marked data-facet filter on the row's facets (a fact no source states never matches).
  var facets = Array.prototype.filter.call(form.elements, function (el) { return el.dataset && el.dataset.facet; })
    .map(function (el) { return el.dataset.facet; });
  function state() {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) { if (el.name) out[el.name] = el.value; });
    return out;
  }
  function fold(text) {
    return String(text || "").normalize("NFC").toLowerCase().replace(/[\s\-_.,'"()·ㆍ]+/g, "");
  }
  function matches(r, s) {
    if (s.q && r.names.indexOf(fold(s.q)) < 0) return false;
    if (s.relevance && r.relevance !== s.relevance) return false;
    if (s.court && r.court !== s.court) return false;
    if (s.year && String(r.year) !== s.year) return false;
    if (s.level && r.level !== s.level) return false;
    if (s.statute && r.statutes.indexOf(s.statute) < 0) return false;
    if (s.outcome && r.outcome !== s.outcome) return false;
    for (var i = 0; i < facets.length; i++) {
      var name = facets[i], wanted = s[name], have = r.facets[name];
      if (wanted && (Array.isArray(have) ? have.indexOf(wanted) < 0 : have !== wanted)) return false;
    }
    return true;
  }
  function weight(r) { return r.life ? 1e6 : (r.outcome === "custodial" ? r.months : r.months / 100); }
  function cell(tr, text, href) {
    var td = document.createElement("td");
    if (href) { var a = document.createElement("a"); a.href = href; a.textContent = text; td.appendChild(a); }
    else { td.textContent = text; }
    tr.appendChild(td);
  }
  function render() {
    var s = state();
    var found = rows.filter(function (r) { return matches(r, s); });
    found.sort(s.sort === "sentence"
      ? function (a, b) { return weight(b) - weight(a); }
      : function (a, b) { return a.decided < b.decided ? 1 : a.decided > b.decided ? -1 : 0; });
    body.textContent = "";
    // Drawing thousands of rows is what makes filtering slow: show a page, and the rest on request.
    var shown = showAll ? found : found.slice(0, PAGE);
    shown.forEach(function (r) {
      var tr = document.createElement("tr");
      cell(tr, r.title, r.url); cell(tr, r.defendant); cell(tr, LEVELS[r.level]); cell(tr, r.court || NOT_REPORTED);
      cell(tr, r.decided_label || r.decided || NOT_REPORTED); cell(tr, OUTCOMES[r.outcome]); cell(tr, r.sentence); cell(tr, r.statutes.join(", "));
      body.appendChild(tr);
    });
    var counts = { found: found.length, total: rows.length, shown: shown.length };
    count.textContent = format(text.count || "{found} of {total} decisions", counts) +
      (shown.length < found.length ? format(text.showing || " (showing the first {shown})", counts) : "");
    more.hidden = shown.length >= found.length;
    var params = new URLSearchParams();
    Object.keys(s).forEach(function (k) { if (s[k] && !(k === "sort" && s[k] === "date") && !(k === "relevance" && s[k] === "deepfake")) params.set(k, s[k]); });
    if (s.relevance === "") params.set("relevance", "all");
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }
  var initial = new URLSearchParams(location.search);
  Array.prototype.forEach.call(form.elements, function (el) {
    if (el.name && initial.has(el.name)) el.value = initial.get(el.name) === "all" ? "" : initial.get(el.name);
  });
  function refilter() { showAll = false; render(); }
  form.addEventListener("change", refilter);
  form.elements.q.addEventListener("input", refilter);
  render();
})();
