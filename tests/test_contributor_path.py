"""What a newcomer adding a decision runs into: half-written drafts, the preview, the hints."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO, codes, edit, validate

CASE = "cases/example-case.yaml"


def test_a_refused_case_still_counts_as_citing_its_sources(valid_repo):
    edit(valid_repo / CASE, "relevance: deepfake", "relevance: nope")
    assert [c for _, _, c in codes(validate(valid_repo))] == ["E104"]  # and no W303 for news-a


def test_the_preview_says_when_it_recovers(valid_repo, tmp_path, capsys, monkeypatch):
    from casebook.site import preview
    from conftest import FIXTURE_TODAY

    monkeypatch.setattr(preview, "_current", None)  # restored after the test, whatever it asserts
    preview.start(valid_repo, tmp_path / "docs", FIXTURE_TODAY)
    preview._current.staged = False
    edit(valid_repo / CASE, "relevance: deepfake", "relevance: nope")
    preview.restage()
    assert "keeps its last good pages" in capsys.readouterr().err
    edit(valid_repo / CASE, "relevance: nope", "relevance: deepfake")
    preview.restage()
    assert "Fixed: the records validate again" in capsys.readouterr().err
    preview.restage()
    assert "Fixed" not in capsys.readouterr().err  # said once


def test_a_draft_case_with_errors_does_not_stop_the_law_commands(valid_repo):
    edit(valid_repo / CASE, "relevance: deepfake", "relevance: nope")
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "build_site.py"),
            "version",
            "example-act-2",
            "--on",
            "2024-10-16",
            "--root",
            str(valid_repo),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "2024-10-16" in result.stdout
    assert "Not read for this answer: 1 file(s) with errors, e.g. cases/example-case.yaml" in result.stderr
