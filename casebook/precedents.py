"""Derived facts of a decision, worked out one way for every page, export and count.

A decision is one defendant's outcome at one instance. From its record this module tells
whether its own judgment backs it (a cited source of kind `judgment` with the same case
number), whether minors were among the victims (stated in the facts or the case, or implied
by a Youth Protection Act count), which statute paragraphs were charged, and which version of
Sexual Crimes Act Art. 14-2 its counts were charged under (the statistics' split and the
finder's facet); `coverage` counts what the precedents issue asks for (`build_site.py stats`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from pydantic import BaseModel

from casebook.corpus import Corpus
from casebook.models.case import Case, DefendantOutcome, Proceeding
from casebook.models.common import Citation
from casebook.models.vocabulary import SENTENCING_FACTS

ART_14_2 = "sexual-crimes-act-14-2"

# A count under this Act means the victims (or the persons depicted) were children or youth.
YOUTH_ACT_PREFIX = "youth-protection-act-"


def citations_of(value) -> Iterable[Citation]:
    """Every Citation inside a (typed) part of a record."""
    if isinstance(value, Citation):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from citations_of(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from citations_of(getattr(value, name))


def own_judgment(proc: Proceeding, judgments: dict) -> object | None:
    """The cited judgment source whose case number is this decision's, if any."""
    if proc.case_number is None:
        return None
    for citation in citations_of(proc):
        source = judgments.get(citation.source)
        if source is not None and source.judgment.case_number == proc.case_number:
            return source
    return None


def judgments_of(corpus: Corpus) -> dict:
    return {sid: r.model for sid, r in corpus.by_id("source").items() if r.model.judgment is not None}


def minors_involved(case: Case, outcome: DefendantOutcome) -> bool | None:
    """True, False, or None when no source says (the decision's facts, its counts, then the case)."""
    facts = outcome.facts
    if facts is not None and facts.minor_victims is not None:
        return facts.minor_victims.value > 0
    if any(c.statute.startswith(YOUTH_ACT_PREFIX) for c in outcome.counts):
        return True
    if case.minors_among_victims is not None:
        return case.minors_among_victims.value
    return None


def art_14_2_version(case: Case, outcome: DefendantOutcome, statute) -> str:
    """Which version of Art. 14-2 (`statute`, its record) the decision's counts were charged
    under: the version id a count pins, else the one in force throughout the offences; "both"
    when its counts or their offences span several versions, "unknown" when a count gives no
    offence dates (and the others do not show two versions), "none" when no count cites it."""
    from casebook.law import versions_during

    counts = [c for c in outcome.counts if c.statute == ART_14_2]
    if not counts:
        return "none"
    found = set()
    for count in counts:
        period = count.offence_period or case.offence_period
        if count.version:
            found.add(count.version)
        elif period is not None and statute is not None:
            during = versions_during(statute, period.from_.earliest(), (period.to or period.from_).latest())
            found.add(during[0].id if len(during) == 1 else "both" if during else "unknown")
        else:
            found.add("unknown")
    known = found - {"unknown"}
    if len(known) > 1 or "both" in known:
        return "both"
    return known.pop() if known and len(found) == 1 else "unknown"


def art_14_2_label(code: str, L) -> str:
    """An art_14_2_version code in the words of a site language `L` (casebook.i18n.Lang)."""
    import datetime as dt

    named = {"none": "stats.v_none", "both": "stats.v_both", "unknown": "stats.v_unknown"}
    named |= {"2020-06-25": "stats.v_2020", "2024-10-16": "stats.v_2024"}
    return L.s(named[code]) if code in named else L.s("stats.v_other", date=L.date(dt.date.fromisoformat(code)))


def statute_labels(outcome: DefendantOutcome) -> list[str]:
    return [f"{c.statute} ¶{','.join(map(str, c.paragraphs))}" for c in outcome.counts]


FACT_NAMES = tuple(SENTENCING_FACTS)  # every fact but deposit_krw, which details `deposit`


def facts_coded(outcome: DefendantOutcome) -> int:
    """How many of the facts courts weigh the record states for this decision."""
    facts = outcome.facts
    return 0 if facts is None else sum(getattr(facts, name) is not None for name in FACT_NAMES)


@dataclass
class Coverage:
    decisions: int = 0  # decisions with a known outcome
    full_dates: int = 0
    case_numbers: int = 0
    judgment_backed: int = 0
    with_facts: int = 0
    facts_coded: int = 0
    with_statutory_range: int = 0
    with_guidelines: int = 0

    def lines(self) -> list[str]:
        n = self.decisions or 1
        out = []
        for f in fields(self):
            value = getattr(self, f.name)
            share = "" if f.name in ("decisions", "facts_coded") else f" ({100 * value / n:.0f} %)"
            out.append(f"{f.name.replace('_', ' ')}: {value}{share}")
        return out


def coverage(corpus: Corpus) -> Coverage:
    """Counts over deepfake decisions whose outcome is known."""
    from casebook.outcomes import outcome_class

    judgments = judgments_of(corpus)
    out = Coverage()
    for record in corpus.typed("case"):
        case = record.model
        if case.relevance != "deepfake":
            continue
        for proc in case.proceedings:
            for outcome in proc.outcomes:
                if outcome_class(outcome) == "not-reported":
                    continue
                out.decisions += 1
                out.full_dates += bool(proc.decided is not None and proc.decided.is_exact)
                out.case_numbers += proc.case_number is not None
                out.judgment_backed += own_judgment(proc, judgments) is not None
                out.with_facts += facts_coded(outcome) > 0
                out.facts_coded += facts_coded(outcome)
                out.with_statutory_range += outcome.statutory_range is not None
                out.with_guidelines += bool(outcome.guidelines)
    return out


def fact_value_en(name: str, fact, facts) -> str:
    """A fact's value in English words, e.g. 'about 1,700', 'no prior record', 'yes (KRW 5,000,000)'."""
    from casebook.i18n import Lang

    return fact_value(name, fact, facts, Lang("en"))


def fact_value(name: str, fact, facts, L) -> str:
    """A fact's value in the words of a site language `L` (casebook.i18n.Lang): 약 1,700 /
    about 1,700; 전과 없음 (초범) / no prior record; 예 (500만 원) / yes (KRW 5,000,000)."""
    if name == "prior_record":
        return L.v("prior_record", fact.value)
    if name == "relationship":
        return ", ".join(L.v("relationship", v) for v in fact.values)
    if hasattr(fact, "approximate"):
        n = f"{fact.value:,}"
        return L.s("f.about", n=n) if fact.approximate else n
    if name == "deposit" and fact.value and facts.deposit_krw:
        return L.s("f.deposit", amount=L.krw(facts.deposit_krw))
    return L.s("yes" if fact.value else "no")


def stated_facts(outcome: DefendantOutcome) -> list[tuple[str, object]]:
    """(field, fact) for each fact the record states, in the catalogue's order."""
    facts = outcome.facts
    if facts is None:
        return []
    return [(name, getattr(facts, name)) for name in FACT_NAMES if getattr(facts, name) is not None]
