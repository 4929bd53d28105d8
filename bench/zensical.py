"""Zensical against MkDocs on Casebook's own generated pages: clean, and after one record changes.

python bench/zensical.py --zensical /path/to/venv/bin/zensical [--sizes 0 10000]

Size 0 means the real repository. Zensical is not a Casebook dependency, so install it into
a separate virtual environment (`python3 -m venv /tmp/zvenv && /tmp/zvenv/bin/pip install
zensical`) and pass its executable. Each build runs in its own process. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from casebook.site.build import stage_docs  # noqa: E402
from casebook.validate.run import validate_repository  # noqa: E402

TODAY = dt.date(2026, 11, 21)
MKDOCS = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], docs_dir=sys.argv[2], site_dir=sys.argv[3])
config.plugins.on_startup(command="build", dirty=False)
build(config)
"""


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    """(wall seconds, last line of its error output if it failed).

    No memory figure: the child's peak would include this process, forked before the exec."""
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors, text=True)
        _, status, _ = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = errors.read().strip().splitlines() or ["failed"]
    error = "" if child.returncode == 0 else lines[-1][:160]
    return wall, error


def stage(root: Path, work: Path) -> None:
    if (work / "docs").exists():
        shutil.rmtree(work / "docs")
    stage_docs(root, validate_repository(root, TODAY), work, TODAY)
    shutil.copy(root / "mkdocs.yml", work / "mkdocs.yml")


def change_one_record(root: Path) -> None:
    marker = "summary_en: >-\n  "
    cases = [c for c in sorted((root / "cases").glob("*.yaml")) if marker in c.read_text(encoding="utf-8")]
    target = next((c for c in cases if "bench-case-00042" in c.name), cases[0])
    target.write_text(target.read_text(encoding="utf-8").replace(marker, marker + "(Changed.) ", 1), encoding="utf-8")


def measure(root: Path, zensical: str) -> list[tuple[str, float, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        stage(root, work)
        config = str(work / "mkdocs.yml")
        mkdocs = [sys.executable, "-c", MKDOCS, config, str(work / "docs"), str(work / "mkdocs-site")]
        rows.append(("MkDocs, clean", *timed(mkdocs, work)))
        rows.append(("Zensical, clean", *timed([zensical, "build", "-f", config], work)))
        change_one_record(root)
        stage(root, work)
        rows.append(("MkDocs, after one record changed", *timed(mkdocs, work)))
        rows.append(
            ("Zensical, after one record changed (its cache kept)", *timed([zensical, "build", "-f", config], work))
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zensical", default="zensical", help="the zensical executable")
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10000])
    args = parser.parse_args()
    from generate_corpus import generate

    version = subprocess.run([args.zensical, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Zensical {version or '?'}\n")
    print("| cases | build | wall (s) | result |")
    print("|---|---|---|---|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            if size == 0:
                root = Path(tmp) / "repo"
                shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".git", ".venv", "site"))
            else:
                root = generate(Path(tmp) / f"corpus-{size}", size)
            label = "this repository" if size == 0 else f"{size:,}"
            for name, wall, error in measure(root, args.zensical):
                print(f"| {label} | {name} | {wall:.2f} | {error or 'ok'} |", flush=True)


if __name__ == "__main__":
    main()
