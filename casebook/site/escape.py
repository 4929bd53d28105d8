"""Escaping of record text for Markdown pages.

Records come from strangers by pull request; their text must reach HTML as text, never as
markup, links or template syntax. Every character that Markdown or HTML could act on is
written as a numeric character reference, which Markdown passes through and the browser
shows literally.
"""

from __future__ import annotations

from markupsafe import Markup

_ACTIVE = set("&<>\"'`*_[](){}#+-!|\\~^=:$%@")


def md(value: object) -> Markup:
    """Record text as inert Markdown (safe to place anywhere in a page)."""
    text = "" if value is None else str(value)
    out = "".join(f"&#{ord(ch)};" if ch in _ACTIVE else ch for ch in text)
    # Line breaks inside a value would start new Markdown blocks.
    return Markup(out.replace("\r", " ").replace("\n", " "))
