// Case finder: filters the build's decision rows in the browser; state lives in the URL.
// data/finder.js brings the rows the default view shows first, the select options, the counts
// and the words (from the site's catalogue, in the page's language); data/finder-all.js, added
// once those rows are drawn, brings every row. Both are scripts setting a global, not fetched
// JSON, so the finder also works from disk (file://), where browsers refuse fetch().
(function () {
  var first = window.casebookFinderFirst;
  var text = window.casebookFinderText || {};
  var form = document.getElementById("cb-finder-form");
  if (!form || !first || !window.casebookFinderDecode) return;
  var region = document.getElementById("cb-finder");
  var body = document.querySelector("#cb-finder-table tbody");
  var count = document.getElementById("cb-finder-count");
  var status = document.getElementById("cb-finder-status");
  var PAGE = 200;  // tooldata.FINDER_PAGE: the first file holds this many rows of the default view
  var rows = window.casebookFinderDecode(first);
  var complete = false, failed = false;
  var byKey = {};
  var showAll = false;
  var like = new URLSearchParams(location.search).get("like");  // "decisions like this" of one key
  var more = document.createElement("button");
  more.type = "button";
  more.textContent = text.show_all;
  more.className = "md-button";
  more.addEventListener("click", function () { showAll = true; render(); });
  document.getElementById("cb-finder-table").after(more);
  // The notice above the table while it lists the decisions like one decision.
  var notice = document.createElement("div");
  notice.id = "cb-finder-like";
  notice.hidden = true;
  var heading = document.createElement("h2");
  heading.tabIndex = -1;
  var detail = document.createElement("p");
  var back = document.createElement("button");
  back.type = "button";
  back.className = "md-button";
  back.textContent = text.like_back;
  back.addEventListener("click", function () { like = null; refilter(); });
  notice.append(heading, detail, back);
  count.before(notice);
  var OUTCOMES = text.outcomes;
  var NOT_REPORTED = text.not_reported;
  var DEFAULTS = { relevance: "deepfake", sort: "date" };
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }
  function fill(name, pairs) {
    var select = form.elements[name];
    pairs.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      select.appendChild(option);
    });
  }
  // The options come with the first file (worked out from every row at build time).
  ["court", "year", "level", "statute", "version"].forEach(function (name) { fill(name, first.options[name]); });
  fill("outcome", Object.keys(OUTCOMES).map(function (v) { return [v, OUTCOMES[v]]; }));
  var LEVELS = {};
  first.options.level.forEach(function (pair) { LEVELS[pair[0]] = pair[1]; });

  // Selects marked data-facet filter on the row's facets (a fact no source states never matches).
  var facets = Array.prototype.filter.call(form.elements, function (el) { return el.dataset && el.dataset.facet; })
    .map(function (el) { return el.dataset.facet; });
  function state() {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) { if (el.name) out[el.name] = el.value; });
    return out;
  }
  function isDefault(s) {
    return Object.keys(s).every(function (k) { return s[k] === (DEFAULTS[k] || ""); });
  }
  function fold(value) {
    return String(value || "").normalize("NFC").toLowerCase().replace(/[\s\-_.,'"()·ㆍ]+/g, "");
  }
  // The name box matches titles, aliases, case numbers, courts (Korean and English) and labels,
  // in part: 서울중앙 finds 서울중앙지방법원. A case's own names are folded once for all its rows.
  function index(list) {
    var cases = {};
    list.forEach(function (r) {
      var own = cases[r["case"]];
      if (own === undefined) own = cases[r["case"]] = fold([r.title, r.title_ko, r.title_en].concat(r.aliases).join("|"));
      r.names = own + "|" + fold([r.defendant, r.level_label].concat(r.courts).join("|"));
    });
  }
  index(rows);
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
  function cell(tr, value, href) {
    var td = document.createElement("td");
    if (href) { var a = document.createElement("a"); a.href = href; a.textContent = value; td.appendChild(a); }
    else { td.textContent = value; }
    tr.appendChild(td);
    return td;
  }
  function describe(r) {
    return [r.title, r.defendant, LEVELS[r.level], r.court || NOT_REPORTED, r.decided_label || r.decided || NOT_REPORTED].join(", ");
  }
  function likeButton(td, r) {
    if (!r.like || !r.like.length) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cb-like";
    button.textContent = text.like;
    button.setAttribute("aria-label", text.like + ": " + describe(r));
    button.addEventListener("click", function () {
      like = r.key;
      showAll = false;
      render();
      heading.focus();
    });
    td.appendChild(button);
  }
  // What the table lists: the decisions like one (in the comparison's order), or the filtered rows.
  function listed(s) {
    if (!like) {
      var found = rows.filter(function (r) { return matches(r, s); });
      found.sort(s.sort === "sentence"
        ? function (a, b) { return weight(b) - weight(a); }
        : function (a, b) { return a.decided < b.decided ? 1 : a.decided > b.decided ? -1 : 0; });
      return found;
    }
    var decision = byKey[like];
    notice.hidden = false;
    if (!decision) {
      heading.textContent = format(text.like_missing, { key: like });
      detail.textContent = "";
      return [];
    }
    heading.textContent = format(text.like_heading, { decision: describe(decision) });
    var found = (decision.like || []).map(function (key) { return byKey[key]; }).filter(Boolean);
    detail.textContent = found.length ? "" : text.like_none;
    return found;
  }
  function render() {
    var s = state();
    notice.hidden = true;
    // Until every row is in, only the default view is right: anything else waits and says so.
    var waiting = !complete && !failed && (like || showAll || !isDefault(s));
    region.setAttribute("aria-busy", complete || failed ? "false" : "true");
    status.textContent = complete ? "" : failed ? format(text.load_failed, { shown: rows.length })
      : format(text.loading, { total: first.total });
    body.textContent = "";
    if (waiting) {
      count.textContent = "";
      more.hidden = true;
    } else {
      var found = listed(s);
      // Drawing thousands of rows is what makes filtering slow: show a page, and the rest on request.
      var shown = showAll ? found : found.slice(0, PAGE);
      shown.forEach(function (r) {
        var tr = document.createElement("tr");
        likeButton(cell(tr, r.title, r.url), r); cell(tr, r.defendant); cell(tr, LEVELS[r.level]); cell(tr, r.court || NOT_REPORTED);
        cell(tr, r.decided_label || r.decided || NOT_REPORTED); cell(tr, OUTCOMES[r.outcome]); cell(tr, r.sentence); cell(tr, r.statutes.join(", "));
        body.appendChild(tr);
      });
      // Before every row is in, the counts are the build's (the default view is all there is to show).
      var total = complete ? rows.length : first.total;
      var counts = { found: complete || like ? found.length : first.default_found, total: total, shown: shown.length };
      count.textContent = format(text.count, counts) +
        (shown.length < counts.found ? format(text.showing, counts) : "");
      more.hidden = shown.length >= counts.found;
    }
    var params = new URLSearchParams();
    Object.keys(s).forEach(function (k) { if (s[k] && s[k] !== DEFAULTS[k]) params.set(k, s[k]); });
    if (s.relevance === "") params.set("relevance", "all");
    if (like) params.set("like", like);
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }
  var initial = new URLSearchParams(location.search);
  Array.prototype.forEach.call(form.elements, function (el) {
    if (el.name && initial.has(el.name)) el.value = initial.get(el.name) === "all" ? "" : initial.get(el.name);
  });
  function refilter() { showAll = false; like = null; render(); }
  form.addEventListener("change", refilter);
  form.elements.q.addEventListener("input", refilter);
  render();
  // The rest of the rows: a script beside data/finder.js (its address is the page's own).
  var own = document.querySelector('script[src$="data/finder.js"]');
  var script = document.createElement("script");
  script.src = own.getAttribute("src").replace(/finder\.js$/, "finder-all.js");
  script.addEventListener("load", function () {
    rows = window.casebookFinderDecode(window.casebookFinderAll);
    index(rows);
    rows.forEach(function (r) { byKey[r.key] = r; });
    complete = true;
    render();
  });
  script.addEventListener("error", function () { failed = true; render(); });
  document.body.appendChild(script);
})();
