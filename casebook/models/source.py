"""The source record: one document that facts cite."""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import Field

from casebook.models.common import Date, PartialDate, Slug, StrictModel, Text

URL_PATTERN = r"^https?://[^\s]+$"


class SourceKind(enum.StrEnum):
    STATUTE_TEXT = "statute-text"
    OFFICIAL_RELEASE = "official-release"
    COURT = "court"
    NEWS = "news"
    ANALYSIS = "analysis"
    REPOST = "repost"


class Source(StrictModel):
    id: Slug
    publisher: Text
    title: Text
    url: str | None = Field(None, pattern=URL_PATTERN, description="http(s) address; omit if none is known.")
    published: PartialDate | None = Field(None, description="Publication date as precise as known.")
    language: Literal["ko", "en", "ja", "zh"]
    kind: SourceKind
    strength: Literal["A", "B", "C"] = Field(
        description="A: primary text or the agency's own release; B: established news outlet; "
        "C: aggregator, re-post, blog or law firm (verify before citing)."
    )
    research_refs: list[Text] = Field(
        default_factory=list, description="Tags of this source in the research notes, e.g. S6b."
    )
    archived_copy: Text | None = Field(None, description="Path of a stored full text, if any.")
    note_en: Text | None = None
    updated: Date
