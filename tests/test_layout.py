"""Phone (390 × 844) and desktop (1280 × 900) layouts in Chromium, in both languages: no table
cell is cut (hidden in a scroll box or off the screen), the page never scrolls sideways, chart
text is at least 11 px as rendered, and charts stay readable in the light and the dark scheme.
"""

import pytest

from conftest import contrast_script

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PAGES = [
    "index.html",
    "cases/snu-deepfake.html",
    "statutes/sexual-crimes-act-14-2.html",
    "statutes/index.html",
    "cases/index.html",
    "statistics.html",
    "finder.html",
    "penalty-tool.html",
    "downloads.html",
    "sources/index.html",
]
# Pages whose tables must be there (so that "no cell is cut" is not true of an empty page).
WITH_TABLES = {p for p in PAGES if p not in ("index.html", "penalty-tool.html")}

# Every table cell with text in the article that a visitor cannot read whole: its content wider
# than the cell, or the cell (partly) outside the viewport or outside the visible part of a box
# that scrolls (the text is then hidden until one scrolls that box sideways).
_CUT_CELLS = """() => {
    const vw = document.documentElement.clientWidth;
    const cut = [];
    let cells = 0;
    for (const table of document.querySelectorAll("article table")) {
        const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
        for (const cell of table.querySelectorAll("tbody td, tbody th")) {
            if (!cell.textContent.trim() || !cell.getClientRects().length) continue;
            cells += 1;
            const r = cell.getBoundingClientRect();
            const column = heads[[...cell.parentElement.children].indexOf(cell)] || "";
            const where = `${column}: ${cell.textContent.trim().slice(0, 30)}`;
            if (cell.scrollWidth > cell.clientWidth + 1) {
                cut.push(`${where} (content ${cell.scrollWidth} px in a ${cell.clientWidth} px cell)`);
                continue;
            }
            if (r.left < -1 || r.right > vw + 1) {
                cut.push(`${where} (at ${Math.round(r.left)}..${Math.round(r.right)} px, viewport ${vw})`);
                continue;
            }
            for (let box = cell.parentElement; box && box !== document.body; box = box.parentElement) {
                if (getComputedStyle(box).overflowX === "visible") continue;
                const b = box.getBoundingClientRect();
                if (r.left < b.left - 1 || r.right > b.right + 1) {
                    cut.push(`${where} (scrolled out of view: ${Math.round(r.right)} > ${Math.round(b.right)} px)`);
                    break;
                }
            }
        }
    }
    return {cells, cut};
}"""

# Each chart text's font size as drawn on the screen (the SVG's scale applied), and whether the
# text lies inside its chart (an SVG clips what is outside it).
_CHART_TEXT = """() => [...document.querySelectorAll("article svg.cb-chart text")].map((t) => {
    const svg = t.ownerSVGElement.getBoundingClientRect(), r = t.getBoundingClientRect();
    return {
        text: t.textContent,
        px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
        inside: r.width > 0 && r.left >= svg.left - 1 && r.right <= svg.right + 1 && r.top >= svg.top - 1 && r.bottom <= svg.bottom + 1,
    };
})"""


@pytest.fixture
def open_page(browser, site_url):
    """Open a page of the served site at a viewport size, failing on console errors."""
    contexts, errors = [], []

    def open_(path, viewport, scheme="light"):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        contexts.append(context)
        pg = context.new_page()
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(f"{site_url}/{path}")
        pg.wait_for_load_state("load")
        if path.endswith("finder.html"):
            pg.locator("#cb-finder-table tbody tr").first.wait_for()
        return pg

    yield open_
    for context in contexts:
        context.close()
    assert errors == [], f"console errors: {errors}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["ko", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_table_cell_is_cut_and_the_page_does_not_scroll_sideways(open_page, path, prefix, viewport):
    pg = open_page(prefix + path, viewport)
    sideways = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert sideways <= 0, f"{prefix}{path} at {viewport['width']} px scrolls sideways by {sideways} px"
    found = pg.evaluate(_CUT_CELLS)
    if path in WITH_TABLES:
        assert found["cells"] >= 3, f"{prefix}{path}: no table found"
    assert not found["cut"], f"{prefix}{path} at {viewport['width']} px, {len(found['cut'])} cut: {found['cut'][:8]}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["ko", "en"])
def test_chart_text_is_legible_and_inside_the_chart(open_page, prefix, viewport):
    pg = open_page(prefix + "statistics.html", viewport)
    texts = pg.evaluate(_CHART_TEXT)
    assert len(texts) >= 20  # the two outcome charts and the official figures
    small = [f"{t['text']!r} {t['px']:.1f} px" for t in texts if t["px"] < 11]
    assert not small, f"{len(small)} chart texts under 11 px: {small[:6]}"
    clipped = [t["text"] for t in texts if not t["inside"]]
    assert not clipped, f"chart text cut off at the chart's edge: {clipped[:6]}"


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["ko", "en"])
def test_the_finders_sentence_column_is_whole_on_a_desktop(open_page, prefix):
    pg = open_page(prefix + "finder.html", DESKTOP)
    header = pg.locator("#cb-finder-table thead th").nth(6)
    assert header.text_content() == ("선고형" if not prefix else "Sentence")
    view = pg.evaluate(
        """() => {
        const box = document.querySelector("article").getBoundingClientRect();
        return [...document.querySelectorAll("#cb-finder-table tbody td:nth-child(7)")].map((td) => {
            const r = td.getBoundingClientRect();
            let right = box.right;  // the nearest box that scrolls, if any, hides what is past its edge
            for (let e = td.parentElement; e !== document.body; e = e.parentElement)
                if (getComputedStyle(e).overflowX !== "visible") { right = Math.min(right, e.getBoundingClientRect().right); }
            return {text: td.textContent, whole: td.scrollWidth <= td.clientWidth + 1 && r.right <= right + 1};
        });
    }"""
    )
    assert len(view) >= 20
    assert [v["text"] for v in view if not v["whole"]] == []
    assert any("," in v["text"] for v in view)  # "…, suspended for 2 years": long sentences are among them


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["ko", "en"])
def test_a_phone_shows_each_decision_with_its_case_date_outcome_and_sentence(open_page, prefix):
    # On a phone each row of the finder reads as a card of "label value" lines.
    pg = open_page(prefix + "finder.html", PHONE)
    labels = ["사건", "선고일", "결과", "선고형"] if not prefix else ["Case", "Decided", "Outcome", "Sentence"]
    heads = pg.locator("#cb-finder-table thead th").all_text_contents()
    columns = [heads.index(label) + 1 for label in labels]
    row = pg.locator("#cb-finder-table tbody tr").first
    for label, column in zip(labels, columns, strict=True):
        cell = row.locator(f"td:nth-child({column})")
        shown = cell.evaluate("(td) => getComputedStyle(td, '::before').content")
        assert label in shown, f"{label}: the cell is not labelled ({shown})"
        box, viewport = cell.bounding_box(), PHONE["width"]
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport, f"{label} is off the screen: {box}"
    # Filtering re-draws the rows; the new ones are labelled too.
    pg.select_option("select[name=outcome]", "suspended")
    cell = pg.locator(f"#cb-finder-table tbody tr td:nth-child({columns[3]})").first
    assert labels[3] in cell.evaluate("(td) => getComputedStyle(td, '::before').content")


_CONTRAST = contrast_script("fill")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_read_in_both_colour_schemes_on_a_phone(open_page, scheme):
    pg = open_page("en/statistics.html", PHONE, scheme)
    chart = pg.locator("article svg.cb-chart").first
    text_contrast = chart.locator("text").first.evaluate(_CONTRAST)
    bar_contrast = chart.locator(".cb-bar").first.evaluate(_CONTRAST)
    assert text_contrast >= 4.5, f"{scheme}: chart text contrast {text_contrast:.2f}"
    assert bar_contrast >= 3, f"{scheme}: bar contrast {bar_contrast:.2f}"
