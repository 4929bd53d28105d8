"""The kitchen-sink corpus: every mistake a contributor can make, pinned as (file, line, code).

Regenerate the expectation after a deliberate change with UPDATE_EXPECTED=1 and review the diff.
"""

import os

from conftest import FIXTURES, codes, validate

EXPECTED = FIXTURES / "broken.expected"


def test_broken_corpus_reports_exactly_these_problems():
    report = validate(FIXTURES / "broken")
    actual = "\n".join(f"{path}:{line}: {code}" for path, line, code in codes(report)) + "\n"
    if os.environ.get("UPDATE_EXPECTED"):
        EXPECTED.write_text(actual, encoding="utf-8")
    assert actual == EXPECTED.read_text(encoding="utf-8")


def test_one_broken_file_does_not_hide_the_others():
    report = validate(FIXTURES / "broken")
    files_with_problems = {d.path for d in report.diagnostics}
    # Unparseable files (tabs, python tag) sit beside files with schema and logic errors.
    assert {
        "cases/tabs.yaml",
        "cases/python-tag.yaml",
        "cases/schema-errors.yaml",
        "cases/logic-errors.yaml",
    } <= files_with_problems


def test_every_diagnostic_has_a_hint():
    report = validate(FIXTURES / "broken")
    missing = [d for d in report.diagnostics if not d.hint]
    assert missing == []


def test_valid_fixture_is_clean():
    assert validate(FIXTURES / "valid").diagnostics == []
