"""SVG bar charts made at build time: no JavaScript, no CDN; colours follow the page theme.

Labels are inert text (escape.md: character references, which Markdown leaves alone, so a
label cannot become a link or an image); the chart carries a <title> and the numbers are also in a table beside
it, so the figure is readable without the picture.
"""

from __future__ import annotations

from markupsafe import Markup

from casebook.site.escape import md as escape


def _short(text: str, limit: int = 95) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(title: str, bars: list[tuple[str, float]], unit: str = "") -> Markup:
    """Horizontal bars, one row per (label, value)."""
    width, label_w, bar_w, row_h = 720, 240, 380, 26
    height = row_h * len(bars) + 40
    top = max((v for _, v in bars), default=0) or 1
    rows = []
    for i, (label, value) in enumerate(bars):
        y = 30 + i * row_h
        w = bar_w * value / top
        rows.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" class="cb-label">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" class="cb-bar"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" class="cb-value">{value:,.0f}{escape(unit)}</text>'
        )
    return Markup(
        f'<svg class="cb-chart" role="img" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
        f'<text x="0" y="18" class="cb-title">{escape(_short(title))}</text>' + "".join(rows) + "</svg>"
    )
