"""Build the site atomically: validate → render → MkDocs (+ search index) into staging → swap.

Invalid records stop the build before anything is written; a failure at any later step
removes the staging folder and leaves the previous `site/` exactly as it was. Generated
pages live only in the staging copy of docs/, never in git.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from casebook.diagnostics import format_text, summary
from casebook.site.render import Renderer
from casebook.site.mkdocs_plugin import CasebookPagesPlugin
from casebook.validate.run import Report, validate_repository

STAGING_PREFIX = ".site-build-"


def _validated(root: Path, strict: bool, today: dt.date) -> Report | None:
    report = validate_repository(root, today=today, use_cache=True)
    if report.failed(strict=strict):
        print(format_text(report.diagnostics))
        print(summary(report.diagnostics, len(report.corpus.records)))
        blocking = len(report.errors) + (len(report.warnings) if strict else 0)
        print(f"Build cancelled: {blocking} problem(s) must be fixed first; site/ was left unchanged.", file=sys.stderr)
        return None
    return report


def stage_docs(root: Path, report: Report, staging: Path, today: dt.date) -> Path:
    """Copy the hand-written docs and write the generated pages beside them."""
    docs = staging / "docs"
    shutil.copytree(root / "docs", docs)
    contributing = root / "CONTRIBUTING.md"
    if contributing.exists():  # the guide is published on the site as "Contribute"
        shutil.copy(contributing, docs / "contribute.md")
    for relative, text in Renderer(report.corpus, today).pages().items():
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return docs


def run_mkdocs(root: Path, docs: Path, out: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(out))
    config.plugins["casebook-pages"] = CasebookPagesPlugin(csp=True)  # CSP and search, page by page
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def swap_into_place(new_site: Path, site_dir: Path, staging: Path) -> None:
    """Replace site_dir by new_site with two renames, so readers never see a half-built site."""
    if site_dir.exists():
        site_dir.rename(staging / "previous-site")
    new_site.rename(site_dir)


def build_site(root: Path, site_dir: Path, strict: bool = False, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    report = _validated(root, strict, today)
    if report is None:
        return 1
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    try:
        docs = stage_docs(root, report, staging, today)
        run_mkdocs(root, docs, staging / "site")
        swap_into_place(staging / "site", site_dir, staging)
    except Exception as exc:  # noqa: BLE001 - report any build failure without a traceback
        print(f"Build failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("site/ was left unchanged.", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    print(f"Built {pages} pages into {site_dir} from {len(report.corpus.records)} records.")
    return 0


def serve_site(root: Path, dev_addr: str) -> int:
    """Preview: build once into a staging folder and let MkDocs serve and live-reload it."""
    from mkdocs.commands.serve import serve

    report = _validated(root, strict=False, today=dt.date.today())
    if report is None:
        return 1
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    try:
        docs = stage_docs(root, report, staging, dt.date.today())
        print(f"Serving Casebook at http://{dev_addr}/ (pages are e.g. /cases/<id>.html); Ctrl+C stops it.", flush=True)
        hooks = [str(Path(__file__).with_name("serve_hooks.py"))]  # search index after each rebuild
        serve(str(root / "mkdocs.yml"), dev_addr=dev_addr, docs_dir=str(docs), hooks=hooks)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return 0
