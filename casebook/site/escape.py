"""Escaping of record text for Markdown pages.

Records come from strangers by pull request; their text must reach HTML as text, never as
markup, links or template syntax. Every character that Markdown or HTML could act on is
written as a numeric character reference, which Markdown passes through and the browser
shows literally.
"""

from __future__ import annotations

from markupsafe import Markup

_ACTIVE = set("&<>\"'`*_[](){}#+-!|\\~^=:$%@")
# Line breaks inside a value would start new Markdown blocks.
_INERT = str.maketrans({**{ch: f"&#{ord(ch)};" for ch in _ACTIVE}, "\r": " ", "\n": " "})


def md(value: object) -> Markup:
    """Record text as inert Markdown (safe to place anywhere in a page)."""
    text = "" if value is None else str(value)
    return Markup(text.translate(_INERT))
