"""What punished one conduct over time: provisions that apply outright and those that apply on a condition.

The one source of truth for `penalty --on` and `penalty --from/--to`, the site's penalty tool
(which receives these segments precomputed, casebook/site/tooldata.py) and the Penalties page.

- Outright: the offence paragraphs in force that cover the conduct, material and victim class
  (casebook.penalties.provisions_on).
- On a condition: a definition in force may treat the material as another kind when a condition
  holds (`treats_as`, e.g. Youth Act Art. 2(5): a synthetic image of a minor is CSEM if it is a
  representation clearly recognisable as a child or youth, 2024도17801); that kind's provisions
  are listed with the condition and the decisions that set it.
- Periods: the answer is constant between the days on which some version starts or ends, so a
  period is cut into segments at those days. Possession and storage are continuing offences
  (계속범): kept through a period, they are punishable from the day a provision takes effect to
  the end (Supreme Court, reported by Chosun Ilbo 2026-05-18); an act done once (viewing) falls
  under the segment of its own date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casebook.corpus import Corpus
from casebook.law import version_end
from casebook.models.statute import ParagraphKind
from casebook.models.vocabulary import CONTINUING_CONDUCTS
from casebook.penalties import Provision, paragraphs_in_force, provisions_on

CONTINUING_SOURCE = "chosun-2026-05-18-supreme-court-possession-continuing-offence"


@dataclass(frozen=True)
class Condition:
    """The condition under which a definition treats the material as another kind."""

    text_en: str
    text_ko: str | None
    decisions: tuple[str, ...]
    definition_ko: str  # e.g. 청소년성보호법 제2조 제5호
    statute: str
    counts_as: str

    def key(self) -> tuple:
        return (self.statute, self.counts_as, self.text_en)


@dataclass(frozen=True)
class Finding:
    provision: Provision
    condition: Condition | None = None

    def key(self) -> tuple:
        p = self.provision
        return (p.statute.id, p.version.id, p.paragraph.number, self.condition.key() if self.condition else ())


@dataclass(frozen=True)
class Segment:
    start: dt.date
    end: dt.date | None  # inclusive; None: still so today (or at the end asked about)
    findings: tuple[Finding, ...]

    def key(self) -> tuple:
        return tuple(f.key() for f in self.findings)


def _definition_ko(statute, paragraph) -> str:
    act = statute.act.short_title_ko or statute.act.title_ko
    main, _, branch = statute.article.partition("-")
    article = f"제{main}조의{branch}" if branch else f"제{main}조"
    return f"{act} {article}" + (f" 제{paragraph.item}호" if paragraph.item else f" 제{paragraph.number}항")


def conditions_on(corpus: Corpus, material: str, on: dt.date) -> list[Condition]:
    """Definitions in force on `on` that treat `material` as another kind on a condition."""
    found = []
    for statute, _version, paragraph in paragraphs_in_force(corpus, on):
        if paragraph.kind is ParagraphKind.DEFINITION:
            for rule in paragraph.treats_as:
                if rule.material.value == material:
                    found.append(
                        Condition(
                            rule.condition_en,
                            rule.condition_ko,
                            tuple(rule.decisions),
                            _definition_ko(statute, paragraph),
                            statute.id,
                            rule.counts_as.value,
                        )
                    )
    return found


def findings_on(
    corpus: Corpus,
    conduct: str,
    victim: str,
    on: dt.date,
    material: str = "synthetic",
    lacking: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Every provision punishing the conduct on `on`: outright first, then those on a condition."""
    outright = [Finding(p) for p in provisions_on(corpus, conduct, victim, on, material, lacking)]
    seen = {f.provision.key() for f in outright}
    conditional = []
    for condition in conditions_on(corpus, material, on):
        for p in provisions_on(corpus, conduct, victim, on, condition.counts_as, lacking):
            if p.key() not in seen:
                seen.add(p.key())
                conditional.append(Finding(p, condition))
    return outright + conditional


def change_days(corpus: Corpus) -> list[dt.date]:
    """Every day on which some version starts, or the day after one ends: the answer can change only then."""
    days = set()
    for record in corpus.typed("statute"):
        statute = record.model
        for index, version in enumerate(statute.versions):
            if version.starts != dt.date.min:
                days.add(version.starts)
            end = version_end(statute, index)
            if end is not None:
                days.add(end + dt.timedelta(days=1))
    return sorted(days)


def timeline(
    corpus: Corpus,
    conduct: str,
    victim: str,
    start: dt.date,
    end: dt.date | None,
    material: str = "synthetic",
    lacking: frozenset[str] = frozenset(),
    days: list[dt.date] | None = None,
) -> list[Segment]:
    """The answer for each stretch of [start, end] over which it does not change (end None: to today and on)."""
    days = change_days(corpus) if days is None else days
    cuts = [start] + [d for d in days if start < d and (end is None or d <= end)]
    segments: list[Segment] = []
    for i, cut in enumerate(cuts):
        stop = cuts[i + 1] - dt.timedelta(days=1) if i + 1 < len(cuts) else end
        found = tuple(findings_on(corpus, conduct, victim, cut, material, lacking))
        if segments and segments[-1].key() == Segment(cut, stop, found).key():
            segments[-1] = Segment(segments[-1].start, stop, segments[-1].findings)
        else:
            segments.append(Segment(cut, stop, found))
    return segments


def is_continuing(conduct: str) -> bool:
    return conduct in CONTINUING_CONDUCTS
