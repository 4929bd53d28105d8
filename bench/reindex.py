"""Index an already built site again with Pagefind alone, with other options, to measure them
side by side without building the site again (a bilingual build at 10,000 cases takes minutes).

python bench/reindex.py SITE [--keep-tables] [--with-listings] [--exclude SELECTOR ...] [--bytes]

Writes SITE/pagefind (replacing the index there) and prints the index's size; with --bytes,
the bytes before the first result of bench/site_search.py's FIRST_QUERIES in Chromium.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def main() -> None:
    from casebook.site import search_index

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--keep-tables", action="store_true", help="index record pages whole (no RECORD_IGNORED)")
    parser.add_argument("--with-listings", action="store_true", help="index the cases and statutes indexes too")
    parser.add_argument("--exclude", nargs="+", default=[], help="more CSS selectors to leave out")
    parser.add_argument("--bytes", action="store_true", help="measure the first queries in Chromium")
    args = parser.parse_args()
    config = dict(search_index.CONFIG)
    if args.keep_tables:
        config["exclude_selectors"] = [".headerlink"]
    config["exclude_selectors"] = [*config["exclude_selectors"], *args.exclude]
    listings = search_index.LISTINGS
    if args.with_listings:
        listings = listings - {"cases/index.html", "statutes/index.html"}
    t0 = time.perf_counter()
    search_index.index_site(args.site, config, listings)
    files = [p for p in (args.site / "pagefind").rglob("*") if p.is_file()]
    largest = max(p.stat().st_size for p in files if p.suffix == ".pf_index")
    print(
        f"indexed in {time.perf_counter() - t0:.1f} s: {sum(p.stat().st_size for p in files) / 1e6:.1f} MB "
        f"in {len(files)} files, largest index piece {largest / 1e6:.3f} MB"
    )
    if args.bytes:
        from playwright.sync_api import sync_playwright
        from site_search import CHROMIUM, CHROMIUM_ARGS, FIRST_QUERIES, first_query_bytes, served

        with served(args.site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for prefix, queries in FIRST_QUERIES.items():
                sizes = []
                for q in queries:
                    got = first_query_bytes(browser, base, prefix, q)
                    sizes.append(got["search_gzip"] / 1e6)
                    print(
                        f"  {prefix or 'ko/'}{q}: {sizes[-1]:.3f} MB ({got['results']} results; index {got['index'] / 1e6:.3f})"
                    )
                print(f"{prefix or 'ko/'}: max {max(sizes):.3f} MB, median {statistics.median(sizes):.3f} MB")
            browser.close()


if __name__ == "__main__":
    main()
