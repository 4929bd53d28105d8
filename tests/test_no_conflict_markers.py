"""No merge-conflict markers left in any tracked text file (README once shipped with one)."""

import subprocess

from conftest import REPO


def test_no_file_holds_merge_conflict_markers():
    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    marked = []
    for name in files:
        if not name.endswith((".md", ".py", ".yaml", ".yml", ".j2", ".js", ".css", ".toml", ".txt")):
            continue
        text = (REPO / name).read_text(encoding="utf-8", errors="replace")
        if any(line.startswith(("<<<<<<< ", ">>>>>>> ")) for line in text.splitlines()):
            marked.append(name)
    assert marked == []
