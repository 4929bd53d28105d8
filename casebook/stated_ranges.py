"""A decision's stated statutory range against the engine's, for the counts its record gives.

Owns turning a recorded outcome into the engine's counts and saying where the two ranges part:
- each convicted count becomes one crime per offence paragraph it cites (a count citing ¶1 and
  ¶2 is taken as two crimes), with any habitual paragraph it cites; its date is the end of its
  offence period (or the case's), unless the count pins a version;
- the record's `discretionary_mitigation` / `repeat_offence` choose those steps; where the
  record does not say, both with and without discretionary mitigation are tried and the answer
  says which matched;
- a difference names both ranges, the end that differs and the engine step that set that end.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from casebook.formatting import term
from casebook.models.case import Case, CountOutcome, DefendantOutcome
from casebook.models.statute import ParagraphKind, Statute
from casebook.statutory_range import CountSpec, RangeError, StatutoryRange, Step, statutory_range


@dataclass
class Comparison:
    status: str  # "match", "differs", "cannot-check"
    detail: str
    engine: StatutoryRange | None = None


def _end_date(case: Case, count):
    period = count.offence_period or case.offence_period
    if period is None:
        return None
    return (period.to or period.from_).latest()


def count_specs(case: Case, outcome: DefendantOutcome, statutes: dict[str, Statute]) -> list[CountSpec]:
    """The engine's counts for an outcome's convicted counts; RangeError if one cannot be taken."""
    specs = []
    for count in outcome.counts:
        if count.outcome is not CountOutcome.CONVICTED:
            continue
        statute = statutes.get(count.statute)
        if statute is None:
            raise RangeError(f"unknown statute '{count.statute}'")
        on = _end_date(case, count)
        if count.version is None and on is None:
            raise RangeError(f"count {count.statute} {count.paragraphs} has no offence date and no pinned version")
        kinds = {}
        for version in statute.versions:
            for p in version.paragraphs:
                kinds.setdefault(p.number, set()).add(p.kind)
        aggravations = tuple(n for n in count.paragraphs if ParagraphKind.AGGRAVATION in kinds.get(n, set()))
        offences = [n for n in count.paragraphs if n not in aggravations]
        if any(ParagraphKind.ATTEMPT in kinds.get(n, set()) for n in offences):
            raise RangeError(
                f"count {count.statute} cites an attempt paragraph (mitigation of attempts is not modelled)"
            )
        for number in offences:
            specs.append(CountSpec(count.statute, (number, *aggravations), on, count.version, count.label_ko))
    if not specs:
        raise RangeError("no convicted count recorded")
    return specs


def _deciding_step(steps: list[Step], end: str) -> Step:
    """The last step that changed this end of the range."""
    value = getattr(steps[-1].after, end)
    for step in reversed(steps[:-1]):
        if getattr(step.after, end) != value:
            break
        deciding = step
    return deciding


def compare(case: Case, outcome: DefendantOutcome, statutes: dict[str, Statute]) -> Comparison:
    stated = outcome.statutory_range
    try:
        specs = count_specs(case, outcome, statutes)
        tries = [stated.discretionary_mitigation] if stated.discretionary_mitigation is not None else [False, True]
        engines = [
            statutory_range(statutes, specs, repeat=bool(stated.repeat_offence), discretionary_mitigation=m)
            for m in tries
        ]
    except RangeError as exc:
        return Comparison("cannot-check", str(exc))
    want_low = Fraction(stated.min_months).limit_denominator()
    want_high = Fraction(stated.max_months).limit_denominator() if stated.max_months is not None else None
    for mitigated, engine in zip(tries, engines, strict=True):
        if engine.term.low == want_low and engine.term.high == want_high:
            how = (
                ""
                if stated.discretionary_mitigation is not None
                else (" (with discretionary mitigation, which the record does not state)" if mitigated else "")
            )
            return Comparison("match", f"engine {engine.term.words()}{how}", engine)
    engine = min(
        engines,
        key=lambda e: (e.term.low != want_low) + (e.term.high != want_high),
    )
    ends = [
        name
        for name, got, want in (("low", engine.term.low, want_low), ("high", engine.term.high, want_high))
        if got != want
    ]
    end = ends[0]
    step = _deciding_step(engine.steps, end)
    stated_words = f"{term(want_low)} to {term(want_high)}" if want_high is not None else f"from {term(want_low)}"
    label = "minimum" if end == "low" else "maximum"
    tried = "" if stated.discretionary_mitigation is not None else "; tried with and without discretionary mitigation"
    return Comparison(
        "differs",
        f"stated range '{stated.as_stated_ko}' ({stated_words}) differs from the engine's {engine.term.words()} "
        f"({engine.term.words_ko()}) for the recorded counts: the {label} differs, set by the step "
        f"'{step.key}' [{step.article}]: {step.text}{tried}",
        engine,
    )
