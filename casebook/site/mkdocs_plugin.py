"""Casebook's MkDocs plugin: the work done on each page as MkDocs writes it.

- the Content-Security-Policy meta tag (csp.py), added to the HTML before it is written, so
  the site is not read and rewritten again afterwards (`build` only: the preview server
  injects its own live-reload script, which a policy would block);
- the search index: each page goes to Pagefind while MkDocs goes on with the next one, so
  indexing runs on another core; the index is written when MkDocs is done. In a dirty build
  (incremental.py) the pages MkDocs skips are indexed from the last build's HTML.

A failure of the search index fails the build (MkDocs raises it), so a site is never
published without its search.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from mkdocs.plugins import BasePlugin

from casebook.site.csp import with_csp
from casebook.site.search_index import SearchIndexer


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may get navigation wrong, and `strict: true` turns that
    warning into a failed build. Casebook's cannot (incremental.py), so that one line is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


_QUIET = _QuietDirtyWarning()
log = logging.getLogger("mkdocs.plugins.casebook")
# The preview's search index still being written. MkDocs makes a new plugin object for every
# rebuild of the preview, so this lives here, in the module, which is imported only once.
_finishing: list[SearchIndexer] = []


class CasebookPagesPlugin(BasePlugin):
    def __init__(self, *, csp: bool, wait_for_search: bool = True):
        super().__init__()
        self.wait_for_search = wait_for_search
        logging.getLogger("mkdocs.commands.build").addFilter(_QUIET)  # the same filter once, however often
        self.csp = csp
        self.indexer: SearchIndexer | None = None
        self.copied_html: list[str] = []
        self._base_urls: dict[str, str] = {}  # page or template -> the base_url the theme rendered it with
        self.feeder: threading.Thread | None = None
        self.feeder_error: Exception | None = None

    def on_pre_build(self, config, **kwargs) -> None:
        self._close()  # a rebuild in the preview server starts a fresh index
        if _finishing:  # the preview's last index is out of date before it is written
            # close() waits for Pagefind to exit, so an index it is still writing lands before
            # this rebuild's, never after it.
            _finishing.pop().close()
        self.indexer = SearchIndexer()
        self.copied_html = []

    def on_files(self, files, config, **kwargs):
        # HTML that MkDocs copies as it is (none today) never passes on_post_page.
        self.copied_html = [f.dest_uri for f in files.static_pages() if f.dest_uri.endswith((".html", ".htm"))]
        # In a dirty build MkDocs skips unchanged pages (in a clean one the site folder has
        # been emptied, so there are none); their HTML from the last build is in site_dir
        # already. Index them from another thread while MkDocs works.
        kept = [f.dest_uri for f in files.documentation_pages() if not f.is_modified()]
        if kept and self.indexer is not None:
            where = Path(config["site_dir"])
            self.feeder = threading.Thread(target=self._index_kept, args=(self.indexer, where, kept), daemon=True)
            self.feeder.start()
        return files

    def _index_kept(self, indexer: SearchIndexer, site: Path, kept: list[str]) -> None:
        try:
            for uri in kept:
                indexer.add(uri, (site / uri).read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001 - reported when the build finishes
            self.feeder_error = exc

    def on_page_context(self, context, page, config, nav, **kwargs):
        self._base_urls[page.file.dest_uri] = context["base_url"]
        return context

    def on_template_context(self, context, template_name, config, **kwargs):
        self._base_urls[template_name] = context["base_url"]
        return context

    def _features(self, config) -> tuple[str, ...]:
        return tuple(config["theme"]["features"] or ())

    def on_post_page(self, output: str, page, config, **kwargs) -> str:
        if self.csp:
            output = with_csp(output, self._base_urls.pop(page.file.dest_uri), self._features(config))
        if self.indexer is not None:
            self.indexer.add(page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content: str, template_name: str, config, **kwargs) -> str:
        if self.csp and template_name.endswith(".html"):  # 404.html
            return with_csp(output_content, self._base_urls.pop(template_name), self._features(config))
        return output_content

    def on_post_build(self, config, **kwargs) -> None:
        site = Path(config["site_dir"])
        for uri in self.copied_html if self.csp else []:
            copied = site / uri
            if copied.is_file():
                # Copied HTML is not the theme's: none of its inline scripts may run.
                copied.write_text(with_csp(copied.read_text(encoding="utf-8"), "", ()), encoding="utf-8")
        indexer, feeder, self.indexer, self.feeder = self.indexer, self.feeder, None, None
        if indexer is None:
            return
        if self.wait_for_search:
            self._complete(indexer, feeder, site)
        else:  # the preview reloads at once; its search catches up a few seconds later
            _finishing.append(indexer)
            threading.Thread(target=self._complete_quietly, args=(indexer, feeder, site), daemon=True).start()

    def _complete(self, indexer: SearchIndexer, feeder: threading.Thread | None, site: Path) -> None:
        if feeder is not None:
            feeder.join()
        if self.feeder_error is not None:
            error, self.feeder_error = self.feeder_error, None
            indexer.close()
            raise error
        indexer.finish(site)

    def _complete_quietly(self, indexer: SearchIndexer, feeder: threading.Thread | None, site: Path) -> None:
        try:
            self._complete(indexer, feeder, site)
        except Exception as exc:  # noqa: BLE001 - a preview keeps serving; say what went wrong
            if indexer in _finishing:  # not replaced by a newer rebuild's index: a real failure
                log.warning(f"Search index of the preview not updated: {exc}")
        finally:
            if indexer in _finishing:
                _finishing.remove(indexer)

    def on_build_error(self, error, **kwargs) -> None:
        self._close()

    def _close(self) -> None:
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None
