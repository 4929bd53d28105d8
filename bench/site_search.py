"""The site's search in Chromium, for the relevance set and the bytes a first query costs.

Shared by tests/test_site_search.py (pins tests/relevance_queries.yaml for the site),
bench/relevance.py --site (top-1 and MRR of the site's search) and bench/run.py's `browser` step
(bytes before the first result). Each query runs in the language's own search page, through
the same query preparation and ranking options as a visitor's search (window.CasebookSearch,
docs/assets/javascripts/search.js), with Pagefind's JS API.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import re
import threading
from pathlib import Path

CHROMIUM = os.environ.get("CASEBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]

# bench/run.py's `browser` step: a first query's bytes, per language, for names, case numbers,
# article numbers and common words (the synthetic corpus has no case numbers and no disclosed
# names: those queries find nothing there, but fetch the index pieces their words would be in).
FIRST_QUERIES = {
    "": ["서울대", "2024고합", "14조의2", "허위영상물", "징역", "집행유예", "대구지방법원", "조주빈", "딥페이크 42번"],
    "en/": ["deepfake", "Article 14-2", "2024Gohap", "suspended", "Daegu District Court", "Kim Nok-wan", "Jeong"],
}

# Runs in the search page: the first ten result URLs (site-relative, no leading slash) per query.
_SEARCH_JS = """
async (queries) => {
  const cs = window.CasebookSearch;
  const pagefind = await cs.load();
  const out = [];
  for (const q of queries) {
    const found = await cs.search(pagefind, q);
    const data = await Promise.all(found.slice(0, 10).map((r) => r.data()));
    out.push(data.map((d) => cs.recordUrl(d)));
  }
  return out;
}
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(site: Path):
    """The built site on a free localhost port; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def search_page(page, base: str, prefix: str) -> None:
    """Open a language's search page (prefix "" for Korean, "en/" for English)."""
    page.goto(f"{base}/{prefix}search.html")
    page.wait_for_function("() => window.CasebookSearch !== undefined")


def result_urls(page, base: str, prefix: str, queries: list[str], ranking: dict | None = None) -> list[list[str]]:
    """The first ten result URLs per query, relative to the site root (e.g. 'en/cases/x.html');
    `ranking` overrides some of search.js's ranking options (to try others)."""
    search_page(page, base, prefix)
    if ranking:
        page.evaluate("(r) => Object.assign(window.CasebookSearch.ranking, r)", ranking)
    found = page.evaluate(_SEARCH_JS.strip(), queries)
    # A folder's page as its file (sources/#x -> sources/index.html#x), as search_model names it.
    return [[re.sub(r"/(#|$)", r"/index.html\1", u.lstrip("/"), count=1) for u in urls] for urls in found]


def record_url(record_url_: str, prefix: str) -> str:
    """The URL a record's result has in a language's index (search_model's url + the language)."""
    return prefix + record_url_


def first_query_bytes(browser, base: str, prefix: str, query: str) -> dict[str, int]:
    """Bytes Chromium received (bodies, as served: this server does not compress), by kind of
    file, from opening the search page in a fresh context (nothing cached) until the first
    result of `query` shows its excerpt. "page" is everything outside pagefind/ (the page, the
    theme's styles and scripts, fonts) but the word list: the search's own cost is the rest."""
    context = browser.new_context()
    page = context.new_page()
    received: list[tuple[str, int]] = []

    def on_response(r):
        with contextlib.suppress(Exception):
            received.append((r.url, r.body()))

    page.on("response", on_response)
    page.goto(f"{base}/{prefix}search.html")
    page.locator(".pagefind-ui__search-input").fill(query)
    message = page.locator(".pagefind-ui__message")
    message.wait_for(timeout=600000)  # "N results for …", "No results for …"
    # "Searching for …" first (in Korean "… 검색 중..."), then a count or "no results".
    page.wait_for_function(
        "() => document.querySelector('.pagefind-ui__result-excerpt') || "
        "!/\\.\\.\\.|…/.test(document.querySelector('.pagefind-ui__message').textContent)",
        timeout=120000,
    )
    results = page.locator(".pagefind-ui__result").count()  # on screen: the first page of them
    if results:
        page.locator(".pagefind-ui__result-excerpt").first.wait_for(timeout=600000)
    page.wait_for_timeout(300)  # the first page of results finishes loading
    context.close()
    kinds = ("page", "script", "wasm", "meta", "index", "fragment", "filter", "other")
    out = {"results": results, **dict.fromkeys(kinds, 0), "script_gzip": 0}
    for url, body in received:
        size = len(body)
        name = url.split("?", 1)[0].rsplit("/", 1)[-1]
        if name == "search-words.json":  # search.js's word list for typos: the search's own cost,
            kind = "script"  # and text, which a compressing host sends gzipped
        elif "/pagefind/" not in url:
            kind = "page"
        elif name.startswith("wasm.") or name.endswith(".wasm"):
            kind = "wasm"
        elif name.endswith(".pf_meta") or name.startswith("pagefind-entry"):
            kind = "meta"
        else:
            kind = {".pf_index": "index", ".pf_fragment": "fragment", ".pf_filter": "filter"}.get(
                name[name.rfind(".") :], "script" if name.endswith((".js", ".css")) else "other"
            )
        out[kind] += size
        if kind == "script":  # what a host that compresses text (GitHub Pages does) sends
            out["script_gzip"] += len(gzip.compress(body, 6))
    # Pagefind's own files (index pieces, fragments, meta, WebAssembly) are gzip already.
    out["search"] = sum(out[k] for k in ("script", "wasm", "meta", "index", "fragment", "filter", "other"))
    out["search_gzip"] = out["search"] - out["script"] + out["script_gzip"]
    return out
