"""A clean build renders the case pages while MkDocs runs (pages_later.py): the site is the one
a build that staged every page first makes, and a page that cannot be rendered fails the build."""

from __future__ import annotations

import json
import os
import shutil
import signal

import pytest

import casebook.site.build as site_build
from casebook import parallel
from casebook.site import render
from casebook.site.pages_later import PagesLater
from casebook.validate.cache import cache_dir
from conftest import REPO, validate, with_site_files

TODAY = site_build.dt.date(2026, 12, 2)
FOLDERS = ("cases", "statutes", "sources", "figures", "guidelines")


@pytest.fixture
def repository(tmp_path):
    """The repository's records (43 real cases) with the site's configuration and pages."""
    root = tmp_path / "repo"
    for folder in FOLDERS:
        shutil.copytree(REPO / folder, root / folder)
    return with_site_files(root)


@pytest.fixture(params=["worker", "in-process"])
def rendered_ahead(request, monkeypatch):
    """Case pages in batches of 5 (so MkDocs reads some while others are waiting), rendered by
    the worker process, or in-process as on one core or for a small corpus."""
    monkeypatch.setattr(render, "LATER_BATCH", 5)
    if request.param == "worker":
        monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
        monkeypatch.setenv("CASEBOOK_WORKERS", "2")
    else:
        monkeypatch.setenv("CASEBOOK_WORKERS", "1")
    return request.param


def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _search_pages(files: dict[str, bytes]) -> int:
    entry = json.loads(files["pagefind/pagefind-entry.json"])
    return sum(lang["page_count"] for lang in entry["languages"].values())


def test_the_site_is_the_one_built_from_pages_all_staged_first(repository, rendered_ahead, tmp_path, monkeypatch):
    waiting_when_read = []
    real_wait = PagesLater.wait_for

    def wait_for(self, name):
        if name.startswith(("ko/cases/", "en/cases/")) and not name.endswith("index.md"):
            waiting_when_read.append(len(self.waiting))
        real_wait(self, name)

    monkeypatch.setattr(PagesLater, "wait_for", wait_for)
    site = repository / "site"
    assert site_build.build_site(repository, site, today=TODAY) == 0
    # MkDocs read the first case page while the others were still being rendered …
    cases = len(list((repository / "cases").glob("*.yaml")))
    assert waiting_when_read[0] == 2 * cases
    assert len(waiting_when_read) == 2 * cases
    # … and the pages it read, kept for the next build, are those of a full render.
    report = validate(repository, TODAY)
    everything = site_build.staged_files(repository, report, TODAY)
    assert _files(cache_dir(repository) / site_build.KEPT_PAGES / "docs") == everything

    staging = tmp_path / "staged-first"
    docs = site_build.stage_docs(repository, report, staging, TODAY)
    site_build.run_mkdocs(repository, docs, staging / "site")
    built, reference = _files(site), _files(staging / "site")
    assert {k: v for k, v in built.items() if not k.startswith("pagefind/")} == {
        k: v for k, v in reference.items() if not k.startswith("pagefind/")
    }
    assert _search_pages(built) == _search_pages(reference) > 2 * cases


def _a_built_site(repository):
    site = repository / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    return site


def test_a_case_page_that_cannot_be_rendered_fails_the_build_and_leaves_the_site(
    repository, rendered_ahead, monkeypatch, capsys
):
    site = _a_built_site(repository)
    real_page = render.Renderer.case_page

    def case_page(self, case):
        if case.id == sorted(self.cases)[-1]:  # the last, after MkDocs has read the others
            raise ValueError("this page cannot be rendered")
        return real_page(self, case)

    monkeypatch.setattr(render.Renderer, "case_page", case_page)
    assert site_build.build_site(repository, site, today=TODAY) == 1
    assert "Build failed: ValueError: this page cannot be rendered" in capsys.readouterr().err
    assert _files(site) == {"index.html": b"the last good site"}


def test_a_renderer_that_dies_fails_the_build_instead_of_leaving_it_waiting(repository, monkeypatch, capsys):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setenv("CASEBOOK_WORKERS", "2")
    site = _a_built_site(repository)
    builder = os.getpid()
    real_page = render.Renderer.case_page

    def case_page(self, case):
        if os.getpid() != builder:  # only the worker: as if the kernel killed it (out of memory)
            os.kill(os.getpid(), signal.SIGKILL)
        return real_page(self, case)

    monkeypatch.setattr(render.Renderer, "case_page", case_page)
    assert site_build.build_site(repository, site, today=TODAY) == 1
    assert "Build failed: BrokenProcessPool" in capsys.readouterr().err
    assert _files(site) == {"index.html": b"the last good site"}
