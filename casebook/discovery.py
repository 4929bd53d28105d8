"""Which files are records, and of which kind: folder names and file rules only.

Kept free of the models (and so of pydantic) because the cached `validate` answer needs
only the list of record files, and importing the models would be most of its time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from casebook.diagnostics import Diagnostic, error

RECORD_SUFFIX = ".yaml"
# (kind, top-level folder); the models are attached in casebook.models.
RECORD_FOLDERS: tuple[tuple[str, str], ...] = (
    ("statute", "statutes"),
    ("case", "cases"),
    ("source", "sources"),
    ("figure", "figures"),
    ("guideline", "guidelines"),
)


@dataclass(frozen=True)
class FoundFile:
    kind: str
    file: str  # a plain string: a Path per file costs measurable time at 10,000 records
    display: str  # as shown to the user (relative to the repository where possible)


def _files_under(folder: str) -> list[tuple[str, bool]]:
    """(path, is a symbolic link) of every file below `folder`; linked folders are not entered.

    os.scandir reports the entry type without a stat per file, and plain strings avoid
    pathlib's per-object cost: at 10,000 records this is most of a cached `validate`.
    """
    out: list[tuple[str, bool]] = []
    pending = [folder]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    if not entry.is_symlink():
                        pending.append(entry.path)
                else:
                    out.append((entry.path, entry.is_symlink()))
    return out


def find_record_files(root: Path) -> tuple[list[FoundFile], list[Diagnostic]]:
    """Find record files under each kind's folder, refusing links that leave the repository."""
    records: list[FoundFile] = []
    diags: list[Diagnostic] = []
    real_root = root.resolve()
    prefix = os.path.join(str(root), "")
    for kind, folder_name in RECORD_FOLDERS:
        folder = os.path.join(prefix, folder_name)
        if not os.path.isdir(folder):
            continue
        # Sorted by path components, as a tree listing would be (not by raw string).
        found = sorted(_files_under(folder), key=lambda item: item[0].split(os.sep))
        for file, is_link in found:
            display = file[len(prefix) :].replace(os.sep, "/") if file.startswith(prefix) else file
            name = os.path.basename(file)
            stem, suffix = os.path.splitext(name)
            if name.startswith("."):
                if suffix in (".yaml", ".yml"):  # a hidden record would silently be skipped
                    diags.append(
                        error(
                            display,
                            1,
                            1,
                            "E012",
                            "record file names may not start with '.'",
                            "rename the file to its id",
                        )
                    )
                continue
            if suffix == ".yml":
                diags.append(
                    error(display, 1, 1, "E010", "record files end in .yaml, not .yml", f"rename to {stem}.yaml")
                )
                continue
            if suffix != RECORD_SUFFIX:
                continue
            if is_link and not Path(file).resolve().is_relative_to(real_root):
                diags.append(
                    error(
                        display,
                        1,
                        1,
                        "E011",
                        "record is a symbolic link pointing outside the repository",
                        "replace the link with the record file itself",
                    )
                )
                continue
            records.append(FoundFile(kind, file, display))
    return records, diags
