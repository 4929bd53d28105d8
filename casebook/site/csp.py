"""Content-Security-Policy for every built page, satisfied by the site's own scripts only.

MkDocs Material inlines a few small scripts whose text differs by page depth, so as MkDocs
writes each page (mkdocs_plugin.py) it gets a <meta http-equiv="Content-Security-Policy"> listing the SHA-256 of its
own inline scripts. Nothing else may run: no other inline script, no script from elsewhere.
Styles may be inline (Material sets some from its scripts); everything loads from the site.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for m in _INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs")
        if "src=" in attrs or "application/json" in attrs:
            continue  # external scripts are covered by 'self'; JSON data blocks never run
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(set(hashes))


def policy_for(html: str) -> str:
    sources = inline_script_hashes(html)
    if "pagefind/pagefind-ui.js" in html:
        sources.append("'wasm-unsafe-eval'")  # Pagefind's search runs as WebAssembly (search page only)
    return POLICY.format(hashes=" ".join(sources))


def with_csp(html: str) -> str:
    """The page with its policy as the first element of <head> (unchanged if it has one)."""
    head = _HEAD.search(html)
    if head is None or "Content-Security-Policy" in html[: head.end() + 400]:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return html[: head.end()] + meta + html[head.end() :]
