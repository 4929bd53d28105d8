"""The folders a build or a preview works in (the staged docs, the new site), and the removal
of those a killed process left behind.

A build removes its folders when it ends, but a process that is killed (SIGKILL, a machine
that stops) cannot, and at 10,000 cases each left folder holds about 0.9 GB. So each folder is
held, for as long as its process lives, by an exclusive lock on a file inside it (`flock`).
The kernel releases that lock when the process ends, however it ends: a folder whose lock can
be taken belongs to no running process and is removed by the next build or preview. A folder
in use is never touched, so two builds of one checkout can still run side by side, and a
folder without the lock file (made by someone else, or by an older Casebook) is left alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".in-use"


@contextlib.contextmanager
def held(parent: Path, prefix: str) -> Iterator[Path]:
    """A fresh folder in `parent`, locked while the block runs and removed after it; first,
    the folders with this prefix that killed processes left there are removed."""
    sweep(parent, prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        lock = os.open(folder / LOCK_NAME, os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield folder
        finally:
            os.close(lock)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sweep(parent: Path, prefix: str) -> list[Path]:
    """Remove the folders named `prefix`… in `parent` that no running process holds; returns them."""
    removed = []
    with contextlib.suppress(OSError):
        candidates = sorted(
            p for p in parent.iterdir() if p.name.startswith(prefix) and p.is_dir() and not p.is_symlink()
        )
        for folder in candidates:
            if _abandoned(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


def _abandoned(folder: Path) -> bool:
    try:
        lock = os.open(folder / LOCK_NAME, os.O_RDWR)
    except OSError:  # no lock file: not a folder this module made, or one being made now
        return False
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held: its process is running
        return False
    finally:
        os.close(lock)  # a lock taken here goes with the descriptor
    return True
