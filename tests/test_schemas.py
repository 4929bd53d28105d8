"""The committed JSON Schemas are exactly what the models generate, and they reject bad records."""

import json

import pytest

from casebook.schemas import render_schemas, stale_schemas
from conftest import REPO


def test_committed_schemas_are_up_to_date():
    assert stale_schemas(REPO) == [], "run `python build_site.py schema` and commit schemas/"


@pytest.mark.parametrize("name", sorted(render_schemas()))
def test_schema_forbids_unknown_keys_and_documents_itself(name):
    schema = json.loads(render_schemas()[name])
    assert schema["additionalProperties"] is False
    assert schema["$comment"].startswith("Generated from casebook/models")
    assert "id" in schema["required"]


def test_every_record_names_its_schema_for_editors():
    for folder in ("statutes", "cases", "sources"):
        for path in (REPO / folder).glob("*.yaml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            kind = {"statutes": "statute", "cases": "case", "sources": "source"}[folder]
            assert first == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json", path.name
