"""Building blocks shared by every record kind.

`StrictModel` is the one base class: unknown keys are errors (they are almost always typos)
and text is stripped. Dates are our own types because records need *partial* dates
("2021-07") and because pydantic's lax `date` would turn `2020` into a Unix timestamp.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)

_PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=False)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, e.g. 2021, 2021-07, 2021-07-14."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise PydanticCustomError("partial_date", "must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
        text = str(value).strip()
        m = _PARTIAL_DATE_RE.match(text)
        if not m:
            raise PydanticCustomError(
                "partial_date",
                "'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                {"value": text},
            )
        year, month, day = (int(g) if g else None for g in m.groups())
        if month is not None and not 1 <= month <= 12:
            raise PydanticCustomError("partial_date", "'{value}' has no month {m}", {"value": text, "m": month})
        if day is not None:
            try:
                dt.date(year, month, day)
            except ValueError:
                raise PydanticCustomError(
                    "partial_date", "'{value}' is not a real calendar date", {"value": text}
                ) from None
        return cls(year, month, day)

    @property
    def is_exact(self) -> bool:
        return self.day is not None

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        return out

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "description": "A date as precise as the source allows: YYYY, YYYY-MM or YYYY-MM-DD.",
        }


def _parse_exact_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    partial = PartialDate.parse(value)
    if not partial.is_exact:
        raise PydanticCustomError("exact_date", "'{value}' must be a full date YYYY-MM-DD here", {"value": str(value)})
    return partial.earliest()


class _ExactDateAnnotation:
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _parse_exact_date,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda d: d.isoformat()),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "pattern": DATE_PATTERN, "description": "A full date, YYYY-MM-DD."}


Date = Annotated[dt.date, _ExactDateAnnotation]

Slug = Annotated[
    str,
    Field(pattern=SLUG_PATTERN, description="Lowercase letters, digits and single hyphens."),
]

Text = Annotated[str, Field(min_length=1)]


class Citation(StrictModel):
    """A pointer from a fact to the source that states it."""

    source: Slug = Field(description="The id of a record in sources/.")
    quote: Text | None = Field(None, description="A short quote from the source supporting the fact.")
    locator: Text | None = Field(None, description="Where in the source: page, paragraph, table row.")
    note: Text | None = None


Sources = Annotated[list[Citation], Field(min_length=1, description="At least one citation.")]


class Period(StrictModel):
    from_: PartialDate = Field(alias="from", description="Start, as precise as known.")
    to: PartialDate | None = Field(None, description="End, as precise as known; omit if ongoing or unknown.")
    note: Text | None = None

    model_config = ConfigDict(populate_by_name=True)
