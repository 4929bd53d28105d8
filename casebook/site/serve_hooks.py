"""MkDocs hooks for `build_site.py serve`: re-stage changed records, index the preview for search,
keep each build's files and navigation for the quick pass (page_sessions.py).

Before each rebuild the staged docs are brought up to date with the records and docs/
(preview.py); then the same page-by-page search indexing as `build` (mkdocs_plugin.py), except
that the browser reloads without waiting for the search index, and without the CSP meta tag:
the preview server injects its own live-reload script, which the policy would block.
"""

from __future__ import annotations

import sys
import time

from mkdocs.plugins import event_priority

from casebook.site import page_sessions, preview
from casebook.site.mkdocs_plugin import CasebookPagesPlugin

_plugin = CasebookPagesPlugin(csp=False, wait_for_search=False)
_started = time.perf_counter()  # when this rebuild began


def on_pre_build(config, **kwargs) -> None:
    global _started
    if _plugin.depth == 0:  # not again for the English build nested in the Korean one
        _started = time.perf_counter()
        preview.restage()
    _plugin.on_pre_build(config)


def on_serve(server, config, builder, **kwargs):
    # MkDocs watches its docs_dir, which here is the staged copy that restage() writes to:
    # watching it would rebuild twice per change. The real docs/ and records are watched instead.
    server.unwatch(config.docs_dir)
    server.builder = preview.quick_first(server, builder)
    return server


@event_priority(-200)  # after the i18n plugin's (-100), which makes each language's files and nav
def on_nav(nav, config, files, **kwargs):
    page_sessions.gathered_nav(config, files, nav)  # kept for the quick pass
    return nav


def on_env(env, config, files, **kwargs):
    env = _plugin.on_env(env, config, files)  # the theme's labels from the catalogue (header search box)
    page_sessions.gathered_env(config, env)
    return env


@event_priority(-110)  # as the plugin's: after the i18n plugin's, which runs the English build
def on_post_build(config, **kwargs) -> None:
    _plugin.on_post_build(config)
    if _plugin.depth == 0:  # both languages are built
        page_sessions.build_succeeded()
        took = time.perf_counter() - _started
        print(f"All pages are up to date ({took:.1f} s); the search index follows.", file=sys.stderr, flush=True)


def on_build_error(error, **kwargs) -> None:
    _plugin.on_build_error(error)
    page_sessions.build_failed()


on_config = _plugin.on_config
on_files = _plugin.on_files
on_post_template = _plugin.on_post_template
on_post_page = _plugin.on_post_page
