"""The guideline record: one edition (or pending revision) of a sentencing guideline.

Ranges are entered only where a source gives them; an edition whose ranges are unknown
has crime types without tiers and says so.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from casebook.models.common import Date, PartialDate, Slug, Sources, StrictModel, Text


class StatuteRef(StrictModel):
    statute: Slug
    paragraphs: list[int] = Field(default_factory=list)


class Tier(StrictModel):
    name: Literal["mitigated", "basic", "aggravated", "special-aggravated", "habitual", "multiple"]
    min_months: float | None = Field(None, ge=0, multiple_of=0.5)
    max_months: float | None = Field(None, gt=0, multiple_of=0.5)
    note_en: Text | None = None
    sources: Sources


class CrimeType(StrictModel):
    id: Slug
    name_ko: Text
    name_en: Text
    statutes: list[StatuteRef] = Field(default_factory=list)
    tiers: list[Tier] = Field(default_factory=list, description="Empty when no source gives the ranges.")
    note_en: Text | None = None


class MultipleOffencesRule(StrictModel):
    """다수범죄 처리기준: how the recommended ranges of several crimes combine, as a source states it."""

    upper_fractions: list[Literal["1", "1/2", "1/3"]] = Field(
        min_length=1,
        description="Share of each crime's upper limit added, heaviest first: [1, 1/2, 1/3] = first crime's upper "
        "limit + half the second's + a third of the third's; crimes beyond the list add nothing.",
    )
    lower: Literal["first"] = Field(description="first: the lower limit is the first (heaviest) crime's lower limit.")
    clip_to_statutory_range: bool = Field(
        description="Where the combined range leaves the statutory range (처단형), the statutory limit is used."
    )
    note_en: Text | None = None
    sources: Sources


class GuidelineEvent(StrictModel):
    date: PartialDate
    what_en: Text
    sources: Sources


class Guideline(StrictModel):
    id: Slug
    title_ko: Text
    title_en: Text
    status: Literal["in-force", "superseded", "under-revision"]
    adopted: Date | None = None
    effective: Date | None = None
    applies_by: Literal["indictment-date", "not-retrieved"] = Field(
        description="Which date decides whether the guideline applies to a case."
    )
    summary_en: Text
    crime_types: list[CrimeType] = Field(default_factory=list)
    multiple_offences: MultipleOffencesRule | None = Field(
        None, description="The multiple-offence rule (다수범죄 처리기준), where a source gives it."
    )
    events: list[GuidelineEvent] = Field(default_factory=list)
    sources: Sources
    updated: Date
