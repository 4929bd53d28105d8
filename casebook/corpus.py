"""The corpus: every record file found in the repository, loaded and typed.

Turns the files `casebook.discovery` finds into typed records and holds the result of the
parse and schema layers: for each file its `LoadedFile` and, if the schema accepted it,
its typed model. Checks and the site read records from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from casebook.diagnostics import Diagnostic
from casebook.discovery import find_record_files
from casebook.loader import LoadedFile
from casebook.models import KIND_BY_NAME, RecordKind


@dataclass
class Record:
    kind: RecordKind
    file: Path
    display: str
    loaded: LoadedFile | None = None
    model: BaseModel | None = None

    @property
    def stem(self) -> str:
        return self.file.stem


@dataclass
class Corpus:
    root: Path
    records: list[Record] = field(default_factory=list)
    _memo: dict[tuple, object] = field(default_factory=dict, repr=False, compare=False)

    def typed(self, kind_name: str) -> Iterator[Record]:
        """Records of one kind that passed the schema (listed once per kind, then reused: the
        penalty tables ask for the statutes hundreds of times, and there may be 10,000 cases)."""
        key = ("typed", kind_name, len(self.records))
        if key not in self._memo:
            self._memo[key] = [r for r in self.records if r.kind.name == kind_name and r.model is not None]
        return iter(self._memo[key])

    def by_id(self, kind_name: str) -> dict[str, Record]:
        """Typed records of one kind by id; the first file wins where ids are duplicated.

        Computed once per kind (the law engine asks for it per sentence: rebuilding it each
        time made rendering quadratic). Treat the result as read-only.
        """
        key = (kind_name, len(self.records))  # a Corpus is built from records already typed
        if key not in self._memo:
            out: dict[str, Record] = {}
            for record in self.typed(kind_name):
                out.setdefault(record.model.id, record)
            self._memo[key] = out
        return self._memo[key]

    def memo(self, name: str, compute):
        """A value derived from the whole corpus, computed once (by the first caller) and then
        reused: e.g. the comparable decisions, which the case pages of both languages and the
        finder's data all read. Treat the result as read-only."""
        key = ("derived", name, len(self.records))
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


def discover(root: Path) -> tuple[list[Record], list[Diagnostic]]:
    """Find record files under each kind's folder, refusing links that leave the repository."""
    found, diags = find_record_files(root)
    return [Record(KIND_BY_NAME[f.kind], Path(f.file), f.display) for f in found], diags
