"""The Content-Security-Policy admits the theme's inline scripts and nothing slipped into a page."""

from __future__ import annotations

import re

from casebook.site.csp import _sha256, inline_scripts
from conftest import FIXTURE_TODAY

_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _policy_hashes(html: str) -> set[str]:
    policy = _POLICY.search(html)
    assert policy, "every page carries a policy"
    return set(re.findall(r"'sha256-[^']+'", policy.group(1)))


def test_every_theme_script_is_admitted_and_an_injected_one_is_not(site_repo):
    from casebook.site.build import build_site

    glossary = site_repo / "docs" / "glossary.md"
    injected = "window.__pwned = 1"
    glossary.write_text(glossary.read_text(encoding="utf-8") + f"\n<script>{injected}</script>\n", encoding="utf-8")
    assert build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY) == 0
    pages = sorted((site_repo / "site").rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        html = page.read_text(encoding="utf-8")
        allowed = _policy_hashes(html)
        theirs = {_sha256(body) for body in inline_scripts(html) if body != injected}
        assert theirs <= allowed, f"{page.name}: a theme script would be blocked"
    glossary_html = (site_repo / "site" / "en" / "glossary.html").read_text(
        encoding="utf-8"
    )  # docs/glossary.md is English
    assert injected in glossary_html  # the docs page did put it there …
    assert _sha256(injected) not in _policy_hashes(glossary_html)  # … and the policy refuses it
