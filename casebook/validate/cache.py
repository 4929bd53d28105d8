"""Whole-corpus result cache for `validate`: an unchanged repository is answered from disk.

The key is a hash of every record file's path and bytes, of Casebook's own code, of the
library versions and of the date the statuses are judged on, so any change to any input
gives a new key and a full run: the cache can never serve a stale answer. Entries live in
`.casebook-cache/` (not in git); deleting the folder is always safe.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from importlib import metadata
from pathlib import Path

from casebook.diagnostics import Diagnostic, Severity
from casebook.discovery import find_record_files

CACHE_DIR = ".casebook-cache"
PACKAGE = Path(__file__).resolve().parent.parent
_LIBRARIES = ("pydantic", "PyYAML", "rapidfuzz")


def corpus_key(root: Path, today: dt.date) -> tuple[str, list[str]]:
    """(key, the record files as displayed). Reads every record file: a content hash, not mtimes."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(today.isoformat().encode())
    for name in _LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}".encode())
    for source in sorted(PACKAGE.rglob("*.py")):
        digest.update(source.relative_to(PACKAGE).as_posix().encode())
        digest.update(source.read_bytes())
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


def load(root: Path, key: str) -> list[Diagnostic] | None:
    path = root / CACHE_DIR / f"validate-{key}.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [Diagnostic(*row[:6], Severity(row[6])) for row in rows]


def store(root: Path, key: str, diagnostics: list[Diagnostic]) -> None:
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        for old in folder.glob("validate-*.json"):  # keep one entry: the latest answer
            old.unlink()
        rows = [[d.path, d.line, d.column, d.code, d.message, d.hint, d.severity.value] for d in diagnostics]
        tmp = folder / f".validate-{key}.tmp"
        tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        tmp.replace(folder / f"validate-{key}.json")
    except OSError:
        pass  # a read-only checkout simply runs uncached
