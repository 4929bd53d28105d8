"""The statute record: one article of one act, with every version it has had."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Literal

from pydantic import Field

from casebook.models.case_number import CASE_NUMBER_PATTERN
from casebook.models.common import Date, Slug, Sources, StrictModel, Text
from casebook.models.vocabulary import Conduct, Material, MentalElement, ProtectedClass

ARTICLE_PATTERN = r"^[0-9]+(-[0-9]+)?$"


class VersionStatus(enum.StrEnum):
    IN_FORCE = "in-force"
    SUPERSEDED = "superseded"
    PROSPECTIVE = "prospective"
    REPEALED = "repealed"


class ParagraphKind(enum.StrEnum):
    OFFENCE = "offence"
    AGGRAVATION = "aggravation"
    ATTEMPT = "attempt"
    DEFINITION = "definition"
    PROCEDURE = "procedure"
    GENERAL_RULE = "general-rule"


class Imprisonment(StrictModel):
    """Imprisonment (징역) as the paragraph states it. Months; halves allowed (15 days)."""

    min_months: float | None = Field(
        None,
        ge=0.5,
        multiple_of=0.5,
        description="Statutory minimum (N년 이상). Omit when none is stated (Criminal Act Art. 42: 1 month).",
    )
    max_months: float | None = Field(
        None,
        ge=0.5,
        multiple_of=0.5,
        description="Statutory maximum (N년 이하). Omit for a fixed term with no stated maximum "
        "(유기징역: up to 30 years, Criminal Act Art. 42).",
    )
    life: bool = Field(False, description="Life imprisonment (무기징역) is available.")


class Penalty(StrictModel):
    imprisonment: Imprisonment | None = None
    fine_max_krw: int | None = Field(None, ge=1, description="Maximum fine in KRW (N원 이하의 벌금).")
    disqualification_max_years: float | None = Field(
        None, gt=0, description="Maximum suspension of qualifications (자격정지), years."
    )
    combination: Literal["prison-only", "fine-only", "alternative", "cumulative"] = Field(
        description="prison-only; fine-only; alternative (징역 또는 벌금); cumulative (both may be imposed)."
    )


class MaterialEquivalence(StrictModel):
    """A definition's rule that material of one kind counts as another when a condition holds.

    E.g. Youth Act Art. 2(5): a synthetic image of a minor counts as CSEM if it is a
    representation clearly recognisable as a child or youth. The penalty lookup then lists the
    other kind's provisions as applying "if" the condition holds, with the decisions that set it.
    """

    material: Material = Field(description="The material as described, e.g. synthetic.")
    counts_as: Material = Field(description="The material it counts as when the condition holds, e.g. csem.")
    condition_en: Text = Field(description="The condition, in words, starting with 'if'.")
    condition_ko: Text | None = None
    decisions: list[Annotated[str, Field(pattern=CASE_NUMBER_PATTERN)]] = Field(
        default_factory=list, description="Case numbers of the decisions that set the test, e.g. 2024도17801."
    )
    sources: Sources


class Paragraph(StrictModel):
    number: int = Field(ge=1, description="Paragraph number (항): ① = 1.")
    item: int | None = Field(None, ge=1, description="Item number (호) where the provision is an item.")
    kind: ParagraphKind
    text_ko: Text | None = Field(None, description="Korean text as promulgated; omit if not retrieved.")
    text_status: Literal["full", "excerpt", "not-retrieved"] = Field(
        description="Whether text_ko is the whole paragraph, an excerpt, or absent."
    )
    revision_tags_ko: Text | None = Field(None, description="The tag printed after the text, e.g. '<개정 2024.10.16>'.")
    summary_en: Text
    conducts: list[Conduct] = Field(default_factory=list, description="Conducts this paragraph punishes.")
    materials: list[Material] = Field(
        default_factory=list, description="What the conduct concerns: filmed, synthetic, csem, obscene, statement."
    )
    protects: ProtectedClass | None = Field(None, description="Whom the offence protects.")
    mental_elements: list[MentalElement] = Field(
        default_factory=list, description="Purpose or intent the offence requires."
    )
    penalty: Penalty | None = None
    habitual_aggravation: bool | None = Field(
        None, description="Whether habitual commission is aggravated (상습범 가중); omit if unknown."
    )
    attempt_punishable: bool | None = Field(
        None, description="Whether attempts are punished (미수범); omit if unknown."
    )
    aggravates: list[int] = Field(
        default_factory=list, description="For aggravation paragraphs: the paragraphs whose penalty is raised."
    )
    aggravation_factor: Literal["1/2"] | None = Field(
        None, description="For aggravation paragraphs: how far the penalty is raised."
    )
    treats_as: list[MaterialEquivalence] = Field(
        default_factory=list, description="For definitions: material that counts as another kind if a condition holds."
    )
    note_en: Text | None = None
    sources: Sources


class AmendingAct(StrictModel):
    """An act (법률 제N호) that made this version, with the addendum clause dating it."""

    number: int = Field(ge=1, description="The N of 법률 제N호.")
    promulgated: Date | None = Field(None, description="Promulgation date (공포일).")
    effective_basis_ko: Text | None = Field(None, description="The addendum (부칙) clause fixing the effective date.")
    note_en: Text | None = None


class StatuteVersion(StrictModel):
    id: Slug = Field(description="Stable id of the version; by convention its effective date, e.g. 2024-10-16.")
    effective: Date | None = Field(
        None,
        description="Date the version took effect (시행일), from the act's addenda (부칙). "
        "Omit only when no source gives it, and give known_in_force_on instead.",
    )
    known_in_force_on: Date | None = Field(
        None,
        description="Where the effective date is unknown: a date on which a source shows this text in force "
        "(e.g. the date of the consolidated text it was read from).",
    )
    amending_acts: list[AmendingAct] = Field(
        default_factory=list, description="The act or acts that made this version (several may take effect on one day)."
    )
    status: VersionStatus
    repealed: Date | None = Field(None, description="For status 'repealed': the date the article ceased to apply.")
    summary_en: Text
    changes_en: Text | None = Field(None, description="What this version changed, in words.")
    paragraphs: list[Paragraph] = Field(min_length=1)
    sources: Sources

    @property
    def starts(self) -> dt.date:
        """The effective date, or (if unknown) the earliest date it is known to be in force."""
        # A version with neither date is already an error (E207); date.min avoids knock-on errors.
        return self.effective or self.known_in_force_on or dt.date.min


class Act(StrictModel):
    title_ko: Text
    short_title_ko: Text | None = Field(None, description="Official short title (약칭), e.g. 성폭력처벌법.")
    title_en: Text
    law_go_kr_id: Text | None = Field(None, description="law.go.kr identifier (법령ID) where known.")


class Statute(StrictModel):
    id: Slug
    act: Act
    article: str = Field(pattern=ARTICLE_PATTERN, description="Article number: 14, or 14-2 for 제14조의2.")
    heading_ko: Text
    heading_en: Text
    versions: list[StatuteVersion] = Field(min_length=1, description="Every known version, oldest first.")
    notes_en: Text | None = None
    updated: Date = Field(description="When this record was last changed in substance.")
