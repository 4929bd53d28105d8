"""The validate caches answer from disk what they have seen, can never be stale, and cannot be planted."""

import subprocess
import sys

from casebook.validate import cache
from conftest import FIXTURE_TODAY, REPO, edit


def run(root, *extra):
    return subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "validate", "--root", str(root), "--today", "2026-01-01", *extra],
        capture_output=True,
        text=True,
    )


def test_second_run_is_served_from_the_cache_with_the_same_answer(valid_repo):
    edit(valid_repo / "cases" / "example-case.yaml", "relevance: deepfake", "relevance: nope")
    first = run(valid_repo)
    key, _ = cache.corpus_key(valid_repo, FIXTURE_TODAY)
    assert cache.load(valid_repo, key) is not None
    second = run(valid_repo)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout) == (1, first.stdout)
    assert "E104" in second.stdout


def test_any_change_to_a_record_invalidates_it(valid_repo):
    assert run(valid_repo).returncode == 0
    edit(valid_repo / "cases" / "example-case.yaml", "relevance: deepfake", "relevance: nope")
    changed = run(valid_repo)
    assert changed.returncode == 1 and "E104" in changed.stdout
    edit(valid_repo / "cases" / "example-case.yaml", "relevance: nope", "relevance: deepfake")
    assert run(valid_repo).returncode == 0


def test_new_and_deleted_files_change_the_key(valid_repo):
    key, _ = cache.corpus_key(valid_repo, FIXTURE_TODAY)
    extra = valid_repo / "sources" / "extra.yaml"
    extra.write_text("id: extra\n", encoding="utf-8")
    added, _ = cache.corpus_key(valid_repo, FIXTURE_TODAY)
    extra.unlink()
    assert added != key and cache.corpus_key(valid_repo, FIXTURE_TODAY)[0] == key


def test_the_judging_date_is_part_of_the_key(valid_repo):
    import datetime as dt

    assert cache.corpus_key(valid_repo, FIXTURE_TODAY)[0] != cache.corpus_key(valid_repo, dt.date(2023, 1, 1))[0]


def test_no_cache_flag_and_corrupt_cache(valid_repo):
    run(valid_repo)
    for entry in cache.cache_dir(valid_repo).glob("validate-*.json"):
        entry.write_text("not json", encoding="utf-8")
    assert run(valid_repo).returncode == 0  # a corrupt entry is ignored, not trusted
    assert run(valid_repo, "--no-cache").returncode == 0


def _checked_files(monkeypatch, root):
    """Validate with the record cache on, one process; return the files parsed afresh."""
    from casebook.validate import run as validate_run

    parsed = []
    real = validate_run.load_file
    monkeypatch.setattr(validate_run, "load_file", lambda path, display: parsed.append(display) or real(path, display))
    report = validate_run.validate_repository(root, FIXTURE_TODAY, workers=1, use_cache=True)
    return parsed, report


def test_record_cache_parses_only_the_changed_file_and_answers_as_a_fresh_run(valid_repo, monkeypatch):
    from casebook.validate.run import validate_repository

    first, _ = _checked_files(monkeypatch, valid_repo)
    assert len(first) > 5  # nothing cached yet: every file was parsed
    again, _ = _checked_files(monkeypatch, valid_repo)
    assert again == []
    edit(valid_repo / "cases" / "example-case.yaml", "relevance: deepfake", "relevance: nope")
    changed, cached = _checked_files(monkeypatch, valid_repo)
    assert changed == ["cases/example-case.yaml"]
    fresh = validate_repository(valid_repo, FIXTURE_TODAY, workers=1)
    assert cached.diagnostics == fresh.diagnostics and any(d.code == "E104" for d in cached.diagnostics)
    # Records served from the cache are the same typed records, and still know their positions.
    assert [r.model for r in cached.corpus.records] == [r.model for r in fresh.corpus.records]
    source = next(r for r in cached.corpus.records if r.kind.name == "source")
    assert (
        source.loaded.source_map
        == next(r for r in fresh.corpus.records if r.display == source.display).loaded.source_map
    )


def test_a_cache_committed_into_the_repository_is_never_trusted(valid_repo):
    """A pull request could add a forged 'no problems' answer under the old in-repo folder."""
    edit(valid_repo / "cases" / "example-case.yaml", "relevance: deepfake", "relevance: nope")
    key, _ = cache.corpus_key(valid_repo, FIXTURE_TODAY)
    planted = valid_repo / ".casebook-cache"
    planted.mkdir()
    (planted / f"validate-{key}.json").write_text("[]", encoding="utf-8")
    assert not str(cache.cache_dir(valid_repo)).startswith(str(valid_repo))
    result = run(valid_repo)
    assert result.returncode == 1 and "E104" in result.stdout


def test_a_corrupt_record_cache_is_ignored(valid_repo, monkeypatch):
    _checked_files(monkeypatch, valid_repo)
    for entry in cache.cache_dir(valid_repo).glob("records-*.pickle"):
        entry.write_bytes(b"not a pickle")
    parsed, report = _checked_files(monkeypatch, valid_repo)
    assert len(parsed) > 5 and not report.errors
