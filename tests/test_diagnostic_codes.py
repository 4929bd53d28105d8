"""One catalogue of diagnostic codes: every code a check emits is listed, once, with its rule."""

from __future__ import annotations

import re
import subprocess
import sys

from casebook.diagnostic_codes import CODES
from conftest import FIXTURES, REPO

_LITERAL = re.compile(r'"([EW][0-9]{3})"')


def _codes_in_source() -> set[str]:
    found = set()
    for path in (REPO / "casebook").rglob("*.py"):
        if path.name != "diagnostic_codes.py":
            found |= set(_LITERAL.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_code_used_is_in_the_catalogue_and_every_listed_code_is_used():
    used = _codes_in_source()
    assert used - CODES.keys() == set(), "codes emitted but not in casebook/diagnostic_codes.py"
    assert CODES.keys() - used == set(), "codes listed but emitted by no check"


def test_no_code_means_two_rules():
    text = (REPO / "casebook" / "diagnostic_codes.py").read_text(encoding="utf-8")
    listed = re.findall(r'^\s+"([EW][0-9]{3})": Code\(', text, re.M)
    assert len(listed) == len(set(listed))  # a dict literal silently keeps the last of two
    rules = [c.rule for c in CODES.values()]
    assert len(rules) == len(set(rules))


def test_the_broken_corpus_emits_only_catalogued_codes():
    expected = (FIXTURES / "broken.expected").read_text(encoding="utf-8")
    emitted = set(re.findall(r":\d+:\d+: ([EW][0-9]{3})", expected)) or set(re.findall(r"\b([EW][0-9]{3})\b", expected))
    assert emitted and emitted <= CODES.keys()


def test_list_checks_prints_the_catalogue():
    out = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "validate", "--list-checks"], capture_output=True, text=True
    ).stdout
    for code, c in CODES.items():
        assert f"{code}  {c.rule}" in out


def test_the_site_has_a_page_of_codes(valid_repo):
    import datetime as dt

    from casebook.site.render import Renderer
    from conftest import validate

    page = Renderer(validate(valid_repo).corpus, dt.date(2026, 1, 1)).pages()["diagnostics.md"]
    assert page.count("\n| E") + page.count("\n| W") == len(CODES)
