"""The loader: every kind of bad YAML becomes one diagnostic at the right place, never a traceback."""

import pytest

from casebook.loader import MAX_FILE_BYTES, decode_record_bytes, load_file, parse_text


def diag(text: str):
    loaded, diags = parse_text(text, "r.yaml")
    return loaded, [(d.line, d.column, d.code) for d in diags]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: a\nid: b\n", [(2, 1, "E003")]),
        ("a: &x [1]\nb: *x\n", [(1, 4, "E005")]),  # the shared node keeps the anchor's position
        ("base: &b {x: 1}\nother:\n  <<: *b\n", [(3, 3, "E005")]),
        ("id: !!python/object/apply:os.system [ls]\n", [(1, 5, "E004")]),
        ("id: !custom value\n", [(1, 5, "E004")]),
        ("id: !!binary aGVsbG8=\n", [(1, 5, "E004")]),
        ("id: a\n\ttitle: b\n", [(2, 1, "E002")]),
        ("id: a\ntitle: [unclosed\n", [(3, 1, "E002")]),
        ("id: a\n---\nid: b\n", [(2, 1, "E002")]),
        ("", [(1, 1, "E009")]),
        ("- a\n- b\n", [(1, 1, "E009")]),
        ("just text\n", [(1, 1, "E009")]),
    ],
)
def test_bad_yaml_is_one_diagnostic_at_its_line(text, expected):
    loaded, found = diag(text)
    assert found == expected


def test_duplicate_key_keeps_reporting_the_rest_of_the_file():
    loaded, found = diag("id: a\ntitle: x\ntitle: y\nother: z\nother: w\n")
    assert found == [(3, 1, "E003"), (5, 1, "E003")]
    assert loaded.data == {"id": "a", "title": "x", "other": "z"}


def test_billion_laughs_is_refused_without_expanding():
    lol = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lol.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    loaded, found = diag("\n".join(lol) + "\n")
    assert loaded is None and found[0][2] == "E005"


def test_deep_nesting_is_refused():
    loaded, found = diag("a: " + "[" * 10000 + "]" * 10000 + "\n")
    assert loaded is None and found[0][2] == "E008"


def test_dates_keep_their_written_form_and_keys_stay_text():
    loaded, found = diag("on: 2024-10-16\nno: 2021-07\nyes: 2021\n")
    assert found == []
    assert loaded.data == {"on": "2024-10-16", "no": "2021-07", "yes": 2021}


def test_positions_of_nested_values():
    loaded, _ = diag("id: a\nversions:\n  - id: v1\n    paragraphs:\n      - number: 3\n")
    assert loaded.source_map.locate(("versions", 0, "paragraphs", 0, "number")) == (5, 17)
    assert loaded.source_map.locate(("versions", 0, "paragraphs", 0, "missing")) == (5, 9)
    assert loaded.source_map.locate(("versions", 0, "id"), prefer_key=True) == (3, 5)


def test_decomposed_hangul_is_normalised_with_a_warning():
    nfd = "\u1109\u1165\u110b\u116e\u11af"  # 서울 written as conjoining jamo
    loaded, found = diag(f"id: a\ntitle_ko: {nfd}\n")
    assert loaded.data["title_ko"] == "서울"
    assert found == [(2, 11, "W002")]


@pytest.mark.parametrize(
    ("raw", "code", "line", "col"),
    [
        (b"id: a\ntitle: \xff\xfe\n", "E001", 2, 8),
        (b"id: a\nti\x00tle: b\n", "E007", 2, 3),
        (b"x" * (MAX_FILE_BYTES + 1), "E006", 1, 1),
    ],
)
def test_bytes_that_are_not_a_record(raw, code, line, col):
    text, diags = decode_record_bytes(raw, "r.yaml")
    assert text is None
    assert [(d.code, d.line, d.column) for d in diags] == [(code, line, col)]


def test_byte_order_mark_is_a_warning_and_is_removed():
    text, diags = decode_record_bytes("\ufeffid: a\n".encode(), "r.yaml")
    assert text == "id: a\n"
    assert [d.code for d in diags] == ["W001"]


def test_unreadable_path_is_a_diagnostic(tmp_path):
    loaded, diags = load_file(tmp_path / "missing.yaml")
    assert loaded is None and diags[0].code == "E001"
