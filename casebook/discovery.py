"""Which files are records, and of which kind: folder names and file rules only.

Kept free of the models (and so of pydantic) because the cached `validate` answer needs
only the list of record files, and importing the models would be most of its time.
"""

from __future__ import annotations

import os
import re
import stat
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


# A name a contributor means as a record: .yaml or .yml in any case, perhaps followed by
# spaces or dots (which some file systems and editors add or hide).
_RECORD_LIKE = re.compile(r"\.ya?ml[\s.]*$", re.IGNORECASE)


def _files_under(folder: str) -> list[tuple[str, str]]:
    """(path, what it is) of every entry below `folder` that may be a record.

    What it is: "file" (regular), "link" (symbolic link, judged by its target), "special"
    (FIFO, device or socket: never opened, since reading a FIFO blocks for ever) or
    "folder" (a folder named like a record, not entered). Linked folders are not entered.
    os.scandir reports the entry type without a stat per file, and plain strings avoid
    pathlib's per-object cost: at 10,000 records this is most of a cached `validate`.
    """
    out: list[tuple[str, str]] = []
    pending = [folder]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if _RECORD_LIKE.search(entry.name):
                        out.append((entry.path, "folder"))
                    else:
                        pending.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    out.append((entry.path, "file"))
                elif entry.is_symlink():
                    out.append((entry.path, "link"))
                else:
                    out.append((entry.path, "special"))
    return out


def _target_is_regular(path: str) -> bool | None:
    """Whether a link's target is a regular file; None if it is a folder or missing."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISDIR(mode):
        return None
    return stat.S_ISREG(mode)


def _name_problem(display: str, name: str) -> Diagnostic | None:
    """Why a file named like a record is not read as one, or None if its name is right."""
    stem, suffix = os.path.splitext(name)
    if name.startswith("."):
        return error(display, 1, 1, "E012", "record file names may not start with '.'", "rename the file to its id")
    if name != name.rstrip() or name.rstrip(". \t") != name or stem != stem.strip():
        clean = _RECORD_LIKE.sub("", name).strip(" .\t") + RECORD_SUFFIX
        return error(
            display,
            1,
            1,
            "E014",
            f"record file name {name!r} has spaces or dots around it",
            f"rename it to '{clean}' (names are the id and .yaml, nothing around them)",
        )
    if suffix.lower() == ".yml":
        return error(display, 1, 1, "E010", "record files end in .yaml, not .yml", f"rename to {stem}.yaml")
    if suffix != RECORD_SUFFIX:
        return error(
            display, 1, 1, "E010", f"record files end in lowercase .yaml, not {suffix}", f"rename to {stem}.yaml"
        )
    return None


def _not_a_file(display: str, what: str) -> Diagnostic:
    return error(
        display,
        1,
        1,
        "E013",
        f"this is {what}, not a record file; it was not read",
        "a record is a plain text file; remove it or replace it with the record itself",
    )


def find_record_files(root: Path) -> tuple[list[FoundFile], list[Diagnostic]]:
    """Find record files under each kind's folder, refusing links that leave the repository,
    anything that is not a plain file, and names that are almost but not quite `<id>.yaml`."""
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
        for file, what in found:
            display = file[len(prefix) :].replace(os.sep, "/") if file.startswith(prefix) else file
            name = os.path.basename(file)
            if not name.endswith(RECORD_SUFFIX) and not _RECORD_LIKE.search(name):
                continue  # not meant as a record (README, notes, editor backups)
            if what == "folder":
                diags.append(_not_a_file(display, "a folder"))
                continue
            problem = _name_problem(display, name)
            if problem is not None:
                diags.append(problem)
                continue
            if what == "special":
                diags.append(_not_a_file(display, "a FIFO, device or socket"))
                continue
            if what == "link":
                if not Path(file).resolve().is_relative_to(real_root):
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
                regular = _target_is_regular(file)
                if not regular:
                    target = "a link to a folder or to nothing" if regular is None else "a link to a FIFO or device"
                    diags.append(_not_a_file(display, target))
                    continue
            records.append(FoundFile(kind, file, display))
    return records, diags
