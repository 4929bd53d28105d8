"""The preview server's state: which repository it shows, and re-staging before each rebuild.

Each change first gets the quick pass (quick_pass.py): if only existing cases were edited,
their pages are written and the browser reloads at once. Then `catch_up()` re-stages and
writes every other changed page the same way, without a MkDocs build, unless a file appeared
or went; otherwise, and for any other change, MkDocs' dirty rebuild runs as below.

`build_site.py serve` has MkDocs watch the record folders, docs/ and CONTRIBUTING.md. Before
every rebuild the serve hooks call `restage()`: the records are validated again (the record
cache re-reads only changed files), the pages rendered, and only the staged files whose text
changed are written, so MkDocs' dirty rebuild renders just those pages. If the records have
errors, the problems are printed and the preview keeps its last good pages.

This lives in a module of its own because MkDocs loads the hooks file afresh for every
rebuild: state kept there would be lost.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class _Preview:
    root: Path
    docs: Path
    today: dt.date
    fingerprints: dict  # of the case pages in docs (page_inputs.py)
    staged: bool = True  # the first build uses what serve_site staged
    failing: bool = False  # the last rebuild was refused: say so when it works again


_current: _Preview | None = None


def start(root: Path, docs: Path, today: dt.date, corpus=None, fingerprints: dict | None = None) -> None:
    """The preview shows `root`, staged into `docs`; `corpus` is what was staged (the quick
    pass compares the records with it), `fingerprints` those of its case pages."""
    from casebook.site import quick_pass

    global _current
    _current = _Preview(root, docs, today, fingerprints or {})
    if corpus is not None:
        quick_pass.remember(root, docs, today, corpus)


def restage() -> list[str] | None:
    """Bring the staged docs up to date with the repository (case pages whose inputs did not
    change are left as they are: page_inputs.py); returns the staged files written or removed,
    or None if the records have errors (they are printed, and nothing is written)."""
    from casebook.diagnostics import format_text, summary
    from casebook.site import quick_pass
    from casebook.site.build import stage_pages
    from casebook.validate.run import validate_repository

    if _current is None:
        return []
    if _current.staged:
        _current.staged = False
        return []
    report = validate_repository(_current.root, today=_current.today, use_cache=True)
    if report.errors:
        print(format_text(report.diagnostics), file=sys.stderr)
        print(summary(report.diagnostics, len(report.corpus.records)), file=sys.stderr)
        print("The preview keeps its last good pages until these are fixed.", file=sys.stderr, flush=True)
        _current.failing = True
        return None
    _current.fingerprints, written = stage_pages(
        _current.root, report, _current.docs, _current.today, _current.fingerprints
    )
    quick_pass.remember(_current.root, _current.docs, _current.today, report.corpus)
    if _current.failing:
        _current.failing = False
        print("Fixed: the records validate again and the preview shows them.", file=sys.stderr, flush=True)
    return written


def catch_up(site: Path) -> bool:
    """After a quick pass: bring every other page up to date without a MkDocs build, when only
    existing files changed: each changed page is written with the last build's MkDocs state
    (page_sessions.py), each other changed file copied to where MkDocs puts it, and the search
    index rewritten in the background. False (nothing was written to the site) where a file
    appeared or went: then the server's MkDocs build does it."""
    from casebook.site import incremental, mkdocs_plugin, page_sessions

    start = time.perf_counter()
    written = restage()
    if written is None:
        return True  # the problems are printed; the pages stay as they are
    docs = _current.docs
    copies = {}
    for staged in written:
        if not (docs / staged).is_file():
            return False  # removed
        if staged.endswith(".md"):
            if not page_sessions.can_write(staged):
                return False
            continue
        outputs = [site / output for output in incremental.outputs_of(staged)]
        if not all(output.is_file() for output in outputs):
            return False
        copies[staged] = outputs
    for staged, outputs in copies.items():
        content = (docs / staged).read_bytes()
        for output in outputs:
            page_sessions.write_whole(content, str(output))
    for staged in written:
        if staged.endswith(".md"):
            page_sessions.write_page(staged)
    mkdocs_plugin.index_preview(site)
    took = time.perf_counter() - start
    print(f"All pages are up to date ({took:.1f} s); the search index follows.", file=sys.stderr, flush=True)
    return True


def quick_first(server, builder):
    """The preview server's builder: the quick pass, and if it wrote the edited pages, the
    browser reloads before the other pages catch up, which they then do while the site is
    served (catch_up, or MkDocs' build where a file appeared or went)."""

    def build() -> None:
        from casebook.site import quick_pass

        try:
            quick = quick_pass.run()
        except Exception as exc:  # noqa: BLE001 - the full rebuild below still brings the pages
            print(f"Quick pass skipped ({type(exc).__name__}: {exc}); rebuilding every page.", file=sys.stderr)
            quick = None
        if quick is None:
            builder()
            return
        show_now(server)
        print(
            f"Updated {', '.join(quick.cases)} in {quick.seconds:.1f} s; the other pages follow.",
            file=sys.stderr,
            flush=True,
        )
        try:
            caught_up = catch_up(Path(server.root))
        except Exception as exc:  # noqa: BLE001 - MkDocs' build below brings every page
            print(f"Catch-up stopped ({type(exc).__name__}: {exc}); rebuilding every page.", file=sys.stderr)
            caught_up = False
        if not caught_up:
            builder()

    return build


def show_now(server) -> None:
    """Reload the browsers and serve pages again, as MkDocs' LiveReloadServer does when its
    builder returns (mkdocs/livereload/__init__.py, _build_loop: these two assignments under
    its lock); until then it holds every page request back."""
    with server._epoch_cond:
        server._visible_epoch = server._wanted_epoch
        server._epoch_cond.notify_all()
