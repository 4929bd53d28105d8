"""Record text in generated pages: inert by default, markup only from trusted helpers.

Records come from strangers by pull request; their text must reach HTML as text, never as
markup, links or template syntax. Every character that Markdown or HTML could act on is
written as a numeric character reference, which Markdown passes through and the browser
shows literally (in HTML, SVG and attributes alike).

The templates' environment uses `inert` as its `finalize`: every `{{ … }}` is escaped unless
it is already `Markup`, so a new field in a template is safe without a filter. `Markup` comes
only from the helpers below and from the few view helpers that build links or tables out of
escaped parts.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from markupsafe import Markup

from casebook.models.common import SLUG_RE, PartialDate

_ACTIVE = set("&<>\"'`*_[](){}#+-!|\\~^=:$%@")
# Line breaks inside a value would start new Markdown blocks.
_INERT = str.maketrans({**{ch: f"&#{ord(ch)};" for ch in _ACTIVE}, "\r": " ", "\n": " "})
# Values that cannot hold markup print as they are (dates and numbers read better unescaped).
_PLAIN = (int, float, dt.date, PartialDate)


def md(value: object) -> Markup:
    """Record text as inert Markdown (safe to place anywhere in a page)."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else str(value)
    return Markup(text.translate(_INERT))


def inert(value: object) -> object:
    """Jinja `finalize`: escape every printed value that is not already trusted markup."""
    if isinstance(value, Markup) or (isinstance(value, _PLAIN) and not isinstance(value, bool)):
        return value
    return md(value)


def slug(value: object) -> Markup:
    """An id for a URL or an anchor: validated ids only (they hold nothing to escape)."""
    text = str(value)
    if not SLUG_RE.match(text) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValueError(f"not an id: {text!r}")
    return Markup(text)


def front_matter(value: object) -> Markup:
    """A YAML front-matter value: inert text in a double-quoted scalar (no quote, colon or
    leading character can end it or change its type)."""
    return Markup(json.dumps(str(md(value)), ensure_ascii=False))


def code(value: object) -> Markup:
    """Inline code: a `<code>` element around inert text (a backtick code span would show the
    character references literally, and a backtick in the value would end it)."""
    return Markup(f"<code>{md(value)}</code>")


def script_json(value: object) -> Markup:
    """JSON for a <script> element or a .js data file: no `<`, `>`, `&` or line separator can
    end the element or the string."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return Markup(text)
