"""Caches for `validate` and `build`: answers that depend only on file contents, kept on disk.

Two caches, both keyed by content hashes, so neither can serve a stale answer:

- the *answer cache*: the diagnostics of a whole repository, keyed by every record file's
  path and bytes; an unchanged repository is answered without importing the checks;
- the *record cache*: each record file's parsed data and its own diagnostics (parse, schema
  and record checks), keyed by that file's path and bytes. When some files change, only those
  are parsed and checked again; the corpus checks always run over everything.

Both keys include Casebook's own code, the library versions and the date statuses are judged
on. The caches live outside the checkout (in the user's cache folder, one folder per
repository path), because a pull request could otherwise commit a forged answer into the
repository and have its records pass unchecked. Deleting the folder is always safe.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
from importlib import metadata
from pathlib import Path
from typing import Any

from casebook.diagnostics import Diagnostic, Severity
from casebook.discovery import find_record_files

PACKAGE = Path(__file__).resolve().parent.parent
_LIBRARIES = ("pydantic", "PyYAML", "rapidfuzz")


def cache_dir(root: Path) -> Path:
    """$CASEBOOK_CACHE_DIR, else ~/.cache/casebook; one subfolder per repository path."""
    base = os.environ.get("CASEBOOK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "casebook"
    )
    where = hashlib.blake2b(str(Path(root).resolve()).encode(), digest_size=8).hexdigest()
    return Path(base) / where


def environment_digest(today: dt.date) -> bytes:
    """What every answer depends on besides the records: the date, the libraries, our code."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(today.isoformat().encode())
    for name in _LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}".encode())
    for source in sorted(PACKAGE.rglob("*.py")):
        digest.update(source.relative_to(PACKAGE).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.digest()


def corpus_key(root: Path, today: dt.date) -> tuple[str, list[str]]:
    """(key, the record files as displayed). Reads every record file: a content hash, not mtimes."""
    digest = hashlib.blake2b(environment_digest(today), digest_size=20)
    records, diags = find_record_files(root)
    for record in records:
        digest.update(record.display.encode() + b"\0")
        try:
            with open(record.file, "rb") as handle:  # plain open(): Path.read_bytes costs more per file
                digest.update(handle.read())
        except OSError:
            digest.update(b"<unreadable>")
    for d in diags:  # discovery problems (links, .yml) are part of the answer too
        digest.update(repr(d).encode())
    return digest.hexdigest(), [r.display for r in records]


def _rows(diagnostics: list[Diagnostic]) -> list[list]:
    return [[d.path, d.line, d.column, d.code, d.message, d.hint, d.severity.value] for d in diagnostics]


def _diagnostics(rows: list[list]) -> list[Diagnostic]:
    return [Diagnostic(*row[:6], Severity(row[6])) for row in rows]


def _replace(folder: Path, pattern: str, name: str, payload: bytes) -> None:
    """Write one entry atomically and drop older entries of the same kind."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(pattern):
            old.unlink()
        tmp = folder / f".{name}.tmp"
        tmp.write_bytes(payload)
        tmp.replace(folder / name)
    except OSError:
        pass  # no writable cache folder: everything simply runs uncached


def load(root: Path, key: str) -> list[Diagnostic] | None:
    path = cache_dir(root) / f"validate-{key}.json"
    try:
        return _diagnostics(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, IndexError):
        return None


def store(root: Path, key: str, diagnostics: list[Diagnostic]) -> None:
    payload = json.dumps(_rows(diagnostics), ensure_ascii=False).encode("utf-8")
    _replace(cache_dir(root), "validate-*.json", f"validate-{key}.json", payload)


class RecordCache:
    """Per-file results: file key -> (parsed data, typed?, that file's diagnostics)."""

    def __init__(self, root: Path, today: dt.date):
        self.folder = cache_dir(root)
        self.name = f"records-{environment_digest(today).hex()}.pickle"
        self.entries: dict[bytes, tuple[Any, bool, list[list]]] = {}
        self.changed = False
        try:
            # Safe to unpickle: the folder is the user's own (never inside the checkout), and
            # the name commits to the code and libraries that wrote it.
            with open(self.folder / self.name, "rb") as handle:
                self.entries = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
            self.entries = {}

    @staticmethod
    def key(display: str, raw: bytes) -> bytes:
        return hashlib.blake2b(display.encode() + b"\0" + raw, digest_size=20).digest()

    def get(self, key: bytes) -> tuple[Any, bool, list[Diagnostic]] | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        data, typed, rows = entry
        return data, typed, _diagnostics(rows)

    def put(self, key: bytes, data: Any, typed: bool, diagnostics: list[Diagnostic]) -> None:
        self.entries[key] = (data, typed, _rows(diagnostics))
        self.changed = True

    def keep_only(self, keys: set[bytes]) -> None:
        """Forget files that are gone or changed, so the cache does not grow without end."""
        if set(self.entries) != keys:
            self.entries = {k: v for k, v in self.entries.items() if k in keys}
            self.changed = True

    def save(self) -> None:
        if self.changed:
            _replace(self.folder, "records-*.pickle", self.name, pickle.dumps(self.entries, protocol=5))
