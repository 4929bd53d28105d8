"""The validate cache answers an unchanged repository from disk and can never be stale."""

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
    for entry in (valid_repo / cache.CACHE_DIR).glob("validate-*.json"):
        entry.write_text("not json", encoding="utf-8")
    assert run(valid_repo).returncode == 0  # a corrupt entry is ignored, not trusted
    assert run(valid_repo, "--no-cache").returncode == 0
