"""Case pages written into the staged docs while MkDocs runs, each before MkDocs reads it.

A clean build's MkDocs spends four minutes on one core at 10,000 cases; rendering the case
pages of both languages before it would add most of a minute. So a clean build stages every
other file first, and each case page as an empty file (MkDocs lists the docs before it
reads any). The case pages are rendered ahead by a worker (render.render_pages_later) in
the order MkDocs reads them, and MkDocs' `on_page_read_source` event (mkdocs_plugin.py)
waits here until a page's own text is written, then reads it from the file as usual. So
MkDocs reads exactly the files a build that rendered everything first would have staged
(`tests/test_pages_later.py`).
"""

from __future__ import annotations

from pathlib import Path

from casebook.parallel import Ahead


class PagesLater:
    def __init__(self, docs: Path, names: list[str], batches: Ahead):
        """Stage an empty file for each page in `names` (paths under `docs`); `batches` gives
        their texts, a dictionary at a time."""
        self.docs, self._batches = docs, batches
        self.waiting = set(names)
        for name in names:
            path = docs / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)  # maybe a link to the last build's copy: never written into
            path.touch()

    def wait_for(self, name: str) -> None:
        """Until the page `name` (a path under docs, as MkDocs' src_uri) has its text."""
        while name in self.waiting:
            self._write_next()

    def finish(self) -> None:
        """Every page written (MkDocs skips none today; the next build starts from them)."""
        while self.waiting:
            self._write_next()
        self.close()

    def close(self) -> None:
        self._batches.close()

    def _write_next(self) -> None:
        try:
            batch = next(self._batches)
        except StopIteration:
            raise RuntimeError(f"{len(self.waiting)} case page(s) were never rendered") from None
        for name, text in batch.items():
            (self.docs / name).write_bytes(text.encode("utf-8"))
            self.waiting.discard(name)

    def __enter__(self) -> PagesLater:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
