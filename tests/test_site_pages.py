"""Rendered pages of the fixture corpus are pinned as golden Markdown; exports match the records.

After a deliberate change to a template, regenerate with UPDATE_GOLDEN=1 and review the diff.
"""

import csv
import io
import itertools
import json
import os

import pytest

from casebook.outcomes import decisions
from casebook.site.render import Renderer
from casebook.validate.run import validate_repository
from conftest import FIXTURE_TODAY, FIXTURES

GOLDEN = FIXTURES.parent / "golden"
PAGES = ["cases/example-case.md", "statutes/example-act-2.md", "penalties.md", "cases/index.md"]


@pytest.fixture(scope="module")
def rendered():
    corpus = validate_repository(FIXTURES / "valid", today=FIXTURE_TODAY).corpus
    return corpus, Renderer(corpus, FIXTURE_TODAY).pages()


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden(rendered, page):
    _, pages = rendered
    golden = GOLDEN / page.replace("/", "__")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(pages[page], encoding="utf-8")
    assert pages[page] == golden.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rendered_ko():
    from casebook.site.render import render_pages

    corpus = validate_repository(FIXTURES / "valid", today=FIXTURE_TODAY).corpus
    return render_pages(corpus, FIXTURE_TODAY)


@pytest.mark.parametrize("page", PAGES)
def test_korean_page_matches_golden(rendered_ko, page):
    golden = GOLDEN / ("ko__" + page.replace("/", "__"))
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered_ko[f"ko/{page}"], encoding="utf-8")
    assert rendered_ko[f"ko/{page}"] == golden.read_text(encoding="utf-8")


def test_json_exports_are_the_records(rendered):
    corpus, pages = rendered
    for kind in ("statute", "case", "source", "figure", "guideline"):
        exported = json.loads(pages[f"downloads/{kind}s.json"])
        expected = [r.model.model_dump(mode="json", by_alias=True, exclude_none=True) for r in corpus.typed(kind)]
        assert sorted(exported, key=lambda r: r["id"]) == sorted(expected, key=lambda r: r["id"])


def test_case_csv_has_one_row_per_decision(rendered):
    corpus, pages = rendered
    rows = list(csv.DictReader(io.StringIO(pages["downloads/cases.csv"])))
    expected = sum(len(decisions(r.model)) for r in corpus.typed("case"))
    assert len(rows) == expected == 2
    assert {(r["proceeding"], r["outcome_class"], r["imprisonment_months"]) for r in rows} == {
        ("first-instance", "suspended", "24.0"),
        ("appeal", "suspended", "24.0"),
    }


def test_schemas_are_downloadable(rendered):
    _, pages = rendered
    assert json.loads(pages["downloads/schemas/case.schema.json"])["title"] == "Casebook case record"


def test_recently_changed_page_and_atom_feed(rendered):
    import xml.etree.ElementTree as ET

    _, pages = rendered
    assert "[Example case](cases/example-case.md)" in pages["changes.md"]
    feed = ET.fromstring(pages["feed.xml"].split("\n", 1)[1])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert "Example case" in titles and len(titles) == 6
    assert feed.find("a:entry/a:link", ns).get("href").endswith(".html") or "#" in feed.find("a:entry/a:link", ns).get(
        "href"
    )


def test_record_diff_describes_fields_and_items():
    from casebook.record_diff import describe

    old = {"id": "x", "proceedings": [{"id": "first-instance"}], "summary_en": "a"}
    new = {"id": "x", "proceedings": [{"id": "first-instance"}, {"id": "appeal"}], "summary_en": "a", "aliases": ["y"]}
    assert describe(old, new) == ["` aliases ` added", "` proceedings ` changed (new: ` appeal `)"]
    assert describe(None, new) == ["added"] and describe(old, None) == ["removed"]


def test_statute_paragraphs_have_anchors_copy_buttons_and_law_go_kr_only_from_the_record(rendered):
    corpus, pages = rendered
    page = pages["statutes/example-act-2.md"]
    assert "{ #version-2024-10-16-p2 .cb-para }" in page
    assert "[¶2](#version-2024-10-16-p2" in page
    assert page.count('class="cb-copy"') == page.count('class="cb-citation"') > 3
    # The fixture's statute text is a mirror, not law.go.kr: no address is made up for it.
    assert "law.go.kr" not in page
    renderer = Renderer(corpus, FIXTURE_TODAY)
    mirror = renderer.sources["statute-text"]
    official = "https://www.law.go.kr/LSW/lsInfoP.do?lsiSeq=1"
    renderer.sources["statute-text"] = mirror.model_copy(update={"url": official})
    statute = renderer.statutes["example-act-2"]
    assert renderer.law_go_kr_links(statute.versions[0]) == [official]
    assert f"[on law.go.kr]({official})" in renderer.statute_page(statute)
    renderer.sources["statute-text"] = mirror.model_copy(update={"url": "https://law.go.kr.example.com/x"})
    assert renderer.law_go_kr_links(statute.versions[0]) == []


def test_every_kind_has_a_csv_for_excel_with_a_bom_and_the_same_rows(rendered):
    _, pages = rendered
    for kind in ("statute", "case", "source", "figure", "guideline"):
        plain, excel = pages[f"downloads/{kind}s.csv"], pages[f"downloads/{kind}s.excel.csv"]
        assert excel.encode("utf-8")[:3] == b"\xef\xbb\xbf" and not plain.startswith("\ufeff")
        assert excel[1:] == plain


def test_the_data_dictionary_explains_every_csv_column_in_both_languages(rendered, rendered_ko):
    from casebook.site.exports import COLUMNS

    _, pages = rendered
    for text in (pages["data-dictionary.md"], rendered_ko["ko/data-dictionary.md"]):
        for kind, columns in COLUMNS.items():
            head = next(csv.reader(io.StringIO(pages[f"downloads/{kind}s.csv"])))
            assert head == list(columns)
            for column in head:
                assert f"| <code>{column.replace('_', '&#95;')}</code> | " in text, (kind, column)
    assert (
        "| <code>outcome&#95;class</code> | 결과 분류 | <code>custodial</code> 실형"
        in rendered_ko["ko/data-dictionary.md"]
    )


def test_the_feed_puts_a_days_cases_before_its_statutes_and_sources():
    # A day that touched 30 sources must not push that day's cases out of the 50-entry feed.
    from casebook.site import feed
    from conftest import REPO, validate

    items = feed.recent(validate(REPO).corpus, limit=10_000)
    order = {kind: i for i, kind in enumerate(("case", "statute", "guideline", "figure", "source"))}
    for a, b in itertools.pairwise(items):
        assert a["updated"] > b["updated"] or (
            a["updated"] == b["updated"] and (order[a["kind"]], a["id"]) < (order[b["kind"]], b["id"])
        )
    latest = {i["kind"] for i in items if i["updated"] == items[0]["updated"]}
    assert "case" not in latest or items[0]["kind"] == "case"  # today's records: a case first
