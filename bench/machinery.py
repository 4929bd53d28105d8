"""What each piece of Casebook's machinery saves: the same step with it and without it.

python bench/machinery.py [--size 10000] [--root CORPUS]

Each row runs in a fresh process on one synthetic corpus (bench/generate_corpus.py, or an
existing one with --root): validation, rendering both languages' pages and the comparison of
decisions, each as Casebook runs it and with one piece of machinery switched off —
the garbage-collector pauses (`gc.disable` while loading and comparing, `gc.freeze` after
loading: made no-ops), and the worker processes (`CASEBOOK_WORKERS=1`). Prints a Markdown
table for docs/performance.md ("Machinery and what it pays").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

STEP = r"""
import gc, json, resource, sys, time
from pathlib import Path
if {no_gc!r}:
    gc.disable = gc.freeze = lambda: None  # the pauses become no-ops; collection runs as usual
sys.path.insert(0, {repo!r})
import datetime as dt
from casebook.validate.run import validate_repository
t0 = time.perf_counter()
corpus = validate_repository(Path({root!r}), use_cache=False).corpus
out = {{"validate_s": round(time.perf_counter() - t0, 2)}}
if {step!r} == "render":
    from casebook.site.render import Renderer
    t1 = time.perf_counter()
    for lang in ("ko", "en"):
        Renderer(corpus, dt.date(2026, 11, 21), lang=lang).pages(shared=lang == "ko")
    out["render_s"] = round(time.perf_counter() - t1, 2)
elif {step!r} == "comparable":
    from casebook import comparable
    t1 = time.perf_counter()
    comparable.build(corpus)
    out["comparable_s"] = round(time.perf_counter() - t1, 2)
out["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(out))
"""

VARIANTS = [
    ("as Casebook runs it", False, {}),
    ("without the gc pauses", True, {}),
    ("on one core (CASEBOOK_WORKERS=1)", False, {"CASEBOOK_WORKERS": "1"}),
]


def run(root: Path, step: str, no_gc: bool, env: dict) -> dict:
    code = STEP.format(repo=str(REPO), root=str(root), step=step, no_gc=no_gc)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, **env}, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--root", type=Path, help="an existing generated corpus")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "bench"))
    from generate_corpus import generate

    with tempfile.TemporaryDirectory() as tmp:
        root = args.root or generate(Path(tmp) / f"corpus-{args.size}", args.size)
        print("| step | variant | validate (s) | step (s) | peak RSS (MB) |")
        print("|---|---|---|---|---|")
        for step in ("render", "comparable"):
            for name, no_gc, env in VARIANTS:
                if step == "comparable" and env:
                    continue  # the comparison runs in one process
                r = run(root, step, no_gc, env)
                print(f"| {step} | {name} | {r['validate_s']} | {r.get(f'{step}_s')} | {r['peak_mb']} |", flush=True)


if __name__ == "__main__":
    main()
