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
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
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


def _run_task(item):
    return _TASK(item)


class Ahead:
    """func(item) for each item, in order, worked out ahead in one low-priority forked worker
    while the caller works on the results so far (the build renders case pages while MkDocs
    reads the ones before them). The caller's own work keeps its core: the worker takes what
    the other core leaves. Without `worth_it` (or fork, or a second core) each item is worked
    out in-process when the caller asks for it.

    The worker is forked here, before the caller starts threads. A worker that dies raises
    BrokenProcessPool instead of leaving the caller waiting; `close` (or leaving the `with`
    block) stops the worker and drops what it has not done.
    """

    def __init__(self, func: Callable[[T], R], items: Sequence[T], *, worth_it: bool):
        global _TASK
        self._pool: ProcessPoolExecutor | None = None
        if default_workers() <= 1 or not worth_it or "fork" not in multiprocessing.get_all_start_methods():
            self._results = (func(item) for item in items)
            return
        _TASK = func
        try:
            # With fork, the worker starts at the first submit, before the executor's own thread.
            self._pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("fork"), initializer=os.nice, initargs=(10,)
            )
            futures = [self._pool.submit(_run_task, item) for item in items]
        finally:
            _TASK = None  # the worker has its copy; a later fork_map sets its own
        self._results = (future.result() for future in futures)

    def __iter__(self) -> Iterator[R]:
        return self

    def __next__(self) -> R:
        return next(self._results)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Ahead:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
