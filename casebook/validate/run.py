"""Run every validation layer over a repository and return all diagnostics at once.

Each record file is read, parsed, schema-checked and record-checked on its own, so at scale
that phase runs in a pool of worker processes (one per core); the corpus checks then run
once over all typed records.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from dataclasses import dataclass
from pathlib import Path

from casebook.corpus import Corpus, Record, discover
from casebook.diagnostics import Diagnostic, error
from casebook.loader import LoadedFile, decode_record_bytes, load_file
from casebook.parallel import fork_map
from casebook.validate import corpus_checks, privacy, range_checks, record_checks, typed_values  # noqa: F401  (registers checks)
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


def _check_all(records: list[Record], today: dt.date, workers: int | None) -> list[list[Diagnostic]]:
    """check_record for each record (in workers at scale); each record's diagnostics, in order."""

    def check(record: Record):
        diagnostics = check_record(record, today)
        # Only plain data travels back from a worker: the parent rebuilds the model, which
        # costs less than pickling pydantic models.
        return record.loaded, record.model is not None, diagnostics

    per_record: list[list[Diagnostic]] = []
    for record, (loaded, typed, found) in zip(records, fork_map(check, records, workers=workers), strict=True):
        if record.loaded is not loaded:  # checked in a worker: adopt its result
            record.loaded = loaded
            record.model = record.kind.model.model_validate(loaded.data) if typed else None
        per_record.append(found)
    return per_record


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


def keep_for_the_process() -> None:
    """Set everything alive now aside from the cyclic collector, for a process that ends after
    one build: the records live as long as it does, and the collections while rendering would
    scan them all again (10,000 cases: render 13 s -> 8 s; docs/performance.md). Never in a
    long-lived process (`serve`, tests): frozen objects are never collected, so each rebuild
    would keep the last corpus's cyclic garbage for good."""
    gc.freeze()


def _check_with_cache(root: Path, records: list[Record], today: dt.date, workers: int | None) -> list[Diagnostic]:
    """Check only the files the record cache has not seen with these exact bytes."""
    from casebook.validate.cache import RecordCache

    store = RecordCache(root, today)
    diagnostics: list[Diagnostic] = []
    unseen: list[tuple[Record, bytes | None]] = []
    present: set[bytes] = set()
    for record in records:
        try:
            with open(record.file, "rb") as handle:
                raw = handle.read()
        except OSError:
            unseen.append((record, None))  # check_record reports why it cannot be read
            continue
        key = RecordCache.key(record.display, raw)
        present.add(key)
        hit = store.get(key)
        if hit is None:
            unseen.append((record, key))
            continue
        data, typed, found = hit
        if data is not None:
            text, _ = decode_record_bytes(raw, record.display)  # kept for positions, as a fresh parse would
            record.loaded = LoadedFile(record.display, data, text)
            record.model = record.kind.model.model_validate(data) if typed else None
        diagnostics += found
    checked = _check_all([record for record, _ in unseen], today, workers)
    for (record, key), found in zip(unseen, checked, strict=True):
        diagnostics += found
        if key is not None:
            data = record.loaded.data if record.loaded is not None else None
            store.put(key, data, record.model is not None, found)
    store.keep_only(present)
    store.save()
    return diagnostics


def validate_repository(
    root: Path, today: dt.date | None = None, *, workers: int | None = None, use_cache: bool = False
) -> Report:
    """Every diagnostic for the repository at `root`, and its records (typed where valid).

    With `use_cache`, files whose bytes the record cache has seen are not parsed or checked
    again (their data and diagnostics come from the cache); the corpus checks always run.
    """
    today = today or dt.date.today()
    root = Path(root)
    with _collector_paused():
        records, diagnostics = discover(root)
        if use_cache:
            diagnostics += _check_with_cache(root, records, today, workers)
        else:
            diagnostics += [d for found in _check_all(records, today, workers) for d in found]
        corpus = Corpus(root, records)
        diagnostics += corpus_diagnostics(corpus, today)
    diagnostics = _one_line_per_value(diagnostics)
    return Report(corpus, sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.column, d.code, d.message)))


# Codes that say all there is to say about a value: a TODO placeholder, a number or boolean
# readers would misread. The value also fails its type check; one line about it is enough.
_SAYS_IT_ALL = ("E250", "E015", "E016")


def _one_line_per_value(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop the schema's E10x/E20x where a placeholder or misread value was already reported,
    and report a misread value once (the loader and the typed-field check may both see it)."""
    said: set[tuple[str, int, int]] = set()
    kept: list[Diagnostic] = []
    for d in sorted(diagnostics, key=lambda d: d.code not in _SAYS_IT_ALL):
        where = (d.path, d.line, d.column)
        if d.code in _SAYS_IT_ALL:
            if d.code != "E250" and (*where, d.code) in said:
                continue
            said.add((*where, d.code))
            said.add(where)
        elif d.code.startswith(("E10", "E20")) and where in said:
            continue
        kept.append(d)
    return kept


def corpus_diagnostics(corpus: Corpus, today: dt.date) -> list[Diagnostic]:
    """Every corpus check over `corpus` (the preview's quick pass runs them over a part of it)."""
    diagnostics: list[Diagnostic] = []
    for check in CORPUS_CHECKS:
        diagnostics.extend(_guarded(check, corpus, today))
    return diagnostics
