"""MkDocs hooks for `build_site.py serve`: index the preview for search after every rebuild.

`build` runs Pagefind itself after MkDocs; the preview server rebuilds on its own, so it
needs the same step as a hook, or the search page of the preview would find nothing.
"""

from __future__ import annotations

from pathlib import Path

from casebook.site.search_index import index_site


def on_post_build(config, **kwargs) -> None:
    index_site(Path(config["site_dir"]))
