"""The corpus: every record file found in the repository, loaded and typed.

Owns discovery (which files are records, and of which kind) and holds the result of the
parse and schema layers: for each file its `LoadedFile` and, if the schema accepted it,
its typed model. Checks and the site read records from here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from casebook.diagnostics import Diagnostic, error
from casebook.loader import LoadedFile, load_file
from casebook.models import KINDS, RecordKind
from casebook.validate.schema import validate_schema

RECORD_SUFFIX = ".yaml"


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

    def typed(self, kind_name: str) -> Iterator[Record]:
        """Records of one kind that passed the schema."""
        for record in self.records:
            if record.kind.name == kind_name and record.model is not None:
                yield record

    def by_id(self, kind_name: str) -> dict[str, Record]:
        """Typed records of one kind by id; the first file wins where ids are duplicated."""
        out: dict[str, Record] = {}
        for record in self.typed(kind_name):
            out.setdefault(record.model.id, record)
        return out


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def discover(root: Path) -> tuple[list[Record], list[Diagnostic]]:
    """Find record files under each kind's folder, refusing links that leave the repository."""
    records: list[Record] = []
    diags: list[Diagnostic] = []
    real_root = root.resolve()
    for kind in KINDS:
        folder = root / kind.folder
        if not folder.is_dir():
            continue
        found = []
        # os.walk with scandir: one stat per entry, which matters at 10,000 files.
        for directory, subdirs, files in os.walk(folder):
            subdirs.sort()
            found += [Path(directory) / name for name in files]
        for path in sorted(found):
            display = _display(path, root)
            if path.name.startswith("."):
                if path.suffix in (".yaml", ".yml"):  # a hidden record would silently be skipped
                    diags.append(
                        error(
                            display,
                            1,
                            1,
                            "E012",
                            "record file names may not start with '.'",
                            "rename the file to its id",
                        )
                    )
                continue
            if path.suffix == ".yml":
                diags.append(
                    error(display, 1, 1, "E010", "record files end in .yaml, not .yml", f"rename to {path.stem}.yaml")
                )
                continue
            if path.suffix != RECORD_SUFFIX:
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(real_root):
                diags.append(
                    error(
                        display,
                        1,
                        1,
                        "E011",
                        "record is a symbolic link pointing outside the repository",
                        "replace the link with the record file itself",
                    )
                )
                continue
            records.append(Record(kind, path, display))
    return records, diags


def load_corpus(root: Path) -> tuple[Corpus, list[Diagnostic]]:
    """Discover, parse and schema-validate every record; collect every problem."""
    root = Path(root)
    records, diags = discover(root)
    for record in records:
        loaded, parse_diags = load_file(record.file, record.display)
        diags.extend(parse_diags)
        record.loaded = loaded
        if loaded is None:
            continue
        model, schema_diags = validate_schema(loaded, record.kind.model)
        diags.extend(schema_diags)
        record.model = model
    return Corpus(root, records), diags
