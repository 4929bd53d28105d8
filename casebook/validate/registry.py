"""Check registry: record checks by kind, corpus checks once per run.

A check is a function that yields Diagnostics; it never prints or raises for bad data.
Its docstring's first line is its description (`validate --list-checks`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from casebook.corpus import Corpus, Record
from casebook.diagnostics import Diagnostic, error, warning


@dataclass
class RecordContext:
    record: Record
    today: dt.date

    @property
    def model(self):
        return self.record.model

    @functools.cached_property
    def strings(self) -> list[tuple[tuple, str]]:
        """Every text value of the record with its path, computed once for all text checks."""
        return list(strings_in(self.record.loaded.data))

    def at(self, *path) -> tuple[int, int]:
        return self.record.loaded.source_map.locate(path)

    def error(self, path: tuple, code: str, message: str, hint: str = "") -> Diagnostic:
        return error(self.record.display, *self.at(*path), code, message, hint)

    def warning(self, path: tuple, code: str, message: str, hint: str = "") -> Diagnostic:
        return warning(self.record.display, *self.at(*path), code, message, hint)


RecordCheck = Callable[[RecordContext], Iterable[Diagnostic]]
CorpusCheck = Callable[[Corpus, dt.date], Iterable[Diagnostic]]

RECORD_CHECKS: dict[str, list[RecordCheck]] = defaultdict(list)
RAW_CHECKS: list[RecordCheck] = []  # run on every parsed file, even one the schema refused
CORPUS_CHECKS: list[CorpusCheck] = []


def record_check(*kinds: str) -> Callable[[RecordCheck], RecordCheck]:
    def register(func: RecordCheck) -> RecordCheck:
        for kind in kinds:
            RECORD_CHECKS[kind].append(func)
        return func

    return register


def raw_check(func: RecordCheck) -> RecordCheck:
    RAW_CHECKS.append(func)
    return func


def corpus_check(func: CorpusCheck) -> CorpusCheck:
    CORPUS_CHECKS.append(func)
    return func


def strings_in(value, path=()):
    """Every text value of a parsed record with its path, for checks that read all text."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, (*path, index))


def describe_checks() -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    funcs = list(RAW_CHECKS) + [f for fs in RECORD_CHECKS.values() for f in fs] + list(CORPUS_CHECKS)
    for func in funcs:
        doc = (func.__doc__ or "").strip().splitlines()
        seen.setdefault(func.__name__, doc[0] if doc else "")
    return sorted(seen.items())
