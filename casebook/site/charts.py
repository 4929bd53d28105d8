"""SVG bar charts made at build time: no JavaScript, no CDN; colours follow the page theme.

Labels are inert text (escape.md: character references, which Markdown leaves alone, so a
label cannot become a link or an image); the chart carries a <title> and the numbers are also in a table beside
it, so the figure is readable without the picture.

A chart has no viewBox, so it is never scaled: its text is drawn at the stylesheet's size
(casebook.css, "Charts") on a 390 px phone as on a desktop. It takes the width of the page; each
bar's length is a percentage of that width, with its label on the line above and its value just
after it. The visible title is a caption outside the SVG, where it wraps like any text; a label
too long for a phone is wrapped at build time (`LINE_PX`), by an estimate of each character's
width: East Asian wide characters an em, others 0.6 em, a little wider than the sans-serif
fonts' average. Record text only reaches a chart as a title, one element however long it is.
"""

from __future__ import annotations

import unicodedata

from markupsafe import Markup

from casebook.site.escape import md as escape

# The labels' font size in CSS px: casebook.css sets the same (the attribute is for a page without it).
LABEL_PX = 13
# The widest line of text: a 320 px phone's content column, less a margin for the estimate.
LINE_PX = 300
# The longest bar, as a share of the chart's width: room after it for a value of nine characters.
BAR_MAX_PERCENT = 72
BAR_H, GAP = 12, 10


def _em(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.6


def wrap(text: str, font_px: float, line_px: float = LINE_PX) -> list[str]:
    """`text` in lines whose estimated width at `font_px` is at most `line_px`: broken at spaces,
    and inside a word only when the word alone is too long."""
    limit = line_px / font_px  # in em
    lines: list[str] = []
    line, width = "", 0.0
    for word in text.split():
        w = sum(_em(c) for c in word)
        space = _em(" ") if line else 0.0
        if line and width + space + w <= limit:
            line, width = f"{line} {word}", width + space + w
            continue
        if line:
            lines.append(line)
        line, width = "", 0.0
        for char in word:  # a word longer than a line is cut where it must be
            if width + _em(char) > limit and line:
                lines.append(line)
                line, width = "", 0.0
            line, width = line + char, width + _em(char)
    if line or not lines:
        lines.append(line)
    return lines


def _lines(lines: list[str], y: float, step: float, cls: str, size: int) -> str:
    return "".join(
        f'<text x="0" y="{y + i * step:g}" class="{cls}" font-size="{size}">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )


def bar_chart(title: str, bars: list[tuple[str, float]], unit: str = "", caption: bool = True) -> Markup:
    """Horizontal bars, one row per (label, value): the label above its bar, the value after it.
    With `caption`, the title is shown above the chart; without, only screen readers have it
    (where the page's heading above the chart already says it)."""
    step = LABEL_PX + 3
    parts, y = [], 0.0
    top = max((v for _, v in bars), default=0) or 1
    for label, value in bars:
        lines = wrap(label, LABEL_PX)
        parts.append(_lines(lines, y + LABEL_PX, step, "cb-label", LABEL_PX))
        bar_y = y + len(lines) * step + 2
        percent = BAR_MAX_PERCENT * max(value, 0) / top
        parts.append(
            f'<rect x="0" y="{bar_y:g}" width="{percent:.2f}%" height="{BAR_H}" class="cb-bar"/>'
            f'<text x="{percent:.2f}%" dx="6" y="{bar_y + BAR_H - 1:g}" class="cb-value" font-size="{LABEL_PX}">'
            f"{value:,.0f}{escape(unit)}</text>"
        )
        y = bar_y + BAR_H + GAP
    svg = (
        f'<svg class="cb-chart" role="img" width="100%" height="{y:g}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>" + "".join(parts) + "</svg>"
    )
    shown = f'<figcaption class="cb-chart-title">{escape(title)}</figcaption>' if caption else ""
    return Markup(f'<figure class="cb-chart-figure">{shown}{svg}</figure>')
