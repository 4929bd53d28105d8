"""`validate --fix`: safe mechanical edits, comments kept, values unchanged, idempotent."""

import shutil
import subprocess
import sys

from casebook.fix import fix_text
from casebook.loader import parse_text
from casebook.models import Case, Statute
from conftest import FIXTURES, REPO

MESSY = FIXTURES / "messy"


def test_messy_case_is_fixed_and_keeps_its_comments():
    text = (MESSY / "case.yaml").read_text(encoding="utf-8")
    result = fix_text(text, Case, "case.yaml")
    assert result.problem == ""
    assert result.new == (
        "# A comment contributors wrote: keep me\n"
        "id: example-case\n"
        "title_ko: 예시 사건\n"
        "title_en: Example case\n"
        "relevance: deepfake  # inline comment\n"
        "summary_en: An example.\n"
        "defendants:\n"
        "  - id: lee-30\n"
        "    label_en: Lee (30)\n"
        "    role_en: Offender.\n"
        "sources:\n"
        "  - source: news-a\n"
        "updated: 2026-01-01\n"
    )
    assert fix_text(result.new, Case, "case.yaml").new == result.new  # a second run changes nothing


def test_statute_versions_are_sorted_without_changing_a_value():
    text = (MESSY / "statute.yaml").read_text(encoding="utf-8")
    result = fix_text(text, Statute, "statute.yaml")
    new = result.new
    assert new.index("- id: 2020-06-25") < new.index("- id: 2024-10-16")
    assert "# The newer version was written first." in new
    assert new.index("title_ko: 예시법") < new.index("title_en: Example Act")
    before, _ = parse_text(text, "s")
    after, _ = parse_text(new, "s")
    assert sorted(before.data["versions"], key=lambda v: v["effective"]) == after.data["versions"]
    assert fix_text(new, Statute, "statute.yaml").new == new


def test_unparseable_file_is_left_alone():
    result = fix_text("id: a\n\tbad: tab\n", Case, "bad.yaml")
    assert result.problem.startswith("not fixed") and result.new == result.old


def test_fix_round_trips_the_real_corpus_unchanged(tmp_path):
    copy = tmp_path / "repo"
    for folder in ("statutes", "cases", "sources", "figures", "guidelines"):
        shutil.copytree(REPO / folder, copy / folder)
    before = {p: p.read_bytes() for p in copy.rglob("*.yaml")}
    result = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "validate", "--root", str(copy), "--fix"],
        capture_output=True,
        text=True,
    )
    assert "0 file(s) fixed." in result.stderr
    assert {p: p.read_bytes() for p in copy.rglob("*.yaml")} == before


def test_cli_fix_with_diff_on_a_messy_copy(valid_repo):
    shutil.copy(MESSY / "case.yaml", valid_repo / "cases" / "example-case.yaml")
    run = [sys.executable, str(REPO / "build_site.py"), "validate", "--root", str(valid_repo)]
    dry = subprocess.run([*run, "--diff"], capture_output=True, text=True)
    assert "+++ b/cases/example-case.yaml" in dry.stdout and "1 file(s) would be fixed." in dry.stderr
    assert (
        (valid_repo / "cases" / "example-case.yaml").read_bytes().startswith(b"\xef\xbb\xbf")
    )  # dry run wrote nothing
    fixed = subprocess.run([*run, "--fix"], capture_output=True, text=True)
    assert "1 file(s) fixed." in fixed.stderr
    again = subprocess.run([*run, "--fix"], capture_output=True, text=True)
    assert "0 file(s) fixed." in again.stderr
