"""The figure record: one official statistic (one metric of one agency) and its observations.

Two observations of the same period that disagree are allowed, but each must say so in
`conflict_en`: a reader quoting one must know the other exists.
"""

from __future__ import annotations

from pydantic import Field

from casebook.models.common import Date, PartialDate, Period, Slug, Sources, StrictModel, Text


class Breakdown(StrictModel):
    label_en: Text = Field(description="e.g. 'teens', 'students'.")
    value: float = Field(ge=0)
    share_percent: float | None = Field(None, ge=0, le=100)


class Observation(StrictModel):
    period: Period
    value: float = Field(ge=0)
    approximate: bool = False
    published: PartialDate | None = None
    breakdown: list[Breakdown] = Field(default_factory=list)
    conflict_en: Text | None = Field(
        None, description="Required when another source gives another value for this period."
    )
    note_en: Text | None = None
    sources: Sources


class Figure(StrictModel):
    id: Slug
    agency_en: Text
    agency_ko: Text | None = None
    metric_en: Text
    metric_ko: Text | None = None
    unit: Text = Field(description="What is counted: cases, persons, requests, victims ...")
    definition_en: Text | None = None
    observations: list[Observation] = Field(min_length=1)
    updated: Date
