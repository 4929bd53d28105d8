"""Case pages rendered again only when their inputs changed: after each kind of edit, the last
render's pages for the unchanged cases plus the new render of the rest are exactly a full render."""

import datetime as dt
import shutil

import pytest
import yaml

from casebook.comparable import comparables_of
from casebook.site import page_inputs
from casebook.site.render import render_pages
from conftest import REPO, validate

TODAY = dt.date(2026, 12, 2)
FOLDERS = ("cases", "statutes", "sources", "figures", "guidelines")


@pytest.fixture
def repository(tmp_path):
    """A copy of the repository's records (43 real cases and their comparable decisions)."""
    for folder in FOLDERS:
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


def _render(repo):
    corpus = validate(repo, TODAY).corpus
    assert not validate(repo, TODAY).errors
    fingerprints = page_inputs.case_fingerprints(corpus, comparables_of(corpus), TODAY, "code")
    return corpus, fingerprints


def _change(path, change):
    """Edit a record's data (written back in another layout, which changes nothing it says)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _listed_elsewhere(corpus):
    """A case whose decision another case's page lists as comparable, and that other case."""
    comparables = comparables_of(corpus)
    for key in sorted(comparables.by_key):
        for like in comparables.of(key):
            if like.case.id != key.split("/")[0]:
                return like.case.id, key.split("/")[0]
    raise AssertionError("no case lists another's decision")


def _check(repo, before_corpus, before, before_pages):
    corpus, after = _render(repo)
    unchanged = frozenset(c for c, fp in after.items() if before.get(c) == fp)
    merged = render_pages(corpus, TODAY, unchanged)
    for case_id in unchanged:
        for page in page_inputs.case_pages(case_id):
            assert page not in merged
            merged[page] = before_pages[page]
    full = render_pages(corpus, TODAY)
    assert sorted(merged) == sorted(full)
    stale = [page for page in full if merged[page] != full[page]]
    assert not stale, f"pages kept that a full render changes: {stale[:5]}"
    return unchanged, corpus


def test_an_edited_summary_renders_only_that_case_again(repository):
    corpus, before = _render(repository)
    pages = render_pages(corpus, TODAY)
    case = sorted(before)[0]
    path = corpus.by_id("case")[case].file
    _change(path, lambda data: data.update(summary_en="Edited. " + (data.get("summary_en") or "")))
    unchanged, _ = _check(repository, corpus, before, pages)
    # Its page, and those listing one of its decisions (which show some of what it says).
    comparables = comparables_of(corpus)
    listing = {
        key.split("/")[0] for key, likes in comparables.by_key.items() if any(like.case.id == case for like in likes)
    }
    assert set(before) - unchanged == {case} | listing
    assert len(unchanged) >= len(before) - 10


def test_a_label_shown_in_other_cases_comparable_lists_renders_them_again(repository):
    corpus, before = _render(repository)
    pages = render_pages(corpus, TODAY)
    listed, lister = _listed_elsewhere(corpus)

    def rename_courts(data):  # the court of each decision shows in the lists naming it
        for proc in data["proceedings"]:
            proc["court_en"] = "Edited " + (proc.get("court_en") or "court")

    _change(corpus.by_id("case")[listed].file, rename_courts)
    unchanged, _ = _check(repository, corpus, before, pages)
    assert listed not in unchanged and lister not in unchanged


def test_a_statute_edit_renders_every_case_again(repository):
    corpus, before = _render(repository)
    pages = render_pages(corpus, TODAY)
    statute = next(iter(corpus.by_id("statute").values()))
    _change(statute.file, lambda data: data.update(heading_en="Edited " + data["heading_en"]))
    unchanged, _ = _check(repository, corpus, before, pages)
    assert not unchanged


def test_the_date_and_the_code_are_inputs(repository):
    corpus, before = _render(repository)
    comparables = comparables_of(corpus)
    assert page_inputs.case_fingerprints(corpus, comparables, TODAY, "code") == before
    later = page_inputs.case_fingerprints(corpus, comparables, TODAY + dt.timedelta(days=1), "code")
    other_code = page_inputs.case_fingerprints(corpus, comparables, TODAY, "other code")
    assert all(later[c] != before[c] and other_code[c] != before[c] for c in before)
