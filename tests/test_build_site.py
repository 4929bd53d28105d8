"""Building the site: pages for every record, offline, atomic on failure; README and CI agree."""

import html
import json
import re

from casebook.site import build as site_build
from casebook.site import search_index
from casebook.validate.cache import cache_dir
from conftest import FIXTURE_TODAY, REPO, edit


def test_build_writes_a_page_per_record(site_repo, capsys):
    site = site_repo / "site"
    assert site_build.build_site(site_repo, site, today=FIXTURE_TODAY) == 0
    case_html = (site / "en" / "cases" / "example-case.html").read_text(encoding="utf-8")
    assert "Example case" in case_html and "2 years imprisonment, suspended for 3 years" in case_html
    ko_html = (site / "cases" / "example-case.html").read_text(encoding="utf-8")
    assert "예시 사건" in ko_html and "징역 2년, 집행유예 3년" in ko_html
    statute_html = (site / "statutes" / "example-act-2.html").read_text(encoding="utf-8")
    assert '<code class="cb-citation">예시법 제2조 (2024. 10. 16. 시행)</code>' in html.unescape(
        statute_html
    )  # shown as written
    assert not list(site_repo.glob(".site-build-*")), "staging folder left behind"


def test_built_html_loads_nothing_from_the_network(site_repo):
    site = site_repo / "site"
    site_build.build_site(site_repo, site, today=FIXTURE_TODAY)
    external = set()
    for page in site.rglob("*.html"):
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', page.read_text(encoding="utf-8")):
            external.add(url)
    # Links to sources are allowed (they are what a reader follows); nothing is loaded from elsewhere.
    loaded = {u for u in external if re.search(r"\.(js|css|woff2?|png|svg)(\?|$)|fonts\.", u)}
    assert loaded == set()


def test_invalid_records_leave_the_previous_site_untouched(site_repo, capsys):
    site = site_repo / "site"
    site_build.build_site(site_repo, site, today=FIXTURE_TODAY)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(site_repo / "cases" / "example-case.yaml", "relevance: deepfake", "relevance: nope")
    assert site_build.build_site(site_repo, site, today=FIXTURE_TODAY) == 1
    out = capsys.readouterr()
    assert "cases/example-case.yaml:4:12: E104" in out.out and "Build cancelled" in out.err
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_failure_midway_leaves_the_previous_site_untouched(site_repo, monkeypatch, capsys):
    site = site_repo / "site"
    site_build.build_site(site_repo, site, today=FIXTURE_TODAY)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}

    def explode(root, docs, out, **kwargs):
        (out / "half-written.html").parent.mkdir(parents=True, exist_ok=True)
        (out / "half-written.html").write_text("partial", encoding="utf-8")
        raise OSError("disk full")

    kept = cache_dir(site_repo) / site_build.KEPT_PAGES
    assert (kept / "docs" / "en" / "cases" / "example-case.md").is_file()
    kept_before = {p: p.read_bytes() for p in kept.rglob("*") if p.is_file()}
    monkeypatch.setattr(site_build, "run_mkdocs", explode)
    # An edit, so the failed build writes pages over its links to the last build's (KEPT_PAGES).
    edit(site_repo / "cases" / "example-case.yaml", "summary_en: An example.", "summary_en: A changed example.")
    assert site_build.build_site(site_repo, site, today=FIXTURE_TODAY) == 1
    assert "Build failed: OSError: disk full" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert {p: p.read_bytes() for p in kept.rglob("*") if p.is_file()} == kept_before
    assert not list(site_repo.glob(".site-build-*"))


def test_search_index_is_built_and_its_failure_cancels_the_build(site_repo, monkeypatch, capsys):
    site = site_repo / "site"
    assert site_build.build_site(site_repo, site, today=FIXTURE_TODAY) == 0
    assert (site / "pagefind" / "pagefind-ui.js").is_file() and list((site / "pagefind" / "index").iterdir())
    search_page = (site / "search.html").read_text(encoding="utf-8")
    assert "'wasm-unsafe-eval'" in search_page  # Pagefind's WebAssembly, on the search page only
    assert "'wasm-unsafe-eval'" not in (site / "index.html").read_text(encoding="utf-8")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    monkeypatch.setattr(search_index, "_executable", lambda: "/nonexistent/pagefind")
    assert site_build.build_site(site_repo, site, today=FIXTURE_TODAY) == 1
    assert "Build failed: SearchIndexError: Pagefind could not run" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_record_text_cannot_inject_markup(site_repo):
    edit(
        site_repo / "cases" / "example-case.yaml",
        "summary_en: An example.",
        "summary_en: '<script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }} **bold**'",
    )
    site = site_repo / "site"
    assert site_build.build_site(site_repo, site, today=FIXTURE_TODAY) == 0
    html = (site / "cases" / "example-case.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and 'href="javascript:' not in html
    assert "<strong>bold</strong>" not in html and "49" not in html


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    build_command, test_command = commands[:2]
    assert "build_site.py" in build_command and "pytest" in test_command
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci


def test_generated_pages_are_not_in_docs():
    assert not (REPO / "docs" / "cases").exists() and not (REPO / "docs" / "statutes").exists()


def test_preview_server_indexes_search_after_each_rebuild(site_repo, tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from conftest import validate

    docs = site_build.stage_docs(site_repo, validate(site_repo), tmp_path, FIXTURE_TODAY)
    hooks = [str(REPO / "casebook" / "site" / "serve_hooks.py")]  # what `serve` passes to MkDocs
    site = tmp_path / "site"
    config = load_config(str(site_repo / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), hooks=hooks)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    _search_written()  # the preview reloads first; its search index follows
    assert (site / "pagefind" / "pagefind-ui.js").is_file() and list((site / "pagefind" / "index").iterdir())


def _search_written() -> None:
    from casebook.site import mkdocs_plugin

    mkdocs_plugin.previews.wait()  # joins the threads writing the preview's search index
    assert not mkdocs_plugin.previews.running


def test_preview_rebuild_shows_an_edited_record_and_rewrites_only_the_pages_it_changes(
    site_repo, tmp_path, monkeypatch, capsys
):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from casebook.site import preview
    from conftest import validate

    monkeypatch.setattr(preview, "_current", None)
    docs = site_build.stage_docs(site_repo, validate(site_repo), tmp_path, FIXTURE_TODAY)
    preview.start(site_repo, docs, FIXTURE_TODAY)
    site = tmp_path / "site"

    def rebuild():  # what the preview server does on each change (it passes build_type="dirty")
        hooks = [str(REPO / "casebook" / "site" / "serve_hooks.py")]
        config = load_config(str(site_repo / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), hooks=hooks)
        with site_build.nested_builds_dirty(True):  # serve_site says so for the English build too
            build(config, dirty=True)
        _search_written()
        return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}

    first = rebuild()
    case_page = site / "cases" / "example-case.html"
    edit(site_repo / "cases" / "example-case.yaml", "summary_en: An example.", "summary_en: A changed example.")
    second = rebuild()
    assert "A changed example." in case_page.read_text(encoding="utf-8")
    rewritten = {page for page in second if second[page] != first.get(page)}
    assert "cases/example-case.html" in rewritten and "glossary.html" not in rewritten
    assert len(rewritten) < len(second) // 2
    # The search index still has every page: the unchanged ones are indexed from the last build.
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    searchable = [p for p in second if p != "404.html" and not search_index.is_listing(p)]
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == len(searchable)

    edit(site_repo / "cases" / "example-case.yaml", "relevance: deepfake", "relevance: nope")
    rebuild()
    assert "A changed example." in case_page.read_text(encoding="utf-8")  # the last good page stays
    assert "E104" in capsys.readouterr().err


def test_an_older_preview_index_never_replaces_a_newer_one(site_repo, tmp_path, monkeypatch, caplog):
    """Saving twice in quick succession: the first rebuild's search index is still being written
    when the second rebuild's is done. Each writes its own folder; the newer one stays in place,
    and the older one is dropped without a warning, whichever finishes last."""
    import threading

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from casebook.site import mkdocs_plugin, preview
    from conftest import validate

    monkeypatch.setattr(preview, "_current", None)
    docs = site_build.stage_docs(site_repo, validate(site_repo), tmp_path, FIXTURE_TODAY)
    preview.start(site_repo, docs, FIXTURE_TODAY)
    site = tmp_path / "site"
    second_installed = threading.Event()
    real_finish, real_install = search_index.SearchIndexer.finish, mkdocs_plugin.previews.install
    calls = []

    def finish(indexer, output):
        calls.append(output.name)
        if len(calls) == 1:  # the first index: finish only after the second is in place
            assert second_installed.wait(60)
        real_finish(indexer, output)

    def install(site_dir, number, written):
        installed = real_install(site_dir, number, written)
        if installed and number == mkdocs_plugin.previews.started:
            second_installed.set()
        return installed

    monkeypatch.setattr(search_index.SearchIndexer, "finish", finish)
    monkeypatch.setattr(search_index.SearchIndexer, "abandon", lambda indexer: None)  # let it run to the end
    monkeypatch.setattr(mkdocs_plugin.previews, "install", install)

    def rebuild():
        hooks = [str(REPO / "casebook" / "site" / "serve_hooks.py")]
        config = load_config(str(site_repo / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), hooks=hooks)
        build(config, dirty=True)

    with caplog.at_level("WARNING", logger="mkdocs.plugins.casebook"):
        rebuild()  # returns at once: its search index waits
        edit(site_repo / "cases" / "example-case.yaml", "summary_en: An example.", "summary_en: A changed example.")
        rebuild()
        _search_written()
    assert len(calls) == 2 and calls[0] != calls[1]  # two folders, never the same files
    assert mkdocs_plugin.previews.installed == mkdocs_plugin.previews.started  # the newer index stayed
    assert "not updated" not in caplog.text
    assert sorted(p.name for p in site.iterdir() if "pagefind" in p.name) == ["pagefind"]  # nothing left over
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    searchable = [
        p for p in pages if p.name != "404.html" and not search_index.is_listing(p.relative_to(site).as_posix())
    ]
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == len(searchable)


def test_pages_planted_in_the_repository_are_never_taken_as_rendered(site_repo):
    """A pull request could commit a folder of pages with a fingerprint list that matches; the
    pages a build reuses live only in the cache folder, which no commit reaches."""
    planted = site_repo / ".site-build-pages"
    for folder in (planted, planted / "pages"):
        (folder / "docs" / "en" / "cases").mkdir(parents=True)
        (folder / "docs" / "en" / "cases" / "example-case.md").write_text("<script>planted()</script>")
    site = site_repo / "site"
    assert site_build.build_site(site_repo, site, today=FIXTURE_TODAY) == 0
    fingerprints = json.loads((cache_dir(site_repo) / site_build.KEPT_PAGES / "fingerprints.json").read_text())
    for folder in (planted, planted / "pages"):
        (folder / "fingerprints.json").write_text(json.dumps(fingerprints))
    assert site_build.build_site(site_repo, site, today=FIXTURE_TODAY) == 0
    assert "planted" not in (site / "en" / "cases" / "example-case.html").read_text(encoding="utf-8")
    # The same page in the cache folder is reused as it is (which is why it must live there only).
    kept = cache_dir(site_repo) / site_build.KEPT_PAGES / "docs" / "en" / "cases" / "example-case.md"
    kept.unlink()
    kept.write_text("<p>taken from the cache</p>", encoding="utf-8")
    assert site_build.build_site(site_repo, site, today=FIXTURE_TODAY) == 0
    assert "taken from the cache" in (site / "en" / "cases" / "example-case.html").read_text(encoding="utf-8")
