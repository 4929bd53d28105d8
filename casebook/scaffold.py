"""`build_site.py new`: an annotated record template, generated from the models.

Every field appears: required ones as `key: TODO` lines to fill in, optional ones as
commented-out lines to uncomment. Each carries a comment saying required/optional, what it
holds and its allowed values, so a contributor needs no other document open. The validator
refuses any `TODO` left behind (E250), so an unfinished template can never pass.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from casebook.models import KIND_BY_NAME
from casebook.models.common import PartialDate
from casebook.models.introspect import element_type, is_list, nested_model

PLACEHOLDER = "TODO"


def _allowed(annotation) -> str:
    inner = element_type(annotation)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return "one of: " + ", ".join(m.value for m in inner)
    if typing.get_origin(inner) is typing.Literal:
        return "one of: " + ", ".join(str(a) for a in typing.get_args(inner))
    if inner is dt.date:
        return "a date YYYY-MM-DD"
    if inner is PartialDate:
        return "a date YYYY, YYYY-MM or YYYY-MM-DD"
    if inner is bool:
        return "true or false"
    if inner in (int, float):
        return "a number"
    return ""


def _comment(field: FieldInfo, required: bool) -> str:
    parts = ["required" if required else "optional"]
    if field.description:
        parts.append(field.description.rstrip("."))
    allowed = _allowed(field.annotation)
    if allowed:
        parts.append(allowed)
    return "# " + "; ".join(parts)


def _comment_out(line: str, indent: str) -> str:
    """Comment a template line out at the parent's indentation, keeping its own indentation after '#'."""
    body = line[len(indent) :] if line.startswith(indent) else line.lstrip()
    return f"{indent}# {body}"


def _emit(model: type[BaseModel], indent: str, first_prefix: str, values: dict, depth: int = 0) -> list[str]:
    lines: list[str] = []
    prefix = first_prefix
    for name, field in model.model_fields.items():
        key = field.alias or name
        required = field.is_required()
        nested = nested_model(field.annotation)
        many = is_list(field.annotation)
        comment = _comment(field, required)
        if key in values:
            lines += [f"{indent}{comment}", f"{prefix}{key}: {values[key]}"]
        elif required and nested is not None:
            lines += [f"{indent}{comment}", f"{prefix}{key}:"]
            if many:
                lines += _emit(nested, indent + "    ", indent + "  - ", {}, depth + 1)
            else:
                lines += _emit(nested, indent + "  ", indent + "  ", {}, depth + 1)
        elif required:
            value = f"[{PLACEHOLDER}]" if many else PLACEHOLDER
            lines += [f"{indent}{comment}", f"{prefix}{key}: {value}"]
        elif nested is not None and depth < 6:  # deep enough for facts -> fact -> sources
            # Optional structure: show its shape, commented out, so nobody needs to look it up.
            lines.append(f"{indent}# {key}:  {comment[2:]}")
            inner = _emit(
                nested, indent + ("    " if many else "  "), indent + ("  - " if many else "  "), {}, depth + 1
            )
            lines += [_comment_out(line, indent) for line in inner]
        else:
            lines.append(f"{indent}# {key}:  {comment[2:]}")
        prefix = indent
    return lines


def template(kind_name: str, record_id: str, values: dict[str, str] | None = None, today: dt.date | None = None) -> str:
    kind = KIND_BY_NAME[kind_name]
    preset = {"id": record_id, "updated": (today or dt.date.today()).isoformat(), **(values or {})}
    header = [
        f"# yaml-language-server: $schema=../schemas/{kind.name}.schema.json",
        f"# A new {kind.name} record. Replace every TODO; uncomment the optional lines you can source.",
        "# Every fact needs a source (sources: - source: <id in sources/>, quote: ...); see CONTRIBUTING.md.",
        "# Check it with: python build_site.py validate " + f"{kind.folder}/{record_id}.yaml",
    ]
    return "\n".join(header + _emit(kind.model, "", "", preset)) + "\n"
