"""Search relevance: top-1 and MRR of the CLI's search on tests/relevance_queries.yaml.

python bench/relevance.py [--before REV] [--verbose] [--site]

Prints the figures for the search model at REV (default e4b5b43, main before issue 20's ranking
model; its casebook/search.py is read with `git show`) and for the working tree's, on the same
corpus (this repository's records). MRR counts the expected record's rank in the first 10
results (0 when it is not among them); "pinned" is how many queries meet their `top`.

With --site, the same set through the site's search instead: this repository is built into a
temporary folder and each query runs in Chromium in each language's search page, as a visitor's
search does (bench/site_search.py); a result is the record whose page it is (on the statistics
page, the figure whose section it is).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
QUERIES = REPO / "tests" / "relevance_queries.yaml"


def module_at(rev: str):
    text = subprocess.run(
        ["git", "show", f"{rev}:casebook/search.py"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "search_before.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("search_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def measure(module, corpus, queries, verbose=False):
    index = module.SearchIndex(module.build_entries(corpus))
    reciprocal, first, pinned = 0.0, 0, 0
    for q in queries:
        ids = [h.entry.id for h in index.search(q["query"], limit=10)]
        rank = ids.index(q["expected"]) + 1 if q["expected"] in ids else None
        reciprocal += 1 / rank if rank else 0
        first += rank == 1
        pinned += bool(rank and rank <= q.get("top", 1))
        if verbose and rank != 1:
            print(f"    rank {rank or '-'}: {q['query']!r} -> {q['expected']} (got {ids[:3]})")
    n = len(queries)
    return {"queries": n, "top1": first / n, "mrr": reciprocal / n, "pinned": pinned}


def measure_site(queries, verbose=False) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO / "bench"))
    from site_search import CHROMIUM, CHROMIUM_ARGS, result_urls, served

    from casebook import search_model
    from casebook.site.build import build_site
    from casebook.validate.run import validate_repository

    urls = {r["id"]: r["url"] for r in search_model.weighted_records(validate_repository(REPO).corpus)}
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        assert build_site(REPO, site) == 0
        with served(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for prefix, language in (("", "Korean pages"), ("en/", "English pages")):
                found = result_urls(page, base, prefix, [q["query"] for q in queries])
                reciprocal, first, pinned = 0.0, 0, 0
                for q, got in zip(queries, found, strict=True):
                    want = prefix + urls[q["expected"]]
                    rank = got.index(want) + 1 if want in got else None
                    reciprocal += 1 / rank if rank else 0
                    first += rank == 1
                    pinned += bool(rank and rank <= q.get("top", 1))
                    if verbose and rank != 1:
                        print(f"    {language}, rank {rank or '-'}: {q['query']!r} -> {want} (got {got[:3]})")
                n = len(queries)
                out[language] = {"queries": n, "top1": first / n, "mrr": reciprocal / n, "pinned": pinned}
            browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="e4b5b43", help="git revision of the search model to compare with")
    parser.add_argument("--verbose", action="store_true", help="list the queries whose record is not first")
    parser.add_argument("--site", action="store_true", help="the site's search in Chromium instead of the CLI's")
    args = parser.parse_args()
    if args.site:
        queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
        for label, r in measure_site(queries, args.verbose).items():
            print(f"site search, {label}:")
            print(
                f"  {r['queries']} queries: top-1 {r['top1']:.3f}, MRR {r['mrr']:.3f}, pinned {r['pinned']}/{r['queries']}"
            )
        return
    from casebook import search
    from casebook.validate.run import validate_repository

    corpus = validate_repository(REPO).corpus
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    for label, module in ((f"before ({args.before})", module_at(args.before)), ("after (working tree)", search)):
        print(f"{label}:")
        r = measure(module, corpus, queries, args.verbose)
        print(
            f"  {r['queries']} queries: top-1 {r['top1']:.3f}, MRR {r['mrr']:.3f}, pinned {r['pinned']}/{r['queries']}"
        )


if __name__ == "__main__":
    main()
