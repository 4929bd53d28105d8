// Penalty on a date: the browser twin of casebook/penalties.py (same data, same rules).
(function () {
  var provisions = window.casebookProvisions || [];
  // The words, in the page's language, from the site's catalogue (data/penalty-text.js).
  var T = window.casebookPenaltyText || {};
  function say(key, fallback) { return T[key] || fallback; }
  function penaltyOf(p) { return (T.penalties || {})[p.statute + "|" + p.version + "|" + p.paragraph] || p.penalty_text; }
  var form = document.getElementById("cb-penalty-form");
  if (!form) return;
  var result = document.getElementById("cb-penalty-result");
  var PROTECTED = { adult: ["anyone", "public"], child: ["anyone", "public", "children-and-youth"] };
  var CONDUCTS = ["edit", "distribute", "distribute-for-profit", "possess", "purchase", "store", "view", "threaten", "coerce", "produce", "sell", "advertise", "film"];

  CONDUCTS.forEach(function (c) {
    var o = document.createElement("option"); o.value = c; o.textContent = (T.conducts || {})[c] || c; form.elements.conduct.appendChild(o);
  });
  function inForce(p, day) { return p.from <= day && (p.to === null || day <= p.to); }
  function lookup(conduct, victim, material, day, lacks) {
    return provisions.filter(function (p) {
      return inForce(p, day) && p.conducts.indexOf(conduct) >= 0 &&
        (p.materials.length === 0 || p.materials.indexOf(material) >= 0) &&
        PROTECTED[victim].indexOf(p.protects) >= 0 &&
        !p.requires.some(function (m) { return lacks.indexOf(m) >= 0; });
    });
  }
  function lighter(a, b) {  // is severity a lighter than b?
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) return a[i] < b[i]; }
    return false;
  }
  function governing(p, judged) {
    var later = provisions.filter(function (q) {
      return q.statute === p.statute && inForce(q, judged) && q.conducts.some(function (c) { return p.conducts.indexOf(c) >= 0; });
    })[0];
    if (!later) return { applies: null, reason: say("r_not_a_crime", "Criminal Act Art. 1(2): the act no longer constitutes a crime under this article at judgment, so it is not punishable under it") };
    if (later.version === p.version) return { applies: p, reason: say("r_same", "Criminal Act Art. 1(1): the same version was in force at the act and at judgment") };
    if (lighter(later.severity, p.severity)) return { applies: later, reason: say("r_lighter", "Criminal Act Art. 1(2): the law was changed after the act and the new penalty is lighter, so the new law applies") };
    return { applies: p, reason: say("r_old", "Criminal Act Art. 1(1): the law at the time of the act applies (the later version is not lighter)") };
  }
  function line(parent, tag, text, href) {
    var el = document.createElement(tag);
    if (href) { var a = document.createElement("a"); a.href = href; a.textContent = text; el.appendChild(a); } else { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }
  function render() {
    var f = form.elements;
    result.textContent = "";
    if (!f.on.value) { line(result, "p", say("choose_date", "Choose the offence date.")); return; }
    var lacks = f.lacks.checked ? [f.lacks.value] : [];
    var found = lookup(f.conduct.value, f.victim.value, f.material.value, f.on.value, lacks);
    if (!found.length) { line(result, "p", say("none", "No provision in Casebook punished this conduct on that date.")).className = "cb-none"; }
    var list = document.createElement("ul"); list.className = "cb-provisions"; result.appendChild(list);
    found.forEach(function (p) {
      var item = document.createElement("li"); list.appendChild(item);
      line(item, "strong", p.citation_ko, p.url);
      if (!T.conducts || document.documentElement.lang !== "ko") line(item, "div", p.citation_en);
      line(item, "div", say("penalty", "Penalty: ") + penaltyOf(p)).className = "cb-penalty-text";
      if (p.requires.length) {
        line(item, "div", say("requires", "Requires: ") + p.requires.map(function (m) { return (T.requires_labels || {})[m] || m; }).join(", "));
      }
      if (f.judged.value) {
        var g = governing(p, f.judged.value);
        var at = say("at_judgment", "At judgment ({date}): {reason}.").replace("{date}", f.judged.value).replace("{reason}", g.reason);
        line(item, "div", at).className = "cb-governing";
        if (g.applies) line(item, "div", say("governing", "Governing: ") + g.applies.citation_ko + ": " + penaltyOf(g.applies));
      }
    });
    var params = new URLSearchParams();
    ["conduct", "victim", "material", "on", "judged"].forEach(function (k) { if (f[k].value) params.set(k, f[k].value); });
    if (f.lacks.checked) params.set("lacks", f.lacks.value);
    history.replaceState(null, "", "?" + params.toString());
  }
  var initial = new URLSearchParams(location.search);
  ["conduct", "victim", "material", "on", "judged"].forEach(function (k) { if (initial.has(k)) form.elements[k].value = initial.get(k); });
  form.elements.lacks.checked = initial.has("lacks");
  form.addEventListener("change", render);
  form.addEventListener("input", render);
  render();
})();
