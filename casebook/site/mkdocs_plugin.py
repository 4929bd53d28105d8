"""Casebook's MkDocs plugin: the work done on each page as MkDocs writes it.

- the Content-Security-Policy meta tag (csp.py), added to the HTML before it is written, so
  the site is not read and rewritten again afterwards (`build` only: the preview server
  injects its own live-reload script, which a policy would block);
- the search index: each page goes to Pagefind while MkDocs goes on with the next one, so
  indexing runs on another core; the index is written when MkDocs is done.

A failure of the search index fails the build (MkDocs raises it), so a site is never
published without its search.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin

from casebook.site.csp import with_csp
from casebook.site.search_index import SearchIndexer


class CasebookPagesPlugin(BasePlugin):
    def __init__(self, *, csp: bool):
        super().__init__()
        self.csp = csp
        self.indexer: SearchIndexer | None = None
        self.copied_html: list[str] = []

    def on_pre_build(self, config, **kwargs) -> None:
        self._close()  # a rebuild in the preview server starts a fresh index
        self.indexer = SearchIndexer()
        self.copied_html: list[str] = []

    def on_files(self, files, config, **kwargs):
        # HTML that MkDocs copies as it is (none today) never passes on_post_page.
        self.copied_html = [f.dest_uri for f in files.static_pages() if f.dest_uri.endswith((".html", ".htm"))]
        return files

    def on_post_page(self, output: str, page, config, **kwargs) -> str:
        if self.csp:
            output = with_csp(output)
        if self.indexer is not None:
            self.indexer.add(page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content: str, template_name: str, config, **kwargs) -> str:
        if self.csp and template_name.endswith(".html"):  # 404.html
            return with_csp(output_content)
        return output_content

    def on_post_build(self, config, **kwargs) -> None:
        site = Path(config["site_dir"])
        for uri in self.copied_html if self.csp else []:
            copied = site / uri
            if copied.is_file():
                copied.write_text(with_csp(copied.read_text(encoding="utf-8")), encoding="utf-8")
        indexer, self.indexer = self.indexer, None
        if indexer is not None:
            indexer.finish(site)

    def on_build_error(self, error, **kwargs) -> None:
        self._close()

    def _close(self) -> None:
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None
