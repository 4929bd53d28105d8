"""Which records a change adds, removes or edits, and which fields: the pull-request summary.

Compares each record file changed since a base revision (git) with its version there, at the
level a reviewer reads: top-level fields, and the ids of list items such as proceedings or
statute versions.

Everything taken from a record or a file name (paths, keys, ids) is printed as inline code,
so the pull-request comment shows it as text: no link, image, mention or table cell can
come from a contributor's record.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from casebook.loader import parse_text
from casebook.models import KIND_BY_FOLDER


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def _load(text: str | None, display: str):
    if text is None:
        return None
    loaded, _ = parse_text(text, display)
    return loaded.data if loaded else {}


def _ids(value) -> list[str]:
    return (
        [str(item.get("id")) for item in value if isinstance(item, dict) and "id" in item]
        if isinstance(value, list)
        else []
    )


def code_span(value: object) -> str:
    """`value` as a GitHub Markdown code span that nothing inside can end or leave."""
    text = " ".join(str(value).split()).replace("|", "\\|")  # one line; `|` would split a table cell
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def describe(old: dict | None, new: dict | None) -> list[str]:
    if old is None:
        return ["added"]
    if new is None:
        return ["removed"]
    notes = []
    for key in sorted(set(old) | set(new), key=str):
        if key not in old:
            notes.append(f"{code_span(key)} added")
        elif key not in new:
            notes.append(f"{code_span(key)} removed")
        elif old[key] != new[key]:
            before, after = set(_ids(old[key])), set(_ids(new[key]))
            detail = []
            if after - before:
                detail.append("new: " + ", ".join(map(code_span, sorted(after - before))))
            if before - after:
                detail.append("removed: " + ", ".join(map(code_span, sorted(before - after))))
            notes.append(f"{code_span(key)} changed" + (f" ({'; '.join(detail)})" if detail else ""))
    return notes or ["formatting only"]


def changed_records(root: Path, base: str) -> list[tuple[str, list[str]]]:
    folders = list(KIND_BY_FOLDER)
    names = _git(root, "diff", "--name-status", "--no-renames", f"{base}", "--", *folders)
    out = []
    for line in names.splitlines():
        status, path = line.split("\t", 1)
        if not path.endswith(".yaml"):
            continue
        old_text = None if status == "A" else _git(root, "show", f"{base}:{path}")
        new_path = root / path
        if new_path.is_symlink() or (new_path.exists() and not new_path.is_file()):
            # Never follow a link or open a FIFO or device: the summary is posted on the pull
            # request, and reading /dev/zero or a FIFO would never end. `validate` says why.
            out.append((path, ["not a plain file (a link, folder, FIFO or device); not read"]))
            continue
        new_text = new_path.read_text(encoding="utf-8") if new_path.exists() else None
        out.append((path, describe(_load(old_text, path), _load(new_text, path))))
    return out


def markdown(changes: list[tuple[str, list[str]]]) -> str:
    if not changes:
        return "No records changed."
    lines = [f"**{len(changes)} record file(s) changed**", "", "| Record | Change |", "|---|---|"]
    lines += [f"| {code_span(path)} | {'; '.join(notes)} |" for path, notes in changes]
    return "\n".join(lines)
