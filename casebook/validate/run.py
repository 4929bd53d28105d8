"""Run every validation layer over a repository and return all diagnostics at once.

Each record file is read, parsed, schema-checked and record-checked on its own, so at scale
that phase runs in a pool of worker processes (one per core); the corpus checks then run
once over all typed records.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path

from casebook.corpus import Corpus, Record, discover
from casebook.diagnostics import Diagnostic, error
from casebook.loader import load_file
from casebook.validate import corpus_checks, privacy, record_checks  # noqa: F401  (registers checks)
from casebook.validate.registry import CORPUS_CHECKS, RAW_CHECKS, RECORD_CHECKS, RecordContext
from casebook.validate.schema import validate_schema


@dataclass
class Report:
    corpus: Corpus
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


def _guarded(check, *args) -> list[Diagnostic]:
    """Run one check; a bug in a check becomes a diagnostic, never a traceback for the user."""
    try:
        return list(check(*args))
    except Exception as exc:  # noqa: BLE001 - a check must never abort the run
        record = args[0].record.display if isinstance(args[0], RecordContext) else "(corpus)"
        return [
            error(
                record,
                1,
                1,
                "E999",
                f"internal error in check '{check.__name__}': {type(exc).__name__}: {exc}",
                "this is a Casebook bug; please report it with this record",
            )
        ]


PARALLEL_MIN_RECORDS = 400  # below this, starting worker processes costs more than it saves


def check_record(record: Record, today: dt.date) -> list[Diagnostic]:
    """Parse, schema-check and record-check one file; fills `record.loaded` and `record.model`."""
    loaded, diagnostics = load_file(record.file, record.display)
    record.loaded = loaded
    if loaded is None:
        return diagnostics
    record.model, schema_diagnostics = validate_schema(loaded, record.kind.model)
    diagnostics += schema_diagnostics
    ctx = RecordContext(record, today)
    for check in RAW_CHECKS:
        diagnostics.extend(_guarded(check, ctx))
    if record.model is not None:
        for check in RECORD_CHECKS.get(record.kind.name, []):
            diagnostics.extend(_guarded(check, ctx))
    return diagnostics


def _check_chunk(job: tuple[list[Record], dt.date]) -> list[tuple]:
    records, today = job
    out = []
    for record in records:
        diagnostics = check_record(record, today)
        # The model is rebuilt in the parent from the plain data: pickling pydantic models
        # costs several times more than validating the data again.
        out.append((record.loaded, record.model is not None, diagnostics))
    return out


def default_workers() -> int:
    """CASEBOOK_WORKERS if set (1 = no pool), else the cores this process may use."""
    try:
        return max(1, int(os.environ["CASEBOOK_WORKERS"]))
    except (KeyError, ValueError):
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _check_all(records: list[Record], today: dt.date, workers: int) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    if workers <= 1 or len(records) < PARALLEL_MIN_RECORDS or "fork" not in multiprocessing.get_all_start_methods():
        for record in records:
            diagnostics += check_record(record, today)
        return diagnostics
    size = max(16, len(records) // (workers * 8))
    chunks = [records[i : i + size] for i in range(0, len(records), size)]
    # fork: the workers start with the checks already imported and registered.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for chunk, results in zip(chunks, pool.imap(_check_chunk, [(c, today) for c in chunks]), strict=True):
            for record, (loaded, typed, found) in zip(chunk, results, strict=True):
                record.loaded = loaded
                if typed:
                    record.model = record.kind.model.model_validate(loaded.data)
                diagnostics += found
    return diagnostics


@contextlib.contextmanager
def _collector_paused():
    """Loading builds millions of small objects and keeps them; the cyclic garbage collector
    would rescan them again and again (more than half the run at 10,000 records). Records
    hold no reference cycles, so reference counting frees everything the run drops."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate_repository(root: Path, today: dt.date | None = None, *, workers: int | None = None) -> Report:
    today = today or dt.date.today()
    root = Path(root)
    with _collector_paused():
        records, diagnostics = discover(root)
        diagnostics += _check_all(records, today, default_workers() if workers is None else workers)
        corpus = Corpus(root, records)
        diagnostics += _corpus_diagnostics(corpus, today)
    # A TODO placeholder also fails its type check; one line about it is enough (E250 says what to do).
    placeholders = {(d.path, d.line, d.column) for d in diagnostics if d.code == "E250"}
    diagnostics = [
        d
        for d in diagnostics
        if d.code == "E250" or not d.code.startswith(("E10", "E20")) or (d.path, d.line, d.column) not in placeholders
    ]
    return Report(corpus, sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.column, d.code, d.message)))


def _corpus_diagnostics(corpus: Corpus, today: dt.date) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for check in CORPUS_CHECKS:
        diagnostics.extend(_guarded(check, corpus, today))
    return diagnostics
