// Penalty on a date or over a period. The law is not computed here: casebook/penalty_timeline.py
// wrote every answer as stretches of time (window.casebookPenaltyAnswers) and
// casebook/penalties.py the governing law per provision (row.governing); this file looks dates up.
// Its words, in the page's language, come from the site's catalogue (data/penalty-text.js).
(function () {
  var T = window.casebookPenaltyText || {};
  function say(key, fallback, values) {
    var text = T[key] || fallback;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function day(iso) {  // 2024. 10. 16. on Korean pages, 2024-10-16 on English ones
    if (!iso || T.lang !== "ko") return iso;
    var p = iso.split("-");
    return p[0] + ". " + Number(p[1]) + ". " + Number(p[2]) + ".";
  }
  function penaltyOf(p) { return (T.penalties || {})[p.statute + "|" + p.version + "|" + p.paragraph] || p.penalty_text; }
  function reasonOf(reason) { return (T.reasons || {})[reason] || reason; }
  var rows = window.casebookProvisions || [];
  var data = window.casebookPenaltyAnswers || { answers: {}, conditions: [], continuing: [], conducts: [] };
  var form = document.getElementById("cb-penalty-form");
  if (!form) return;
  var result = document.getElementById("cb-penalty-result");
  var FIELDS = ["conduct", "victim", "material", "on", "to", "judged"];

  data.conducts.forEach(function (c) {
    var o = document.createElement("option"); o.value = c; o.textContent = (T.conducts || {})[c] || c; form.elements.conduct.appendChild(o);
  });
  function covers(s, day) { return s.from <= day && (s.to === null || day <= s.to); }
  function overlaps(s, from, to) { return s.from <= to && (s.to === null || from <= s.to); }
  function line(parent, tag, text, href) {
    var el = document.createElement(tag);
    if (href) { var a = document.createElement("a"); a.href = href; a.textContent = text; el.appendChild(a); } else { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }
  function item(list, it, judged) {
    var p = rows[it.row];
    var li = document.createElement("li"); list.appendChild(li);
    line(li, "strong", p.citation_ko, p.url);
    if (it.condition !== undefined) {
      var c = data.conditions[it.condition];
      var text = (T.lang === "ko" && c.text_ko) || c.text_en;
      line(li, "div", say("on_condition", "On a condition: only {text} ({definition}; the test is set by {decisions}).",
        { text: text, definition: c.definition_ko, decisions: c.decisions.join(", ") })).className = "cb-condition";
    }
    if (T.lang !== "ko") line(li, "div", p.citation_en);
    line(li, "div", say("penalty", "Penalty: ") + penaltyOf(p)).className = "cb-penalty-text";
    if (p.requires.length) {
      line(li, "div", say("requires", "Requires: ") + p.requires.map(function (m) { return (T.requires_labels || {})[m] || m; }).join(", "));
    }
    if (judged) {
      var g = p.governing.filter(function (s) { return covers(s, judged); })[0];
      if (g) {
        line(li, "div", say("at_judgment", "At judgment ({date}): {reason}.", { date: day(judged), reason: reasonOf(g.reason) })).className = "cb-governing";
        if (g.applies !== null) line(li, "div", say("governing", "Governing: ") + rows[g.applies].citation_ko + ": " + penaltyOf(rows[g.applies]));
      }
    }
  }
  function items(parent, stretch, judged) {
    var list = document.createElement("ul"); list.className = "cb-provisions"; parent.appendChild(list);
    stretch.items.forEach(function (it) { item(list, it, judged); });
  }
  function names(its) {
    return its.map(function (it) { return rows[it.row].citation_ko + (it.condition !== undefined ? say("conditional", " (on a condition)") : ""); }).join("; ");
  }
  function refuse(text) { line(result, "p", text).className = "cb-none"; }
  function render() {
    var f = form.elements;
    result.textContent = "";
    var on = f.on.value, to = f.to.value, judged = f.judged.value;
    if (!on) { refuse(say("choose_date", "Choose the offence date (the first day, for a period).")); return; }
    if (to && to < on) { refuse(say("period_reversed", "The end of the period ({to}) is before its start ({on}).", { to: day(to), on: day(on) })); return; }
    var last = to || on;
    if (judged && judged < last) {
      refuse(say("judged_before", "The judgment date ({judged}) is before the offence date ({last}): a judgment cannot come first.", { judged: day(judged), last: day(last) }));
      return;
    }
    var key = [f.conduct.value, f.victim.value, f.material.value, f.lacks.checked ? f.lacks.value : ""].join("|");
    var stretches = data.answers[key] || [];
    if (!to) {
      var here = stretches.filter(function (s) { return covers(s, on); })[0] || { items: [] };
      if (!here.items.length) refuse(say("none", "No provision in Casebook punished this conduct on that date."));
      items(result, here, judged);
      var seen = here.items.map(function (it) { return it.row; });
      stretches.filter(function (s) { return s.from > on; }).forEach(function (s) {
        var added = s.items.filter(function (it) {
          var r = rows[it.row];
          return !seen.some(function (n) { return rows[n].statute === r.statute && rows[n].paragraph === r.paragraph; });
        });
        added.forEach(function (it) { seen.push(it.row); });
        if (added.length) {
          line(result, "p", say("later", "Not in force on {on}: from {from}, {names} also punishes it; an act before that day is judged by the law at the time of the act (Criminal Act Art. 1(1)).",
            { on: day(on), from: day(s.from), names: names(added) })).className = "cb-later";
        }
      });
    } else {
      var parts = stretches.filter(function (s) { return overlaps(s, on, to); });
      parts.forEach(function (s) {
        var from = s.from > on ? s.from : on, until = s.to === null || s.to > to ? to : s.to;
        line(result, "h3", say("stretch", "{from} to {until}", { from: day(from), until: day(until) }));
        if (!s.items.length) line(result, "p", say("none_then", "No provision in Casebook punished this conduct then."));
        items(result, s, s === parts[parts.length - 1] ? judged : "");
      });
      var first = parts.filter(function (s) { return s.items.length; })[0];
      var continuing = data.continuing.indexOf(f.conduct.value) >= 0;
      if (continuing && first) {
        var start = first.from > on ? first.from : on;
        var before = start > on ? say("continuing_before", "; before {start} it was not an offence under the articles recorded", { start: day(start) }) : "";
        line(result, "p", say("continuing", "Kept through the period, it is punishable from {start} to {to}{before}. Possession is a continuing offence: files kept after the offence took effect are punishable from its entry into force, with no further act needed (Supreme Court, reported by Chosun Ilbo 2026-05-18).",
          { start: day(start), to: day(to), before: before }));
      } else if (continuing) {
        line(result, "p", say("continuing_none", "No part of the period was punishable under the articles recorded."));
      } else {
        line(result, "p", say("each_act", "Each act is judged by the law on the day it was done (Criminal Act Art. 1(1)): see the part of the period it falls in."));
      }
      var end = parts[parts.length - 1];
      if (end && end.items.length) line(result, "p", say("end_law", "The law at the end of the period ({to}): {names}.", { to: day(to), names: names(end.items) }));
    }
    var params = new URLSearchParams();
    FIELDS.forEach(function (k) { if (f[k].value) params.set(k, f[k].value); });
    if (f.lacks.checked) params.set("lacks", f.lacks.value);
    history.replaceState(null, "", "?" + params.toString());
  }
  var initial = new URLSearchParams(location.search);
  FIELDS.forEach(function (k) { if (initial.has(k)) form.elements[k].value = initial.get(k); });
  form.elements.lacks.checked = initial.has("lacks");
  form.addEventListener("change", render);
  form.addEventListener("input", render);
  render();
})();
