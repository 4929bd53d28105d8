"""Numbers and true/false in typed fields: written as YAML numbers and booleans, nothing else.

The schema is lax on purpose for text (stripped, NFC), but pydantic's lax mode would also
turn `"24"` or `"1_000"` into numbers and `y`, `n`, `"yes"`, `"off"` or `1` into booleans:
what the file says and what the site shows would differ without anyone seeing it. This check
walks each record against its model's field types, so it covers every field of every kind
(a new field is covered the day it is added). The loader already refuses plain `060`,
`1:20`, `yes` and the like wherever they appear (casebook.scalars); same codes.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from casebook.models.introspect import field_by_key
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


def _walk(model: type[BaseModel], data: dict, path: tuple):
    for key, value in data.items():
        field = field_by_key(model, key) if isinstance(key, str) else None
        if field is not None:
            yield from _value(field.annotation, value, (*path, key))


def _value(annotation: Any, value: Any, path: tuple):
    options = _options(annotation)
    if isinstance(value, list):
        items = [typing.get_args(o)[0] for o in options if typing.get_origin(o) is list and typing.get_args(o)]
        if items:
            for index, item in enumerate(value):
                yield from _value(items[0], item, (*path, index))
    elif isinstance(value, dict):
        models = [o for o in options if isinstance(o, type) and issubclass(o, BaseModel)]
        if models:
            yield from _walk(models[0], value, path)
    else:
        problem = _problem(options, value)
        if problem is not None:
            yield path, problem


@raw_check
def numbers_and_booleans_are_typed(ctx: RecordContext):
    """E015/E016: numeric and true/false fields hold plain numbers and true/false, not text or look-alikes."""
    data = ctx.record.loaded.data
    for path, (code, message, hint) in _walk(ctx.record.kind.model, data, ()):
        where = ".".join(str(p) for p in path)
        yield ctx.error(path, code, f"{where}: {message}", hint)
