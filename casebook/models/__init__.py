"""Record kinds: which folder holds which model.

The models are imported on first use (PEP 562 `__getattr__`): importing a light submodule
such as `casebook.models.vocabulary` (the command line's choices) must not pull in pydantic
and every model, which is most of the start-up time of a cached `validate`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from casebook.discovery import RECORD_FOLDERS

if TYPE_CHECKING:
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


_MODEL_MODULES = {
    "Statute": "statute",
    "Case": "case",
    "Source": "source",
    "Figure": "figure",
    "Guideline": "guideline",
}


def _kinds() -> dict[str, object]:
    models = {name.lower(): __getattr__(name) for name in _MODEL_MODULES}
    kinds = tuple(RecordKind(name, folder, models[name]) for name, folder in RECORD_FOLDERS)
    return {
        "KINDS": kinds,
        "KIND_BY_FOLDER": {k.folder: k for k in kinds},
        "KIND_BY_NAME": {k.name: k for k in kinds},
    }


def __getattr__(name: str):
    if name in _MODEL_MODULES:
        value = getattr(importlib.import_module(f"casebook.models.{_MODEL_MODULES[name]}"), name)
        globals()[name] = value
        return value
    if name in ("KINDS", "KIND_BY_FOLDER", "KIND_BY_NAME"):
        globals().update(_kinds())
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["KINDS", "KIND_BY_FOLDER", "KIND_BY_NAME", "RecordKind", "Case", "Figure", "Guideline", "Source", "Statute"]
