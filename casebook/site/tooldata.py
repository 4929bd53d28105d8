"""Data for the site's offline tools (case finder, penalty on a date), written as JSON at build time.

The penalty data carries each offence paragraph with its period in force and a severity key,
so the browser computes the same answer as `build_site.py penalty` (casebook.penalties).
"""

from __future__ import annotations

import json

from casebook.corpus import Corpus
from casebook.formatting import penalty as penalty_text
from casebook.law import version_end
from casebook.models.statute import ParagraphKind
from casebook.outcomes import decisions, outcome_class
from casebook.penalties import Provision, severity
from casebook.precedents import judgments_of, minors_involved, own_judgment


def _band(fact) -> str:
    if fact is None:
        return ""
    return "1" if fact.value <= 1 else "2-9" if fact.value < 10 else "10+"


def _yes_no(fact) -> str:
    return "" if fact is None else ("yes" if fact.value else "no")


def finder_facets(case, proc, outcome, judgments) -> dict:
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
    }


def finder_rows(corpus: Corpus, sentence_text) -> list[dict]:
    rows = []
    judgments = judgments_of(corpus)
    for record in corpus.typed("case"):
        case = record.model
        labels = {d.id: d.label_en for d in case.defendants}
        for proc, outcome in decisions(case):
            s = outcome.sentence
            rows.append(
                {
                    "case": case.id,
                    "title": case.title_en,
                    "title_ko": case.title_ko,
                    "aliases": case.aliases + [p.case_number for p in case.proceedings if p.case_number],
                    "relevance": case.relevance,
                    "url": f"cases/{case.id}.html",
                    "court": proc.court_en or "",
                    "level": proc.level.value,
                    "decided": str(proc.decided) if proc.decided else "",
                    "year": proc.decided.year if proc.decided else None,
                    "defendant": labels.get(outcome.defendant, outcome.defendant),
                    "outcome": outcome_class(outcome),
                    "sentence": sentence_text(s) if s else outcome.disposition.value.replace("-", " "),
                    "months": (s.imprisonment_months or 0) if s else 0,
                    "life": bool(s and s.life_imprisonment),
                    "statutes": sorted({f"{c.statute} ¶{p}" for c in outcome.counts for p in c.paragraphs}),
                    "minors": minors_involved(case, outcome),
                    "facets": finder_facets(case, proc, outcome, judgments),
                }
            )
    return sorted(rows, key=lambda r: (r["case"], r["decided"], r["defendant"]))


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
                    }
                )
    return sorted(rows, key=lambda r: (r["statute"], r["order"], r["paragraph"]))


def _script(name: str, data) -> str:
    # A script file, not fetched JSON, so the tools also work when the site is opened from disk.
    # json.dumps escapes nothing HTML-significant here because the file is never inlined in HTML.
    return f"window.{name} = " + json.dumps(data, ensure_ascii=False) + ";\n"


def tool_files(corpus: Corpus, sentence_text) -> dict[str, str]:
    return {
        "data/finder.js": _script("casebookFinder", finder_rows(corpus, sentence_text)),
        "data/provisions.js": _script("casebookProvisions", provision_rows(corpus)),
    }
