"""The case finder's data files: written in columns, they decode to exactly the build's rows
(every field of every row), the first file holds the rows the default view shows first, and
each decision says which version of Art. 14-2 its counts were charged under.

The decoder here mirrors docs/assets/javascripts/finder-data.js (the browser test decodes with
that one and compares too, tests/test_browser.py).
"""

import json

import pytest

from casebook.i18n import Lang
from casebook.site import tooldata
from casebook.site.render import sentence_text
from conftest import REPO, validate

CODES = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _values(column: dict, n: int) -> list[dict]:
    if "v" in column:
        values = column["v"]
    elif "c" in column:
        values = [column["d"][CODES.index(ch)] for ch in column["c"]]
    else:
        values = [column["d"][i] for i in column["i"]]
    assert len(values) == n
    names = column["f"]
    return [dict(zip(names, v, strict=True)) if len(names) > 1 else {names[0]: v} for v in values]


def decode(table: dict) -> list[dict]:
    lang = table["lang"]
    other = "en" if lang == "ko" else "ko"
    first = table["cases"][0]
    cases = [{} for _ in first.get("v") or first.get("c") or first.get("i")]
    for column in table["cases"]:
        for case, value in zip(cases, _values(column, len(cases)), strict=True):
            case.update(value)
    rows = [{"facets": {}} for _ in range(table["rows"])]
    for column in table["columns"]:
        for row, value in zip(rows, _values(column, len(rows)), strict=True):
            (row["facets"] if column.get("facet") else row).update(value)
    at = iter(rows)
    for case in cases:
        for _ in range(case["n"]):
            r = next(at)
            r["key"] = f"{case['case']}/{r.pop('proceeding')}/{r.pop('defendant_id')}"
            r |= {"case": case["case"], "title": case[f"title_{lang}"] or case[f"title_{other}"]}
            r |= {k: case[k] for k in ("title_ko", "title_en", "aliases", "relevance")}
            r |= {"url": f"cases/{case['case']}.html", "year": int(r["decided"][:4]) if r["decided"] else None}
    for r in rows:
        if r.get("like", 0) is None:
            del r["like"]
        elif "like" in r and "index" not in table:
            r["like"] = [rows[p]["key"] for p in r["like"]]
    return rows


def read(text: str, name: str):
    prefix = f"window.{name} = "
    for line in text.splitlines():
        if line.startswith(prefix):
            return json.loads(line.removeprefix(prefix).removesuffix(";"))
    raise AssertionError(f"{name} not in the file")


@pytest.fixture(scope="module")
def corpus():
    return validate(REPO).corpus


def rows_in(corpus, code: str) -> list[dict]:
    L = Lang(code)
    return tooldata.finder_rows(corpus, lambda s: sentence_text(s, L), L)


def with_like(rows: list[dict]) -> list[dict]:
    """Rows as casebook's comparison gives them (`like`: keys, best first), not for every row."""
    keys = [r["key"] for r in rows]
    n = len(keys)
    without = [{k: v for k, v in r.items() if k != "like"} for r in rows]
    return [
        r | {"like": [keys[(i + 7) % n], keys[(i + 1) % n], keys[(i + 3) % n]]} if i % 4 else r
        for i, r in enumerate(without)
    ]


@pytest.mark.parametrize("code", ["ko", "en"])
@pytest.mark.parametrize("like", [False, True])
def test_the_finder_data_decodes_to_every_field_of_every_row(corpus, code, like):
    rows = rows_in(corpus, code)
    # The build's rows carry comparable.py's `like`; decoded without any, and with some rows
    # that have none (a decision the comparison did not cover).
    rows = with_like(rows) if like else [{k: v for k, v in r.items() if k != "like"} for r in rows]
    files = tooldata.finder_files(rows, Lang(code))
    whole = read(files["data/finder-all.js"], "casebookFinderAll")
    assert decode(whole) == json.loads(json.dumps(rows))
    first = read(files["data/finder.js"], "casebookFinderFirst")
    decoded = decode(first)
    expected = [rows[i] for i in first["index"]]
    for got, want in zip(decoded, expected, strict=True):
        if like and "like" in want:  # the first file's `like` are positions in the whole table
            got["like"] = [rows[p]["key"] for p in got["like"]]
    assert decoded == json.loads(json.dumps(expected))
    assert first["total"] == len(rows)
    assert first["default_found"] == sum(r["relevance"] == "deepfake" for r in rows)


def test_the_first_file_holds_the_first_rows_of_the_default_view(corpus, monkeypatch):
    monkeypatch.setattr(tooldata, "FINDER_PAGE", 10)
    rows = rows_in(corpus, "en")
    first = read(tooldata.finder_files(rows, Lang("en"))["data/finder.js"], "casebookFinderFirst")
    # The default view: deepfake cases, latest decision first (ties in the rows' order).
    view = sorted((r for r in rows if r["relevance"] == "deepfake"), key=lambda r: r["decided"], reverse=True)
    assert sorted(first["index"]) == first["index"]
    assert {rows[i]["key"] for i in first["index"]} == {r["key"] for r in view[:10]}
    assert first["options"]["court"] == [[c, c] for c in sorted({r["court"] for r in rows if r["court"]})]


def test_the_data_repeats_no_value_per_row(corpus):
    # Courts, instances, outcomes, sentences and the facets are written once each, then referred
    # to: the court of a dozen decisions is in the file once with its two names.
    rows = rows_in(corpus, "ko")
    whole = read(tooldata.finder_files(rows, Lang("ko"))["data/finder-all.js"], "casebookFinderAll")
    for column in whole["columns"] + whole["cases"]:
        if "d" in column:
            assert len({json.dumps(v) for v in column["d"]}) == len(column["d"]), column["f"]
    high = sum(r["court"] == "서울고등법원" for r in rows)
    assert high >= 5 and json.dumps(whole, ensure_ascii=False).count('"Seoul High Court"') == 1


def test_each_decision_says_which_art_14_2_version_it_was_charged_under(corpus):
    rows = {r["key"]: r["facets"]["version"] for r in rows_in(corpus, "en")}
    # SNU: offences 2021–2024, before the 2024-10-16 amendment.
    assert rows["snu-deepfake/first-instance-park-28/park-28"] == "2020-06-25"
    assert rows["busan-2026-01-acquaintance-crush-deepfakes/first-instance/a"] == "2024-10-16"
    # Offences on both sides of the amendment.
    assert rows["kim-nok-wan-vigilantes/first-instance/kim-nok-wan"] == "both"
    assert {v for k, v in rows.items() if k.startswith("cheonan-")} == {"2020-06-25"}
    assert set(rows.values()) == {"2020-06-25", "2024-10-16", "both", "unknown", "none"}
    ko = tooldata.finder_options(rows_in(corpus, "ko"), Lang("ko"))["version"]
    assert ko[0] == ["2020-06-25", "2020. 6. 25. 시행 제14조의2(5년 이하)"]
    assert [code for code, _ in ko] == ["2020-06-25", "2024-10-16", "both", "unknown", "none"]
