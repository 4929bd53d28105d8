"""After one record changes, `build` rebuilds only the changed pages, and the site is the clean build."""

from __future__ import annotations

import json

import casebook.site.build as site_build
from conftest import FIXTURE_TODAY, REPO, edit


def _build(repo, site, capsys) -> str:
    assert site_build.build_site(repo, site, today=FIXTURE_TODAY) == 0
    return capsys.readouterr().out


def _files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _without_search_index(files: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if not k.startswith("pagefind/")}


def _search_pages(files: dict[str, bytes]) -> tuple[int, set[str]]:
    """Pages in the search index, and its page fragments (named by their content's hash)."""
    entry = json.loads(files["pagefind/pagefind-entry.json"])
    return sum(lang["page_count"] for lang in entry["languages"].values()), {
        k for k in files if k.startswith("pagefind/fragment/")
    }


def test_one_changed_record_rebuilds_incrementally_into_the_clean_build(site_repo, tmp_path, capsys):
    site = site_repo / "site"
    assert "incremental" not in _build(site_repo, site, capsys)  # nothing to start from: clean
    edit(site_repo / "cases" / "example-case.yaml", "summary_en: An example.", "summary_en: A changed example.")
    out = _build(site_repo, site, capsys)
    assert "incremental:" in out and "changed file(s) rebuilt" in out
    rebuilt = _files(site)
    assert "A changed example." in rebuilt["cases/example-case.html"].decode()

    clean = tmp_path / "clean-site"  # another folder: built from scratch
    assert "incremental" not in _build(site_repo, clean, capsys)
    built = _files(clean)
    assert _without_search_index(rebuilt) == _without_search_index(built)
    assert _search_pages(rebuilt) == _search_pages(built)


def test_a_deleted_record_loses_its_page_on_rebuild(site_repo, capsys):
    site = site_repo / "site"
    _build(site_repo, site, capsys)
    extra = site_repo / "sources" / "news-a.yaml"
    copy = site_repo / "sources" / "second-source.yaml"
    copy.write_text(extra.read_text(encoding="utf-8").replace("id: news-a", "id: second-source"), encoding="utf-8")
    _build(site_repo, site, capsys)
    assert "second-source" in (site / "sources" / "index.html").read_text(encoding="utf-8")
    copy.unlink()
    assert "incremental:" in _build(site_repo, site, capsys)
    assert "second-source" not in (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "second-source" not in (site / "downloads" / "sources.json").read_text(encoding="utf-8")


def test_a_changed_configuration_or_a_site_changed_elsewhere_means_a_clean_build(site_repo, capsys):
    site = site_repo / "site"
    _build(site_repo, site, capsys)
    config = site_repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert "incremental" not in _build(site_repo, site, capsys)
    assert "incremental" in _build(site_repo, site, capsys)
    (site / "sitemap.xml").write_text("edited by hand", encoding="utf-8")  # not the site we built
    assert "incremental" not in _build(site_repo, site, capsys)
    assert "edited by hand" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_failed_incremental_build_leaves_the_site_as_it_was(site_repo, monkeypatch, capsys):
    site = site_repo / "site"
    _build(site_repo, site, capsys)
    before = _files(site)
    edit(site_repo / "cases" / "example-case.yaml", "summary_en: An example.", "summary_en: A changed example.")
    real = site_build.run_mkdocs

    def fail_after_writing(*args, **kwargs):
        real(*args, **kwargs)
        raise OSError("disk full")

    monkeypatch.setattr(site_build, "run_mkdocs", fail_after_writing)
    assert site_build.build_site(site_repo, site, today=FIXTURE_TODAY) == 1
    assert _files(site) == before
    monkeypatch.setattr(site_build, "run_mkdocs", real)
    assert "incremental:" in _build(site_repo, site, capsys)
    assert "A changed example." in (site / "cases" / "example-case.html").read_text(encoding="utf-8")


def test_every_navigation_entry_names_its_title_so_dirty_builds_stay_correct():
    """A nav entry without a title takes its page's heading; a dirty build would then leave the
    old heading in every unchanged page's navigation. incremental.py relies on this."""
    from mkdocs.utils.yaml import yaml_load

    def untitled(entries):
        for entry in entries:
            if not isinstance(entry, dict):
                yield entry
            else:
                for value in entry.values():
                    if isinstance(value, list):
                        yield from untitled(value)

    nav = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]  # MkDocs' loader: !ENV
    assert list(untitled(nav)) == []
