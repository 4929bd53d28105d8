"""Cross-record pages: home, cases index, penalties at a glance, statistics, guidelines,
downloads and coverage. Each function returns the context its template needs."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from markupsafe import Markup

from casebook import formatting
from casebook.corpus import Corpus
from casebook.models.vocabulary import CONDUCTS
from casebook.outcomes import (
    OUTCOME_CLASSES,
    OUTCOME_LABELS,
    custodial_months,
    decisions,
    final_decisions,
    outcome_class,
)
from casebook.penalty_timeline import change_days, findings_on
from casebook.site.charts import bar_chart
from casebook.site.escape import md as escape

AMENDMENT_2024 = dt.date(2024, 10, 16)
MATRIX_CONDUCTS = (
    "edit",
    "distribute",
    "distribute-for-profit",
    "possess",
    "purchase",
    "store",
    "view",
    "threaten",
    "coerce",
)


def last_update(corpus: Corpus) -> dt.date:
    return max((r.model.updated for r in corpus.records if r.model is not None), default=dt.date.today())


def in_language(obj, name: str, L) -> Markup:
    """A record's `<name>_<lang>` in the page's language, or in the other one marked with its
    `lang` (lists and tables carry no note; the record's own page says what is missing)."""
    fields = type(obj).model_fields
    own = getattr(obj, f"{name}_{L.code}") if f"{name}_{L.code}" in fields else None
    if own:
        return escape(own)
    other = getattr(obj, f"{name}_{L.other}") if f"{name}_{L.other}" in fields else None
    return Markup(f'<span lang="{L.other}">{escape(other)}</span>') if other else Markup("")


def case_rows(corpus: Corpus, sentence_text, L=None) -> list[dict]:
    from casebook.i18n import Lang

    L = L or Lang("en")
    rows = []
    for record in sorted(corpus.typed("case"), key=lambda r: r.model.id):
        case = record.model
        finals = final_decisions(case)
        heaviest = max(finals, key=lambda pair: custodial_months(pair[1]), default=None)
        years = sorted({str(p.decided.year) for p, _ in decisions(case) if p.decided})
        courts = sorted({in_language(p, "court", L) for p, _ in decisions(case) if p.court_en or p.court_ko})
        statutes = sorted({c.statute for _, o in decisions(case) for c in o.counts})
        end = case.offence_period.to or case.offence_period.from_ if case.offence_period else None
        if end is None:
            group = (0, L.s("cases.group_none"))
        elif end.latest() < AMENDMENT_2024:
            group = (1, L.s("cases.group_before"))
        elif end.earliest() >= AMENDMENT_2024:
            group = (2, L.s("cases.group_after"))
        else:
            group = (3, L.s("cases.group_spanning"))
        rows.append(
            {
                "case": case,
                "group": group,
                "year": ", ".join(years) or "—",
                "court": Markup("; ").join(courts) or L.s("not_reported"),
                "defendants": len(case.defendants),
                "heaviest": sentence_text(heaviest[1].sentence)
                if heaviest and heaviest[1].sentence
                else (L.v("outcome_short", outcome_class(heaviest[1])) if heaviest else "—"),
                "heaviest_months": custodial_months(heaviest[1]) if heaviest else -1,
                "suspended": L.s("yes" if any(outcome_class(o) == "suspended" for _, o in finals) else "no"),
                "statutes": statutes,
            }
        )
    return rows


def penalty_matrix(corpus: Corpus, today: dt.date) -> dict:
    """Conduct × victim class × period for deepfake material; each cell lists the findings (casebook.penalty_timeline).

    A finding on a condition (e.g. Youth Act Art. 11 for a deepfake of a minor) carries the
    number of its note; `conditions` lists each condition once with the decisions that set it.
    """
    days = [d for d in change_days(corpus) if dt.date(2020, 6, 25) < d <= today]
    starts = [dt.date(2020, 6, 25), *days]
    grid = {}  # (conduct, victim) -> [cell per start date]
    conditions: list = []
    for conduct in MATRIX_CONDUCTS:
        for victim in ("adult", "child"):
            cells = []
            for start in starts:
                cell = []
                for finding in findings_on(corpus, conduct, victim, start, "synthetic"):
                    note = None
                    if finding.condition is not None:
                        key = finding.condition.key()
                        keys = [c.key() for c in conditions]
                        if key not in keys:
                            conditions.append(finding.condition)
                            keys.append(key)
                        note = keys.index(key) + 1
                    cell.append((finding, note))
                cells.append(cell)
            grid[(conduct, victim)] = cells
    # Keep only the dates on which some cell changes, so each period is a real change in the law.
    keep = [
        i
        for i in range(len(starts))
        if i == 0 or any(_cell_key(cells[i]) != _cell_key(cells[i - 1]) for cells in grid.values())
    ]
    periods = [
        (starts[i], (starts[keep[k + 1]] - dt.timedelta(days=1)) if k + 1 < len(keep) else None)
        for k, i in enumerate(keep)
    ]
    rows = [
        {"conduct": c, "conduct_ko": CONDUCTS[c][0], "victim": v, "cells": [cells[i] for i in keep]}
        for (c, v), cells in grid.items()
    ]
    return {"periods": periods, "rows": rows, "conditions": conditions}


def _cell_key(cell) -> tuple:
    return tuple(finding.key() for finding, _ in cell)


def outcome_distribution(
    corpus: Corpus, *, deepfake_only: bool = True, final_only: bool = False
) -> tuple[Counter, int]:
    counts: Counter = Counter()
    for record in corpus.typed("case"):
        case = record.model
        if deepfake_only and case.relevance != "deepfake":
            continue
        pairs = final_decisions(case) if final_only else decisions(case)
        for _, outcome in pairs:
            counts[outcome_class(outcome)] += 1
    return counts, sum(counts.values())


def outcome_chart(counts: Counter, n: int, title: str, L=None) -> dict:
    if L is None:
        bars = [(OUTCOME_LABELS[c], counts.get(c, 0)) for c in OUTCOME_CLASSES]
        short = [(c.replace("-", " ").capitalize(), counts.get(c, 0)) for c in OUTCOME_CLASSES]
    else:
        bars = [(L.v("outcome", c), counts.get(c, 0)) for c in OUTCOME_CLASSES]
        short = [(L.v("outcome_short", c), counts.get(c, 0)) for c in OUTCOME_CLASSES]
    return {"svg": bar_chart(f"{title} (N = {n})", short), "bars": bars, "n": n}


def figure_views(corpus: Corpus, L=None) -> list[dict]:
    """Each figure with its chart; the chart's title in the page's language where the record
    has it (a chart is an image: the text beside it says what is missing)."""
    views = []
    code, other = (L.code, L.other) if L is not None else ("en", "ko")
    for record in sorted(corpus.typed("figure"), key=lambda r: r.model.id):
        f = record.model
        bars = [(period_label(o.period, L), o.value) for o in f.observations]
        metric = getattr(f, f"metric_{code}", None) or getattr(f, f"metric_{other}", None) or ""
        agency = getattr(f, f"agency_{code}", None) or getattr(f, f"agency_{other}", None) or ""
        # The heading and the agency line above the chart name it: no caption repeats them.
        views.append({"figure": f, "svg": bar_chart(f"{metric} ({agency})", bars, "", caption=False)})
    return views


def period_label(period, L=None) -> str:
    show = L.date if L is not None else str
    if period.to is None:
        return L.s("period.from", date=show(period.from_)) if L is not None else f"from {period.from_}"
    if period.to == period.from_:
        return show(period.from_)
    return f"{show(period.from_)} – {show(period.to)}"


def term_or_blank(months):
    return formatting.term(months) if months is not None else ""


def _decision_year(proc, L) -> str:
    return str(proc.decided.year) if proc.decided is not None else L.s("stats.year_not_reported")


def outcome_breakdowns(corpus: Corpus, L=None) -> list[dict]:
    """The outcome distribution split four ways (year, Art. 14-2 version, minors, instance), with N."""
    from casebook.i18n import Lang
    from casebook.precedents import ART_14_2, art_14_2_label, art_14_2_version, minors_involved

    L = L or Lang("en")
    record = corpus.by_id("statute").get(ART_14_2)
    art_14_2 = record.model if record is not None else None
    minors = {True: L.s("stats.minors_yes"), False: L.s("stats.minors_no"), None: L.s("not_reported")}
    splits = {
        L.s("stats.by_year"): lambda case, proc, o: _decision_year(proc, L),
        L.s("stats.by_version"): lambda case, proc, o: art_14_2_label(art_14_2_version(case, o, art_14_2), L),
        L.s("stats.by_minors"): lambda case, proc, o: minors[minors_involved(case, o)],
        L.s("stats.by_instance"): lambda case, proc, o: L.v("level", proc.level),
    }
    tables = []
    for title, key in splits.items():
        groups: dict[str, Counter] = {}
        for record in corpus.typed("case"):
            case = record.model
            if case.relevance != "deepfake":
                continue
            for proc, outcome in decisions(case):
                groups.setdefault(key(case, proc, outcome), Counter())[outcome_class(outcome)] += 1
        rows = []
        for label in sorted(groups):
            counts = groups[label]
            n = sum(counts.values())
            prison = counts["custodial"] + counts["suspended"]
            share = f"{100 * counts['suspended'] / prison:.0f} %" if prison else "—"
            rows.append({"label": label, "counts": [counts.get(c, 0) for c in OUTCOME_CLASSES], "n": n, "share": share})
        tables.append({"title": title, "rows": rows})
    return tables


def suspended_share_first_instance(corpus: Corpus) -> dict:
    """Of first-instance prison terms recorded here, how many were suspended (MBC: about half of 120)."""
    counts: Counter = Counter()
    for record in corpus.typed("case"):
        if record.model.relevance != "deepfake":
            continue
        for proc, outcome in decisions(record.model):
            if proc.level.value == "first-instance":
                counts[outcome_class(outcome)] += 1
    prison = counts["custodial"] + counts["suspended"]
    return {"suspended": counts["suspended"], "prison": prison}
