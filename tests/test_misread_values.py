"""Numbers and booleans a reader would misread are refused in every typed field, at their line.

YAML 1.1 (PyYAML) reads `060` as 48, `1:20` as 80, `1_000` as 1000, `0x1F` as 31 and `yes`
as true; pydantic's lax mode turns `"24"` into 24 and `y` into true. Each is refused with
a hint (E015 numbers, E016 booleans), once per value, and the file is never rewritten.
"""

import pytest

from casebook.loader import parse_text
from conftest import codes, edit, validate

CASE = "cases/example-case.yaml"
STATUTE = "statutes/example-act-2.yaml"
FIGURE = "figures/example-figure.yaml"
GUIDELINE = "guidelines/example-guideline.yaml"
SENTENCE = "imprisonment_months: 24\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal"  # fmt: skip


def _sentence(value: str) -> tuple[str, str]:
    return SENTENCE, SENTENCE.replace("imprisonment_months: 24", f"imprisonment_months: {value}", 1)


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (CASE, *_sentence("060"), ("E015", 25, 32)),  # octal 48
        (CASE, *_sentence("09"), ("E015", 25, 32)),  # text to YAML 1.1, 9 to pydantic
        (CASE, *_sentence("1:20"), ("E015", 25, 32)),  # base 60: 80
        (CASE, *_sentence("1_000"), ("E015", 25, 32)),
        (CASE, *_sentence("0x1F"), ("E015", 25, 32)),
        (CASE, *_sentence("0o17"), ("E015", 25, 32)),
        (CASE, *_sentence("0b11"), ("E015", 25, 32)),
        (CASE, *_sentence("'24'"), ("E015", 25, 32)),  # quoted: pydantic would read 24
        (CASE, *_sentence("1e3"), ("E015", 25, 32)),  # text to YAML 1.1, 1000 to pydantic
        (CASE, *_sentence("true"), ("E015", 25, 32)),  # pydantic would read 1
        (CASE, *_sentence(".inf"), ("E015", 25, 32)),
        (CASE, "    role_en: Offender.", "    role_en: Offender.\n    minor: yes", ("E016", 12, 12)),
        (CASE, "    role_en: Offender.", "    role_en: Offender.\n    minor: off", ("E016", 12, 12)),
        (CASE, "    role_en: Offender.", "    role_en: Offender.\n    minor: y", ("E016", 12, 12)),
        (CASE, "    role_en: Offender.", "    role_en: Offender.\n    minor: N", ("E016", 12, 12)),
        (CASE, "    role_en: Offender.", "    role_en: Offender.\n    minor: 'no'", ("E016", 12, 12)),
        (CASE, "    role_en: Offender.", "    role_en: Offender.\n    minor: 1", ("E016", 12, 12)),
        (STATUTE, "{max_months: 60}", "{max_months: 0x3C}", ("E015", 22, 38)),
        (
            STATUTE,
            "fine_max_krw: 50000000\n          combination: alternative\n        sources:\n          - source: statute-text\n    sources:\n      - source: statute-text\n  - id: 2024-10-16",
            "fine_max_krw: 50_000_000\n          combination: alternative\n        sources:\n          - source: statute-text\n    sources:\n      - source: statute-text\n  - id: 2024-10-16",
            ("E015", 23, 25),
        ),  # fmt: skip
        (STATUTE, "  - number: 2", "  - number: 02", ("E015", 47, 17)),
        (FIGURE, "value: 100", "value: 1:40", ("E015", 7, 12)),
        (FIGURE, "value: 100", "value: '100'", ("E015", 7, 12)),
        (GUIDELINE, "min_months: 6", "min_months: 06", ("E015", 17, 21)),
    ],
)
def test_misread_numbers_and_booleans_are_refused_at_their_position(valid_repo, file, old, new, expected):
    edit(valid_repo / file, old, new)
    before = (valid_repo / file).read_bytes()
    report = validate(valid_repo)
    found = [(d.code, d.line, d.column) for d in report.diagnostics if d.path == file]
    # One line for the value; a record check may also judge the value as read (48 months).
    assert [f for f in found if f[0] in ("E015", "E016") or f[1:] == expected[1:]] == [expected], found
    assert all(d.hint for d in report.diagnostics)
    assert (valid_repo / file).read_bytes() == before  # never rewritten


@pytest.mark.parametrize(
    "value",
    [
        "24",
        "0",
        "-3",
        "1.5",
        "0.5",
        "true",
        "false",
        "True",
        "2024-10-16",
        "2024-10",
        "'060'",
        '"yes"',
        "y",
        "n",
        "No.",
    ],
)
def test_ordinary_values_pass_the_loader(value):
    loaded, diags = parse_text(f"id: x\nv: {value}\n", "x.yaml")
    assert diags == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("060", "octal (48)"),
        ("1:20", "80"),
        ("1_000", "1000"),
        ("0x1F", "31"),
        ("0o17", "15"),
        ("yes", "true"),
        ("OFF", "false"),
    ],
)
def test_the_loader_says_how_the_value_would_be_read(value, message):
    loaded, diags = parse_text(f"id: x\nlist:\n  - {value}\n", "x.yaml")
    assert [(d.line, d.column) for d in diags] == [(3, 5)]
    assert message in diags[0].message and diags[0].hint


def test_quoted_text_in_text_fields_is_fine_and_keys_stay_text(valid_repo):
    edit(valid_repo / CASE, "title_en: Example case", "title_en: 'yes'")
    edit(valid_repo / CASE, "summary_en: An example.", "summary_en: '060'")
    assert codes(validate(valid_repo)) == []


def test_yes_in_a_text_field_is_one_diagnostic_not_two(valid_repo):
    edit(valid_repo / CASE, "title_en: Example case", "title_en: yes")
    assert [c for _, _, c in codes(validate(valid_repo))] == ["E016"]  # not also E103 (not a string)
