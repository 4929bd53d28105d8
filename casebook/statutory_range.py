"""The statutory range (법률상 처단형의 범위): the range a court must sentence within, step by step.

Owns the arithmetic of the Criminal Act's general part over the counts of one judgment:
each count is one offence paragraph in the version in force on the count's date (Art. 1(1)),
and the steps follow the order of Art. 56:

1. the penalty type (형의 선택): imprisonment wherever a count allows it; a fixed term where
   life is an alternative (유기징역형 선택); fixed terms run from 1 month to 30 years (Art. 42);
2. aggravation under the special part: a count citing a habitual paragraph ("그 죄에 정한 형의
   2분의 1까지 가중") has both ends raised by one half (ASSUMPTION: both ends, not only the
   maximum; no judgment in Casebook states such a range yet);
3. repeat offence (누범, Art. 35(2)): the maximum doubled, the minimum unchanged;
4. statutory mitigation (법률상 감경, Art. 55(1)): a fixed term halved at both ends (item 3), life
   becomes 10 to 50 years (item 2); applied to every count when asked;
5. concurrent crimes (경합범, Arts. 37 전단, 38(1), 50): the heaviest count by Art. 50 (type first,
   then the longer maximum, then the longer minimum, as the counts stand after steps 1-4);
   life for the heaviest absorbs the rest (Art. 38(1)1); otherwise its maximum is raised by one
   half, not above the sum of all the counts' maxima (Art. 38(1)2) nor 50 years (Art. 42); the
   minimum is the highest of the counts' minima (ASSUMPTION: Casebook's two worked judgments
   cannot tell it from the heaviest count's own minimum);
6. discretionary mitigation (정상참작감경, Arts. 53, 55(1)3): both ends halved (life: 10-50 years);
7. Art. 42's limits: 30 years, or 50 where the term was aggravated;
then whether the term imposed can be suspended (Art. 62(1): 3 years or less).

Terms are exact fractions of a month; halving 1 year 3 months gives 7 months 15 days, as
judgments write it, and a third of 8 months is 2 months 20 days (30-day months). The Criminal
Act articles are cited by their records; their versions are dated only by the mirror snapshot
(see statutes/criminal-act-*.yaml), and the rules are taken as unchanged for the dates counted.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from fractions import Fraction

from casebook.formatting import DAYS_PER_MONTH, term, term_ko
from casebook.law import explain_in_force, version_in_force
from casebook.models.statute import Paragraph, ParagraphKind, Statute, StatuteVersion

FIXED_TERM_MIN = Fraction(1)  # Criminal Act Art. 42: 1 month
FIXED_TERM_MAX = Fraction(30 * 12)  # 30 years
AGGRAVATED_MAX = Fraction(50 * 12)  # 50 years when a fixed term is aggravated
MITIGATED_LIFE = (Fraction(10 * 12), Fraction(50 * 12))  # Art. 55(1)2
SUSPENDABLE_MAX = Fraction(36)  # Art. 62(1): 3 years or less
HALF = Fraction(1, 2)


class RangeError(ValueError):
    """A count that cannot be ranged: the message says which and why, in one line."""


@dataclass(frozen=True)
class CountSpec:
    """One count as charged: an offence paragraph (plus a habitual paragraph, if cited) on a date."""

    statute: str
    paragraphs: tuple[int, ...] = ()
    on: dt.date | None = None
    version: str | None = None  # pin a version by id instead of a date
    label: str | None = None

    def describe(self) -> str:
        if self.label:
            return self.label
        paras = f":{','.join(map(str, self.paragraphs))}" if self.paragraphs else ""
        return f"{self.statute}{paras}" + (f"@{self.on}" if self.on else "")


@dataclass
class Term:
    """A range of imprisonment: a fixed term (low to high months) or life only."""

    low: Fraction | None
    high: Fraction | None
    life: bool = False

    def words(self) -> str:
        if self.life:
            return "life imprisonment"
        return f"{term(self.low)} to {term(self.high)}"

    def fraction_note(self) -> str:
        """Halving can leave part of a day: words show whole days, the months stay exact."""
        exact = [
            f"the exact {name} is {float(v):g} months, whole days are shown"
            for name, v in (("minimum", self.low), ("maximum", self.high))
            if v is not None and (v * DAYS_PER_MONTH).denominator != 1
        ]
        return f" ({'; '.join(exact)})" if exact else ""

    def words_ko(self) -> str:
        if self.life:
            return "무기징역"
        return f"징역 {term_ko(self.low)}∼{term_ko(self.high)}"


@dataclass(frozen=True)
class Step:
    key: str  # count, habitual, repeat, statutory-mitigation, concurrent, discretionary-mitigation, ceiling, result
    article: str
    text: str
    after: Term
    statutes: tuple[str, ...] = ()


@dataclass
class CountTerm:
    spec: CountSpec
    statute: Statute
    version: StatuteVersion
    paragraph: Paragraph
    term: Term
    habitual: bool = False

    @property
    def label(self) -> str:
        return f"{self.statute.id} ¶{self.paragraph.number} (version {self.version.id})"

    def severity(self) -> tuple:
        """Criminal Act Art. 50: type first (life heavier), then the longer maximum, then the longer minimum."""
        return (self.term.life, self.term.high or 0, self.term.low or 0)


@dataclass
class StatutoryRange:
    term: Term
    counts: list[CountTerm]
    steps: list[Step] = field(default_factory=list)
    heaviest: CountTerm | None = None
    suspension_possible: bool = False
    suspension_text: str = ""

    @property
    def min_months(self) -> float | None:
        return float(self.term.low) if self.term.low is not None else None

    @property
    def max_months(self) -> float | None:
        return float(self.term.high) if self.term.high is not None else None


def resolve_count(statutes: dict[str, Statute], spec: CountSpec) -> tuple[Statute, StatuteVersion, Paragraph, bool]:
    """The statute, the version in force on the count's date, its offence paragraph and whether habitual."""
    statute = statutes.get(spec.statute)
    if statute is None:
        close = difflib.get_close_matches(spec.statute, list(statutes), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise RangeError(f"count {spec.describe()}: unknown statute '{spec.statute}'{hint}")
    if spec.version is not None:
        version = next((v for v in statute.versions if v.id == spec.version), None)
        if version is None:
            raise RangeError(
                f"count {spec.describe()}: '{statute.id}' has no version '{spec.version}' "
                f"(versions: {', '.join(v.id for v in statute.versions)})"
            )
    elif spec.on is None:
        raise RangeError(f"count {spec.describe()}: no offence date; give STATUTE@YYYY-MM-DD or --on")
    else:
        version = version_in_force(statute, spec.on)
        if version is None:
            _, reason = explain_in_force(statute, spec.on)
            precedes = spec.on < statute.versions[0].starts
            lead = "the offence date precedes the provision" if precedes else "no version applies"
            raise RangeError(f"count {spec.describe()}: {lead} ({spec.on}): {reason}")
    offences = [p for p in version.paragraphs if p.kind is ParagraphKind.OFFENCE]
    if spec.paragraphs:
        numbers = {p.number for p in version.paragraphs}
        missing = [n for n in spec.paragraphs if n not in numbers]
        if missing:
            raise RangeError(
                f"count {spec.describe()}: version {version.id} of '{statute.id}' has no paragraph "
                f"{', '.join(map(str, missing))} (paragraphs: {', '.join(map(str, sorted(numbers)))})"
            )
        chosen = [p for p in offences if p.number in spec.paragraphs]
    else:
        chosen = offences if len(offences) == 1 else []
    if spec.paragraphs and not chosen:
        _refuse_later_offence(statute, version, spec)
    if len(chosen) != 1:
        listed = ", ".join(str(p.number) for p in offences) or "none"
        raise RangeError(
            f"count {spec.describe()}: name exactly one offence paragraph, e.g. {statute.id}:{offences[0].number if offences else 1} "
            f"(offence paragraphs of version {version.id}: {listed}); give each offence its own --count"
        )
    paragraph = chosen[0]
    habitual = any(
        p.kind is ParagraphKind.AGGRAVATION and p.number in spec.paragraphs and paragraph.number in p.aggravates
        for p in version.paragraphs
    )
    if paragraph.penalty is None:
        raise RangeError(f"count {spec.describe()}: {statute.id} ¶{paragraph.number} has no penalty data")
    if paragraph.penalty.imprisonment is None:
        raise RangeError(
            f"count {spec.describe()}: {statute.id} ¶{paragraph.number} carries no imprisonment "
            "(a fine only); Casebook computes ranges of imprisonment"
        )
    return statute, version, paragraph, habitual


def _refuse_later_offence(statute: Statute, version: StatuteVersion, spec: CountSpec) -> None:
    """A paragraph that is an offence only in a later version: say plainly that the date precedes it."""
    index = statute.versions.index(version)
    for later in statute.versions[index + 1 :]:
        for p in later.paragraphs:
            if p.number in spec.paragraphs and p.kind is ParagraphKind.OFFENCE:
                now = next((q for q in version.paragraphs if q.number == p.number), None)
                then = f"; on {spec.on} ¶{p.number} is {'the ' + now.kind.value + ' paragraph' if now else 'absent'}"
                raise RangeError(
                    f"count {spec.describe()}: the offence date precedes the provision: {statute.id} ¶{p.number} "
                    f"({p.summary_en.split(':')[0]}) takes effect on {later.starts}{then if spec.on else ''}"
                )


def _chosen_term(paragraph: Paragraph) -> tuple[Term, str]:
    """Step 1: the penalty type chosen and the fixed-term range it gives, in words."""
    prison = paragraph.penalty.imprisonment
    fixed = prison.min_months is not None or prison.max_months is not None or not prison.life
    if not fixed:
        return Term(None, None, life=True), "life imprisonment is the only term"
    low = Fraction(prison.min_months).limit_denominator() if prison.min_months else FIXED_TERM_MIN
    high = Fraction(prison.max_months).limit_denominator() if prison.max_months else FIXED_TERM_MAX
    notes = []
    if prison.life:
        notes.append("유기징역 chosen over life imprisonment")
    elif paragraph.penalty.fine_max_krw:
        notes.append("징역 chosen over the fine")
    if not prison.min_months:
        notes.append("no stated minimum: 1 month (Criminal Act Art. 42)")
    if not prison.max_months:
        notes.append("no stated maximum: 30 years (Criminal Act Art. 42)")
    return Term(low, high), "; ".join(notes)


def _halve(t: Term) -> Term:
    if t.life:
        return Term(*MITIGATED_LIFE)
    return Term(t.low * HALF, t.high * HALF)


def statutory_range(
    statutes: dict[str, Statute],
    specs: list[CountSpec],
    *,
    repeat: bool = False,
    statutory_mitigation: bool = False,
    discretionary_mitigation: bool = False,
) -> StatutoryRange:
    """The statutory range for the counts, with every step in words. Raises RangeError."""
    if not specs:
        raise RangeError("no count given")
    steps: list[Step] = []
    counts: list[CountTerm] = []
    aggravated = False
    for spec in specs:
        statute, version, paragraph, habitual = resolve_count(statutes, spec)
        t, how = _chosen_term(paragraph)
        count = CountTerm(spec, statute, version, paragraph, t, habitual)
        dated = f" on {spec.on}" if spec.on else ""
        steps.append(
            Step(
                "count",
                f"{statute.id} ¶{paragraph.number}",
                f"{count.label}, in force{dated}: {t.words()}" + (f" ({how})" if how else ""),
                t,
                (statute.id,),
            )
        )
        if habitual:  # Art. 56 item 1: aggravation under the special part
            if not t.life:
                t = Term(t.low * Fraction(3, 2), t.high * Fraction(3, 2))
                aggravated = True
            steps.append(
                Step(
                    "habitual",
                    f"{statute.id} (habitual paragraph); Criminal Act Art. 56 item 1",
                    f"{count.label}: habitual, both ends raised by one half → {t.words()}",
                    t,
                    (statute.id, "criminal-act-56"),
                )
            )
        if repeat:  # Art. 56 item 3
            if not t.life:
                t = Term(t.low, t.high * 2)
                aggravated = True
            steps.append(
                Step(
                    "repeat",
                    "Criminal Act Art. 35(2); Art. 56 item 3",
                    f"{count.label}: repeat offence, maximum doubled → {t.words()}",
                    t,
                    ("criminal-act-35", "criminal-act-56"),
                )
            )
        if statutory_mitigation:  # Art. 56 item 4
            t = _halve(t)
            steps.append(
                Step(
                    "statutory-mitigation",
                    "Criminal Act Art. 55(1); Art. 56 item 4",
                    f"{count.label}: statutory mitigation, halved → {t.words()}{t.fraction_note()}",
                    t,
                    ("criminal-act-55", "criminal-act-56"),
                )
            )
        count.term = t
        counts.append(count)
    heaviest = max(counts, key=CountTerm.severity)  # max keeps the first of equals: the order charged
    result = heaviest.term
    if len(counts) > 1:
        if heaviest.term.life:
            result = Term(None, None, life=True)
            text = f"concurrent crimes: the heaviest, {heaviest.label}, carries life imprisonment, which absorbs the others"
            article = "Criminal Act Arts. 37 전단, 38(1)1, 50"
        else:
            raised = heaviest.term.high * Fraction(3, 2)
            total = sum(c.term.high for c in counts if not c.term.life)
            high = min(raised, total, AGGRAVATED_MAX)
            low = max(c.term.low for c in counts if not c.term.life)
            bound = (
                "the sum of the maxima"
                if high == total and total < raised
                else (
                    "the 50-year limit (Art. 42)" if high == AGGRAVATED_MAX and raised > AGGRAVATED_MAX else "one half"
                )
            )
            text = (
                f"concurrent crimes: heaviest {heaviest.label} (Art. 50: longest maximum, then longest minimum); "
                f"its maximum {term(heaviest.term.high)} × 1.5 = {term(raised)}, sum of the maxima {term(total)}, "
                f"50-year limit → {term(high)} (bound: {bound}); minimum: the highest minimum, {term(low)}"
            )
            article = "Criminal Act Arts. 37 전단, 38(1)2, 50"
            result = Term(low, high)
            aggravated = True
        steps.append(
            Step("concurrent", article, text, result, ("criminal-act-37", "criminal-act-38", "criminal-act-50"))
        )
    ceiling = AGGRAVATED_MAX if aggravated else FIXED_TERM_MAX
    if not result.life and result.high > ceiling:
        result = Term(result.low, ceiling)
        steps.append(
            Step(
                "ceiling",
                "Criminal Act Art. 42",
                f"a fixed term may not exceed {term(ceiling)}",
                result,
                ("criminal-act-42",),
            )
        )
    if discretionary_mitigation:  # Art. 56 item 6
        item = "2" if result.life else "3"
        result = _halve(result)
        steps.append(
            Step(
                "discretionary-mitigation",
                f"Criminal Act Arts. 53, 55(1){item}; Art. 56 item 6",
                f"discretionary mitigation (정상참작감경): halved → {result.words()}{result.fraction_note()}",
                result,
                ("criminal-act-53", "criminal-act-55", "criminal-act-56"),
            )
        )
    steps.append(
        Step("result", "법률상 처단형의 범위", f"statutory range: {result.words()} ({result.words_ko()})", result)
    )
    out = StatutoryRange(result, counts, steps, heaviest)
    out.suspension_possible, out.suspension_text = _suspension(result, discretionary_mitigation)
    return out


def _suspension(result: Term, mitigated: bool) -> tuple[bool, str]:
    """Criminal Act Art. 62(1): only a term of 3 years or less can be suspended."""
    if result.life:
        return False, "suspension is not possible: the range is life imprisonment (Art. 62(1): 3 years or less)"
    if result.low <= SUSPENDABLE_MAX:
        return True, (
            f"suspension is possible: the court may impose {term(min(result.high, SUSPENDABLE_MAX))} or less "
            "(Art. 62(1): 3 years or less), unless the offence falls within its proviso (committed within 3 years "
            "of serving a sentence of 금고 or heavier)"
        )
    hint = "" if mitigated else f"; with discretionary mitigation the minimum would be {term(result.low * HALF)}"
    return False, f"suspension is not possible: the lowest term is {term(result.low)}, above 3 years (Art. 62(1)){hint}"
