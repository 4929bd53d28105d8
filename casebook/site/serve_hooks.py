"""MkDocs hooks for `build_site.py serve`: re-stage changed records, index the preview for search.

Before each rebuild the staged docs are brought up to date with the records and docs/
(preview.py); then the same page-by-page search indexing as `build` (mkdocs_plugin.py), except
that the browser reloads without waiting for the search index, and without the CSP meta tag:
the preview server injects its own live-reload script, which the policy would block.
"""

from __future__ import annotations

from casebook.site import preview
from casebook.site.mkdocs_plugin import CasebookPagesPlugin

_plugin = CasebookPagesPlugin(csp=False, wait_for_search=False)


def on_pre_build(config, **kwargs) -> None:
    if _plugin.depth == 0:  # not again for the English build nested in the Korean one
        preview.restage()
    _plugin.on_pre_build(config)


def on_serve(server, config, builder, **kwargs):
    # MkDocs watches its docs_dir, which here is the staged copy that restage() writes to:
    # watching it would rebuild twice per change. The real docs/ and records are watched instead.
    server.unwatch(config.docs_dir)
    return server


on_config = _plugin.on_config
on_env = _plugin.on_env  # the theme's labels from the catalogue (header search box)
on_files = _plugin.on_files
on_post_template = _plugin.on_post_template
on_post_page = _plugin.on_post_page
on_post_build = _plugin.on_post_build
on_build_error = _plugin.on_build_error
