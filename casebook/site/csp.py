"""Content-Security-Policy for every built page, satisfied by the theme's own scripts only.

MkDocs Material inlines a few small scripts whose text depends on the page's depth (its
`base_url`). Their hashes are worked out from the theme's template files, rendered for the
page's `base_url` — never read from the finished page, so a script that record text, a docs
page or CONTRIBUTING.md slipped into a page is not in the policy and does not run. Our own
scripts are files under the site (`'self'`); pages have no inline script of ours.
Styles may be inline (Material sets some from its scripts). `data:` images stay allowed
because Material's stylesheet draws its icons as `data:` SVG masks on every page; record text
cannot make an image (it reaches pages as text, see escape.py).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path

import jinja2
import material

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)
# A real script element (record text cannot make one: its '<' is a character reference).
_PAGEFIND_UI = re.compile(r'<script src="[^"]*pagefind/pagefind-ui\.js">')
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
THEME_TEMPLATES = Path(material.__file__).parent / "templates"
# The theme partials that inline a script into every page (base.html includes them).
THEME_SCRIPT_PARTIALS = ("base.html", "palette.html", "content.html")


def _sha256(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """The bodies of the scripts a browser would run inline (not src=, not JSON data blocks)."""
    return [
        m.group("body")
        for m in _INLINE_SCRIPT.finditer(html)
        if "src=" not in m.group("attrs") and "application/json" not in m.group("attrs")
    ]


@functools.cache
def theme_script_hashes(base_url: str, features: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Hashes of the theme's inline scripts as it renders them for a page at `base_url`."""
    env = jinja2.Environment(autoescape=False)
    hashes = set()
    for name in THEME_SCRIPT_PARTIALS:
        text = (THEME_TEMPLATES / "partials" / "javascripts" / name).read_text(encoding="utf-8")
        rendered = env.from_string(text).render(config={"extra": {}}, base_url=base_url, features=list(features))
        hashes.update(_sha256(body) for body in inline_scripts(rendered))
    return tuple(sorted(hashes))


def policy_for(html: str, base_url: str, features: tuple[str, ...] = ()) -> str:
    sources = list(theme_script_hashes(base_url, features))
    if _PAGEFIND_UI.search(html):
        sources.append("'wasm-unsafe-eval'")  # Pagefind's search runs as WebAssembly
    return POLICY.format(hashes=" ".join(sources))


def with_csp(html: str, base_url: str, features: tuple[str, ...] = ()) -> str:
    """The page with its policy as the first element of <head> (unchanged if it has one)."""
    head = _HEAD.search(html)
    if head is None or "Content-Security-Policy" in html[: head.end() + 400]:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html, base_url, features)}">'
    return html[: head.end()] + meta + html[head.end() :]
