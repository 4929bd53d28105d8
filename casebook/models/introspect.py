"""Reading the models' own field definitions: the one place that unwraps type annotations.

Used by the schema diagnostics (allowed values, "did you mean"), `validate --fix` and the
key-order check (canonical key order), and `new` (annotated templates).
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo


def element_type(annotation: Any) -> Any:
    """Strip Annotated, Optional and list wrappers: list[Citation] | None -> Citation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated or origin is list:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def is_list(annotation: Any) -> bool:
    """Whether the field holds a list (after Annotated and Optional)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is list:
            return True
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return False


def nested_model(annotation: Any) -> type[BaseModel] | None:
    inner = element_type(annotation)
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def field_by_key(model: type[BaseModel], key: str) -> FieldInfo | None:
    """The field a YAML key names (aliases included, e.g. `from`)."""
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            return field
    return None


def keys_of(model: type[BaseModel]) -> list[str]:
    """The model's keys in canonical order, as they are written in records."""
    return [field.alias or name for name, field in model.model_fields.items()]
