"""Build the site atomically: validate → render → MkDocs (+ search index) into staging → swap.

Invalid records stop the build before anything is written; a failure at any later step
removes the staging folder and leaves the previous `site/` exactly as it was. Generated
pages live only in the staging copy of docs/, never in git.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import shutil
import sys
from pathlib import Path

from casebook.diagnostics import format_text, summary
from casebook.site import incremental, page_inputs, work_folders
from casebook.site.mkdocs_plugin import CasebookPagesPlugin
from casebook.site.pages_later import PagesLater
from casebook.site.render import render_pages, render_pages_later
from casebook.validate.cache import cache_dir
from casebook.validate.run import Report, keep_for_the_process, validate_repository

STAGING_PREFIX = ".site-build-"  # the new site, in the repository (renamed into site/)
WORK_PREFIX = "staging-"  # the staged docs, in the cache folder


def _validated(root: Path, strict: bool, today: dt.date) -> Report | None:
    report = validate_repository(root, today=today, use_cache=True)
    if report.failed(strict=strict):
        print(format_text(report.diagnostics))
        print(summary(report.diagnostics, len(report.corpus.records)))
        blocking = len(report.errors) + (len(report.warnings) if strict else 0)
        print(f"Build cancelled: {blocking} problem(s) must be fixed first; site/ was left unchanged.", file=sys.stderr)
        return None
    return report


class StagingError(RuntimeError):
    """docs/ holds something that is not a plain page or folder."""


def staged_files(
    root: Path, report: Report, today: dt.date, unchanged: frozenset[str] = frozenset()
) -> dict[str, bytes]:
    """Everything MkDocs reads, in the i18n plugin's folder layout: ko/ (the site root), en/
    (under /en/) and the files both languages share (assets/). Without the pages of the cases
    in `unchanged` (page_inputs.py), which the caller keeps from the last build.

    A hand-written page is docs/<page>.md in English and docs/<page>.ko.md in Korean; the
    contributor guide is CONTRIBUTING.md and CONTRIBUTING.ko.md ("Contribute").
    """
    files = hand_written_files(root)
    for relative, text in render_pages(report.corpus, today, unchanged).items():
        files[relative] = text.encode("utf-8")
    return files


def hand_written_files(root: Path) -> dict[str, bytes]:
    """docs/ and the contributor guide, in the i18n plugin's folder layout (staged_files)."""
    files = {}
    docs = root / "docs"
    for path in sorted(docs.rglob("*")):
        if path.is_symlink() or not (path.is_file() or path.is_dir()):
            # A link could publish a file from outside the repository (or hang on /dev/zero).
            raise StagingError(
                f"docs/{path.relative_to(docs).as_posix()} is a link or a special file; commit the page itself"
            )
        if not path.is_file():
            continue
        relative = path.relative_to(docs).as_posix()
        if relative.endswith(".ko.md"):
            files[f"ko/{relative[: -len('.ko.md')]}.md"] = path.read_bytes()
        elif relative.endswith(".md"):
            files[f"en/{relative}"] = path.read_bytes()
        else:
            files[relative] = path.read_bytes()
    for lang, name in (("en", "CONTRIBUTING.md"), ("ko", "CONTRIBUTING.ko.md")):
        guide = root / name
        if guide.exists():  # the guide is published on the site as "Contribute"
            files[f"{lang}/contribute.md"] = guide.read_bytes()
    return files


def sync_tree(target: Path, files: dict[str, bytes], keep: frozenset[str] = frozenset()) -> list[str]:
    """Make `target` hold exactly `files` and the files named in `keep` (left as they are),
    writing only those whose bytes differ.

    Unchanged files keep their modification time, which is what MkDocs' dirty rebuilds go by.
    A file is replaced, not written into: it may be a link to the last build's copy (KEPT_PAGES).
    Returns the files written or removed.
    """
    changed = []
    for relative, content in files.items():
        path = target / relative
        try:
            if path.stat().st_size == len(content) and path.read_bytes() == content:
                continue
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        path.write_bytes(content)
        changed.append(relative)
    if target.exists():
        for path in target.rglob("*"):
            relative = path.relative_to(target).as_posix()
            if path.is_file() and relative not in files and relative not in keep:
                path.unlink()
                changed.append(relative)
    return changed


def stage_pages(
    root: Path, report: Report, docs: Path, today: dt.date, previous: dict[str, str]
) -> tuple[dict[str, str], list[str]]:
    """Bring `docs` up to date with the records: a case's pages already there are kept if
    their fingerprint is the one in `previous` (page_inputs.py), every other file is rendered.
    Returns the fingerprints of the pages now in `docs`, and the files written or removed."""
    fingerprints, unchanged = _unchanged_cases(root, report, docs, today, previous)
    written = sync_tree(docs, staged_files(root, report, today, unchanged), keep=_pages_of(unchanged))
    return fingerprints, written


def stage_pages_later(
    root: Path, report: Report, docs: Path, today: dt.date, previous: dict[str, str]
) -> tuple[dict[str, str], PagesLater]:
    """stage_pages for a clean build: every file now but the case pages to render, which are
    written while MkDocs runs (pages_later.py). Returns the fingerprints and those pages."""
    fingerprints, unchanged = _unchanged_cases(root, report, docs, today, previous)
    files = hand_written_files(root)
    now, names, batches = render_pages_later(report.corpus, today, unchanged)
    with contextlib.ExitStack() as on_failure:
        on_failure.callback(batches.close)  # stops the worker if staging fails here
        sync_tree(docs, files | {k: v.encode("utf-8") for k, v in now.items()}, keep=_pages_of(unchanged) | set(names))
        later = PagesLater(docs, names, batches)
        on_failure.pop_all()
    return fingerprints, later


def _unchanged_cases(
    root: Path, report: Report, docs: Path, today: dt.date, previous: dict[str, str]
) -> tuple[dict[str, str], frozenset[str]]:
    """The case pages' fingerprints, and the cases whose pages in `docs` have the one in `previous`."""
    from casebook.comparable import comparables_of

    code = incremental.code_fingerprint(root)
    fingerprints = page_inputs.case_fingerprints(report.corpus, comparables_of(report.corpus), today, code)
    unchanged = frozenset(
        case_id
        for case_id, fingerprint in fingerprints.items()
        if previous.get(case_id) == fingerprint
        and all((docs / page).is_file() for page in page_inputs.case_pages(case_id))
    )
    return fingerprints, unchanged


def _pages_of(cases: frozenset[str]) -> frozenset[str]:
    return frozenset(page for case_id in cases for page in page_inputs.case_pages(case_id))


def stage_docs(root: Path, report: Report, staging: Path, today: dt.date) -> Path:
    """Write the docs MkDocs will read into staging/docs."""
    docs = staging / "docs"
    sync_tree(docs, staged_files(root, report, today))
    return docs


# The last good build's staged docs and their case pages' fingerprints, in the cache folder
# (validate/cache.py): the next build starts from hard links to them and renders only the case
# pages whose inputs changed (page_inputs.py). The cache folder is outside the repository, so no
# commit can plant pages that a build would take as already rendered (docs/security.md).
KEPT_PAGES = "kept-pages"
_FINGERPRINTS = "fingerprints.json"


@contextlib.contextmanager
def work_folder(root: Path):
    """A fresh folder for staged docs, in the cache folder beside the kept pages (hard links
    need one file system); in the repository if there is no cache folder. Held while the block
    runs and removed after it (work_folders.py: also those that killed builds left)."""
    try:
        folder = cache_dir(root)
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder, prefix = root, STAGING_PREFIX
    else:
        prefix = WORK_PREFIX
    with work_folders.held(folder, prefix) as work:
        yield work


def link_kept_pages(root: Path, docs: Path) -> dict[str, str]:
    """Fill `docs` with hard links to the last build's staged docs; returns their fingerprints,
    or nothing (a full render) if there are none or they cannot be linked."""
    kept = cache_dir(root) / KEPT_PAGES
    try:
        fingerprints = json.loads((kept / _FINGERPRINTS).read_text(encoding="utf-8"))
        if not isinstance(fingerprints, dict):
            return {}
        for path in (kept / "docs").rglob("*"):
            if path.is_file() and not path.is_symlink():
                target = docs / path.relative_to(kept / "docs")
                target.parent.mkdir(parents=True, exist_ok=True)
                os.link(path, target)
    except (OSError, ValueError):
        shutil.rmtree(docs, ignore_errors=True)
        docs.mkdir(parents=True)
        return {}
    return fingerprints


def keep_pages(root: Path, work: Path, docs: Path, fingerprints: dict[str, str]) -> None:
    """After a good build: its staged docs (in `work`) become the ones the next build starts from."""
    pages = work / "pages"
    kept = cache_dir(root) / KEPT_PAGES
    try:
        pages.mkdir()
        docs.rename(pages / "docs")
        (pages / _FINGERPRINTS).write_text(json.dumps(fingerprints), encoding="utf-8")
        if kept.exists():
            kept.rename(work / "previous-pages")  # removed with the work folder
        pages.rename(kept)
    except OSError:
        shutil.rmtree(kept, ignore_errors=True)  # the next build renders every page


@contextlib.contextmanager
def nested_builds_dirty(dirty: bool):
    """The i18n plugin runs the English build with `dirty` read from the command line
    (`--dirty`), not from the build it nests in: say it there, so both languages' builds
    are dirty or clean together."""
    argv = sys.argv
    sys.argv = [*argv, "--dirty"] if dirty and "--dirty" not in argv else argv
    try:
        yield
    finally:
        sys.argv = argv


def run_mkdocs(
    root: Path, docs: Path, out: Path, *, dirty: bool = False, pages_later: PagesLater | None = None
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(out))
    # CSP and search, page by page; and the pages still being rendered, before MkDocs reads each
    config.plugins["casebook-pages"] = CasebookPagesPlugin(csp=True, pages_later=pages_later)
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        with nested_builds_dirty(dirty):
            build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def swap_into_place(new_site: Path, site_dir: Path, staging: Path) -> None:
    """Replace site_dir by new_site with two renames, so readers never see a half-built site."""
    if site_dir.exists():
        site_dir.rename(staging / "previous-site")
    new_site.rename(site_dir)


def build_site(
    root: Path, site_dir: Path, strict: bool = False, today: dt.date | None = None, one_shot: bool = False
) -> int:
    """Validate, render and build into `site_dir`; `one_shot`: the process ends after this build."""
    today = today or dt.date.today()
    report = _validated(root, strict, today)
    if report is None:
        return 1
    if one_shot:
        keep_for_the_process()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        with work_folders.held(root, STAGING_PREFIX) as staging, work_folder(root) as work:  # staging: the new site
            built = _build_into(root, report, today, site_dir, staging, work)
    except Exception as exc:  # noqa: BLE001 - report any build failure without a traceback
        print(f"Build failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("site/ was left unchanged.", file=sys.stderr)
        return 1
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    how = f" (incremental: {len(built.changed)} changed file(s) rebuilt, the rest kept)" if built.dirty else ""
    print(f"Built {pages} pages into {site_dir} from {len(report.corpus.records)} records{how}.")
    return 0


def _build_into(
    root: Path, report: Report, today: dt.date, site_dir: Path, staging: Path, work: Path
) -> incremental.Plan:
    """Stage, build into `staging`, swap into `site_dir`, keep the staged pages; raises on failure."""
    docs = work / "docs"
    docs.mkdir()
    plan = incremental.Plan(root, site_dir, docs)
    previous = link_kept_pages(root, docs)
    if plan.dirty:  # MkDocs compares each staged file's time with its page's: stage them all first
        fingerprints, _ = stage_pages(root, report, docs, today, previous)
        later = None
    else:  # the case pages are rendered while MkDocs reads the ones before them
        fingerprints, later = stage_pages_later(root, report, docs, today, previous)
    with later or contextlib.nullcontext():
        plan.prepare(staging / "site")
        run_mkdocs(root, docs, staging / "site", dirty=plan.dirty, pages_later=later)
        if later is not None:
            later.finish()
    incremental.forget(root)  # from here until remember(), site/ may be neither old nor new
    swap_into_place(staging / "site", site_dir, staging)
    plan.remember()
    keep_pages(root, work, docs, fingerprints)
    return plan


def serve_site(root: Path, dev_addr: str) -> int:
    """Preview: MkDocs serves and live-reloads the site; edits to records and docs/ show up.

    Each change re-stages only what changed (preview.py) and MkDocs rebuilds only those pages.
    """
    from mkdocs.commands.serve import serve

    from casebook.discovery import RECORD_FOLDERS
    from casebook.site import page_sessions, preview

    today = dt.date.today()
    report = _validated(root, strict=False, today=today)
    if report is None:
        return 1
    with work_folder(root) as work:  # the staged docs MkDocs serves from
        docs = work / "docs"
        docs.mkdir()
        fingerprints, _ = stage_pages(root, report, docs, today, link_kept_pages(root, docs))
        preview.start(root, docs, today, report.corpus, fingerprints)
        folders = [folder for _, folder in RECORD_FOLDERS]
        watched = [
            root / name
            for name in (*folders, "docs", "CONTRIBUTING.md", "CONTRIBUTING.ko.md")
            if (root / name).exists()
        ]
        print(
            f"Serving Casebook at http://{dev_addr}/ (Korean, e.g. /cases/<id>.html; English under /en/); Ctrl+C stops it.",
            flush=True,
        )
        hooks = [str(Path(__file__).with_name("serve_hooks.py"))]
        with nested_builds_dirty(True), page_sessions.whole_file_writes():
            serve(
                str(root / "mkdocs.yml"),
                dev_addr=dev_addr,
                docs_dir=str(docs),
                hooks=hooks,
                build_type="dirty",
                watch=[str(path) for path in watched],
            )
    return 0
