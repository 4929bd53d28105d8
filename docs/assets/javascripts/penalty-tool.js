// Penalty on a date or over a period. The law is not computed here: casebook/penalty_timeline.py
// wrote every answer as stretches of time (window.casebookPenaltyAnswers) and
// casebook/penalties.py the governing law per provision (row.governing); this file looks dates up.
(function () {
  var rows = window.casebookProvisions || [];
  var data = window.casebookPenaltyAnswers || { answers: {}, conditions: [], continuing: [], conducts: [] };
  var form = document.getElementById("cb-penalty-form");
  if (!form) return;
  var result = document.getElementById("cb-penalty-result");
  var FIELDS = ["conduct", "victim", "material", "on", "to", "judged"];

  data.conducts.forEach(function (c) {
    var o = document.createElement("option"); o.value = c; o.textContent = c; form.elements.conduct.appendChild(o);
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
      line(li, "div", "On a condition: only " + c.text_en + " (" + c.definition_ko + "; the test is set by " + c.decisions.join(", ") + ").").className = "cb-condition";
    }
    line(li, "div", p.citation_en);
    line(li, "div", "Penalty: " + p.penalty_text).className = "cb-penalty-text";
    if (p.requires.length) line(li, "div", "Requires: " + p.requires.join(", "));
    if (judged) {
      var g = p.governing.filter(function (s) { return covers(s, judged); })[0];
      if (g) {
        line(li, "div", "At judgment (" + judged + "): " + g.reason + ".").className = "cb-governing";
        if (g.applies !== null) line(li, "div", "Governing: " + rows[g.applies].citation_ko + ": " + rows[g.applies].penalty_text);
      }
    }
  }
  function items(parent, stretch, judged) {
    var list = document.createElement("ul"); list.className = "cb-provisions"; parent.appendChild(list);
    stretch.items.forEach(function (it) { item(list, it, judged); });
  }
  function names(its) {
    return its.map(function (it) { return rows[it.row].citation_ko + (it.condition !== undefined ? " (on a condition)" : ""); }).join("; ");
  }
  function refuse(text) { line(result, "p", text).className = "cb-none"; }
  function render() {
    var f = form.elements;
    result.textContent = "";
    var on = f.on.value, to = f.to.value, judged = f.judged.value;
    if (!on) { refuse("Choose the offence date (the first day, for a period)."); return; }
    if (to && to < on) { refuse("The end of the period (" + to + ") is before its start (" + on + ")."); return; }
    var last = to || on;
    if (judged && judged < last) { refuse("The judgment date (" + judged + ") is before the offence date (" + last + "): a judgment cannot come first."); return; }
    var key = [f.conduct.value, f.victim.value, f.material.value, f.lacks.checked ? f.lacks.value : ""].join("|");
    var stretches = data.answers[key] || [];
    if (!to) {
      var here = stretches.filter(function (s) { return covers(s, on); })[0] || { items: [] };
      if (!here.items.length) refuse("No provision in Casebook punished this conduct on that date.");
      items(result, here, judged);
      var seen = here.items.map(function (it) { return it.row; });
      stretches.filter(function (s) { return s.from > on; }).forEach(function (s) {
        var added = s.items.filter(function (it) {
          var r = rows[it.row];
          return !seen.some(function (n) { return rows[n].statute === r.statute && rows[n].paragraph === r.paragraph; });
        });
        added.forEach(function (it) { seen.push(it.row); });
        if (added.length) line(result, "p", "Not in force on " + on + ": from " + s.from + ", " + names(added) + " also punishes it; an act before that day is judged by the law at the time of the act (Criminal Act Art. 1(1)).").className = "cb-later";
      });
    } else {
      var parts = stretches.filter(function (s) { return overlaps(s, on, to); });
      parts.forEach(function (s) {
        var from = s.from > on ? s.from : on, until = s.to === null || s.to > to ? to : s.to;
        line(result, "h3", from + " to " + until);
        if (!s.items.length) line(result, "p", "No provision in Casebook punished this conduct then.");
        items(result, s, s === parts[parts.length - 1] ? judged : "");
      });
      var first = parts.filter(function (s) { return s.items.length; })[0];
      var continuing = data.continuing.indexOf(f.conduct.value) >= 0;
      if (continuing && first) {
        var start = first.from > on ? first.from : on;
        line(result, "p", "Kept through the period, it is punishable from " + start + " to " + to + (start > on ? "; before " + start + " it was not an offence under the articles recorded" : "") + ". Possession is a continuing offence: files kept after the offence took effect are punishable from its entry into force, with no further act needed (Supreme Court, reported by Chosun Ilbo 2026-05-18).");
      } else if (continuing) {
        line(result, "p", "No part of the period was punishable under the articles recorded.");
      } else {
        line(result, "p", "Each act is judged by the law on the day it was done (Criminal Act Art. 1(1)): see the part of the period it falls in.");
      }
      var end = parts[parts.length - 1];
      if (end && end.items.length) line(result, "p", "The law at the end of the period (" + to + "): " + names(end.items) + ".");
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
