"""The lawful range of a sentence, and where an actual sentence falls in it.

For one defendant at one instance, from the convicted counts:
1. each offence paragraph's statutory penalty, in the version applied (pinned, or the latest
   version in force during the offences);
2. habitual aggravation where a count cites the aggravation paragraph: the maximum is raised
   by one half (the statute's "2분의 1까지 가중"); its effect on the minimum is not modelled;
3. concurrent crimes (Criminal Act Art. 38(1)2): the heaviest maximum raised by one half, not
   above the sum of the maxima; a life penalty absorbs the rest (Art. 38(1)1);
4. fixed terms run from 1 month to 30 years, up to 50 years when aggravated (Art. 42);
5. mitigation (Arts. 53 and 55(1)3) can halve the minimum; suspension is lawful only for an
   imposed term of 3 years or less (Art. 62).
Aggravation is applied before the concurrent-crimes rule. Only imprisonment is compared.
A count whose statute has no penalty data makes the range incomplete, and that is said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casebook.corpus import Corpus
from casebook.formatting import term
from casebook.law import versions_during
from casebook.models.case import Case, CountOutcome, DefendantOutcome
from casebook.models.statute import ParagraphKind, Statute, StatuteVersion
from casebook.penalties import FIXED_TERM_CEILING_MONTHS

AGGRAVATED_CEILING_MONTHS = 50 * 12
SUSPENDABLE_MONTHS = 36


@dataclass
class LawfulRange:
    min_months: float
    max_months: float
    life_available: bool
    steps: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)
    single_offence: bool = False

    @property
    def mitigated_min_months(self) -> float:
        return self.min_months / 2

    @property
    def widest_max_months(self) -> float:
        """With one offence paragraph, several instances could still be concurrent crimes."""
        if self.single_offence:
            return min(self.max_months * 1.5, AGGRAVATED_CEILING_MONTHS)
        return self.max_months


def _version_applied(statute: Statute, case: Case, count) -> StatuteVersion | None:
    if count.version:
        return next((v for v in statute.versions if v.id == count.version), None)
    period = count.offence_period or case.offence_period
    if period is None:
        return statute.versions[-1]
    during = versions_during(statute, period.from_.earliest(), (period.to or period.from_).latest())
    return during[-1] if during else None


def lawful_range(
    corpus: Corpus, case: Case, outcome: DefendantOutcome, statutes: dict[str, Statute] | None = None
) -> LawfulRange | None:
    if statutes is None:  # callers looping over many outcomes pass the map once
        statutes = {k: r.model for k, r in corpus.by_id("statute").items()}
    offences = []  # (label, min, max, life, habitual)
    incomplete = []
    for count in outcome.counts:
        if count.outcome is not CountOutcome.CONVICTED:
            continue
        statute = statutes.get(count.statute)
        version = _version_applied(statute, case, count) if statute else None
        if version is None:
            incomplete.append(f"{count.statute}: no version on record for the offence dates")
            continue
        paragraphs = [p for p in version.paragraphs if p.number in count.paragraphs]
        habitual = any(p.kind is ParagraphKind.AGGRAVATION for p in paragraphs)
        for p in paragraphs:
            if p.kind is not ParagraphKind.OFFENCE:
                continue
            if p.penalty is None or p.penalty.imprisonment is None:
                if p.penalty is None:
                    incomplete.append(f"{statute.id} ¶{p.number}: no penalty data")
                continue
            prison = p.penalty.imprisonment
            maximum = prison.max_months or FIXED_TERM_CEILING_MONTHS
            label = f"{statute.id} ¶{p.number} (version {version.id})"
            offences.append((label, prison.min_months or 1, maximum, prison.life, habitual))
    if not offences:
        return None
    steps = []
    aggravated = False
    maxima = []
    for label, low, high, life, habitual in offences:
        line = f"{label}: {term(low)} to {term(high)}" + (" or life" if life else "")
        if habitual:
            raised = min(high * 1.5, AGGRAVATED_CEILING_MONTHS)
            line += f"; habitual: maximum raised by one half to {term(raised)}"
            high, aggravated = raised, True
        steps.append(line)
        maxima.append((life, high, low, label))
    maxima.sort(reverse=True)
    life, high, low, heaviest = maxima[0]
    if life:
        steps.append(f"heaviest offence {heaviest} carries life imprisonment (Criminal Act Art. 38(1)1)")
    if len(maxima) > 1:
        total = sum(m[1] for m in maxima)
        raised = min(high * 1.5, total, AGGRAVATED_CEILING_MONTHS)
        steps.append(
            f"concurrent crimes (Art. 38(1)2): heaviest maximum {term(high)} × 1.5 = {term(high * 1.5)}, "
            f"not above the sum of maxima {term(total)} → {term(raised)}"
        )
        high, aggravated = raised, True
    ceiling = AGGRAVATED_CEILING_MONTHS if aggravated else FIXED_TERM_CEILING_MONTHS
    if high > ceiling:
        steps.append(f"Criminal Act Art. 42 caps the term at {term(ceiling)}")
        high = ceiling
    low = max(m[2] for m in maxima)
    steps.append(
        f"lawful range: {term(low)} to {term(high)}"
        + (" or life" if life else "")
        + f"; with mitigation (Arts. 53, 55(1)3) from {term(low / 2)}"
    )
    return LawfulRange(low, high, life, steps, incomplete, single_offence=len(maxima) == 1)


def place_sentence(lawful: LawfulRange, outcome: DefendantOutcome) -> list[str]:
    """Where the actual sentence falls, in words."""
    sentence = outcome.sentence
    if sentence is None or sentence.imprisonment_months is None:
        return []
    months = sentence.imprisonment_months
    notes = []
    if months > lawful.widest_max_months:
        notes.append(f"above the lawful maximum ({term(lawful.widest_max_months)})")
    elif months == lawful.max_months:
        notes.append("at the statutory maximum")
    elif months < lawful.mitigated_min_months:
        notes.append(f"below even the mitigated minimum ({term(lawful.mitigated_min_months)})")
    elif months < lawful.min_months:
        notes.append(f"below the statutory minimum ({term(lawful.min_months)}): mitigation applied")
    else:
        notes.append("within the statutory range")
    if sentence.suspended:
        lawful_suspension = months <= SUSPENDABLE_MONTHS
        notes.append(
            "suspended (lawful: term of 3 years or less)"
            if lawful_suspension
            else "suspended although the term exceeds 3 years"
        )
    if lawful.incomplete:
        notes.append("range incomplete: " + "; ".join(lawful.incomplete))
    return notes


@dataclass
class GuidelineMatch:
    guideline_id: str
    crime_type: str
    tiers: list  # Tier models


def guideline_tiers(corpus: Corpus, indicted, counts) -> list[GuidelineMatch]:
    """Tiers of guidelines that apply by indictment date and cover a convicted count.

    Only guidelines whose rule of application is recorded as the indictment date, and only
    when the indictment date is known, are used; otherwise nothing is claimed.
    """
    if indicted is None:
        return []
    matches = []
    for record in corpus.typed("guideline"):
        g = record.model
        if g.applies_by != "indictment-date" or g.effective is None or g.effective > indicted.earliest():
            continue
        for crime in g.crime_types:
            covered = any(
                ref.statute == count.statute and (not ref.paragraphs or set(ref.paragraphs) & set(count.paragraphs))
                for ref in crime.statutes
                for count in counts
                if count.outcome is CountOutcome.CONVICTED
            )
            if covered and crime.tiers:
                matches.append(GuidelineMatch(g.id, crime.id, crime.tiers))
    return matches


def place_against_guideline(months: float, match: GuidelineMatch) -> str:
    basic = next((t for t in match.tiers if t.name == "basic"), None)
    if basic is None or basic.min_months is None or basic.max_months is None:
        return ""
    if months < basic.min_months:
        return f"below the basic range of {match.guideline_id} ({term(basic.min_months)} to {term(basic.max_months)})"
    if months > basic.max_months:
        return f"above the basic range of {match.guideline_id} ({term(basic.min_months)} to {term(basic.max_months)})"
    return f"within the basic range of {match.guideline_id}"
