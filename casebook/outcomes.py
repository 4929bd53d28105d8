"""Outcome classes of a defendant's decision, for tables, statistics and the case finder.

Every decision falls in exactly one class, so a distribution never silently drops the
non-custodial outcomes: custodial, suspended, fine, juvenile, acquitted, other, not-reported.
"""

from __future__ import annotations

from casebook.models.case import Case, DefendantOutcome, Disposition, Proceeding

OUTCOME_CLASSES = ("custodial", "suspended", "fine", "juvenile", "acquitted", "other", "not-reported")
OUTCOME_LABELS = {
    "custodial": "Prison (not suspended)",
    "suspended": "Suspended prison term",
    "fine": "Fine only",
    "juvenile": "Juvenile (indeterminate term, referral or protective disposition)",
    "acquitted": "Acquitted",
    "other": "Other (prosecution dismissed, or quashed and remanded for retrial)",
    "not-reported": "Outcome not reported",
}


def outcome_class(outcome: DefendantOutcome) -> str:
    d = outcome.disposition
    s = outcome.sentence
    if d is Disposition.ACQUITTED:
        return "acquitted"
    if d in (Disposition.REFERRED_TO_JUVENILE_DIVISION, Disposition.PROTECTIVE_DISPOSITION):
        return "juvenile"
    if d is Disposition.NOT_REPORTED or s is None:
        return "not-reported" if d in (Disposition.NOT_REPORTED, Disposition.SENTENCED) else "other"
    if s.indeterminate is not None or s.protective_disposition_ko:
        return "juvenile"
    if s.life_imprisonment or (s.imprisonment_months and s.suspended is None):
        return "custodial"
    if s.imprisonment_months and s.suspended is not None:
        return "suspended"
    if s.fine_krw:
        return "fine"
    return "other"


def custodial_months(outcome: DefendantOutcome) -> float:
    """A sort key for 'heaviest': life first, then unsuspended terms, then suspended ones."""
    s = outcome.sentence
    if s is None:
        return -1
    if s.life_imprisonment:
        return 10_000
    if s.indeterminate:
        return s.indeterminate.long_months
    if s.imprisonment_months:
        return s.imprisonment_months if s.suspended is None else s.imprisonment_months / 100
    return 0


def decisions(case: Case) -> list[tuple[Proceeding, DefendantOutcome]]:
    return [(p, o) for p in case.proceedings for o in p.outcomes]


def final_decisions(case: Case) -> list[tuple[Proceeding, DefendantOutcome]]:
    """Per defendant, the decision of the highest instance on record (the latest word)."""
    appealed = {ref for p in case.proceedings for ref in p.appeal_from}
    latest: dict[str, tuple[Proceeding, DefendantOutcome]] = {}
    for proc, outcome in decisions(case):
        current = latest.get(outcome.defendant)
        if current is None or (current[0].id in appealed and proc.id not in appealed):
            latest[outcome.defendant] = (proc, outcome)
    return list(latest.values())
