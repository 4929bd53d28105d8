"""Map a function over many items in forked worker processes, keeping the order.

Validation and page rendering do the same independent work for each of thousands of
records, so on a machine with several cores they split it. Workers are forked (not spawned)
so they start with everything already imported and computed, and the function needs no
pickling; only items and results travel. Small inputs run in-process: starting processes
would cost more than it saves, and it keeps tracebacks and debuggers simple.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400  # below this, starting worker processes costs more than it saves
_TASK: Callable | None = None  # the function of the running map, inherited by forked workers


def default_workers() -> int:
    """CASEBOOK_WORKERS if set (1 = no workers), else the cores this process may use."""
    try:
        return max(1, int(os.environ["CASEBOOK_WORKERS"]))
    except (KeyError, ValueError):
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _run_chunk(chunk: Sequence) -> list:
    return [_TASK(item) for item in chunk]


def fork_map(
    func: Callable[[T], R],
    items: Sequence[T],
    *,
    workers: int | None = None,
    chunk_size: int | None = None,
    worth_it: bool | None = None,
) -> list[R]:
    """[func(item) for item in items], on every core when there are enough items.

    `worth_it` overrides the item count's say (a few big jobs can be worth the workers);
    `chunk_size` 1 suits items of very different cost, listed biggest first.
    """
    global _TASK
    workers = default_workers() if workers is None else workers
    worth_it = len(items) >= MIN_ITEMS if worth_it is None else worth_it
    if workers <= 1 or not worth_it or "fork" not in multiprocessing.get_all_start_methods():
        return [func(item) for item in items]
    size = chunk_size or max(16, len(items) // (workers * 8))  # several chunks per worker evens out slow ones
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    _TASK = func
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return [result for part in pool.imap(_run_chunk, chunks) for result in part]
    finally:
        _TASK = None
