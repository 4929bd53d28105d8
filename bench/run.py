"""Casebook benchmark: validate, search, render and build at 1,000 and 10,000 synthetic cases.

python bench/run.py [--sizes 1000 10000] [--skip-build] [--steps comparable ...]

Each step runs in a fresh subprocess so wall time and peak memory (max RSS) are its own.
Prints a Markdown table; copy it with the command into docs/performance.md.
Baselines measured in the same run: a bare libyaml (CSafeLoader) parse of the same files,
and a bare `mkdocs build` of the same generated pages.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable

STEP = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {repo!r})
root = Path({root!r})
step = {step!r}
t0 = time.perf_counter()
extra = {{}}
if step == "parse":
    import yaml
    for folder in ("cases", "statutes", "sources"):
        for p in sorted((root / folder).glob("*.yaml")):
            yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
elif step == "validate":
    from casebook.validate.run import validate_repository
    report = validate_repository(root)
    extra["errors"] = len(report.errors)
elif step in ("revalidate", "revalidate-one"):
    import os, subprocess
    os.environ["CASEBOOK_CACHE_DIR"] = tempfile.mkdtemp()
    cmd = [sys.executable, {repo!r} + "/build_site.py", "validate", "--root", str(root)]
    subprocess.run(cmd, capture_output=True)  # fills the caches
    if step == "revalidate-one":  # one file changed: only it is parsed and checked again
        case = root / "cases" / "bench-case-00007.yaml"
        case.write_text(case.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True)  # nothing changed: answered from the cache
elif step == "search":
    import statistics
    from casebook.validate.run import validate_repository
    from casebook.search import SearchIndex, build_entries
    corpus = validate_repository(root).corpus
    t1 = time.perf_counter()
    index = SearchIndex(build_entries(corpus))
    extra["index_s"] = round(time.perf_counter() - t1, 3)
    queries = ["Seoul Central deepfake 123", "14조의2", "Busan District Court", "딥페이크 42번 사건", "Kim (30)", "Article 14-2", "Daegu deepfak case 9001", "제주지방법원"]
    times = []
    for i in range(25):
        for q in queries:
            s = time.perf_counter(); index.search(q, limit=10); times.append((time.perf_counter() - s) * 1000)
    times.sort()
    extra["median_ms"] = round(statistics.median(times), 2)
    extra["p95_ms"] = round(times[int(len(times) * 0.95)], 2)
    t0 = time.perf_counter() - sum(times) / 1000  # report query time only
elif step == "comparable":  # every decision's comparable decisions (casebook/comparable.py)
    from casebook.validate.run import validate_repository
    from casebook import comparable
    corpus = validate_repository(root).corpus
    t0 = time.perf_counter()  # the comparison only, not the validation before it
    found = comparable.build(corpus)
    n = len(found.decisions)
    extra["decisions"] = n
    extra["comparisons"] = found.comparisons
    extra["all_pairs"] = n * (n - 1) // 2
    extra["listed"] = sum(len(v) for v in found.by_key.values())
elif step == "render":
    import datetime as dt
    from casebook.validate.run import validate_repository
    from casebook.site.render import Renderer
    corpus = validate_repository(root).corpus
    t1 = time.perf_counter()
    pages = Renderer(corpus, dt.date(2026, 11, 21)).pages()
    extra["render_only_s"] = round(time.perf_counter() - t1, 2)
    extra["pages"] = len(pages)
elif step in ("build", "build-after-validate", "rebuild"):
    import os, subprocess
    os.environ["CASEBOOK_CACHE_DIR"] = tempfile.mkdtemp()  # "build" starts with no cache at all
    from casebook.site.build import build_site
    if step == "build-after-validate":  # how CI and contributors run it: validate, then build
        subprocess.run([sys.executable, {repo!r} + "/build_site.py", "validate", "--root", str(root)], capture_output=True)
        t0 = time.perf_counter()
    if step == "rebuild":  # the site exists; one record changes, then build again
        assert build_site(root, root / "site") == 0
        case = root / "cases" / "bench-case-00042.yaml"
        case.write_text(case.read_text(encoding="utf-8").replace("Synthetic benchmark record", "Synthetic benchmark record (changed)", 1), encoding="utf-8")
        t0 = time.perf_counter()
    assert build_site(root, root / "site") == 0
    extra["site_mb"] = round(sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file()) / 1e6, 1)
    case_page = next((root / "site" / "cases").glob("bench-case-00000.html"))
    extra["case_page_kb"] = round(case_page.stat().st_size / 1e3, 1)
    pagefind = [p for p in (root / "site" / "pagefind").rglob("*") if p.is_file()]
    extra["pagefind_mb"] = round(sum(p.stat().st_size for p in pagefind) / 1e6, 1)
    extra["pagefind_files"] = len(pagefind)
    finder = (root / "site" / "data").glob("finder*.js")  # the first rows and the rest, Korean
    extra["finder_data_mb"] = round(sum(p.stat().st_size for p in finder) / 1e6, 2)
elif step == "serve-reload":  # the preview server: one record edited, until its page shows it (edited_page_s), then until every page is (all_pages_s)
    import os, socket, subprocess, urllib.request
    os.environ["CASEBOOK_CACHE_DIR"] = tempfile.mkdtemp()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cmd = [sys.executable, {repo!r} + "/build_site.py", "serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{{port}}"]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    said = []  # (time, line) of what the server prints: when the full rebuild after the edit ends
    import threading
    reader = threading.Thread(target=lambda: [said.append((time.perf_counter(), line)) for line in server.stderr], daemon=True)
    reader.start()
    url = f"http://127.0.0.1:{{port}}/cases/bench-case-00042.html"
    def page_text():
        try:
            return urllib.request.urlopen(url, timeout=10).read().decode()
        except Exception:
            return ""
    def wait_for(text, limit):
        start = time.perf_counter()
        while text not in page_text():
            assert time.perf_counter() - start < limit, f"no {{text!r}} after {{limit}} s"
            time.sleep(0.1)
    try:
        wait_for("Synthetic benchmark record", 1800)
        extra["first_build_s"] = round(time.perf_counter() - t0, 1)
        case = root / "cases" / "bench-case-00042.yaml"
        case.write_text(case.read_text(encoding="utf-8").replace("Synthetic benchmark record", "Synthetic benchmark record, edited in the preview", 1), encoding="utf-8")
        t0 = time.perf_counter()
        wait_for("edited in the preview", 1800)  # no brackets: the page escapes them
        extra["edited_page_s"] = round(time.perf_counter() - t0, 2)  # the preview reload target
        start = time.perf_counter()  # then the full rebuild, which brings every other page
        while not any(t > t0 and "All pages are up to date" in line for t, line in said):
            assert time.perf_counter() - start < 1800, "the full rebuild did not end"
            time.sleep(0.2)
        done = next(t for t, line in said if t > t0 and "All pages are up to date" in line)
        extra["all_pages_s"] = round(done - t0, 1)
        extra["quick"] = any(t > t0 and "Updated bench-case-00042" in line for t, line in said)
    finally:
        server.terminate()
        server.wait()
elif step == "browser":
    import functools, http.server, os, threading
    from playwright.sync_api import sync_playwright
    site = root / "site"
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{{server.server_port}}"
    chromium = os.environ.get("CASEBOOK_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        sys.path.insert(0, {repo!r} + "/bench")
        from site_search import FIRST_QUERIES, first_query_bytes
        import statistics
        by_query = {{}}
        for prefix, queries in FIRST_QUERIES.items():
            sizes = []
            for q in queries:
                got = first_query_bytes(b, base, prefix, q)
                by_query[(prefix or "ko/") + q] = got
                sizes.append(got["search_gzip"] / 1e6)
            lang = prefix.strip("/") or "ko"
            extra[f"{{lang}}_first_query_mb_max"] = round(max(sizes), 3)
            extra[f"{{lang}}_first_query_mb_median"] = round(statistics.median(sizes), 3)
        extra["first_queries"] = by_query
        page = b.new_page()
        page.set_default_timeout(600000)
        for lang, prefix in (("ko", ""), ("en", "en/")):
            # A fresh context (nothing cached) per language. The init script notes when the first
            # row is drawn; the bytes are those of the responses finished by then (navigation and
            # resources), then of everything once the whole data has loaded.
            context = b.new_context()
            context.add_init_script(
                "new MutationObserver((_, obs) => {{ if (document.querySelector('#cb-finder-table tbody tr')) {{"
                " window.__firstRow = performance.now(); obs.disconnect(); }} }})"
                ".observe(document, {{childList: true, subtree: true}});"
            )
            page = context.new_page()
            page.set_default_timeout(600000)
            page.goto(base + "/" + prefix + "finder.html")
            page.wait_for_function("() => window.__firstRow !== undefined", timeout=600000)
            extra[f"finder_first_rows_s_{{lang}}"] = round(page.evaluate("window.__firstRow") / 1000, 2)
            page.wait_for_function("() => !document.querySelector('#cb-finder[aria-busy=true]')", timeout=600000)
            page.wait_for_load_state("load")
            sizes = page.evaluate(
                "() => {{ const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];"
                " const bytes = (list) => list.reduce((n, e) => n + (e.transferSize || e.encodedBodySize || 0), 0);"
                " return [bytes(all.filter((e) => e.responseEnd <= window.__firstRow)), bytes(all)]; }}"
            )
            extra[f"finder_first_rows_bytes_mb_{{lang}}"] = round(sizes[0] / 1e6, 2)
            extra[f"finder_all_bytes_mb_{{lang}}"] = round(sizes[1] / 1e6, 2)
            times = page.evaluate(
                "() => {{ const select = document.querySelector('select[name=outcome]'); const out = [];"
                " for (const value of ['suspended', 'custodial', 'fine', '', 'suspended', 'custodial', 'fine', '']) {{"
                " const t = performance.now(); select.value = value;"
                " select.dispatchEvent(new Event('change', {{bubbles: true}})); out.push(performance.now() - t); }}"
                " return out; }}"
            )
            times.sort()
            extra[f"finder_filter_median_ms_{{lang}}"] = round(times[len(times) // 2], 1)
            extra[f"finder_filter_max_ms_{{lang}}"] = round(times[-1], 1)
            context.close()
        b.close()
    server.shutdown()
    server.server_close()
elif step in ("mkdocs", "material-search"):
    import datetime as dt, gzip, shutil, tempfile
    from casebook.validate.run import validate_repository
    from casebook.site.build import stage_docs
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    staging = Path(tempfile.mkdtemp())
    docs = stage_docs(root, validate_repository(root), staging, dt.date(2026, 11, 21))
    overrides = {{"plugins": ["search"]}} if step == "material-search" else {{}}
    t0 = time.perf_counter()
    config = load_config(str(root / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(staging / "site"), **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    if step == "material-search":  # what Material's search fetches before its first result
        site = staging / "site"
        index = (site / "search" / "search_index.json").read_bytes()
        worker = [p for p in (site / "assets" / "javascripts" / "workers").glob("search*.js")]
        lunr = [p for p in (site / "assets" / "javascripts" / "lunr").rglob("*.js") if "min/lunr" in str(p) and ("stemmer" in p.name or ".ko." in p.name or p.name == "lunr.multi.min.js")]
        extra["index_mb"] = round(len(index) / 1e6, 1)
        extra["index_gz_mb"] = round(len(gzip.compress(index)) / 1e6, 2)
        extra["first_result_bytes_mb"] = round((len(index) + sum(p.stat().st_size for p in worker + lunr)) / 1e6, 1)
    wall_build = time.perf_counter() - t0
    shutil.rmtree(staging)
    t0 = time.perf_counter() - wall_build  # report the build only, not the clean-up
wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"wall_s": round(wall, 2), "peak_mb": round(rss), **extra}}))
"""


def run_step(root: Path, step: str) -> dict:
    code = STEP.format(repo=str(REPO), root=str(root), step=step)
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, cwd=REPO)
    if out.returncode != 0:
        print(f"step {step} failed:\n{out.stderr[-2000:]}", file=sys.stderr)
        return {"wall_s": float("nan"), "peak_mb": 0, "failed": True}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--skip-build", action="store_true", help="measure parse/validate/search/render only")
    parser.add_argument("--steps", nargs="+", help="run only these steps (e.g. parse validate)")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "bench"))
    from generate_corpus import generate

    steps = ["parse", "validate", "revalidate", "revalidate-one", "search", "comparable", "render"] + (
        []
        if args.skip_build
        else ["mkdocs", "material-search", "build", "build-after-validate", "rebuild", "serve-reload", "browser"]
    )
    if args.steps:
        steps = [step for step in steps if step in args.steps]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            root = generate(Path(tmp) / f"corpus-{size}", size)
            results[size] = {step: run_step(root, step) for step in steps}
            print(f"{size} cases: " + json.dumps(results[size]), file=sys.stderr)
    print("| cases | step | wall (s) | peak RSS (MB) | details |")
    print("|---|---|---|---|---|")
    for size, steps_done in results.items():
        for step, r in steps_done.items():
            details = ", ".join(
                f"{k}={v}" for k, v in r.items() if k not in ("wall_s", "peak_mb") and not isinstance(v, dict)
            )
            print(f"| {size:,} | {step} | {r['wall_s']} | {r['peak_mb']} | {details} |")
        s = steps_done
        if "validate" not in s or "parse" not in s:
            continue
        ratio = s["validate"]["wall_s"] / s["parse"]["wall_s"]
        line = f"| {size:,} | ratios | | | validate / bare CSafeLoader parse = {ratio:.2f}"
        if "build" in s and "mkdocs" in s:
            build, bare = s["build"]["wall_s"], s["mkdocs"]["wall_s"]
            line += f"; full build / bare mkdocs = {build / bare:.2f}"
            if "build-after-validate" in s:
                line += f" ({s['build-after-validate']['wall_s'] / bare:.2f} when validate ran before)"
            if "material-search" in s:  # MkDocs with a search index, as the site must have one
                line += f"; full build / mkdocs with Material's search = {build / s['material-search']['wall_s']:.2f}"
            if "rebuild" in s:
                line += f"; rebuild after one change / full build = {s['rebuild']['wall_s'] / build:.2f}"
        print(line + " |")
    for size, steps_done in results.items():
        queries = steps_done.get("browser", {}).get("first_queries")
        if queries:  # the browser step's first queries, one by one
            print(f"\nBytes before the first result at {size:,} cases (MB; gzip: as a compressing host sends")
            print("the scripts; Pagefind's own files are compressed already):\n")
            print("| query | results | search, gzip | search, as stored | index pieces | fragments | scripts, gzip |")
            print("|---|---|---|---|---|---|---|")
            for q, b in queries.items():
                mb = lambda n: f"{n / 1e6:.3f}"  # noqa: E731
                cells = [b["results"], mb(b["search_gzip"]), mb(b["search"]), mb(b["index"]), mb(b["fragment"])]
                print(f"| {q} | " + " | ".join(str(c) for c in cells) + f" | {mb(b['script_gzip'])} |")


if __name__ == "__main__":
    main()
