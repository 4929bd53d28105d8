"""Escape by construction: record text reaches every page as text, whatever field it is in.

The test walks the models, puts a hostile payload into every free-text field of every record
kind (present or optional), builds the site and parses every page: no element, attribute,
link or image may come from the payload, and the payload must be visible as text.
"""

from __future__ import annotations

import json
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from casebook.models import KIND_BY_FOLDER
from casebook.models.introspect import element_type, is_list, nested_model
from conftest import FIXTURE_TODAY, validate

# Markup, a script, Markdown links and images, a backtick, front-matter breakers, entities,
# attr_list braces and template syntax: each would be active if it reached a page as markup.
PAYLOADS = [
    '"<script>alert(1)</script><img src=x onerror=alert(2)> [evil](https://evil.example/x) '
    '![img](data:image/png;base64,AAAA) `code` &amp; &#60;b&#62; {: onclick="alert(3)" } {{ 7*7 }}',
    '(<iframe src=https://evil.example/f></iframe> <a href="https://evil.example/a">a</a> '
    "<https://evil.example/auto> [ref]: https://evil.example/r *bold* # heading | table | --- ",
]
MARKERS = ("evil.example", "alert(", "data:image", "javascript:", "<")  # heading ids keep letters only


def _is_free_text(annotation) -> bool:
    return element_type(annotation) is str


def _fill(data, model, payload: str, filled: list[str], path: str = "") -> None:
    """Put `payload` into every free-text field of `data` (a record's mapping), in place."""
    for name, field in model.model_fields.items():
        key = field.alias or name
        here = f"{path}.{key}" if path else key
        sub = nested_model(field.annotation)
        if sub is not None:
            value = data.get(key)
            for item in value if isinstance(value, list) else [value] if isinstance(value, dict) else []:
                _fill(item, sub, payload, filled, here)
        elif _is_free_text(field.annotation) and key not in REFUSED_BY_CHECKS:
            if key in NOT_ADDED and key not in data:
                continue
            before = data.get(key, _ABSENT)
            data[key] = [payload] if is_list(field.annotation) else payload
            try:
                model.model_validate(data)
            except ValidationError:  # an id, URL, date or other constrained text: not free text
                if before is _ABSENT:
                    del data[key]
                else:
                    data[key] = before
            else:
                filled.append(here)


_ABSENT = object()
# Text a record check holds to a shape (E249: a defendant label is a press label such as
# 'Park (40)'), so a payload there is refused before any page is built.
REFUSED_BY_CHECKS = {"label_en", "label_ko"}
# Optional text whose presence must agree with another field (E207: text_ko with text_status).
NOT_ADDED = {"text_ko"}


def hostile_corpus(repo: Path, payload: str) -> list[str]:
    filled: list[str] = []
    for path in sorted(repo.glob("*/*.yaml")):
        kind = KIND_BY_FOLDER.get(path.parent.name)
        if kind is None:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        _fill(data, kind.model, payload, filled)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return filled


class _Elements(HTMLParser):
    """Every element with its attribute names, and every attribute value, of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.values: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
        self.values.extend(value or "" for _, value in attrs)

    def handle_data(self, data):
        self.text.append(data)


def _pages(site: Path) -> dict[str, _Elements]:
    out = {}
    for page in sorted(site.rglob("*.html")):
        parser = _Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        out[str(page.relative_to(site))] = parser
    return out


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory):
    from casebook.site.build import build_site
    from conftest import site_repo_at

    repo = site_repo_at(tmp_path_factory.mktemp("clean") / "repo")
    # The same fields filled with harmless words: the pages have the same shape as the hostile ones.
    filled = hostile_corpus(repo, "Plain words only")
    assert build_site(repo, repo / "site", today=FIXTURE_TODAY) == 0
    return filled, _pages(repo / "site")


@pytest.mark.parametrize("payload", PAYLOADS, ids=["quote-script-markdown", "paren-iframe-autolink"])
def test_a_payload_in_every_text_field_stays_text_on_every_page(site_repo, clean_site, payload):
    from casebook.site.build import build_site

    clean_filled, clean_site = clean_site
    filled = hostile_corpus(site_repo, payload)
    assert filled == clean_filled
    assert len(filled) > 60  # the walk reached the fields (titles, summaries, quotes, notes, labels …)
    report = validate(site_repo)
    assert list(report.errors) == [], "the payload must be valid record text"
    assert build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY) == 0
    hostile = _pages(site_repo / "site")
    assert hostile.keys() == clean_site.keys()
    shown = 0
    for name, page in hostile.items():
        # Same elements with the same attributes as the clean build: none came from the payload.
        added = dict((page.tags - clean_site[name].tags).items())
        assert not added, f"{name}: elements from record text: {added}"
        for value in page.values:
            assert not any(m in value for m in MARKERS), f"{name}: attribute value from record text: {value!r}"
        shown += "".join(page.text).count("evil.example")
    assert shown > 20  # the payload is on the pages, as text


@pytest.mark.parametrize("title", ['"Quoted" case', "(Bracketed) case", "<b>Tagged</b> case", "- dash: colon # case"])
def test_front_matter_breakers_keep_the_title(site_repo, title):
    from casebook.site.build import build_site
    from conftest import edit

    edit(site_repo / "cases" / "example-case.yaml", "title_en: Example case", f"title_en: {json.dumps(title)}")
    assert build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY) == 0
    html = (site_repo / "site" / "en" / "cases" / "example-case.html").read_text(encoding="utf-8")  # title_en

    class Heads(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.inside, self.found = None, {"title": "", "h1": "", "hr": 0}

        def handle_starttag(self, tag, attrs):
            self.inside = tag if tag in ("title", "h1") else self.inside
            self.found["hr"] += tag == "hr"

        def handle_endtag(self, tag):
            self.inside = None if tag == self.inside else self.inside

        def handle_data(self, data):
            if self.inside:
                self.found[self.inside] += data

    heads = Heads()
    heads.feed(html)
    assert heads.found["title"].startswith(title + " - ")  # the browser tab shows the title as written
    assert heads.found["h1"].strip().startswith(title)
    assert heads.found["hr"] == 0  # no front matter leaked into the page as a rule


@pytest.mark.parametrize("formula", ['=HYPERLINK("https://evil.example","x")', "+1+1", "-1+1", "@SUM(A1)"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(valid_repo, formula):
    import csv
    import io

    from casebook.site.exports import kind_files
    from conftest import edit

    edit(valid_repo / "sources" / "news-a.yaml", "publisher: Example Daily", f"publisher: {json.dumps(formula)}")
    report = validate(valid_repo)
    assert report.errors == []
    text = kind_files(report.corpus, "source")["downloads/sources.csv"]
    publishers = [row["publisher"] for row in csv.DictReader(io.StringIO(text))]
    assert "'" + formula in publishers  # shown as text in Excel, LibreOffice and Sheets
    assert formula not in publishers


def test_no_page_shows_record_text_escaped_twice():
    """Escaping once is safe; escaping twice shows '&#40;' instead of '(' to the reader."""
    import datetime as dt

    from casebook.site.render import Renderer
    from conftest import REPO

    pages = Renderer(validate(REPO, today=dt.date(2026, 12, 2)).corpus, dt.date(2026, 12, 2)).pages()
    twice = sorted(name for name, text in pages.items() if name.endswith(".md") and "&#38;#" in text)
    assert twice == []
