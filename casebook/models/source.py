"""The source record: one document that facts cite."""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import Field

from casebook.models.case_number import CASE_NUMBER_PATTERN
from casebook.models.common import Date, PartialDate, Slug, StrictModel, Text

URL_PATTERN = r"^https?://[^\s]+$"


class SourceKind(enum.StrEnum):
    STATUTE_TEXT = "statute-text"
    OFFICIAL_RELEASE = "official-release"
    COURT = "court"
    # The judgment itself (판결문), e.g. as published on law.go.kr: strength A, with its identity below.
    JUDGMENT = "judgment"
    NEWS = "news"
    ANALYSIS = "analysis"
    REPOST = "repost"


class JudgmentIdentity(StrictModel):
    """Who decided what and when, as the judgment's own header says."""

    court_ko: Text = Field(description="Court as the judgment names it, e.g. 서울서부지방법원.")
    case_number: str = Field(pattern=CASE_NUMBER_PATTERN, description="e.g. 2024고합93.")
    decided: Date = Field(description="선고일, YYYY-MM-DD.")
    prec_seq: int | None = Field(None, ge=1, description="law.go.kr 판례일련번호 (precSeq).")


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
    judgment: JudgmentIdentity | None = Field(
        None, description="Required for kind 'judgment': the court, case number, date and law.go.kr number."
    )
    archived_copy: Text | None = Field(None, description="Path of a stored full text, if any.")
    note_en: Text | None = None
    updated: Date
