"""The figure record: one official statistic (one metric of one agency) and its observations.

Two observations of the same period that disagree are allowed, but each must say so in
`conflict_en`: a reader quoting one must know the other exists.
"""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from casebook.models.common import Date, PartialDate, Period, Slug, Sources, StrictModel, Text
from casebook.models.vocabulary import FigureUnit


class Breakdown(StrictModel):
    """A part of an observation: a count, a share, or both (sources often give only a share)."""

    label_en: Text = Field(description="e.g. 'teens', 'students'.")
    value: float | None = Field(None, ge=0)
    share_percent: float | None = Field(None, ge=0, le=100)

    @model_validator(mode="after")
    def _count_or_share(self):
        if self.value is None and self.share_percent is None:
            raise PydanticCustomError("breakdown_empty", "a breakdown needs a value, a share_percent, or both")
        return self


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
    unit: FigureUnit = Field(description="What is counted: cases, persons, requests, victims ...")
    definition_en: Text | None = None
    observations: list[Observation] = Field(min_length=1)
    updated: Date
