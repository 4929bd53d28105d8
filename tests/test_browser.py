"""The built site in real Chromium (Debian's, driven by Playwright), served on localhost with
every other address blocked: search, the case finder, the penalty tool, and no console errors.
Screenshots of the main pages are saved to test-artifacts/screenshots/.
"""

import functools
import http.server
import re
import sys
import threading
import unicodedata

import pytest
from playwright.sync_api import expect

from casebook.site.build import build_site
from conftest import REPO, _QuietHandler, contrast_script, penalty_json

sys.path.insert(0, str(REPO / "bench"))  # site_search: the site's search as the benchmarks run it

ARTIFACTS = REPO / "test-artifacts" / "screenshots"


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked, errors = [], []

    def route(r):
        if r.request.url.startswith(site_url):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert errors == [], f"console errors: {errors}"
    assert blocked == [], f"the page tried to reach the network: {blocked}"


def shot(pg, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("prefix", "query", "expected"),
    [
        ("en/", "SNU deepfake", "Seoul National University deepfake case"),
        ("en/", "서울대 딥페이크", "Seoul National University deepfake case"),
        ("en/", "허위영상물", "성폭력처벌법 제14조의2"),
        ("en/", "Kim Nok-wan", "Kim Nok-wan"),
        ("", "서울대 딥페이크", "서울대 딥페이크 사건"),
        ("", "허위영상물 등의 반포등", "성폭력처벌법 제14조의2"),
    ],
)
def test_search_page_finds_pages_in_korean_and_english(page, site_url, prefix, query, expected):
    # Each language's search page searches its own pages (Pagefind keeps one index per <html lang>).
    page.goto(f"{site_url}/{prefix}search.html")
    page.locator(".pagefind-ui__search-input").fill(query)
    titles = page.locator(".pagefind-ui__result-title")
    titles.first.wait_for(timeout=30000)
    expect(titles.filter(has_text=expected).first).to_be_visible()
    assert expected in " ".join(titles.all_text_contents()[:5])  # among the first five results
    # Pagefind is given decomposed Hangul (search_index.decomposed_hangul): results read composed.
    shown = titles.all_text_contents() + page.locator(".pagefind-ui__result-excerpt").all_text_contents()
    assert shown and all(text == unicodedata.normalize("NFC", text) for text in shown)
    links = page.locator(".pagefind-ui__result-link").evaluate_all("(links) => links.map((a) => a.href)")
    english = [link for link in links if "/en/" in link]
    assert english == links if prefix else not english  # results in the search page's language
    shot(page, f"search-{prefix.strip('/') or 'ko'}")


# The relevance set (tests/relevance_queries.yaml) through the site's search, in both languages'
# indexes: every record page carries the search model's fields in both languages, so every query
# makes sense in both, and every query meets its `top` as it does in the CLI — the typos through
# the word list (search.js mend), the concepts through the statutes' metadata, the source through
# the Sources list's rows.


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["ko", "en"])
def test_site_search_ranks_the_relevance_set_like_the_cli(browser, site_url, prefix):
    import yaml
    from site_search import result_urls

    from casebook import search_model
    from conftest import validate

    queries = yaml.safe_load((REPO / "tests" / "relevance_queries.yaml").read_text(encoding="utf-8"))
    urls = {r["id"]: r["url"] for r in search_model.weighted_records(validate(REPO).corpus)}
    pg = browser.new_page()
    found = result_urls(pg, site_url, prefix, [q["query"] for q in queries])
    pg.close()
    misses = {}
    for q, got in zip(queries, found, strict=True):
        if prefix + urls[q["expected"]] not in got[: q.get("top", 1)]:
            misses[q["query"]] = got[:3]
    assert misses == {}


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["ko", "en"])
def test_a_mistyped_word_is_mended_to_the_nearest_word_a_page_has(page, site_url, prefix):
    # Typed into the search box, as a visitor types: "posession" finds Art. 14-2's page first.
    page.goto(f"{site_url}/{prefix}search.html")
    page.locator(".pagefind-ui__search-input").fill("deepfake posession")
    first = page.locator(".pagefind-ui__result-link").first
    expect(first).to_have_attribute("href", re.compile(r"statutes/sexual-crimes-act-14-2\.html"), timeout=30000)
    mended = page.evaluate(
        "async (qs) => { await window.CasebookSearch.loadWords(); return qs.map(window.CasebookSearch.prepare); }",
        ["Seoul Natonal University", "deepfak", "Kim Nok-wan", "xqzvw", "teachr", "14조의2 posesion"],
    )
    assert mended == [
        "Seoul national University",  # one edit away (the word as listed: Pagefind ignores case)
        "deepfak",  # the beginning of a word pages have: Pagefind finds it as it is
        "Kim Nok-wan",  # words pages have stay (and short words are never mended)
        "xqzvw",  # nothing near: left as typed
        "teacher",
        "14조의2 possession",  # two edits, in a word of eight letters or more
    ]


@pytest.mark.parametrize(
    ("prefix", "kind", "case", "outcome"), [("", "종류", "사건", "결과"), ("en/", "Kind", "case", "Outcome")]
)
def test_site_search_filters_by_kind_and_outcome_in_the_pages_language(page, site_url, prefix, kind, case, outcome):
    page.goto(f"{site_url}/{prefix}search.html")
    page.wait_for_function("() => window.CasebookSearch !== undefined")
    filters = page.evaluate("async () => (await window.CasebookSearch.load()).filters()")
    assert set(filters) == {kind, outcome}
    assert case in filters[kind] and len(filters[kind]) >= 4  # statutes, cases, figures, guides
    suspended = "집행유예" if not prefix else "suspended"
    assert filters[outcome][suspended] >= 5
    only_cases = page.evaluate(
        "async ([k, v]) => { const cs = window.CasebookSearch; const pf = await cs.load();"
        " const found = await cs.search(pf, 'deepfake', {filters: {[k]: v}});"
        " return Promise.all(found.slice(0, 20).map((r) => r.data().then((d) => d.url))); }",
        [kind, case],
    )
    assert only_cases and all(f"/{prefix}cases/" in u for u in only_cases)
    # the UI shows the filters with the page's words
    page.locator(".pagefind-ui__search-input").fill("deepfake")
    page.locator(".pagefind-ui__result").first.wait_for(timeout=30000)
    expect(page.locator(".pagefind-ui__filter-name").first).to_be_attached(timeout=30000)
    names = page.locator(".pagefind-ui__filter-name").all_text_contents()
    assert {kind, outcome} <= {n.strip() for n in names}


def test_search_page_link_with_a_query(page, site_url):
    page.goto(f"{site_url}/en/search.html?q=Cho%20Ju-bin")
    expect(page.locator(".pagefind-ui__result-title").first).to_be_visible(timeout=30000)
    expect(page.locator(".pagefind-ui__results")).to_contain_text("Cho Ju-bin")


def test_home_and_snu_case_page(page, site_url):
    page.goto(f"{site_url}/en/index.html")
    expect(page.locator("article")).to_contain_text("Data as of")
    shot(page, "home")
    page.goto(f"{site_url}/en/cases/snu-deepfake.html")
    table = page.locator("table", has_text="Against the lawful range")
    expect(table).to_contain_text("9 years imprisonment")
    expect(table).to_contain_text("3 years 6 months imprisonment")
    expect(page.locator("article")).to_contain_text("version in force 2020-06-25")
    shot(page, "case-snu")


def test_statute_page_offers_the_pinned_citation(page, site_url):
    page.goto(f"{site_url}/en/statutes/sexual-crimes-act-14-2.html")
    expect(page.locator("article")).to_contain_text("성폭력처벌법 제14조의2 제4항 (2024. 10. 16. 시행)")
    expect(page.locator("article")).to_contain_text("minimum 3 years replaces maximum 7 years")
    shot(page, "statute-14-2")


def test_case_finder_filters_and_keeps_them_in_the_url(page, site_url):
    page.goto(f"{site_url}/en/finder.html")
    rows = page.locator("#cb-finder-table tbody tr")
    total = rows.count()
    assert total >= 20
    page.select_option("select[name=outcome]", "suspended")
    expect(page.locator("#cb-finder-count")).to_contain_text(" of ")
    outcomes = page.locator("#cb-finder-table tbody tr td:nth-child(6)").all_text_contents()
    assert outcomes and set(outcomes) == {"suspended"}
    assert "outcome=suspended" in page.url
    shared = page.url
    page.goto(shared)
    assert page.locator("select[name=outcome]").input_value() == "suspended"
    page.select_option("select[name=outcome]", "")
    page.select_option("select[name=court]", "Seoul High Court")
    courts = set(page.locator("#cb-finder-table tbody tr td:nth-child(4)").all_text_contents())
    assert courts == {"Seoul High Court"}
    shot(page, "finder")


def test_case_finder_filters_on_the_facts_courts_weigh(page, site_url):
    from casebook.site.render import sentence_text
    from casebook.site.tooldata import finder_rows
    from conftest import validate

    rows = finder_rows(validate(REPO).corpus, sentence_text)
    chosen = [
        r
        for r in rows
        if r["relevance"] == "deepfake" and r["facets"]["prior_record"] == "none" and r["facets"]["judgment"] == "yes"
    ]
    expected = sorted(r["defendant"] for r in chosen)
    assert expected  # the real corpus has judged first offenders (2024고합93, 2024노1823)
    page.goto(f"{site_url}/en/finder.html?prior_record=none&judgment=yes")
    expect(page.locator("#cb-finder-count")).to_contain_text(f"{len(expected)} of ")
    assert sorted(page.locator("#cb-finder-table tbody tr td:nth-child(2)").all_text_contents()) == expected
    page.select_option("select[name=minors]", "yes")  # the Youth Protection Act counts mean minors
    minors = [r for r in chosen if r["minors"] is True]
    expect(page.locator("#cb-finder-count")).to_contain_text(f"{len(minors)} of ")
    assert "minors=yes" in page.url


def _rows(code: str) -> list[dict]:
    from casebook.i18n import Lang
    from casebook.site.render import sentence_text
    from casebook.site.tooldata import finder_rows
    from conftest import validate

    L = Lang(code)
    return finder_rows(validate(REPO).corpus, lambda s: sentence_text(s, L), L)


def test_case_finder_filters_on_the_art_14_2_version(page, site_url):
    rows = [r for r in _rows("en") if r["relevance"] == "deepfake"]
    amended = sorted(r["defendant"] for r in rows if r["facets"]["version"] == "2024-10-16")
    assert amended  # the real corpus has decisions under the 2024-10-16 amendment
    page.goto(f"{site_url}/en/finder.html")
    page.select_option("select[name=version]", "2024-10-16")
    expect(page.locator("#cb-finder-count")).to_contain_text(f"{len(amended)} of ")
    assert sorted(page.locator("#cb-finder-table tbody tr td:nth-child(2)").all_text_contents()) == amended
    assert "version=2024-10-16" in page.url
    both = [r for r in rows if r["facets"]["version"] == "both"]
    page.goto(f"{site_url}/finder.html?version=both")  # Korean: the options' words are the catalogue's
    expect(page.locator("select[name=version] option:checked")).to_have_text("제14조의2: 두 버전에 걸친 범행")
    expect(page.locator("#cb-finder-count")).to_contain_text(f"중 {len(both)}건")
    _no_english_labels(page)


def test_case_finder_decodes_its_data_to_the_builds_rows(page, site_url):
    import json

    for code, prefix in (("ko", ""), ("en", "en/")):
        page.goto(f"{site_url}/{prefix}finder.html")
        expect(page.locator("#cb-finder")).to_have_attribute("aria-busy", "false")
        decoded = page.evaluate("() => casebookFinderDecode(casebookFinderAll)")
        assert decoded == json.loads(json.dumps(_rows(code)))


def test_case_finder_shows_the_first_rows_before_the_rest_has_loaded(page, site_url):
    held = []
    page.route("**/data/finder-all.js", lambda r: held.append(r))  # held until released below
    page.goto(f"{site_url}/en/finder.html", wait_until="domcontentloaded")  # "load" waits for all
    rows = page.locator("#cb-finder-table tbody tr")
    expect(rows.first).to_be_visible()
    assert held, "the finder did not ask for the rest of its data"
    status = page.locator("#cb-finder-status")
    all_rows = _rows("en")
    expect(status).to_have_text(f"Loading all {len(all_rows)} decisions; filters and sorting apply once they are in.")
    expect(page.locator("#cb-finder")).to_have_attribute("aria-busy", "true")
    deepfake = [r for r in all_rows if r["relevance"] == "deepfake"]
    latest = sorted(deepfake, key=lambda r: r["decided"], reverse=True)
    expect(page.locator("#cb-finder-count")).to_have_text(f"{len(deepfake)} of {len(all_rows)} decisions")
    first = page.locator("#cb-finder-table tbody tr td:nth-child(2)").all_text_contents()
    assert first == [r["defendant"] for r in latest[:200]]
    # A filter while the rest is loading shows no wrong counts: it waits, and says so.
    page.select_option("select[name=outcome]", "fine")
    expect(rows).to_have_count(0)
    expect(page.locator("#cb-finder-count")).to_have_text("")
    expect(status).to_contain_text("Loading all")
    held[0].continue_()
    fines = [r for r in deepfake if r["outcome"] == "fine"]
    expect(page.locator("#cb-finder-count")).to_have_text(f"{len(fines)} of {len(all_rows)} decisions")
    expect(status).to_have_text("")
    expect(page.locator("#cb-finder")).to_have_attribute("aria-busy", "false")


def _serve_finder_data(page, code: str, rows: list[dict]) -> None:
    """The page gets finder data written from `rows` (by the build's writer) instead of the site's."""
    from casebook.i18n import Lang
    from casebook.site.tooldata import finder_files

    def answer(body):
        return lambda route: route.fulfill(body=body, content_type="text/javascript")

    prefix = "en/" if code == "en" else ""
    for name, body in finder_files(rows, Lang(code)).items():
        page.route(f"**/{prefix}{name}", answer(body))


def test_decisions_like_this_lists_the_comparison_in_its_order(page, site_url):
    # Until casebook's comparison (`like` in the rows) is merged, the rows get a made-up one.
    rows = _rows("en")
    keys = [r["key"] for r in rows]
    snu = keys.index("snu-deepfake/first-instance-park-28/park-28")
    like = [keys[len(keys) // 2], keys[-1], keys[0]]  # three cases, in no order the table would give
    rows = [r | {"like": like if i == snu else keys[i + 1 : i + 2]} for i, r in enumerate(rows)]
    by_key = {r["key"]: r for r in rows}
    assert len({by_key[k]["case"] for k in like}) == 3
    _serve_finder_data(page, "en", rows)
    page.goto(f"{site_url}/en/finder.html?like=snu-deepfake/first-instance-park-28/park-28")
    heading = page.locator("#cb-finder-like h2")
    expect(heading).to_have_text(
        "Decisions like Seoul National University deepfake case, Park (28), first instance, "
        "Seoul Central District Court, 28 Aug 2024, most comparable first"
    )
    cells = page.locator("#cb-finder-table tbody tr td:nth-child(2)")
    expect(cells).to_have_count(3)
    assert cells.all_text_contents() == [by_key[k]["defendant"] for k in like]
    assert page.locator("#cb-finder-table tbody tr td:nth-child(1) > a").all_text_contents() == [
        by_key[k]["title"] for k in like
    ]
    assert "like=snu-deepfake%2Ffirst-instance-park-28%2Fpark-28" in page.url
    expect(page.get_by_role("button", name="Show all")).to_be_hidden()  # all three are shown
    shot(page, "finder-like")
    page.click("text=Back to all decisions")
    expect(page.locator("#cb-finder-like")).to_be_hidden()
    assert "like=" not in page.url
    # Each row's own button opens its list; the address keeps it.
    row = page.locator("#cb-finder-table tbody tr").nth(2)
    title = row.locator("td > a").first.text_content()
    row.locator("button.cb-like").click()
    expect(heading).to_contain_text(f"Decisions like {title}")
    assert "like=" in page.url
    page.select_option("select[name=outcome]", "suspended")  # a filter goes back to the filtered list
    expect(page.locator("#cb-finder-like")).to_be_hidden()
    assert "like=" not in page.url


def test_korean_visitor_sees_decisions_like_this_in_korean(page, site_url):
    rows = _rows("ko")
    keys = [r["key"] for r in rows]
    rows = [r | {"like": keys[i + 1 : i + 3]} for i, r in enumerate(rows)]
    _serve_finder_data(page, "ko", rows)
    page.goto(f"{site_url}/finder.html")
    page.locator("button.cb-like").first.click()
    expect(page.locator("#cb-finder-like h2")).to_contain_text("비슷한 판결 (가장 비슷한 것부터)")
    expect(page.locator("#cb-finder-like button")).to_have_text("모든 판결로 돌아가기")
    _no_english_labels(page)
    page.goto(f"{site_url}/finder.html?like=no-such-case/first-instance/a")
    expect(page.locator("#cb-finder-like h2")).to_have_text(
        "주소의 판결 no-such-case/first-instance/a은(는) Casebook에 없습니다."
    )


_cli_penalty = penalty_json


@pytest.mark.parametrize(
    ("conduct", "victim", "on", "judged"),
    [
        ("possess", "adult", "2024-09-01", ""),
        ("possess", "adult", "2024-10-16", ""),
        ("edit", "adult", "2023-05-01", "2025-01-10"),
        ("distribute", "child", "2022-03-01", ""),
    ],
)
def test_penalty_tool_gives_the_cli_answer(page, site_url, conduct, victim, on, judged):
    page.goto(f"{site_url}/en/penalty-tool.html")
    page.select_option("select[name=conduct]", conduct)
    page.select_option("select[name=victim]", victim)
    page.fill("input[name=on]", on)
    if judged:
        page.fill("input[name=judged]", judged)
    shown = page.locator("#cb-penalty-result .cb-provisions strong").all_text_contents()
    cli = _cli_penalty("--conduct", conduct, "--victim", victim, "--on", on, *(["--judged", judged] if judged else []))
    # Provisions that apply outright, then those on a condition (a deepfake of a minor as CSEM).
    assert shown == [p["citation_ko"] for p in cli["provisions"] + cli["conditional"]]
    if not shown:
        expect(page.locator("#cb-penalty-result")).to_contain_text("No provision in Casebook punished")
    if judged:
        reasons = page.locator(".cb-governing").all_text_contents()
        assert [r.split(": ", 1)[1].rstrip(".") for r in reasons] == [g["reason"] for g in cli["governing"]]
    shot(page, f"penalty-{conduct}-{victim}-{on}")


def test_pages_carry_a_csp_their_own_scripts_satisfy(site_url, browser, tmp_path_factory):
    # The `page` fixture already fails on any console error, which is how a CSP violation shows.
    import urllib.request

    html = urllib.request.urlopen(f"{site_url}/cases/snu-deepfake.html").read().decode()
    assert (
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'sha256-" in html
    )


@pytest.fixture(scope="session")
def disk_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("disk") / "site"
    assert build_site(REPO, site) == 0
    return site


def test_site_works_opened_from_disk(browser, disk_site):
    site = disk_site
    context = browser.new_context()
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(f"{m.text} {m.location.get('url', '')}") if m.type == "error" else None)
    pg.goto((site / "en" / "index.html").as_uri())
    pg.click("text=Cases")
    pg.click("text=Seoul National University deepfake case")
    expect(pg.locator("article")).to_contain_text("9 years imprisonment")
    pg.click("[data-cb-lang-switch]")  # the switch works from disk too, to the same page
    expect(pg.locator("article h1")).to_contain_text("서울대 딥페이크 사건")
    assert pg.url.endswith("/cases/snu-deepfake.html") and "/en/" not in pg.url
    pg.goto((site / "en" / "finder.html").as_uri())
    assert pg.locator("#cb-finder-table tbody tr").count() >= 20
    pg.fill("#cb-finder-form input[name=q]", "서울대")  # finding by name works from disk, where the search box cannot
    cases = set(pg.locator("#cb-finder-table tbody tr td:nth-child(1) > a").all_text_contents())
    assert cases == {"Seoul National University deepfake case"}
    pg.goto((site / "en" / "penalty-tool.html").as_uri() + "?conduct=possess&victim=adult&on=2024-10-16")
    expect(pg.locator("#cb-penalty-result")).to_contain_text("성폭력처벌법 제14조의2 제4항 (2024. 10. 16. 시행)")
    pg.goto((site / "en" / "search.html").as_uri())  # search needs the site served, and says so from disk
    expect(pg.locator(".cb-search-unavailable")).to_be_visible()
    context.close()
    assert errors == []


def test_a_script_slipped_into_a_docs_page_or_a_record_does_not_run(browser, tmp_path_factory):
    from conftest import FIXTURE_TODAY, site_repo_at

    repo = site_repo_at(tmp_path_factory.mktemp("hostile") / "repo")
    glossary = repo / "docs" / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n<script>window.__pwned = 'docs'</script>\n")
    case = repo / "cases" / "example-case.yaml"
    case.write_text(
        case.read_text(encoding="utf-8").replace(
            "summary_en: An example.",
            "summary_en: \"<script>window.__pwned = 'record'</script> <img src=x onerror=\\\"window.__pwned='img'\\\">\"",
        ),
        encoding="utf-8",
    )
    site = repo / "site"
    assert build_site(repo, site, today=FIXTURE_TODAY) == 0
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        pg = context.new_page()
        violations = []
        pg.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        for path in ("en/glossary.html", "cases/example-case.html", "en/cases/example-case.html"):
            pg.goto(f"http://127.0.0.1:{server.server_port}/{path}")
            pg.wait_for_load_state("load")
            assert pg.evaluate("typeof window.__pwned") == "undefined", path
            # The theme's own inline scripts did run (its palette and storage helpers exist).
            assert pg.evaluate("typeof __md_get") == "function", path
        assert any("inline script" in v for v in violations)  # the docs page's script was refused
        context.close()
    finally:
        server.shutdown()
        server.server_close()


# A Korean visitor does the main tasks in Korean -------------------------------------------------


def _no_english_labels(pg) -> None:
    """The article shows no English interface label (record text marked with another lang, the
    citations and code are records, not labels): the catalogue's English labels are absent."""
    from test_i18n import english_labels

    text = pg.locator("article").evaluate(
        """(article) => {
            const copy = article.cloneNode(true);
            // .cb-search-fields: hidden, for the search index only (record text in both languages)
            const records = '[lang]:not([lang="ko"]), .cb-cite, .cb-record, .cb-search-fields, code, svg, .headerlink';
            copy.querySelectorAll(records).forEach((e) => e.remove());
            return copy.textContent;
        }"""
    )
    found = sorted(label for label in english_labels() if label in text)
    assert not found, f"{pg.url}: English interface labels {found[:5]}"


def test_korean_visitor_finds_the_penalty_on_a_date(page, site_url):
    page.goto(f"{site_url}/penalty-tool.html")
    assert page.locator("html").get_attribute("lang") == "ko"
    page.select_option("select[name=conduct]", "possess")
    expect(page.locator("select[name=conduct] option:checked")).to_have_text("소지")
    page.select_option("select[name=victim]", "adult")
    page.fill("input[name=on]", "2024-10-16")
    page.fill("input[name=judged]", "2025-01-10")
    result = page.locator("#cb-penalty-result")
    expect(result).to_contain_text("성폭력처벌법 제14조의2 제4항 (2024. 10. 16. 시행)")
    expect(result).to_contain_text("법정형: 3년 이하의 징역 또는 3,000만 원 이하의 벌금")
    expect(result).to_contain_text("형법 제1조 제1항")
    cli = _cli_penalty("--conduct", "possess", "--victim", "adult", "--on", "2024-10-16")
    shown = page.locator(".cb-provisions strong").all_text_contents()
    assert shown == [p["citation_ko"] for p in cli["provisions"] + cli["conditional"]]
    _no_english_labels(page)
    shot(page, "ko-penalty-tool")


def test_korean_visitor_finds_suspended_sentences_with_minor_victims(page, site_url):
    from casebook.i18n import Lang
    from casebook.site.render import sentence_text
    from casebook.site.tooldata import finder_rows
    from conftest import validate

    rows = finder_rows(validate(REPO).corpus, lambda s: sentence_text(s, Lang("ko")), Lang("ko"))
    expected = [r for r in rows if r["relevance"] == "deepfake" and r["outcome"] == "suspended" and r["minors"] is True]
    assert expected
    page.goto(f"{site_url}/finder.html")
    page.select_option("select[name=outcome]", "suspended")
    page.select_option("select[name=minors]", "yes")
    expect(page.locator("#cb-finder-count")).to_contain_text(f"판결 {len(rows)}건 중 {len(expected)}건")
    assert set(page.locator("#cb-finder-table tbody tr td:nth-child(6)").all_text_contents()) == {"집행유예"}
    sentences = page.locator("#cb-finder-table tbody tr td:nth-child(7)").all_text_contents()
    assert all("집행유예" in s for s in sentences)
    assert "outcome=suspended" in page.url and "minors=yes" in page.url
    _no_english_labels(page)
    shot(page, "ko-finder")
    # A court by part of its Korean name.
    page.select_option("select[name=outcome]", "")
    page.select_option("select[name=minors]", "")
    page.fill("#cb-finder-form input[name=q]", "서울중앙")
    courts = set(page.locator("#cb-finder-table tbody tr td:nth-child(4)").all_text_contents())
    assert courts and all(c.startswith("서울중앙") for c in courts), courts


def test_korean_visitor_reads_a_statute_version_and_switches_language(page, site_url):
    page.goto(f"{site_url}/statutes/sexual-crimes-act-14-2.html")
    article = page.locator("article")
    expect(article).to_contain_text("현행: 2024. 10. 16. 시행 버전")
    expect(article).to_contain_text(
        "「성폭력범죄의 처벌 등에 관한 특례법」(2024. 10. 16. 법률 제20459호로 개정된 것) 제14조의2 제4항"
    )
    expect(page.locator("#version-2020-06-25")).to_contain_text("2020-06-25 버전")
    expect(article).to_contain_text("2020. 6. 25. – 2024. 10. 15.")
    _no_english_labels(page)
    shot(page, "ko-statute-14-2")
    page.click("[data-cb-lang-switch]")
    assert page.url == f"{site_url}/en/statutes/sexual-crimes-act-14-2.html"
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("article")).to_contain_text("In force now: version of 16 Oct 2024")
    page.click("[data-cb-lang-switch]")
    assert page.url == f"{site_url}/statutes/sexual-crimes-act-14-2.html"


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "cases/index.html",
        "cases/snu-deepfake.html",
        "statutes/index.html",
        "penalties.html",
        "statistics.html",
        "guidelines.html",
        "sources/index.html",
        "changes.html",
        "coverage.html",
        "downloads.html",
        "glossary.html",
        "search.html",
    ],
)
def test_no_korean_page_shows_an_english_interface_label(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    assert page.locator("html").get_attribute("lang") == "ko"
    _no_english_labels(page)


# Finding II ------------------------------------------------------------------------------------


def test_a_pinned_citation_is_copied_with_one_click(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(f"{site_url}/statutes/sexual-crimes-act-14-2.html#version-2024-10-16-p4")
    paragraph = pg.locator("#version-2024-10-16-p4")
    expect(paragraph).to_contain_text("¶4")
    assert pg.evaluate("location.hash") == "#version-2024-10-16-p4"
    cite = paragraph.locator("xpath=following-sibling::p[1]")
    court = cite.locator("code.cb-citation").nth(1)
    expect(court).to_contain_text("제14조의2 제4항")
    cite.locator("button.cb-copy").nth(1).click()
    expect(cite.locator("button.cb-copy").nth(1)).to_have_text("복사됨")
    assert pg.evaluate("navigator.clipboard.readText()") == court.text_content()
    # English pages: the English form has its button too.
    pg.goto(f"{site_url}/en/statutes/sexual-crimes-act-14-2.html")
    english = pg.locator("#version-2024-10-16-p4 + p code.cb-citation").nth(1)
    expect(english).to_contain_text("Art. 14-2(4)")
    pg.locator("#version-2024-10-16-p4 + p button.cb-copy").nth(1).click()
    assert pg.evaluate("navigator.clipboard.readText()") == english.text_content()
    context.close()
    assert errors == []


def test_without_the_clipboard_api_the_citation_is_selected(browser, disk_site):
    # From disk (file://) the Clipboard API may be missing: the citation is selected instead.
    site = disk_site
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    pg = context.new_page()
    pg.goto((site / "statutes" / "sexual-crimes-act-14-2.html").as_uri())
    button = pg.locator("button.cb-copy").first
    button.click()
    expect(button).to_have_text("선택됨 — Ctrl+C로 복사")
    expected = pg.locator("code.cb-citation").first.text_content()
    assert pg.evaluate("window.getSelection().toString()") == expected
    context.close()


def test_the_csv_for_excel_starts_with_a_bom_and_the_dictionary_explains_it(page, site_url):
    page.goto(f"{site_url}/en/downloads.html")
    link = page.locator("a", has_text="cases.excel.csv")
    href = link.evaluate("(a) => a.href")
    first = page.evaluate(
        "async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer()).slice(0, 3))", href
    )
    assert first == [0xEF, 0xBB, 0xBF]
    page.click("text=What each column means is in the data dictionary.")
    expect(page.locator("article h1")).to_contain_text("Data dictionary")
    expect(page.locator("article table").nth(1)).to_contain_text("outcome_class")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_statutes_index_is_a_table_and_titles_do_not_repeat(page, site_url, prefix):
    page.goto(f"{site_url}/{prefix}statutes/index.html")
    table = page.locator("article table")
    expect(table).to_have_count(1)
    rows = table.locator("tbody tr")
    assert rows.count() >= 10
    expect(
        rows.filter(has_text="성폭력처벌법").filter(has_text="14" + ("조의2" if not prefix else "-2")).first
    ).to_be_visible()
    assert table.locator("thead th").count() == 5
    page.goto(f"{site_url}/{prefix}index.html")
    name = "Casebook 케이스북" if not prefix else "Casebook"
    assert page.title() == name
    page.goto(f"{site_url}/{prefix}statutes/index.html")
    assert page.title() == ("법령" if not prefix else "Statutes") + f" - {name}"


_CONTRAST = contrast_script("color")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_header_search_lands_on_results_readable_in_both_schemes(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    pg = context.new_page()
    errors = []
    pg.on("console", lambda m: errors.append(f"{m.text} {m.location}") if m.type == "error" else None)
    pg.goto(f"{site_url}/en/cases/snu-deepfake.html")
    box = pg.locator("#cb-header-q")
    assert box.evaluate(_CONTRAST) >= 4.5
    pg.keyboard.press("Tab")  # keyboard: the box is reachable and Enter submits it
    box.focus()
    box.fill("Kim Nok-wan")
    box.press("Enter")
    pg.wait_for_url("**/en/search.html?q=Kim+Nok-wan")
    expect(pg.locator(".pagefind-ui__result-title").first).to_be_visible(timeout=30000)
    expect(pg.locator(".pagefind-ui__results")).to_contain_text("Kim Nok-wan")
    field = pg.locator(".pagefind-ui__search-input")
    assert field.input_value() == "Kim Nok-wan"
    ratio = field.evaluate(_CONTRAST)
    assert ratio >= 4.5, f"{scheme}: search box contrast {ratio:.2f}"
    assert pg.locator(".pagefind-ui__result-link").first.evaluate(_CONTRAST) >= 4.5
    shot(pg, f"header-search-{scheme}")
    context.close()
    assert errors == []


# Comparable decisions ----------------------------------------------------------------------------


def test_a_case_page_lists_the_decisions_most_like_each_of_its_own(page, site_url):
    import urllib.parse

    from casebook.comparable import comparables_of
    from conftest import validate

    case = "cheonan-university-student-female-juniors-deepfakes-suspended"
    key = f"{case}/first-instance/a-20s"
    expected = comparables_of(validate(REPO).corpus).of(key)
    assert expected
    page.goto(f"{site_url}/cases/{case}.html")
    expect(page.locator("h2", has_text="비슷한 판결")).to_be_visible()
    table = page.locator("table", has_text="같은 점과 다른 점").first
    expect(table).to_contain_text("같은 조항·같은 버전")
    expect(table).to_contain_text("기재 없음")
    links = table.locator("tbody tr td:first-child a")
    hrefs = links.evaluate_all("(links) => links.map((a) => a.href)")
    assert hrefs == [f"{site_url}/cases/{c.case.id}.html#decision-{c.proc.id}--{c.outcome.defendant}" for c in expected]
    finder = page.locator("a", has_text="판결 찾기에서 이 판결과 비슷한 판결 찾기").first
    assert finder.get_attribute("href") == f"../finder.html?like={urllib.parse.quote(key, safe='')}"
    _no_english_labels(page)
    shot(page, "ko-case-comparable")
    # The link lands on that decision, in its case's proceedings.
    first = expected[0]
    links.first.click()
    page.wait_for_url(f"**/cases/{first.case.id}.html#decision-*")
    expect(page.locator(f'[id="decision-{first.proc.id}--{first.outcome.defendant}"]')).to_be_in_viewport()
    # The English page, in English.
    page.goto(f"{site_url}/en/cases/{case}.html")
    table = page.locator("table", has_text="How it compares").first
    expect(table).to_contain_text("same provision and version")
    expect(page.locator("a", has_text="Find decisions like this in the finder").first).to_be_visible()


def test_a_paragraph_anchor_the_judgment_links_and_the_feed_work_in_a_browser(page, site_url):
    # Issue 20, tasks 5 and 8, as a reader uses them: a paragraph's ¶ link scrolls to it and the
    # address keeps it; a judgment links to law.go.kr by its precSeq; the changes page links the
    # feed, which lists the records with their pages.
    page.goto(f"{site_url}/en/statutes/sexual-crimes-act-14-2.html")
    page.locator('a[href="#version-2024-10-16-p4"]').first.click()
    assert page.url.endswith("#version-2024-10-16-p4")
    expect(page.locator("#version-2024-10-16-p4")).to_be_in_viewport()
    page.goto(f"{site_url}/en/cases/supreme-court-2024do17801.html")
    judgment = page.locator('a[href^="https://www.law.go.kr/LSW/precInfoP.do?precSeq="]').first
    expect(judgment).to_be_visible()
    page.goto(f"{site_url}/en/changes.html")
    feed = page.locator('a[href="feed.xml"]').first
    expect(feed).to_be_visible()
    xml = page.request.get(f"{site_url}/en/feed.xml").text()
    assert xml.startswith('<?xml version="1.0" encoding="utf-8"?>') and xml.count("<entry>") >= 20
    assert '<link href="cases/' in xml
