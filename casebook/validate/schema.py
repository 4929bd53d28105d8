"""Schema layer: turn a loaded YAML mapping into a typed model, or into diagnostics.

Pydantic's errors carry a path (`loc`) into the data; the loader's SourceMap turns that path
into a line and column. Messages are rewritten as rules a contributor can act on, with the
valid choices and a "did you mean" where a typo is likely.
"""

from __future__ import annotations

import enum
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from rapidfuzz import process

from casebook.diagnostics import Diagnostic, error
from casebook.loader import LoadedFile
from casebook.models.introspect import element_type, field_by_key, keys_of


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = field_by_key(current, part)
        if field is None:
            return None
        current = element_type(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _did_you_mean(value: str, choices: list[str]) -> str:
    match = process.extractOne(value, choices, score_cutoff=70)
    return f"did you mean '{match[0]}'? " if match else ""


def _allowed_values(model: type[BaseModel], loc: tuple) -> list[str]:
    key_index = max((i for i, p in enumerate(loc) if isinstance(p, str)), default=None)
    if key_index is None:
        return []
    key = loc[key_index]
    parent = _model_at(model, loc[:key_index])
    if parent is None:
        return []
    field = field_by_key(parent, key)
    if field is None:
        return []
    inner = element_type(field.annotation)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return [m.value for m in inner]
    if typing.get_origin(inner) is typing.Literal:
        return [str(a) for a in typing.get_args(inner)]
    return []


# Field name -> (rule, hint) for values that must follow a pattern; clearer than a regex.
PATTERN_RULES = {
    "url": ("must be a web address starting with https:// or http://", "copy the address from the browser bar"),
    "article": ("must be an article number like 14 or 14-2", "제14조의2 is written 14-2"),
    "case_number": ("must be a Korean case number like 2024도17801", "copy it exactly as the source gives it"),
    "statute": ("must be a statute id", "lowercase letters, digits and hyphens, e.g. sexual-crimes-act-14-2"),
    "source": (
        "must be a source id",
        "lowercase letters, digits and hyphens, e.g. sbs-2025-04-18-snu-main-offender-9-years",
    ),
}


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the top level"


def schema_diagnostics(loaded: LoadedFile, model: type[BaseModel], exc: ValidationError) -> list[Diagnostic]:
    diags = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        field = _dotted(loc)
        if kind == "extra_forbidden":
            line, col = loaded.source_map.locate(loc, prefer_key=True)
            parent = _model_at(model, loc[:-1])
            keys = keys_of(parent) if parent else []
            hint = _did_you_mean(str(loc[-1]), keys) + (f"allowed keys here: {', '.join(keys)}" if keys else "")
            unknown = str(loc[-1])
            if unknown.endswith("_en") and unknown[:-3] + "_ko" in keys:
                # Do not nudge a contributor into translating: the Korean field is for Korean as the source prints it.
                note = " or note_en" if "note_en" in keys else ""
                hint = (
                    f"this field exists only in Korean ({unknown[:-3]}_ko, as the source prints it); "
                    f"put English text in a summary{note} instead. allowed keys here: {', '.join(keys)}"
                )
            diags.append(error(loaded.path, line, col, "E101", f"unknown key '{loc[-1]}' in {_dotted(loc[:-1])}", hint))
        elif kind == "missing":
            line, col = loaded.source_map.locate(loc[:-1])
            diags.append(
                error(
                    loaded.path,
                    line,
                    col,
                    "E102",
                    f"missing required key '{loc[-1]}' in {_dotted(loc[:-1])}",
                    f"add `{loc[-1]}:` here (see schemas/ for what it holds)",
                )
            )
        elif kind in ("enum", "literal_error"):
            line, col = loaded.source_map.locate(loc)
            choices = _allowed_values(model, loc)
            value = err.get("input")
            hint = _did_you_mean(str(value), choices) + (f"allowed values: {', '.join(choices)}" if choices else "")
            diags.append(error(loaded.path, line, col, "E104", f"{field}: '{value}' is not an allowed value", hint))
        elif kind in ("partial_date", "exact_date"):
            line, col = loaded.source_map.locate(loc)
            diags.append(
                error(
                    loaded.path,
                    line,
                    col,
                    "E105",
                    f"{field}: {err['msg']}",
                    "write dates as 2024-10-16; where the source gives only the month, 2024-10",
                )
            )
        elif kind == "string_pattern_mismatch" and loc and loc[-1] in PATTERN_RULES:
            line, col = loaded.source_map.locate(loc)
            rule, hint = PATTERN_RULES[loc[-1]]
            diags.append(error(loaded.path, line, col, "E103", f"{field}: '{err.get('input')}' {rule}", hint))
        elif kind == "string_pattern_mismatch" and loc and loc[-1] == "id":
            line, col = loaded.source_map.locate(loc)
            diags.append(
                error(
                    loaded.path,
                    line,
                    col,
                    "E202",
                    f"{field}: '{err.get('input')}' is not a valid id",
                    "ids are lowercase letters, digits and single hyphens, e.g. snu-deepfake",
                )
            )
        else:
            line, col = loaded.source_map.locate(loc)
            diags.append(error(loaded.path, line, col, "E103", f"{field}: {err['msg']}", _type_hint(kind)))
    return diags


def _type_hint(kind: str) -> str:
    if kind.startswith(("int_", "float_", "decimal_")) or kind in ("greater_than", "less_than_equal", "multiple_of"):
        return "write a plain number (no units, no commas); months may use .5 for 15 days"
    if kind.startswith("list_") or kind == "too_short":
        return "write a list with one '- ' line per item"
    if kind.startswith("model_") or kind == "dict_type":
        return "this key holds a mapping of 'key: value' lines, indented below it"
    if kind.startswith("string_"):
        return "write text (quote it if it starts with a special character)"
    if kind.startswith("bool"):
        return "write true or false"
    return ""


def validate_schema(loaded: LoadedFile, model: type[BaseModel]) -> tuple[BaseModel | None, list[Diagnostic]]:
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        return None, schema_diagnostics(loaded, model, exc)
