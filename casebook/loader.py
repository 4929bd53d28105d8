"""Safe YAML loading with a position for every value.

Owns everything between the bytes of a record file and a plain Python structure:
size and encoding checks, libyaml parsing (`CSafeLoader`'s composer, so parsing runs at
C speed), construction of plain dicts/lists/scalars with our own rules, and a
`SourceMap` from each value's path to its line and column.

Our rules on top of YAML's safe subset, because PyYAML's defaults lose or hide data:
- duplicate keys are an error (PyYAML silently keeps the last one);
- anchors, aliases and merge keys are refused (records never need them, and they are how
  "billion laughs" documents explode);
- only the core tags (str, int, float, bool, null, timestamp, map, seq) are accepted;
- dates stay as the text that was written (`2024-10-16`), so partial dates and typed
  validation are the schema's job, not YAML's;
- all text is normalised to Unicode NFC (decomposed Hangul looks identical but does not
  match in search), with a warning so the file can be fixed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from casebook.diagnostics import Diagnostic, error, warning
from casebook.prescan import too_deep
from casebook.scalars import misread

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = f"{_CORE}str", f"{_CORE}seq", f"{_CORE}map"
_SCALAR_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_CONSTRUCTORS = {
    f"{_CORE}int": _SCALAR_CONSTRUCTOR.construct_yaml_int,
    f"{_CORE}float": _SCALAR_CONSTRUCTOR.construct_yaml_float,
    f"{_CORE}bool": _SCALAR_CONSTRUCTOR.construct_yaml_bool,
    f"{_CORE}null": _SCALAR_CONSTRUCTOR.construct_yaml_null,
}

Path_ = tuple[Any, ...]

_IMPLICIT_BY_FIRST_CHAR = yaml.resolver.Resolver.yaml_implicit_resolvers


class _Loader(yaml.CSafeLoader):
    """libyaml's composer with a leaner tag resolver.

    libyaml calls the resolver back in Python for every node, and PyYAML's generic version
    (path resolvers, list concatenation per call) is a third of the parse time. This one
    gives exactly the same tags for the safe schema, which has no path or wildcard resolvers.
    """

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, pattern in _IMPLICIT_BY_FIRST_CHAR.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


def compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=_Loader)


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a document was written."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_, *, prefer_key: bool = False) -> tuple[int, int]:
        """Line and column of `path`, or of its nearest ancestor that was written."""
        path = tuple(path)
        while True:
            if prefer_key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if path in self.keys:
                return self.keys[path]
            if not path:
                return (1, 1)
            path = path[:-1]


@dataclass
class LoadedFile:
    """A parsed record. Positions are worked out only when a diagnostic asks for one.

    Building the position map costs as much as parsing, and a valid record never needs it,
    so the text is kept and parsed again (with positions) the first time `source_map` is read.
    """

    path: str  # as shown to the user (relative to the repository where possible)
    data: Any
    text: str
    _source_map: SourceMap | None = field(default=None, repr=False, compare=False)

    @property
    def source_map(self) -> SourceMap:
        if self._source_map is None:
            builder = _Builder(self.path, positions=True)
            builder.build(compose(self.text), (), 0)
            self._source_map = builder.source_map
        return self._source_map


class _Refused(Exception):
    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed node graph into plain data and a SourceMap, enforcing our rules."""

    def __init__(self, display: str, *, positions: bool = False):
        self.display = display
        self.positions = positions
        self.source_map = SourceMap()
        self.seen: set[int] = set()
        self.diagnostics: list[Diagnostic] = []
        self.first_unnormalised: tuple[int, int] | None = None

    def _text(self, value: str, node: yaml.Node) -> str:
        if value.isascii() or unicodedata.is_normalized("NFC", value):  # the quick check is much cheaper
            return value
        normalised = unicodedata.normalize("NFC", value)
        if normalised != value and self.first_unnormalised is None:
            self.first_unnormalised = _pos(node)
        return normalised

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if depth > MAX_DEPTH:
            line, col = _pos(node)
            raise _Refused(
                error(
                    self.display,
                    line,
                    col,
                    "E008",
                    f"nesting is deeper than {MAX_DEPTH} levels",
                    "records are a few levels deep; flatten the structure",
                )
            )
        if id(node) in self.seen:
            line, col = _pos(node)
            raise _Refused(
                error(
                    self.display,
                    line,
                    col,
                    "E005",
                    "anchors and aliases (&name / *name) are not allowed in records",
                    "write the value out in full where it is needed",
                )
            )
        self.seen.add(id(node))
        if self.positions:
            self.source_map.values[path] = _pos(node)

        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if node.tag not in (f"{_CORE}map", f"{_CORE}seq"):
            raise self._bad_tag(node)
        if isinstance(node, yaml.SequenceNode):
            if not self.positions:  # no paths needed: skip building a tuple per item
                return [self.build(item, path, depth + 1) for item in node.value]
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == f"{_CORE}merge":
                kline, kcol = _pos(key_node)
                raise _Refused(
                    error(
                        self.display,
                        kline,
                        kcol,
                        "E005",
                        "merge keys (<<) are not allowed in records",
                        "write the keys out in full",
                    )
                )
            if not isinstance(key_node, yaml.ScalarNode):
                kline, kcol = _pos(key_node)
                raise _Refused(
                    error(
                        self.display,
                        kline,
                        kcol,
                        "E003",
                        "a key must be plain text, not a list or mapping",
                        "use `name: value` with a simple name",
                    )
                )
            if key_node.tag not in _SCALAR_TAGS:
                raise self._bad_tag(key_node)
            # Keys are the text as written: YAML 1.1 would turn `on:` or `no:` into booleans.
            key = self._text(key_node.value, key_node)
            if key in first_seen:
                kline, kcol = _pos(key_node)
                fline = first_seen[key].start_mark.line + 1
                self.diagnostics.append(
                    error(
                        self.display,
                        kline,
                        kcol,
                        "E003",
                        f"duplicate key '{key}' (first written at line {fline})",
                        "YAML keeps only one of them; merge the two entries into one",
                    )
                )
                continue
            first_seen[key] = key_node
            if self.positions:
                self.source_map.keys[(*path, key)] = _pos(key_node)
                result[key] = self.build(value_node, (*path, key), depth + 1)
            else:
                result[key] = self.build(value_node, path, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise self._bad_tag(node)
        if node.tag == f"{_CORE}str" or node.tag == f"{_CORE}timestamp":
            # Dates are kept as written; the schema parses (possibly partial) dates.
            if not node.style and node.value[:1] in "0+-":  # plain (libyaml: ""), and cheap first
                self._refuse_misread(node, node.value)
            return self._text(node.value, node)
        try:
            value = _CONSTRUCTORS[node.tag](node)
        except (ValueError, yaml.YAMLError):
            return self._text(node.value, node)
        self._refuse_misread(node, value)
        return value

    def _refuse_misread(self, node: yaml.ScalarNode, value: Any) -> None:
        """E015/E016 for a number or boolean readers would take differently (casebook.scalars)."""
        problem = misread(node.value, node.tag, value)
        if problem is not None:
            line, col = _pos(node)
            self.diagnostics.append(error(self.display, line, col, *problem))

    def _bad_tag(self, node: yaml.Node) -> _Refused:
        line, col = _pos(node)
        return _Refused(
            error(
                self.display,
                line,
                col,
                "E004",
                f"the tag '{node.tag.replace(_CORE, '!!')}' is not allowed",
                "records use plain YAML values only; remove the '!' tag",
            )
        )


def _line_col_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def decode_record_bytes(raw: bytes, display: str) -> tuple[str | None, list[Diagnostic]]:
    """Check size and encoding; return the text (BOM removed) or None with the reason."""
    diags: list[Diagnostic] = []
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            error(
                display,
                1,
                1,
                "E006",
                f"file is {len(raw):,} bytes; a record may be at most {MAX_FILE_BYTES:,}",
                "split the record, or move long text to a source document",
            )
        ]
    nul = raw.find(b"\x00")
    if nul != -1:
        line, col = _line_col_of_offset(raw, nul)
        return None, [
            error(
                display,
                line,
                col,
                "E007",
                "file contains a NUL byte; records are plain UTF-8 text",
                "re-save the file as UTF-8 text",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col_of_offset(raw, exc.start)
        return None, [
            error(
                display,
                line,
                col,
                "E001",
                f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                "re-save the file with UTF-8 encoding",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
        diags.append(
            warning(
                display,
                1,
                1,
                "W001",
                "file starts with a byte-order mark",
                "save as UTF-8 without BOM (`validate --fix` removes it)",
            )
        )
    return text, diags


_QUOTED_START = re.compile(r"""^\s*(?:-\s+)?[^:#'"]+:\s+(['"])(.*)$""")


def _starts_quoted_but_continues(line: str) -> bool:
    match = _QUOTED_START.match(line)
    return bool(match) and not match.group(2).rstrip().endswith(match.group(1))


def _yaml_error(display: str, exc: yaml.MarkedYAMLError, text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    message = f"YAML syntax error: {problem}"
    if exc.context:
        message += f" ({exc.context})"
    hint = "check indentation, quotes and colons on this line and the one above"
    lines = text.splitlines()
    if "\t" in problem or (0 < line <= len(lines) and "\t" in lines[line - 1][: max(col, 1)]):
        hint = "YAML does not allow tabs for indentation; indent with spaces"
    elif 0 < line <= len(lines) and _starts_quoted_but_continues(lines[line - 1]):
        hint = (
            "the value starts with a quote, so YAML ends it at the closing quote; "
            "wrap the whole value in double quotes, e.g. title: \"'A' and B\""
        )
    elif "expected a single document" in message:
        hint = "one record per file: remove the extra '---' document"
    return error(display, line, col, "E002", message, hint)


def parse_text(text: str, display: str) -> tuple[LoadedFile | None, list[Diagnostic]]:
    """Parse YAML text into a LoadedFile, or return diagnostics explaining why not."""
    deep = too_deep(text, MAX_DEPTH)
    if deep is not None:  # before libyaml: its composer would overflow the C stack and crash
        line = text.count("\n", 0, deep) + 1
        return None, [
            error(
                display,
                line,
                deep - (text.rfind("\n", 0, deep) + 1) + 1,
                "E008",
                f"nesting is deeper than {MAX_DEPTH} levels",
                "records are a few levels deep; flatten the structure",
            )
        ]
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as exc:
        return None, [_yaml_error(display, exc, text)]
    except yaml.YAMLError as exc:
        return None, [error(display, 1, 1, "E002", f"YAML error: {exc}", "check the file's syntax")]
    except RecursionError:
        return None, [
            error(
                display,
                1,
                1,
                "E008",
                "nesting is too deep to read",
                "records are a few levels deep; flatten the structure",
            )
        ]
    if node is None:
        return None, [error(display, 1, 1, "E009", "file is empty", "a record is a YAML mapping starting with `id:`")]
    builder = _Builder(display)
    try:
        data = builder.build(node, (), 0)
    except _Refused as refused:
        return None, [refused.diagnostic]
    except RecursionError:
        return None, [error(display, 1, 1, "E008", "nesting is too deep to read", "flatten the structure")]
    diags = list(builder.diagnostics)
    if builder.first_unnormalised is not None:
        line, col = builder.first_unnormalised
        diags.append(
            warning(
                display,
                line,
                col,
                "W002",
                "text is not in Unicode NFC form (e.g. decomposed Hangul); it was read as NFC",
                "re-save the file in NFC form (`validate --fix` does it)",
            )
        )
    if not isinstance(data, dict):
        line, col = _pos(node)
        diags.append(
            error(
                display,
                line,
                col,
                "E009",
                "a record must be a YAML mapping (key: value lines), not a "
                + ("list" if isinstance(data, list) else "single value"),
                "start the file with `id: <file name without .yaml>`",
            )
        )
        return None, diags
    return LoadedFile(display, data, text), diags


def load_file(path: Path, display: str | None = None) -> tuple[LoadedFile | None, list[Diagnostic]]:
    """Read and parse one record file. Never raises for bad content."""
    display = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(display, 1, 1, "E001", f"cannot read file: {exc.strerror}", "check the path")]
    text, diags = decode_record_bytes(raw, display)
    if text is None:
        return None, diags
    loaded, more = parse_text(text, display)
    return loaded, diags + more
