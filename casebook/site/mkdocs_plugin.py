"""Casebook's MkDocs plugin: the work done on each page as MkDocs writes it.

- the Content-Security-Policy meta tag (csp.py), added to the HTML before it is written, so
  the site is not read and rewritten again afterwards (`build` only: the preview server
  injects its own live-reload script, which a policy would block);
- the case pages a clean build renders while MkDocs runs: MkDocs reads each only once it is
  written (pages_later.py);
- the search index: each page goes to Pagefind while MkDocs goes on with the next one, so
  indexing runs on another core; the index is written when MkDocs is done. In a dirty build
  (incremental.py) the pages MkDocs skips are indexed from the last build's HTML.

A failure of the search index fails the build (MkDocs raises it), so a site is never
published without its search.

The i18n plugin (mkdocs-static-i18n) builds the Korean site and then, from its own
`on_post_build`, the English one under en/ with the same config and plugins. Both builds feed
one Pagefind index (Pagefind keeps one index per `<html lang>`, and each language's search
page searches its own), so this plugin counts how deep in those nested builds it is and
writes the index only when the outermost build ends.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
import shutil
import threading
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from casebook.site.csp import with_csp
from casebook.site.pages_later import PagesLater
from casebook.site.search_index import SearchIndexer


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may get navigation wrong, and `strict: true` turns that
    warning into a failed build. Casebook's cannot (incremental.py), so that one line is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


_QUIET = _QuietDirtyWarning()


def theme_label(key: str, language: str) -> str:
    """A catalogue string for the theme's templates (MkDocs escapes nothing there: catalogue
    strings are trusted and hold no markup)."""
    from casebook.i18n import Lang

    return Lang(language if language in ("ko", "en") else DEFAULT_LANGUAGE).s(key)


def page_kind(url: str) -> str:
    """What a page is for the site search (theme/main.html): a record page ("case", "statute"),
    the statistics page ("figure"), an index listing records ("listing") or a guide."""
    path = url.split("/", 1)[1] if url.startswith(("en/", "ko/")) else url
    if path in ("cases/", "cases/index.html", "statutes/", "statutes/index.html"):
        return "listing"
    if path.startswith(("cases/", "statutes/")):
        return path.split("/", 1)[0][:-1]
    return "figure" if path.startswith("statistics.") else "guide"


THEME_OVERRIDES = Path(__file__).with_name("theme")  # the language switch and the 404 page
DEFAULT_LANGUAGE = "ko"  # the i18n plugin builds it first, at the site root
log = logging.getLogger("mkdocs.plugins.casebook")


class _PreviewIndexes:
    """The preview's search indexes, written in the background after each rebuild.

    Each rebuild's index is written into a folder of its own (site/.pagefind-N) and moved to
    site/pagefind only if no newer rebuild's index is already there, under one lock. So two
    indexes never write the same files, and an older index never replaces a newer one,
    whatever order they finish in. A rebuild stops the indexes still running before it
    (their result would be out of date). MkDocs makes a new plugin object for every rebuild
    of the preview, so this lives in the module, which is imported once.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        self.started = 0  # the newest rebuild's number
        self.installed = 0  # the number of the index now in site/pagefind
        self.running: list[tuple[SearchIndexer, threading.Thread]] = []

    def begin(self) -> int:
        with self._lock:
            self.started = next(self._numbers)
            for indexer, _ in self.running:
                indexer.abandon()
            return self.started

    def install(self, site: Path, number: int, written: Path) -> bool:
        with self._lock:
            if number < self.installed:  # a newer index is already in place
                shutil.rmtree(written, ignore_errors=True)
                return False
            target = site / "pagefind"
            old = site / f".pagefind-replaced-{number}"
            if target.exists():
                target.rename(old)
            written.rename(target)
            shutil.rmtree(old, ignore_errors=True)
            self.installed = number
            return True

    def wait(self) -> None:
        """Until every index started so far is written or dropped (tests, benchmarks)."""
        for _, thread in list(self.running):
            thread.join()


previews = _PreviewIndexes()


def write_preview_index(indexer: SearchIndexer, site: Path, number: int, complete) -> None:
    """Write the preview's search index number `number` in the background: `complete(folder)`
    gives `indexer` its pages and writes the index into that folder of its own, which then
    replaces site/pagefind unless a newer index is already there (_PreviewIndexes)."""

    def write() -> None:
        written = site / f".pagefind-{number}"
        try:
            complete(written)
            previews.install(site, number, written)
        except Exception as exc:  # noqa: BLE001 - a preview keeps serving; say what went wrong
            indexer.close()
            shutil.rmtree(written, ignore_errors=True)
            if number == previews.started:  # not stopped by a newer rebuild: a real failure
                log.warning(f"Search index of the preview not updated: {exc}")
        finally:
            previews.running[:] = [(i, t) for i, t in previews.running if i is not indexer]

    thread = threading.Thread(target=write, daemon=True)
    previews.running.append((indexer, thread))
    thread.start()


def index_preview(site: Path) -> None:
    """The preview's search index from the pages in `site` (for the preview's catch-up, which
    writes pages without a MkDocs build)."""
    indexer = SearchIndexer()

    def complete(written: Path) -> None:
        for page in sorted(site.rglob("*.html")):
            uri = page.relative_to(site).as_posix()
            if page.name != "404.html" and not uri.startswith((".pagefind", "pagefind/")):
                indexer.add(uri, page.read_text(encoding="utf-8"))
        indexer.finish(written)

    write_preview_index(indexer, site, previews.begin(), complete)


# The theme's <link rel="alternate" hreflang> in each page's head: Material's script fetches a
# sitemap.xml beside every such link's target (cases/sitemap.xml, en/cases/sitemap.xml …), which
# fails with console errors when served and with CORS errors from disk. The alternates are kept
# where nothing fetches them: the visible language switch (<a hreflang> to the same page,
# theme/partials) and, when the site has an address (site_url), the sitemap (theme/sitemap.xml).
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_head_alternates(html: str) -> str:
    head_end = html.find("</head>")
    return _HEAD_ALTERNATE.sub("", html[:head_end]) + html[head_end:] if head_end > 0 else html


class CasebookPagesPlugin(BasePlugin):
    def __init__(self, *, csp: bool, wait_for_search: bool = True, pages_later: PagesLater | None = None):
        super().__init__()
        self.pages_later = pages_later
        self.wait_for_search = wait_for_search
        logging.getLogger("mkdocs.commands.build").addFilter(_QUIET)  # the same filter once, however often
        self.csp = csp
        self.indexer: SearchIndexer | None = None
        self.copied_html: list[str] = []
        self.preview_number = 0
        self._base_urls: dict[str, str] = {}  # page or template -> the base_url the theme rendered it with
        self.feeders: list[threading.Thread] = []
        self.feeder_error: Exception | None = None
        self.depth = 0  # 1 in the Korean build, 2 in the English one the i18n plugin nests in it
        self.root_404: str | None = None

    @event_priority(-110)  # after the i18n plugin's, which puts its own sitemap.xml first
    def on_config(self, config, **kwargs):
        if str(THEME_OVERRIDES) in config.theme.dirs:
            config.theme.dirs.remove(str(THEME_OVERRIDES))
        config.theme.dirs.insert(0, str(THEME_OVERRIDES))
        return config

    def on_env(self, env, config, files, **kwargs):
        # The theme's own Casebook parts (partials/alternate.html) take their words from the
        # one catalogue, casebook/i18n.py.
        env.globals["cb_label"] = theme_label
        env.globals["cb_page_kind"] = page_kind
        return env

    def on_pre_build(self, config, **kwargs) -> None:
        self.depth += 1
        if self.depth > 1:  # the English build inside the Korean one: the same index goes on
            return
        self._close()  # a rebuild in the preview server starts a fresh index
        if not self.wait_for_search:
            self.preview_number = previews.begin()  # the indexes still running are out of date
        self.indexer = SearchIndexer()
        self.copied_html = []
        self.feeders = []
        self.root_404 = None

    @event_priority(-110)  # after the i18n plugin's (-100), which says where each file goes
    def on_files(self, files, config, **kwargs):
        # HTML that MkDocs copies as it is (none today) never passes on_post_page.
        self.copied_html += [f.dest_uri for f in files.static_pages() if f.dest_uri.endswith((".html", ".htm"))]
        # In a dirty build MkDocs skips unchanged pages (in a clean one the site folder has
        # been emptied, so there are none); their HTML from the last build is in site_dir
        # already. Index them from another thread while MkDocs works.
        kept = [f.dest_uri for f in files.documentation_pages() if not f.is_modified()]
        if kept and self.indexer is not None:
            where = Path(config["site_dir"])
            feeder = threading.Thread(target=self._index_kept, args=(self.indexer, where, kept), daemon=True)
            feeder.start()
            self.feeders.append(feeder)
        return files

    def _index_kept(self, indexer: SearchIndexer, site: Path, kept: list[str]) -> None:
        try:
            for uri in kept:
                indexer.add(uri, (site / uri).read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001 - reported when the build finishes
            self.feeder_error = exc

    def on_page_read_source(self, page, config, **kwargs) -> None:
        if self.pages_later is not None:  # its text may still be on its way (pages_later.py)
            self.pages_later.wait_for(page.file.src_uri)
        return None  # MkDocs reads the file itself

    def on_page_context(self, context, page, config, nav, **kwargs):
        self._base_urls[page.file.dest_uri] = context["base_url"]
        return context

    def on_template_context(self, context, template_name, config, **kwargs):
        self._base_urls[template_name] = context["base_url"]
        return context

    def _features(self, config) -> tuple[str, ...]:
        return tuple(config["theme"]["features"] or ())

    def on_post_page(self, output: str, page, config, **kwargs) -> str:
        output = without_head_alternates(output)
        if self.csp:
            output = with_csp(output, self._base_urls.pop(page.file.dest_uri), self._features(config))
        if self.indexer is not None:
            self.indexer.add(page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content: str, template_name: str, config, **kwargs) -> str:
        # Every build writes the site's one 404.html (it speaks both languages): keep the
        # Korean build's, whose <html lang> is the site root's.
        if template_name == "404.html" and config.theme["language"] != DEFAULT_LANGUAGE and self.root_404:
            return self.root_404
        if self.csp and template_name.endswith(".html"):  # 404.html
            output_content = with_csp(output_content, self._base_urls.pop(template_name), self._features(config))
        if template_name == "404.html":
            self.root_404 = output_content
        return output_content

    @event_priority(-110)  # after the i18n plugin's, which runs the English build (-100)
    def on_post_build(self, config, **kwargs) -> None:
        self.depth = max(0, self.depth - 1)
        if self.depth:  # the nested English build: the Korean one finishes the index
            return
        site = Path(config["site_dir"])
        for uri in self.copied_html if self.csp else []:
            copied = site / uri
            if copied.is_file():
                # Copied HTML is not the theme's: none of its inline scripts may run.
                copied.write_text(with_csp(copied.read_text(encoding="utf-8"), "", ()), encoding="utf-8")
        indexer, feeders, self.indexer, self.feeders = self.indexer, self.feeders, None, []
        if indexer is None:
            return
        if self.wait_for_search:
            self._complete(indexer, feeders, site / "pagefind")
        else:  # the preview reloads at once; its search catches up a few seconds later
            complete = functools.partial(self._complete, indexer, feeders)
            write_preview_index(indexer, site, self.preview_number, complete)

    def _complete(self, indexer: SearchIndexer, feeders: list[threading.Thread], output: Path) -> None:
        for feeder in feeders:
            feeder.join()
        if self.feeder_error is not None:
            error, self.feeder_error = self.feeder_error, None
            indexer.close()
            raise error
        indexer.finish(output)

    def on_build_error(self, error, **kwargs) -> None:
        self.depth = 0
        self._close()

    def _close(self) -> None:
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None
