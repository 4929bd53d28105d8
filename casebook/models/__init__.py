"""Record kinds: which folder holds which model."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.models.case import Case
from casebook.models.common import StrictModel
from casebook.models.figure import Figure
from casebook.models.guideline import Guideline
from casebook.models.source import Source
from casebook.models.statute import Statute


@dataclass(frozen=True)
class RecordKind:
    name: str  # singular, used in messages and schema file names
    folder: str  # top-level folder holding the records
    model: type[StrictModel]


KINDS: tuple[RecordKind, ...] = (
    RecordKind("statute", "statutes", Statute),
    RecordKind("case", "cases", Case),
    RecordKind("source", "sources", Source),
    RecordKind("figure", "figures", Figure),
    RecordKind("guideline", "guidelines", Guideline),
)
KIND_BY_FOLDER = {k.folder: k for k in KINDS}
KIND_BY_NAME = {k.name: k for k in KINDS}

__all__ = ["KINDS", "KIND_BY_FOLDER", "KIND_BY_NAME", "RecordKind", "Case", "Figure", "Guideline", "Source", "Statute"]
