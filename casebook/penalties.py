"""Penalty lookup: which provisions punish a conduct on a date, and which law governs a judgment.

Answers "what could someone get for X on date D": every offence paragraph in force on D
that covers the conduct, the material and the victim class, with its penalty and a citation
pinned to the version. With a judgment date it applies Criminal Act Art. 1: the law at the
time of the act governs, unless a later law (in force at judgment) no longer punishes the act
(Art. 1(2): decriminalised) or punishes it more lightly, in which case the new law applies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casebook.corpus import Corpus
from casebook.law import version_in_force
from casebook.models.statute import Paragraph, ParagraphKind, Penalty, Statute, StatuteVersion

FIXED_TERM_CEILING_MONTHS = 30 * 12  # Criminal Act Art. 42: a fixed term with no stated maximum runs to 30 years
VICTIM_CLASSES = {"adult": {"anyone", "public"}, "child": {"anyone", "public", "children-and-youth"}}


@dataclass(frozen=True)
class Provision:
    statute: Statute
    version: StatuteVersion
    paragraph: Paragraph

    @property
    def penalty(self) -> Penalty:
        return self.paragraph.penalty

    def citation_ko(self) -> str:
        act = self.statute.act.short_title_ko or self.statute.act.title_ko
        main, _, branch = self.statute.article.partition("-")
        article = f"제{main}조의{branch}" if branch else f"제{main}조"
        when = self.version.effective
        pinned = f" ({when.year}. {when.month}. {when.day}. 시행)" if when else ""
        return f"{act} {article} 제{self.paragraph.number}항{pinned}"

    def citation_en(self) -> str:
        when = self.version.effective.isoformat() if self.version.effective else "date not retrieved"
        return f"{self.statute.act.title_en}, Art. {self.statute.article}({self.paragraph.number}) (version in force from {when})"

    def key(self) -> tuple[str, int]:
        return (self.statute.id, self.paragraph.number)


def severity(penalty: Penalty) -> tuple:
    """Sort key: a larger key is a heavier penalty (life; then maximum; then minimum; then fine)."""
    prison = penalty.imprisonment
    life = bool(prison and prison.life)
    maximum = 0.0
    minimum = 0.0
    if prison:
        maximum = prison.max_months or FIXED_TERM_CEILING_MONTHS
        minimum = prison.min_months or 0.0
    return (life, maximum, minimum, penalty.fine_max_krw or 0)


def paragraphs_in_force(corpus: Corpus, on: dt.date):
    """(statute, version, paragraph) for every paragraph of every article in force on `on`."""
    for record in corpus.typed("statute"):
        statute = record.model
        version = version_in_force(statute, on)
        if version is not None:
            for paragraph in version.paragraphs:
                yield statute, version, paragraph


def provisions_on(
    corpus: Corpus,
    conduct: str,
    victim: str,
    on: dt.date,
    material: str | None = "synthetic",
    lacking: frozenset[str] = frozenset(),
) -> list[Provision]:
    """Offence paragraphs in force on `on` covering the conduct, material and victim class.

    `lacking` names mental elements the facts do not have (e.g. purpose-of-distribution):
    paragraphs that require one of them are left out.
    """
    protected = VICTIM_CLASSES[victim]
    found = []
    for statute, version, paragraph in paragraphs_in_force(corpus, on):
        if paragraph.kind is not ParagraphKind.OFFENCE or paragraph.penalty is None:
            continue
        if conduct not in {c.value for c in paragraph.conducts}:
            continue
        if material and paragraph.materials and material not in {m.value for m in paragraph.materials}:
            continue
        if paragraph.protects is None or paragraph.protects.value not in protected:
            continue
        if lacking & {m.value for m in paragraph.mental_elements}:
            continue
        found.append(Provision(statute, version, paragraph))
    return sorted(found, key=lambda p: (p.statute.id, p.paragraph.number))


@dataclass(frozen=True)
class Governing:
    """Which law governs one provision at judgment, and why (Criminal Act Art. 1)."""

    at_offence: Provision
    at_judgment: Provision | None
    applies: Provision | None
    reason: str


def governing_law(corpus: Corpus, provision: Provision, judged: dt.date) -> Governing:
    later_version = version_in_force(provision.statute, judged)
    paragraph = _matching_paragraph(provision, later_version) if later_version else None
    later = Provision(provision.statute, later_version, paragraph) if paragraph else None
    if later is None:
        return Governing(
            provision,
            None,
            None,
            "Criminal Act Art. 1(2): the act no longer constitutes a crime under this article at judgment, "
            "so it is not punishable under it",
        )
    if later_version is provision.version:
        return Governing(
            provision,
            provision,
            provision,
            "Criminal Act Art. 1(1): the same version was in force at the act and at judgment",
        )
    if severity(later.penalty) < severity(provision.penalty):
        return Governing(
            provision,
            later,
            later,
            "Criminal Act Art. 1(2): the law was changed after the act and the new penalty is lighter, so the new law applies",
        )
    return Governing(
        provision,
        later,
        provision,
        "Criminal Act Art. 1(1): the law at the time of the act applies (the later version is not lighter)",
    )


def _matching_paragraph(provision: Provision, version: StatuteVersion) -> Paragraph | None:
    """The paragraph of another version that punishes the same conduct (numbers may change)."""
    wanted = {c.value for c in provision.paragraph.conducts}
    for paragraph in version.paragraphs:
        if paragraph.kind is ParagraphKind.OFFENCE and wanted & {c.value for c in paragraph.conducts}:
            return paragraph
    return None
