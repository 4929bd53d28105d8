"""`build_site.py new`: an annotated template that validates once its TODOs are filled."""

import datetime as dt
import subprocess
import sys

from casebook.scaffold import template
from conftest import REPO, codes, validate

CASE_VALUES = [
    ("title_ko: TODO", "title_ko: 새 사건"),
    ("relevance: TODO", "relevance: deepfake"),
    ("summary_en: TODO", "summary_en: A new case."),
    ("  - id: TODO", "  - id: a-20"),
    ("    label_en: TODO", "    label_en: A (20)"),
    ("    role_en: TODO", "    role_en: Offender."),
    ("  - source: TODO", "  - source: news-a"),
]


def run(*args):
    return subprocess.run([sys.executable, str(REPO / "build_site.py"), *args], capture_output=True, text=True)


def test_new_case_validates_once_filled(valid_repo):
    result = run("new", "case", "--root", str(valid_repo), "--id", "new-case", "--title-en", "A new case")
    assert result.returncode == 0, result.stderr
    path = valid_repo / "cases" / "new-case.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/case.schema.json\n")
    assert "# required; 'deepfake' for synthetic sexual material" in text
    assert "# proceedings:  optional" in text
    assert "#     # required; one of: first-instance, appeal, supreme-court, juvenile-division" in text
    unfilled = {c for _, _, c in codes(validate(valid_repo))}
    assert "E250" in unfilled
    lines = text.splitlines()
    for old, new in CASE_VALUES:  # fill the live (uncommented) lines only
        index = lines.index(old)
        lines[index] = new
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    assert codes(validate(valid_repo, dt.date.today())) == []  # the template is dated today


def test_new_refuses_to_overwrite_and_bad_ids(valid_repo):
    existing = valid_repo / "cases" / "example-case.yaml"
    before = existing.read_bytes()
    refused = run("new", "case", "--root", str(valid_repo), "--id", "example-case")
    assert refused.returncode == 1 and "exists" in refused.stderr + refused.stdout
    assert existing.read_bytes() == before  # the contributor's record is untouched
    assert run("new", "case", "--root", str(valid_repo), "--id", "Bad Id").returncode == 2
    assert sorted(p.name for p in (valid_repo / "cases").iterdir()) == ["example-case.yaml"]


def test_every_kind_has_a_template_with_its_schema_line():
    for kind in ("case", "statute", "source", "figure", "guideline"):
        text = template(kind, "x-1")
        assert text.splitlines()[0] == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"
        assert "id: x-1" in text and "TODO" in text
