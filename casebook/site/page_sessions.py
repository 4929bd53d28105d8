"""The preview's MkDocs state per language, kept from its last full build, to write one page.

A full MkDocs build of the bilingual site first gathers every file, the navigation and the
theme's templates, for each language: at 10,000 cases most of a rebuild's time goes there
(the i18n plugin alone sorts 20,000 files twice). The preview's quick pass (quick_pass.py)
writes the pages of an edited record with what the last full build gathered, through MkDocs'
own page functions and the same config, files, navigation and templates, so a page comes out
byte for byte as a full build writes it (tests/test_quick_pass.py).

Only a page that exists can be written this way: a new or removed page changes the files and
the navigation, and waits for the full build. The serve hooks feed this module: what a build
gathers is kept only once the whole bilingual build has succeeded.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Session:
    """One language's build: MkDocs' config (shared by both languages, which the i18n plugin
    reconfigures for each), its files, navigation and template environment."""

    config: object
    files: object
    nav: object = None
    env: object = None


_gathering: dict[str, Session] = {}  # the build under way
_kept: dict[str, Session] = {}  # the last build that succeeded


def language_of(config) -> str:
    return config.theme["language"]


def gathered_nav(config, files, nav) -> None:
    _gathering[language_of(config)] = Session(config, files, nav)


def gathered_env(config, env) -> None:
    session = _gathering.get(language_of(config))
    if session is not None:
        session.env = env


def build_succeeded() -> None:
    """The outermost build (both languages) is done: its state is the one to write pages with."""
    global _kept
    if _gathering and all(s.env is not None for s in _gathering.values()):
        _kept = dict(_gathering)
    _gathering.clear()


def build_failed() -> None:
    _gathering.clear()


def forget() -> None:
    """Tests: no build has been seen."""
    _kept.clear()
    _gathering.clear()


def can_write(staged: str) -> bool:
    """Whether `staged` (a docs path in the i18n layout, e.g. ko/cases/x.md) is a page of the
    last build, which write_page can write."""
    session = _kept.get(staged.partition("/")[0])
    return session is not None and session.files.get_file_from_path(staged) is not None


def write_page(staged: str) -> str:
    """Write the page of the staged Markdown file `staged` (it must pass can_write) from the
    file's current text; returns where it went in the site (e.g. cases/x.html)."""
    from mkdocs.commands.build import _build_page, _populate_page

    lang = staged.partition("/")[0]
    session = _kept[lang]
    config = session.config
    # The i18n plugin reconfigures the one config for each language's build in its on_config,
    # as it does before the nested English build: the page is built in its own language.
    config.plugins["i18n"].current_language = lang
    config = config.plugins.on_config(config)
    file = session.files.get_file_from_path(staged)
    _populate_page(file.page, config, session.files, dirty=False)
    _build_page(file.page, config, session.files.documentation_pages(), session.nav, session.env, dirty=False)
    return file.dest_uri


def write_whole(content: bytes, output_path: str) -> None:
    """MkDocs' utils.write_file, but a reader never sees a file half written: the preview serves
    pages while its full rebuild rewrites them (a temporary file beside it, then a rename)."""
    folder = os.path.dirname(output_path)
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".writing-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, output_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def copy_whole(source_path: str, output_path: str) -> None:
    """MkDocs' utils.copy_file (the finder's data, the downloads), written whole as above."""
    if os.path.isdir(output_path):
        output_path = os.path.join(output_path, os.path.basename(source_path))
    with open(source_path, "rb") as source:
        write_whole(source.read(), output_path)


@contextlib.contextmanager
def whole_file_writes():
    """While the preview serves: MkDocs writes and copies each file whole (see write_whole)."""
    from mkdocs import utils

    saved = utils.write_file, utils.copy_file
    utils.write_file, utils.copy_file = write_whole, copy_whole
    try:
        yield
    finally:
        utils.write_file, utils.copy_file = saved
