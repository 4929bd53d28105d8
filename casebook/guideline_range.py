"""Sentencing-guideline ranges combined: the multiple-offence rule and the clip to the statutory range.

Owns two computations a judgment's 양형의 이유 shows:
- 다수범죄 처리기준: the recommended ranges of several crimes, heaviest first as the judgment
  orders them (제1범죄, 제2범죄, …), combine into one: the lower limit is the first crime's and the
  upper limit adds each crime's upper limit times the rule's fraction (1, 1/2, 1/3, as recorded in
  the guideline record's `multiple_offences`);
- 처단형에 따라 수정된 권고형의 범위: where that range leaves the statutory range, the statutory
  limit is used.
Terms are exact fractions of a month (a third of 8 months is 2 months 20 days).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from casebook.formatting import term
from casebook.models.guideline import MultipleOffencesRule

FRACTIONS = {"1": Fraction(1), "1/2": Fraction(1, 2), "1/3": Fraction(1, 3)}


@dataclass
class GuidelineRange:
    low: Fraction
    high: Fraction
    steps: list[str] = field(default_factory=list)

    @property
    def min_months(self) -> float:
        return float(self.low)

    @property
    def max_months(self) -> float:
        return float(self.high)


def _exact(months) -> Fraction:
    return Fraction(months).limit_denominator(10_000)


def combine(rule: MultipleOffencesRule, ranges: list[tuple[float, float]]) -> GuidelineRange:
    """The multiple-offence range of crimes given heaviest first, each as (lower, upper) months."""
    if not ranges:
        raise ValueError("no guideline range given")
    shares = [FRACTIONS[f] for f in rule.upper_fractions]
    low = _exact(ranges[0][0])
    high = Fraction(0)
    parts = []
    for n, (_, upper) in enumerate(ranges):
        share = shares[n] if n < len(shares) else Fraction(0)
        added = _exact(upper) * share
        high += added
        if share:
            label = "upper limit" if share == 1 else f"{share} of the upper limit"
            parts.append(f"crime {n + 1}'s {label} {term(_exact(upper))} → {term(added)}")
        else:
            parts.append(f"crime {n + 1} adds nothing (the rule lists {len(shares)} crimes)")
    high = max(high, low)
    steps = [
        f"multiple-offence rule: lower limit = crime 1's, {term(low)}; upper limit = "
        + " + ".join(parts)
        + f" = {term(high)}"
    ]
    return GuidelineRange(low, high, steps)


def clip(guideline: GuidelineRange, statutory_low, statutory_high) -> GuidelineRange:
    """The recommended range as modified by the statutory range (처단형에 따라 수정된 권고형의 범위)."""
    low, high = guideline.low, guideline.high
    s_low = _exact(statutory_low)
    s_high = _exact(statutory_high) if statutory_high is not None else None
    steps = list(guideline.steps)
    if low < s_low:
        steps.append(f"the lower limit {term(low)} is below the statutory minimum: {term(s_low)} is used")
        low = s_low
    if s_high is not None and high > s_high:
        steps.append(f"the upper limit {term(high)} is above the statutory maximum: {term(s_high)} is used")
        high = s_high
    if s_high is not None and low > s_high:
        low = s_high
    if len(steps) == len(guideline.steps):
        steps.append("within the statutory range: unchanged")
    return GuidelineRange(low, max(high, low), steps)
