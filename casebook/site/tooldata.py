"""Data for the site's offline tools (case finder, penalty on a date or over a period), written at build time.

The finder's rows (`finder_rows`, one per decision) are written in columns (`finder_table`):
each field's distinct values once and, per row, which one; the case's fields once per case;
nothing finder.js can work out again (a title in the page's language, the address, the year).
`data/finder.js` holds the rows the default view shows first (so they appear before the rest
has arrived), the select options and the counts; `data/finder-all.js` every row.

The penalty tool computes nothing of the law itself: it receives the answers of
casebook.penalty_timeline (for every conduct, victim, material and lacking purpose, the
stretches of time over which the answer is the same, with the findings outright and on a
condition) and, per provision, of casebook.penalties.governing_law for every stretch of
judgment dates. It only looks dates up, so it answers as `build_site.py penalty` does.
Scripts are written with <, >, & and line separators escaped, so they are safe anywhere.
"""

from __future__ import annotations

import datetime as dt
import json

from casebook.comparable import comparables_of
from casebook.corpus import Corpus
from casebook.formatting import penalty as penalty_text
from casebook.law import version_end
from casebook.models.statute import ParagraphKind
from casebook.models.vocabulary import CONDUCTS, MATERIALS
from casebook.outcomes import decisions, outcome_class
from casebook.penalties import Provision, governing_law, severity
from casebook.penalty_timeline import change_days, is_continuing, timeline
from casebook.precedents import ART_14_2, art_14_2_version, judgments_of, minors_involved, own_judgment

TOOL_LACKS = ((), ("purpose-of-distribution",))  # what the tool's checkbox can ask


def _band(fact) -> str:
    if fact is None:
        return ""
    return "1" if fact.value <= 1 else "2-9" if fact.value < 10 else "10+"


def _yes_no(fact) -> str:
    return "" if fact is None else ("yes" if fact.value else "no")


def finder_facets(case, proc, outcome, judgments, art_14_2=None) -> dict:
    """The facts a lawyer filters on, one value (or a list) per facet; '' where no source says."""
    facts = outcome.facts
    get = (lambda name: getattr(facts, name)) if facts is not None else (lambda name: None)
    prior, relationship = get("prior_record"), get("relationship")
    minors = minors_involved(case, outcome)
    return {
        "prior_record": prior.value.value if prior else "",
        "relationship": [v.value for v in relationship.values] if relationship else [],
        "victims": _band(get("victims")),
        "minors": "" if minors is None else ("yes" if minors else "no"),
        "settlement": _yes_no(get("settlement")),
        "no_punishment_wish": _yes_no(get("no_punishment_wish")),
        "request": "yes" if outcome.prosecution_request is not None else "",
        "judgment": "yes" if own_judgment(proc, judgments) is not None else "no",
        "version": art_14_2_version(case, outcome, art_14_2),
    }


def finder_rows(corpus: Corpus, sentence_text, L=None) -> list[dict]:
    """One row per decision, its words in the site language `L` (English by default): the
    title, court and defendant's label in that language where the record has them, and the
    other language's beside them for the name search (서울중앙 finds 서울중앙지방법원)."""
    from casebook.i18n import Lang

    L = L or Lang("en")

    def own(obj, name):
        return getattr(obj, f"{name}_{L.code}", None) or getattr(obj, f"{name}_{L.other}", None) or ""

    rows = []
    judgments = judgments_of(corpus)
    like = comparables_of(corpus)  # casebook/comparable.py: the decisions most like each one
    art_14_2 = corpus.by_id("statute").get(ART_14_2)
    art_14_2 = art_14_2.model if art_14_2 is not None else None
    for record in corpus.typed("case"):
        case = record.model
        labels = {d.id: own(d, "label") for d in case.defendants}
        for proc, outcome in decisions(case):
            s = outcome.sentence
            key = f"{case.id}/{proc.id}/{outcome.defendant}"
            rows.append(
                {
                    # The decision's name in links and "decisions like this" (casebook's comparable rows).
                    "key": key,
                    "like": like.keys(key),
                    "case": case.id,
                    "title": own(case, "title"),
                    "title_ko": case.title_ko,
                    "title_en": case.title_en,
                    "aliases": case.aliases + [p.case_number for p in case.proceedings if p.case_number],
                    "relevance": case.relevance,
                    "url": f"cases/{case.id}.html",
                    "court": own(proc, "court"),
                    "courts": [c for c in (proc.court_ko, proc.court_en) if c],
                    "level": proc.level.value,
                    "level_label": L.v("level", proc.level),
                    "decided": str(proc.decided) if proc.decided else "",
                    "decided_label": L.date(proc.decided) if proc.decided else "",
                    "year": proc.decided.year if proc.decided else None,
                    "defendant": labels.get(outcome.defendant, outcome.defendant),
                    "outcome": outcome_class(outcome),
                    "sentence": sentence_text(s) if s else L.v("disposition", outcome.disposition),
                    "months": (s.imprisonment_months or 0) if s else 0,
                    "life": bool(s and s.life_imprisonment),
                    "statutes": sorted({f"{c.statute} ¶{p}" for c in outcome.counts for p in c.paragraphs}),
                    "minors": minors_involved(case, outcome),
                    "facets": finder_facets(case, proc, outcome, judgments, art_14_2),
                }
            )
    return sorted(rows, key=lambda r: (r["case"], r["decided"], r["defendant"]))


FINDER_PAGE = 200  # rows the finder draws before "Show all" (finder.js's PAGE): the first file holds these
_CODES = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Fields written together as one column (their values go together: a court and its names).
_CASE_COLUMNS = (("case",), ("title_ko",), ("title_en",), ("aliases",), ("relevance",))
_ROW_COLUMNS = (
    ("proceeding", "level", "level_label"),
    ("defendant_id", "defendant"),
    ("court", "courts"),
    ("decided", "decided_label"),
    ("outcome",),
    ("sentence", "months", "life"),
    ("statutes",),
    ("minors",),
)


def _column(fields: tuple[str, ...], items: list[dict]) -> dict:
    """Fields `fields` of every item as one column: the distinct values once (`d`, a list per
    value when there are several fields) and per item the index of its value, as one character
    of _CODES each (`c`) when there are few values, else as numbers (`i`); values that never
    repeat are written as they are (`v`)."""
    values = [item[fields[0]] if len(fields) == 1 else [item[f] for f in fields] for item in items]
    seen: dict[str, int] = {}
    distinct, index = [], []
    for value in values:
        k = json.dumps(value, ensure_ascii=False)
        if k not in seen:
            seen[k] = len(distinct)
            distinct.append(value)
        index.append(seen[k])
    out: dict = {"f": list(fields)}
    if len(distinct) == len(values):
        out["v"] = values
    elif len(distinct) <= len(_CODES):
        out |= {"d": distinct, "c": "".join(_CODES[i] for i in index)}
    else:
        out |= {"d": distinct, "i": index}
    return out


def finder_table(rows: list[dict], lang: str, keys: dict[str, int] | None = None) -> dict:
    """`rows` (finder_rows' order: by case) in columns, for finder-data.js's decoder. A case's own
    fields are written once, with how many of the rows that follow are its (`n`); `like` (the
    keys of the most comparable decisions) as positions in the whole table, `keys` (key ->
    position; the rows' own positions when they are the whole table)."""
    keys = keys if keys is not None else {r["key"]: n for n, r in enumerate(rows)}
    cases: list[dict] = []
    flat = []
    for r in rows:
        case_id, proceeding, defendant_id = r["key"].split("/", 2)
        if not cases or cases[-1]["case"] != r["case"]:
            cases.append({"case": r["case"], "title_ko": r["title_ko"], "title_en": r["title_en"], "n": 0})
            cases[-1] |= {"aliases": r["aliases"], "relevance": r["relevance"]}
        cases[-1]["n"] += 1
        flat.append(r | {"proceeding": proceeding, "defendant_id": defendant_id})
    columns = [_column(f, flat) for f in _ROW_COLUMNS]
    facet_names = list(rows[0]["facets"]) if rows else []
    columns += [_column((name,), [r["facets"] for r in rows]) | {"facet": True} for name in facet_names]
    if any("like" in r for r in rows):
        like = [{"like": [keys[k] for k in r["like"] if k in keys] if "like" in r else None} for r in rows]
        columns.append(_column(("like",), like))
    return {
        "lang": lang,
        "rows": len(rows),
        "cases": [_column(f, cases) for f in (*_CASE_COLUMNS, ("n",))],
        "columns": columns,
    }


def finder_first_rows(rows: list[dict]) -> list[dict]:
    """The rows the finder's default view shows first: deepfake cases, the latest first
    (finder.js sorts dates the same way, ties in the rows' order), FINDER_PAGE of them; in the
    rows' own order."""
    default = [r for r in rows if r["relevance"] == "deepfake"]
    first = sorted(default, key=lambda r: r["decided"], reverse=True)[:FINDER_PAGE]
    chosen = {id(r) for r in first}
    return [r for r in rows if id(r) in chosen]


def finder_options(rows: list[dict], L) -> dict:
    """The finder's select options as (value, label), from every row (the first file has only
    some rows); Art. 14-2 versions in date order, then "both", "unknown", "none"."""
    from casebook.precedents import art_14_2_label

    def pairs(values):
        return [[v, v] for v in values]

    versions = {r["facets"]["version"] for r in rows}
    words = ["both", "unknown", "none"]
    return {
        "court": pairs(sorted({r["court"] for r in rows if r["court"]})),
        "year": pairs(sorted({str(r["year"]) for r in rows if r["year"] is not None}, reverse=True)),
        "level": [[lv, L.v("level", lv)] for lv in sorted({r["level"] for r in rows})],
        "statute": pairs(sorted({s for r in rows for s in r["statutes"]})),
        "version": [[v, art_14_2_label(v, L)] for v in sorted(versions - set(words)) + words if v in versions],
    }


def finder_files(rows: list[dict], L) -> dict[str, str]:
    """data/finder.js (the first rows, the options, the counts and the words) and
    data/finder-all.js (every row), in the page's language."""
    keys = {r["key"]: n for n, r in enumerate(rows)}
    first = finder_first_rows(rows)
    head = finder_table(first, L.code, keys) | {"index": [keys[r["key"]] for r in first]}
    head |= {"total": len(rows), "default_found": sum(r["relevance"] == "deepfake" for r in rows)}
    head |= {"options": finder_options(rows, L)}
    return {
        "data/finder.js": script("casebookFinderFirst", head) + script("casebookFinderText", finder_text(L)),
        "data/finder-all.js": script("casebookFinderAll", finder_table(rows, L.code, keys)),
    }


def provision_rows(corpus: Corpus) -> list[dict]:
    rows = []
    for record in corpus.typed("statute"):
        statute = record.model
        for index, version in enumerate(statute.versions):
            end = version_end(statute, index)
            for p in version.paragraphs:
                if p.kind is not ParagraphKind.OFFENCE or p.penalty is None:
                    continue
                provision = Provision(statute, version, p)
                rows.append(
                    {
                        "statute": statute.id,
                        "version": version.id,
                        "order": index,
                        "from": version.starts.isoformat(),
                        "to": end.isoformat() if end else None,
                        "paragraph": p.number,
                        "conducts": [c.value for c in p.conducts],
                        "materials": [m.value for m in p.materials],
                        "protects": p.protects.value if p.protects else None,
                        "requires": [m.value for m in p.mental_elements],
                        "penalty_text": penalty_text(p.penalty),
                        "severity": [int(x) if isinstance(x, bool) else x for x in severity(p.penalty)],
                        "citation_ko": provision.citation_ko(),
                        "citation_en": provision.citation_en(),
                        "url": f"statutes/{statute.id}.html#version-{version.id}",
                        "_provision": provision,
                    }
                )
    rows.sort(key=lambda r: (r["statute"], r["order"], r["paragraph"]))
    index = {(r["statute"], r["version"], r["paragraph"]): n for n, r in enumerate(rows)}
    for row in rows:
        row["governing"] = _governing_stretches(corpus, row.pop("_provision"), index)
    return rows


def _governing_stretches(corpus: Corpus, provision: Provision, index: dict) -> list[dict]:
    """For each later version of the article: from which judgment date which law governs (Criminal Act Art. 1)."""
    statute = provision.statute
    out = []
    for i in range(statute.versions.index(provision.version), len(statute.versions)):
        version = statute.versions[i]
        end = version_end(statute, i)
        g = governing_law(corpus, provision, max(version.starts, provision.version.starts))
        applies = g.applies
        out.append(
            {
                "from": version.starts.isoformat(),
                "to": end.isoformat() if end else None,
                "applies": index.get((applies.statute.id, applies.version.id, applies.paragraph.number))
                if applies
                else None,
                "reason": g.reason,
            }
        )
    return out


def penalty_timelines(corpus: Corpus, rows: list[dict]) -> dict:
    """Every answer the penalty tool can ask for, as stretches of time (casebook.penalty_timeline)."""
    index = {(r["statute"], r["version"], r["paragraph"]): n for n, r in enumerate(rows)}
    conditions: list[dict] = []
    days = change_days(corpus)
    answers = {}
    for conduct in CONDUCTS:
        for victim in ("adult", "child"):
            for material in MATERIALS:
                for lacks in TOOL_LACKS:
                    segments = timeline(
                        corpus, conduct, victim, dt.date(1900, 1, 1), None, material, frozenset(lacks), days
                    )
                    stretches = []
                    for seg in segments:
                        items = []
                        for f in seg.findings:
                            p = f.provision
                            item = {"row": index[(p.statute.id, p.version.id, p.paragraph.number)]}
                            if f.condition is not None:
                                entry = {
                                    "text_en": f.condition.text_en,
                                    "definition_ko": f.condition.definition_ko,
                                    "decisions": list(f.condition.decisions),
                                }
                                if entry not in conditions:
                                    conditions.append(entry)
                                item["condition"] = conditions.index(entry)
                            items.append(item)
                        stretches.append(
                            {
                                "from": seg.start.isoformat(),
                                "to": seg.end.isoformat() if seg.end else None,
                                "items": items,
                            }
                        )
                    answers["|".join((conduct, victim, material, ",".join(lacks)))] = stretches
    return {
        "answers": answers,
        "conditions": conditions,
        "continuing": [c for c in CONDUCTS if is_continuing(c)],
        "conducts": list(CONDUCTS),
    }


_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script(name: str, data) -> str:
    """A script file, not fetched JSON, so the tools also work when the site is opened from disk.

    Record text is untrusted: <, >, & and the JavaScript line separators are written as \\u
    escapes, so the data stays a string even if the file were ever inlined in a <script> element.
    """
    return f"window.{name} = " + json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE) + ";\n"


def finder_text(L) -> dict:
    """The finder's words in the page's language (the catalogue's; finder.js prints them)."""
    from casebook.outcomes import OUTCOME_CLASSES

    return {
        "outcomes": {c: L.v("outcome_short", c) for c in OUTCOME_CLASSES},
        "not_reported": L.s("not_reported"),
        "show_all": L.s("finder.show_all"),
        "count": L.s("finder.count"),
        "showing": L.s("finder.showing"),
        **{k: L.s(f"finder.{k}") for k in ("loading", "load_failed", "like", "like_heading", "like_missing")},
        **{k: L.s(f"finder.{k}") for k in ("like_none", "like_back")},
    }


def penalty_tool_text(corpus: Corpus, L) -> dict:
    """The penalty tool's words in the page's language: the catalogue's, the conducts' labels,
    and each provision's penalty (by statute, version and paragraph) in this language's words."""
    from casebook.i18n import VOCABULARIES

    penalties = {}
    for record in corpus.typed("statute"):
        statute = record.model
        for version in statute.versions:
            for p in version.paragraphs:
                if p.penalty is not None:
                    penalties[f"{statute.id}|{version.id}|{p.number}"] = L.penalty(p.penalty)
    from casebook.i18n import UI

    keys = [k.removeprefix("tool.") for k in UI if k.startswith("tool.") and not k.startswith("tool.r_")]
    reasons = [k for k in UI if k.startswith("tool.r_")]
    return {
        "lang": L.code,
        **{k: L.s(f"tool.{k}") for k in keys},
        # penalties.py's reasons (Criminal Act Art. 1), in English, to this language's words.
        "reasons": {UI[k][1]: L.s(k) for k in reasons},
        "conducts": {c: L.v("conduct", c) for c in VOCABULARIES["conduct"]},
        "requires_labels": {m: L.v("mental_element", m) for m in VOCABULARIES["mental_element"]},
        "penalties": penalties,
    }


def tool_files(corpus: Corpus, L, shared: bool = True) -> dict[str, str]:
    """The tools' data in language `L`. The provisions and their answers are the same in both
    languages (their words come from data/penalty-text.js), so they are written once, with
    `shared`, beside the Korean pages at the site root; the English tool loads them there."""
    from casebook.site.render import sentence_text

    rows = finder_rows(corpus, lambda s: sentence_text(s, L), L)
    files = {
        **finder_files(rows, L),
        "data/penalty-text.js": script("casebookPenaltyText", penalty_tool_text(corpus, L)),
    }
    if shared:
        provisions = provision_rows(corpus)
        files["data/provisions.js"] = script("casebookProvisions", provisions) + script(
            "casebookPenaltyAnswers", penalty_timelines(corpus, provisions)
        )
    return files
