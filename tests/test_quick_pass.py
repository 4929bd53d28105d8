"""The preview's quick pass: after a case is edited, its two pages are written first, byte for
byte as a full build writes them; anything the quick pass cannot answer is left to the full
rebuild, and bad records change no page."""

import gzip
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from casebook.site import build as site_build
from casebook.site import page_sessions, preview, quick_pass
from conftest import FIXTURE_TODAY, REPO, edit, validate

PAGES = ["cases/example-case.html", "en/cases/example-case.html"]


def _preview_build(repo, docs, site):
    """What the preview server's builder runs on each change (serve passes build_type="dirty")."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from casebook.site import mkdocs_plugin

    hooks = [str(REPO / "casebook" / "site" / "serve_hooks.py")]
    config = load_config(str(repo / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), hooks=hooks)
    with site_build.nested_builds_dirty(True):
        build(config, dirty=True)
    mkdocs_plugin.previews.wait()


def _with_second_case(repo):
    """A second case, so that the example case's page lists a comparable decision."""
    text = (repo / "cases" / "example-case.yaml").read_text(encoding="utf-8")
    (repo / "cases" / "second-case.yaml").write_text(text.replace("id: example-case", "id: second-case", 1))


@pytest.fixture
def previewed(site_repo, tmp_path, monkeypatch):
    """The fixture corpus staged and built as `build_site.py serve` does before its first change."""
    monkeypatch.setattr(preview, "_current", None)
    quick_pass.forget()
    page_sessions.forget()
    _with_second_case(site_repo)
    report = validate(site_repo)
    assert not report.errors
    docs = site_build.stage_docs(site_repo, report, tmp_path / "staging", FIXTURE_TODAY)
    preview.start(site_repo, docs, FIXTURE_TODAY, report.corpus)
    site = tmp_path / "site"
    _preview_build(site_repo, docs, site)
    yield site_repo, docs, site
    quick_pass.forget()
    page_sessions.forget()


def _pages(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html") if "pagefind" not in p.parts}


def test_an_edited_case_gets_the_pages_a_full_build_writes(previewed, tmp_path, monkeypatch):
    repo, docs, site = previewed
    before = _pages(site)
    edit(repo / "cases" / "example-case.yaml", "summary_en: An example.", "summary_en: A changed example.")
    quick = quick_pass.run()
    assert quick is not None and quick.cases == ["example-case"] and sorted(quick.pages) == sorted(PAGES)
    after = _pages(site)
    assert "A changed example." in after["en/cases/example-case.html"].decode()
    assert {page for page in after if after[page] != before[page]} == set(PAGES)  # nothing else yet

    # The same records built from scratch, as the preview's full rebuild would write them.
    monkeypatch.setattr(preview, "_current", None)
    clean_docs = site_build.stage_docs(repo, validate(repo), tmp_path / "clean-staging", FIXTURE_TODAY)
    _preview_build(repo, clean_docs, tmp_path / "clean-site")
    clean = _pages(tmp_path / "clean-site")
    for page in PAGES:
        assert after[page] == clean[page], page
    assert (docs / "en" / "cases" / "example-case.md").read_bytes() == (
        clean_docs / "en" / "cases" / "example-case.md"
    ).read_bytes()


def test_the_full_rebuild_after_it_keeps_the_quick_pages(previewed):
    repo, docs, site = previewed
    edit(repo / "cases" / "example-case.yaml", "summary_en: An example.", "summary_en: A changed example.")
    assert quick_pass.run() is not None
    quick = _pages(site)
    _preview_build(repo, docs, site)  # the full rebuild the server runs next
    assert _pages(site)["en/cases/example-case.html"] == quick["en/cases/example-case.html"]
    assert quick_pass.run() is None  # nothing changed since that rebuild


CHANGES = [
    (lambda r: edit(r / "cases" / "example-case.yaml", "relevance: deepfake", "relevance: nope"), "an error"),
    (lambda r: edit(r / "cases" / "example-case.yaml", "id: example-case", "id: renamed-case"), "a new id"),
    (lambda r: edit(r / "cases" / "example-case.yaml", "statute: example-act-2", "statute: no-such-act"), "E301"),
    (
        lambda r: shutil.copy(r / "cases" / "example-case.yaml", r / "cases" / "third-case.yaml"),
        "a new file",
    ),
    (lambda r: (r / "cases" / "second-case.yaml").unlink(), "a removed file"),
    (
        lambda r: edit(r / "statutes" / "example-act-2.yaml", "heading_en: False", "heading_en: Changed false"),
        "a statute",
    ),
    (lambda r: edit(r / "cases" / "example-case.yaml", "- id: appeal", "- id: second-appeal"), "a new decision"),
    (lambda r: (r / "cases" / "example-case.yaml").touch(), "no change"),
    (
        lambda r: (
            edit(r / "cases" / "example-case.yaml", "summary_en: An example.", "summary_en: A changed example."),
            edit(r / "mkdocs.yml", "strict: true", "strict: false"),
        ),
        "the site's configuration",
    ),
]


def _site_files(site):
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and not any(part.startswith((".pagefind", "pagefind")) for part in p.relative_to(site).parts)
    }


def test_the_other_pages_catch_up_as_a_full_build_writes_them(previewed, tmp_path, monkeypatch):
    """A case's English title shows on the cases index, the finder's data, the statistics and
    the other case's comparable decisions: after the catch-up every file is the clean build's."""
    from casebook.site import mkdocs_plugin, search_index

    repo, docs, site = previewed
    edit(repo / "cases" / "example-case.yaml", "title_en: Example case", "title_en: Renamed example case")
    assert quick_pass.run() is not None
    before = _site_files(site)
    assert preview.catch_up(site)
    mkdocs_plugin.previews.wait()
    after = _site_files(site)
    rewritten = {f for f in after if after[f] != before.get(f)}
    assert "en/cases/second-case.html" in rewritten and "en/cases/index.html" in rewritten
    assert "glossary.html" not in rewritten

    monkeypatch.setattr(preview, "_current", None)
    clean_docs = site_build.stage_docs(repo, validate(repo), tmp_path / "clean-staging", FIXTURE_TODAY)
    _preview_build(repo, clean_docs, tmp_path / "clean-site")
    clean = _site_files(tmp_path / "clean-site")
    assert sorted(after) == sorted(clean)
    assert [f for f in clean if after[f] != clean[f]] == []
    # The search index has every page, and the case under its new title.
    entry = (site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    pages = [p for p in after if p.endswith(".html") and not p.endswith("404.html")]
    assert sum(lang["page_count"] for lang in json.loads(entry)["languages"].values()) == len(
        [p for p in pages if not search_index.is_listing(p)]
    )
    fragments = [gzip.decompress(f.read_bytes()) for f in (site / "pagefind" / "fragment").iterdir()]
    assert any(b"Renamed example case" in fragment for fragment in fragments)


def test_a_new_page_leaves_the_catch_up_to_mkdocs(previewed):
    repo, docs, site = previewed
    edit(repo / "cases" / "example-case.yaml", "summary_en: An example.", "summary_en: A changed example.")
    assert quick_pass.run() is not None
    shutil.copy(repo / "cases" / "second-case.yaml", repo / "cases" / "third-case.yaml")
    third = repo / "cases" / "third-case.yaml"
    third.write_text(third.read_text(encoding="utf-8").replace("id: second-case", "id: third-case", 1))
    before = _site_files(site)
    assert not preview.catch_up(site)
    assert _site_files(site) == before  # nothing written: the MkDocs build does it all
    _preview_build(repo, docs, site)
    assert (site / "en" / "cases" / "third-case.html").is_file()


@pytest.mark.parametrize(("change", "why"), [pytest.param(c, w, id=w) for c, w in CHANGES])
def test_what_the_quick_pass_leaves_to_the_full_rebuild(previewed, change, why):
    repo, _, site = previewed
    before = _pages(site)
    time.sleep(0.01)  # a file saved again gets a newer modification time
    change(repo)
    assert quick_pass.run() is None, why
    assert _pages(site) == before


def test_the_preview_server_shows_an_edit_before_its_full_rebuild(site_repo, tmp_path):
    """`build_site.py serve`: after an edit the browser is told to reload and gets the edited
    page while the rest of the site is still being rebuilt."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            str(REPO / "build_site.py"),
            "serve",
            "--root",
            str(site_repo),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: [lines.append((time.monotonic(), line)) for line in server.stderr])
    reader.start()
    url = f"http://127.0.0.1:{port}/en/cases/example-case.html"
    try:
        page = _wait_for(url, "An example.")
        epoch = re.search(r"livereload\((\d+), *(\d+)\)", page)
        assert epoch, "the preview injects its reload script"
        reloaded: list[float] = []

        def wait_for_reload() -> None:  # what the page's script does: ask, and get an answer on a change
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/livereload/{epoch[1]}/{epoch[2]}", timeout=120):
                reloaded.append(time.monotonic())

        poll = threading.Thread(target=wait_for_reload)
        poll.start()
        edit(site_repo / "cases" / "example-case.yaml", "summary_en: An example.", "summary_en: A changed example.")
        assert "A changed example." in _wait_for(url, "A changed example.")
        poll.join(timeout=120)
        _wait_until(lambda: _said_after(lines, "Updated example-case in", "All pages are up to date"))
    finally:
        server.terminate()
        server.wait(timeout=30)
        reader.join(timeout=30)
        server.stderr.close()
    quick = [t for t, line in lines if "Updated example-case in" in line]
    done = [t for t, line in lines if "All pages are up to date" in line]
    assert quick and reloaded and len(done) == 2, [line for _, line in lines]  # the first build, the rebuild
    assert reloaded[0] < done[-1]  # the reload came before the full rebuild ended


def _said_after(lines, first: str, then: str) -> bool:
    said = [t for t, line in lines if first in line]
    return bool(said) and any(t >= said[0] and then in line for t, line in lines)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until(condition, limit: float = 120) -> None:
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < limit, "timed out"
        time.sleep(0.05)


def _wait_for(url: str, text: str, limit: float = 120) -> str:
    found = {}

    def shows() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                found["page"] = response.read().decode()
        except OSError:
            return False
        return text in found["page"]

    _wait_until(shows, limit)
    return found["page"]
