"""docs/security.md stays true: every test it names exists."""

import re

from conftest import REPO


def test_every_test_the_security_page_names_exists():
    text = (REPO / "docs" / "security.md").read_text(encoding="utf-8")
    named = re.findall(r"`(test_[a-z_]+\.py)(?:::([A-Za-z0-9_]+)(…)?)?`", text)
    assert len(named) > 20
    missing = []
    for file, test, prefix in named:
        path = REPO / "tests" / file
        if not path.is_file():
            missing.append(file)
            continue
        if test:
            defined = re.findall(r"^def (test_[A-Za-z0-9_]+)", path.read_text(encoding="utf-8"), re.M)
            if not any(d == test or (prefix and d.startswith(test)) for d in defined):
                missing.append(f"{file}::{test}")
    assert missing == []
