"""The bilingual site: one catalogue with every label in both languages, Korean pages free of
English interface labels, record text per language (never translated), each language's
conventions, and the built site's layout (Korean at the root, English under /en/)."""

from __future__ import annotations

import datetime as dt
import enum
import re
from html.parser import HTMLParser

import pytest

from casebook.i18n import LANGUAGES, UI, VOCABULARIES, Lang, court_citation_ko
from conftest import FIXTURE_TODAY, FIXTURES, REPO, validate

KO, EN = Lang("ko"), Lang("en")
HANGUL = re.compile("[가-힣]")


def test_every_key_has_both_translations():
    for key, pair in UI.items():
        assert len(pair) == len(LANGUAGES), key
        ko, en = pair
        if key != "approx_suffix":
            assert ko.strip() and en.strip(), f"{key}: a translation is missing"
        assert set(re.findall(r"\{(\w+)\}", ko)) == set(re.findall(r"\{(\w+)\}", en)), f"{key}: fields differ"
    for name, table in VOCABULARIES.items():
        for value, (ko, en) in table.items():
            assert ko.strip() and en.strip(), f"{name}.{value}: a translation is missing"
            assert HANGUL.search(ko), f"{name}.{value}: the Korean label is not Korean: {ko!r}"


@pytest.mark.parametrize(
    ("vocabulary", "enum_path"),
    [
        ("level", "casebook.models.case:Level"),
        ("disposition", "casebook.models.case:Disposition"),
        ("appeal_result", "casebook.models.case:AppealResult"),
        ("count_outcome", "casebook.models.case:CountOutcome"),
        ("counted", "casebook.models.case:CountedThing"),
        ("guideline_role", "casebook.models.case:GuidelineRole"),
        ("version_status", "casebook.models.statute:VersionStatus"),
        ("paragraph_kind", "casebook.models.statute:ParagraphKind"),
        ("conduct", "casebook.models.vocabulary:Conduct"),
        ("material", "casebook.models.vocabulary:Material"),
        ("prior_record", "casebook.models.vocabulary:PriorRecord"),
        ("relationship", "casebook.models.vocabulary:Relationship"),
    ],
)
def test_every_enum_value_has_a_label(vocabulary, enum_path):
    import importlib

    module, name = enum_path.split(":")
    values = {m.value for m in getattr(importlib.import_module(module), name)}
    assert issubclass(getattr(importlib.import_module(module), name), enum.Enum)
    assert values <= set(VOCABULARIES[vocabulary]), (
        f"{vocabulary}: no label for {values - set(VOCABULARIES[vocabulary])}"
    )


def test_outcome_classes_and_facts_are_labelled():
    from casebook.outcomes import OUTCOME_CLASSES
    from casebook.precedents import FACT_NAMES

    assert set(OUTCOME_CLASSES) == set(VOCABULARIES["outcome"]) == set(VOCABULARIES["outcome_short"])
    assert set(FACT_NAMES) <= set(VOCABULARIES["fact"])


def test_each_language_writes_dates_terms_money_and_penalties_its_own_way():
    from casebook.models.common import PartialDate

    day = dt.date(2024, 10, 16)
    assert (KO.date(day), EN.date(day)) == ("2024. 10. 16.", "16 Oct 2024")
    assert (KO.date(PartialDate(2025, 3)), EN.date(PartialDate(2025, 3))) == ("2025. 3.", "Mar 2025")
    assert (KO.term(18), EN.term(18)) == ("1년 6개월", "1 year 6 months")
    assert KO.term(67.5) == "5년 7개월 15일"
    assert (KO.krw(50_000_000), EN.krw(50_000_000)) == ("5,000만 원", "KRW 50,000,000")
    assert KO.krw(150_000_000) == "1억 5,000만 원"
    from casebook.models.statute import Penalty

    penalty = Penalty.model_validate(
        {"imprisonment": {"max_months": 84}, "fine_max_krw": 50_000_000, "combination": "alternative"}
    )
    assert KO.penalty(penalty) == "7년 이하의 징역 또는 5,000만 원 이하의 벌금"
    assert EN.penalty(penalty) == "up to 7 years or a fine of up to KRW 50,000,000"


def test_the_court_form_citation_takes_the_act_number_from_the_amending_acts():
    report = validate(REPO, today=dt.date(2026, 12, 2))
    statute = report.corpus.by_id("statute")["sexual-crimes-act-14-2"].model
    version = next(v for v in statute.versions if v.id == "2024-10-16")
    assert court_citation_ko(statute, version, 4) == (
        "「성폭력범죄의 처벌 등에 관한 특례법」(2024. 10. 16. 법률 제20459호로 개정된 것) 제14조의2 제4항"
    )


@pytest.fixture(scope="module")
def pages():
    from casebook.site.render import render_pages

    corpus = validate(FIXTURES / "valid").corpus
    return render_pages(corpus, FIXTURE_TODAY)


def test_record_text_follows_the_page_language_and_says_when_it_is_missing(pages):
    ko, en = pages["ko/cases/example-case.md"], pages["en/cases/example-case.md"]
    assert ko.startswith('---\ntitle: "예시 사건"') and en.startswith('---\ntitle: "Example case"')
    # The case has an English summary only: the Korean page shows it, marked, and says so.
    assert '<span lang="en">An example.</span>' in ko and "국문 요약 없음" in ko
    assert "An example." in en and "no Korean summary" not in en and "국문" not in en
    assert "징역 2년, 집행유예 3년" in ko and "2 years imprisonment, suspended for 3 years" in en


class _Text(HTMLParser):
    """A Korean page's own words: record text marked with another language, citations, code and
    the language switch left out (they are records, not interface labels)."""

    SKIP = {"code", "script", "style", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        a = dict(attrs)
        skip = (
            tag in self.SKIP
            or a.get("lang", "ko") != "ko"
            or "cb-cite" in (a.get("class") or "")
            or "cb-record" in (a.get("class") or "")
            or "headerlink" in (a.get("class") or "")
            # the site search's fields: hidden, for the index only, record text in both languages
            or "cb-search-fields" in (a.get("class") or "")
        )
        self.stack.append(skip or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in ("br", "img", "input", "meta", "link", "hr") and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.words.append(data)


def english_labels() -> set[str]:
    """The catalogue's English labels that a Korean page must not show (those of two or more
    words, or single words that are not also Korean text, ids or record values)."""
    labels = set()
    for ko, en in [*UI.values(), *(pair for table in VOCABULARIES.values() for pair in table.values())]:
        text = re.sub(r"\{\w+\}", " ", en).strip(" .:;,()")
        for part in re.split(r"[;:()]| — ", text):
            part = part.strip(" .,")
            if len(part) >= 6 and " " in part and part != ko and not HANGUL.search(part):
                labels.add(part)
    return labels


def test_no_korean_page_shows_an_english_interface_label(site):
    import html as html_module

    labels = english_labels()
    assert "Sentences at each instance" in labels  # the test would see a label left in English
    checked = 0
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative.startswith(("en/", "pagefind/")) or relative == "404.html":
            continue
        body = page.read_text(encoding="utf-8")
        article = body[body.find("<article") : body.rfind("</article>")]
        parser = _Text()
        parser.feed(article)
        text = html_module.unescape(" ".join(parser.words))
        found = sorted(label for label in labels if label in text)
        assert not found, f"{relative} shows English interface labels: {found[:5]}"
        checked += 1
    assert checked > 15


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import shutil

    from casebook.site.build import build_site

    repo = tmp_path_factory.mktemp("bilingual") / "repo"
    shutil.copytree(FIXTURES / "valid", repo)
    for name in ("mkdocs.yml", "CONTRIBUTING.md", "CONTRIBUTING.ko.md"):
        shutil.copy(REPO / name, repo / name)
    shutil.copytree(REPO / "docs", repo / "docs")
    assert build_site(repo, repo / "site", today=FIXTURE_TODAY) == 0
    return repo / "site"


def test_korean_at_the_root_english_under_en_each_page_linked_to_its_twin(site):
    korean = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.is_relative_to(site / "en")}
    english = {p.relative_to(site / "en").as_posix() for p in (site / "en").rglob("*.html")}
    assert korean - {"404.html"} == english
    for relative in ("index.html", "cases/example-case.html", "statutes/example-act-2.html", "finder.html"):
        ko = (site / relative).read_text(encoding="utf-8")
        en = (site / "en" / relative).read_text(encoding="utf-8")
        assert '<html lang="ko"' in ko and '<html lang="en"' in en
        depth = "../" * relative.count("/")
        assert 'rel="alternate" href=' not in ko  # in the sitemap instead (Material would fetch beside it)
        assert f'href="{depth}en/{relative}" hreflang="en" lang="en" class="cb-lang__link"' in ko
        assert f'href="../{depth}{relative}" hreflang="ko" lang="ko" class="cb-lang__link"' in en


def test_the_sitemap_is_empty_without_an_address():
    # With no site_url there is no absolute URL for a sitemap entry (MkDocs' own is empty too);
    # with one, theme/sitemap.xml lists every page with its hreflang alternates.
    text = (REPO / "casebook" / "site" / "theme" / "sitemap.xml").read_text(encoding="utf-8")
    assert "{%- if config.site_url %}" in text and 'hreflang="{{ i18n_locale }}"' in text


def test_each_language_has_its_own_search_index_and_feed(site):
    import json

    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"ko", "en"}
    assert entry["languages"]["ko"]["page_count"] == entry["languages"]["en"]["page_count"]
    assert "<title>Casebook: 최근 변경된 기록</title>" in (site / "feed.xml").read_text(encoding="utf-8")
    assert "<title>Casebook: recently changed records</title>" in (site / "en" / "feed.xml").read_text(encoding="utf-8")
    assert (site / "downloads" / "cases.json").is_file() and not (site / "en" / "downloads").exists()
    assert 'href="../downloads/cases.json"' in (site / "en" / "downloads.html").read_text(encoding="utf-8")


def test_every_hand_written_page_has_a_korean_version():
    english = {p.name for p in (REPO / "docs").glob("*.md") if not p.name.endswith(".ko.md")}
    korean = {p.name.replace(".ko.md", ".md") for p in (REPO / "docs").glob("*.ko.md")}
    assert english == korean
    assert (REPO / "CONTRIBUTING.ko.md").is_file()


def test_with_the_published_address_the_sitemap_lists_every_page(tmp_path, monkeypatch):
    # The Pages workflow passes the address (CASEBOOK_SITE_URL, read by mkdocs.yml); every page
    # of both languages is then in sitemap.xml, and the pages' own links stay relative.
    import re
    import shutil

    from casebook.site.build import build_site

    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", repo)
    for name in ("mkdocs.yml", "CONTRIBUTING.md", "CONTRIBUTING.ko.md"):
        shutil.copy(REPO / name, repo / name)
    shutil.copytree(REPO / "docs", repo / "docs")
    monkeypatch.setenv("CASEBOOK_SITE_URL", "https://casebook.example/")
    assert build_site(repo, repo / "site", today=FIXTURE_TODAY) == 0
    site = repo / "site"
    listed = set(re.findall(r"<loc>https://casebook\.example/([^<]+)</loc>", (site / "sitemap.xml").read_text()))
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - {"404.html"}
    assert listed == pages
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="../cases/index.html"' in home or 'href="cases/index.html"' in home
