"""JSON Schemas for editors, generated from the models (the one definition of each kind).

`schemas/<kind>.schema.json` are committed so yaml-language-server can validate records in
an editor; a test fails when they drift from the models (`build_site.py schema` rewrites them).
"""

from __future__ import annotations

import json
from pathlib import Path

from casebook.models import KINDS

SCHEMA_DIR = "schemas"
GENERATED_NOTE = "Generated from casebook/models by `python build_site.py schema`. Do not edit by hand."


def schema_for(kind) -> dict:
    schema = kind.model.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": GENERATED_NOTE,
        **schema,
        "title": f"Casebook {kind.name} record",
    }


def render_schemas() -> dict[str, str]:
    return {
        f"{kind.name}.schema.json": json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        for kind in KINDS
    }


def stale_schemas(root: Path) -> list[str]:
    """Names of schema files missing or different from what the models generate."""
    out = []
    for name, text in render_schemas().items():
        path = root / SCHEMA_DIR / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            out.append(name)
    return out


def write_schemas(root: Path) -> list[str]:
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(name)
    return written
