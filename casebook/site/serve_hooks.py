"""MkDocs hooks for `build_site.py serve`: index the preview for search on every rebuild.

The same page-by-page indexing as `build` (mkdocs_plugin.py), without the CSP meta tag: the
preview server injects its own live-reload script, which the policy would block.
"""

from __future__ import annotations

from casebook.site.mkdocs_plugin import CasebookPagesPlugin

_plugin = CasebookPagesPlugin(csp=False)

on_pre_build = _plugin.on_pre_build
on_files = _plugin.on_files
on_post_page = _plugin.on_post_page
on_post_build = _plugin.on_post_build
on_build_error = _plugin.on_build_error
