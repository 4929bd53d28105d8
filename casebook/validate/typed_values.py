"""Numbers and true/false in typed fields: written as YAML numbers and booleans, nothing else.

The schema is lax on purpose for text (stripped, NFC), but pydantic's lax mode would also
turn `"24"` or `"1_000"` into numbers and `y`, `n`, `"yes"`, `"off"` or `1` into booleans:
what the file says and what the site shows would differ without anyone seeing it. This check
walks each record against its model's field types, so it covers every field of every kind
(a new field is covered the day it is added). The loader already refuses plain `060`,
`1:20`, `yes` and the like wherever they appear (casebook.scalars); same codes.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any

from pydantic import BaseModel

from casebook.validate.registry import RecordContext, raw_check

_NUMBERS = (int, float)


def _options(annotation: Any) -> list[Any]:
    """The alternatives a value may take: Annotated and Optional unwrapped, unions flattened."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _options(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [option for arg in typing.get_args(annotation) if arg is not type(None) for option in _options(arg)]
    return [annotation]


# What pydantic's lax mode quietly turns into a boolean (anything else fails the schema: E103).
_BOOLEAN_LOOKALIKES = {"0", "off", "f", "false", "n", "no", "1", "on", "t", "true", "y", "yes"}


def _number_lookalike(value: Any) -> bool:
    """Whether pydantic's lax mode would quietly read `value` as a number."""
    if isinstance(value, bool):
        return True
    if not isinstance(value, str):
        return False
    try:
        float(value.replace("_", ""))
    except ValueError:
        return False
    return True


def _problem(options: list[Any], value: Any) -> tuple[str, str, str] | None:
    if not options or isinstance(value, (dict, list)) or value is None:
        return None
    if all(option is bool for option in options) and not isinstance(value, bool):
        if str(value).strip().lower() in _BOOLEAN_LOOKALIKES:
            return (
                "E016",
                f"{value!r} is written where true or false is meant",
                "write true or false, without quotes",
            )
    elif all(option in _NUMBERS for option in options) and _number_lookalike(value):
        return (
            "E015",
            f"{value!r} is written where a number is meant",
            "write the number in plain digits without quotes (e.g. 24, 1.5 or 5000000)",
        )
    return None


# id(annotation) -> (what a scalar must be, list item annotation, nested model, the annotation).
# Worked out once per annotation: a record has hundreds of values and a run 10,000 records.
_SHAPES: dict[int, tuple[list[Any] | None, Any, type[BaseModel] | None, Any]] = {}


def _shape(annotation: Any):
    shape = _SHAPES.get(id(annotation))
    if shape is None:
        options = _options(annotation)
        typed = options if all(o is bool for o in options) or all(o in _NUMBERS for o in options) else None
        items = [typing.get_args(o)[0] for o in options if typing.get_origin(o) is list and typing.get_args(o)]
        models = [o for o in options if isinstance(o, type) and issubclass(o, BaseModel)]
        # The annotation is kept in the entry so that its id cannot be reused by another object.
        shape = _SHAPES[id(annotation)] = (
            typed,
            items[0] if items else None,
            models[0] if models else None,
            annotation,
        )
    return shape


def _holds_typed(annotation: Any, seen: frozenset = frozenset()) -> bool:
    """Whether a value of this annotation can hold a number or boolean anywhere inside."""
    typed, item, model, _ = _shape(annotation)
    if typed is not None:
        return True
    if item is not None and _holds_typed(item, seen):
        return True
    return model is not None and model not in seen and bool(_fields(model, seen | {model}))


@functools.cache
def _fields(model: type[BaseModel], seen: frozenset = frozenset()) -> dict[str, Any]:
    """Key as written -> annotation, for the fields that can hold a number or boolean (most
    hold only text, and are not walked at all)."""
    return {
        (field.alias or name): field.annotation
        for name, field in model.model_fields.items()
        if _holds_typed(field.annotation, seen | {model})
    }


def _walk(model: type[BaseModel], data: dict, path: tuple, found: list) -> None:
    for key, annotation in _fields(model).items():
        value = data.get(key)
        if value is not None:
            _value(annotation, value, (*path, key), found)


def _value(annotation: Any, value: Any, path: tuple, found: list) -> None:
    typed, item, model, _ = _shape(annotation)
    if isinstance(value, list):
        if item is not None:
            for index, element in enumerate(value):
                _value(item, element, (*path, index), found)
    elif isinstance(value, dict):
        if model is not None:
            _walk(model, value, path, found)
    elif typed is not None:
        problem = _problem(typed, value)
        if problem is not None:
            found.append((path, problem))


@raw_check
def numbers_and_booleans_are_typed(ctx: RecordContext):
    """E015/E016: numeric and true/false fields hold plain numbers and true/false, not text or look-alikes."""
    data = ctx.record.loaded.data
    found: list = []
    if isinstance(data, dict):
        _walk(ctx.record.kind.model, data, (), found)
    for path, (code, message, hint) in found:
        where = ".".join(str(p) for p in path)
        yield ctx.error(path, code, f"{where}: {message}", hint)
