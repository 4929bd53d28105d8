"""Downloads: every record kind as JSON and CSV, and the JSON Schemas, at stable URLs.

Written into the staging docs/downloads/ folder on each build, so they always match the
records the pages were built from. JSON keeps the records' own shape (as validated); CSV
flattens each kind to the rows people put in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
import json

from casebook.corpus import Corpus
from casebook.formatting import penalty as penalty_text
from casebook.models.source import SourceKind
from casebook.outcomes import decisions, outcome_class
from casebook.precedents import FACT_NAMES, judgments_of, minors_involved, own_judgment, statute_labels
from casebook.schemas import render_schemas

KIND_ORDER = ("statute", "case", "source", "figure", "guideline")


# The CSV columns of each kind, in order (the data dictionary page explains each one).
COLUMNS: dict[str, tuple[str, ...]] = {
    "statute": (
        "statute",
        "article",
        "version",
        "effective",
        "status",
        "paragraph",
        "kind",
        "conducts",
        "materials",
        "protects",
        "min_months",
        "max_months",
        "life",
        "fine_max_krw",
        "penalty",
    ),
    "case": (
        "case",
        "proceeding",
        "level",
        "court",
        "decided",
        "case_number",
        "defendant",
        "disposition",
        "outcome_class",
        "imprisonment_months",
        "suspended_months",
        "fine_krw",
        "life",
        "title_en",
        "title_ko",
        "relevance",
        "court_ko",
        "statutes",
        "minors",
        "judgment_backed",
        "prosecution_request_months",
        "statutory_range_min_months",
        "statutory_range_max_months",
        *FACT_NAMES,
    ),
    "source": (
        "source",
        "publisher",
        "title",
        "url",
        "published",
        "language",
        "kind",
        "strength",
    ),
    "figure": (
        "figure",
        "agency",
        "metric",
        "unit",
        "from",
        "to",
        "value",
        "approximate",
        "conflict",
        "sources",
    ),
    "guideline": (
        "guideline",
        "status",
        "effective",
        "crime_type",
        "tier",
        "min_months",
        "max_months",
    ),
}


def _json(corpus: Corpus, kind: str) -> str:
    records = [r.model.model_dump(mode="json", by_alias=True, exclude_none=True) for r in corpus.typed(kind)]
    records.sort(key=lambda r: r["id"])
    # One record per line: readable and diff-friendly, and written by the C encoder (indent=
    # forces the pure-Python one, seconds at 10,000 records).
    lines = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    return f"[\n{lines}\n]\n" if records else "[]\n"


def _rows(corpus: Corpus, kind: str) -> tuple[list[str], list[list]]:
    if kind == "statute":
        head = list(COLUMNS["statute"])
        rows = []
        for r in corpus.typed(kind):
            s = r.model
            for v in s.versions:
                for p in v.paragraphs:
                    prison = p.penalty.imprisonment if p.penalty else None
                    rows.append(
                        [
                            s.id,
                            s.article,
                            v.id,
                            v.effective or "",
                            v.status.value,
                            p.number,
                            p.kind.value,
                            " ".join(c.value for c in p.conducts),
                            " ".join(m.value for m in p.materials),
                            p.protects.value if p.protects else "",
                            prison.min_months if prison and prison.min_months else "",
                            prison.max_months if prison and prison.max_months else "",
                            bool(prison and prison.life),
                            p.penalty.fine_max_krw or "" if p.penalty else "",
                            penalty_text(p.penalty) if p.penalty else "",
                        ]
                    )
        return head, rows
    if kind == "case":
        head = list(COLUMNS["case"])
        rows = []
        judgments = judgments_of(corpus)
        for r in corpus.typed(kind):
            c = r.model
            for proc, o in decisions(c):
                s = o.sentence
                request = o.prosecution_request
                stated = o.statutory_range
                suspended = ""
                if s and s.suspended:
                    suspended = s.suspended.period_months or "not reported"
                rows.append(
                    [
                        c.id,
                        proc.id,
                        proc.level.value,
                        proc.court_en or "",
                        proc.decided or "",
                        proc.case_number or "",
                        o.defendant,
                        o.disposition.value,
                        outcome_class(o),
                        s.imprisonment_months if s and s.imprisonment_months else "",
                        suspended,
                        s.fine_krw if s and s.fine_krw else "",
                        bool(s and s.life_imprisonment),
                        c.title_en,
                        c.title_ko,
                        c.relevance,
                        proc.court_ko or "",
                        " ".join(statute_labels(o)),
                        _unknown(minors_involved(c, o)),
                        own_judgment(proc, judgments) is not None,
                        request.imprisonment_months or "" if request else "",
                        stated.min_months if stated else "",
                        stated.max_months or "" if stated else "",
                        *(_fact_value(o.facts, name) for name in FACT_NAMES),
                    ]
                )
        return head, rows
    if kind == "source":
        head = list(COLUMNS["source"])
        rows = [
            [s.id, s.publisher, s.title, s.url or "", s.published or "", s.language, s.kind.value, s.strength]
            for s in (r.model for r in corpus.typed(kind))
        ]
        return head, rows
    if kind == "figure":
        head = list(COLUMNS["figure"])
        rows = []
        for r in corpus.typed(kind):
            f = r.model
            for o in f.observations:
                rows.append(
                    [
                        f.id,
                        f.agency_en,
                        f.metric_en,
                        f.unit,
                        o.period.from_,
                        o.period.to or "",
                        o.value,
                        o.approximate,
                        o.conflict_en or "",
                        " ".join(c.source for c in o.sources),
                    ]
                )
        return head, rows
    head = list(COLUMNS["guideline"])
    rows = []
    for r in corpus.typed(kind):
        g = r.model
        for ct in g.crime_types:
            for t in ct.tiers or [None]:
                rows.append(
                    [
                        g.id,
                        g.status,
                        g.effective or "",
                        ct.id,
                        t.name if t else "",
                        t.min_months if t and t.min_months is not None else "",
                        t.max_months if t and t.max_months is not None else "",
                    ]
                )
    return head, rows


def _unknown(value) -> str:
    return "" if value is None else str(value)


def _fact_value(facts, name: str) -> str:
    """A fact as one cell: its value, 'approximate' marked with '~'; empty where no source says."""
    fact = getattr(facts, name, None) if facts is not None else None
    if fact is None:
        return ""
    if hasattr(fact, "values"):
        return " ".join(v.value for v in fact.values)
    value = fact.value
    text = value.value if hasattr(value, "value") else str(value)
    return f"~{text}" if getattr(fact, "approximate", False) else text


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = str(value)
    # Record text only: numbers and dates are written by us (a negative number would be data).
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _csv(head: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(head)
    writer.writerows([[_cell(x) for x in row] for row in sorted(rows, key=lambda r: [str(x) for x in r])])
    return out.getvalue()


# Excel reads a CSV without a byte-order mark in the system's legacy code page (Korean turns
# into mojibake); with one, as UTF-8.
BOM = "\ufeff"


def kind_files(corpus: Corpus, kind: str) -> dict[str, str]:
    """One kind's downloads (JSON, CSV and the CSV for Excel, the same with a UTF-8 BOM):
    relative path under docs/ -> file text."""
    table = _csv(*_rows(corpus, kind))
    return {
        f"downloads/{kind}s.json": _json(corpus, kind),
        f"downloads/{kind}s.csv": table,
        f"downloads/{kind}s.excel.csv": BOM + table,
    }


def export_files(corpus: Corpus) -> dict[str, str]:
    """Every download: relative path under docs/ -> file text."""
    files = {}
    for kind in KIND_ORDER:
        files.update(kind_files(corpus, kind))
    files.update(schema_files())
    return files


def schema_files() -> dict[str, str]:
    files = {}
    for name, text in render_schemas().items():
        files[f"downloads/schemas/{name}"] = text
    return files


# Columns whose values are codes: the vocabulary that labels them (casebook/i18n.py), or the codes.
VALUES: dict[str, str | tuple[str, ...]] = {
    "statute.status": "version_status",
    "statute.kind": "paragraph_kind",
    "statute.conducts": "conduct",
    "statute.materials": "material",
    "statute.protects": "protects",
    "case.level": "level",
    "case.disposition": "disposition",
    "case.outcome_class": "outcome",
    "case.suspended_months": ("not reported",),
    "case.relevance": ("deepfake", "benchmark"),
    "source.language": ("ko", "en", "ja", "zh"),
    "source.kind": tuple(k.value for k in SourceKind),
    "source.strength": ("A", "B", "C"),
    "guideline.tier": "tier",
    "guideline.status": "guideline_status",
}


def _values(L, key: str) -> list[dict]:
    from casebook.i18n import VOCABULARIES

    values = VALUES.get(key)
    if values is None:
        return []
    if isinstance(values, tuple):
        return [{"code": code, "label": ""} for code in values]
    return [{"code": code, "label": L.v(values, code)} for code in VOCABULARIES[values]]


def dictionary(L) -> list[dict]:
    """The data dictionary: for each kind, what a row is and what each CSV column means, in
    the language of `L` (the catalogue's `csv.<kind>.<column>` strings)."""
    out = []
    for kind in KIND_ORDER:
        columns = []
        for name in COLUMNS[kind]:
            if kind == "case" and name in FACT_NAMES:
                meaning = L.s("csv.case.fact", label=L.v("fact", name))
            else:
                meaning = L.s(f"csv.{kind}.{name}")
            columns.append({"name": name, "meaning": meaning, "values": _values(L, f"{kind}.{name}")})
        out.append({"kind": kind, "rows": L.s(f"rows.{kind}"), "columns": columns})
    return out
