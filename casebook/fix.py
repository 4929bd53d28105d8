"""`validate --fix`: safe mechanical edits only, comments kept, values never changed.

What it may change: a byte-order mark, Unicode normalisation (NFC), trailing whitespace, the
final newline, the order of keys (the model's order, `id` first) and the order of statute
versions (oldest first). It round-trips through ruamel.yaml so comments and layout survive,
and before writing it checks that the data read back is the same as before (apart from
order); if not, the file is left alone and the reason reported. Running it twice changes
nothing the second time.
"""

from __future__ import annotations

import difflib
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from casebook.loader import parse_text
from casebook.models.introspect import field_by_key, keys_of, nested_model


@dataclass
class FixResult:
    path: str
    old: str
    new: str
    problem: str = ""

    @property
    def changed(self) -> bool:
        return not self.problem and self.old != self.new

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.old.splitlines(True), self.new.splitlines(True), f"a/{self.path}", f"b/{self.path}"
            )
        )


def _yaml() -> YAML:
    y = YAML()  # round-trip mode: comments, quotes and flow style are kept
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _text_fixes(text: str) -> str:
    text = text.removeprefix("\ufeff")
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _reorder(node, model: type[BaseModel] | None) -> None:
    if isinstance(node, CommentedSeq):
        for item in node:
            _reorder(item, model)
        return
    if not isinstance(node, CommentedMap) or model is None:
        return
    order = keys_of(model)
    known = [k for k in order if k in node]
    unknown = [k for k in node if k not in order]  # left where validation will report them
    for key in known + unknown:
        node.move_to_end(key)
    for key in list(node):
        field = field_by_key(model, key)
        if field is not None:
            _reorder(node[key], nested_model(field.annotation))
    if model.__name__ == "Statute" and isinstance(node.get("versions"), CommentedSeq):
        _sort_versions(node["versions"])


def _version_key(version) -> str:
    if isinstance(version, CommentedMap):
        return str(version.get("effective") or version.get("known_in_force_on") or "")
    return ""


def _sort_versions(seq: CommentedSeq) -> None:
    ordered = sorted(seq, key=_version_key)
    if list(seq) != ordered:
        for i, item in enumerate(ordered):
            seq[i] = item


def _canonical(value):
    if isinstance(value, dict):
        data = {k: _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
        if isinstance(data.get("versions"), list):
            data["versions"] = sorted(
                data["versions"],
                key=lambda v: (
                    str(v.get("effective") or v.get("known_in_force_on") or "") if isinstance(v, dict) else ""
                ),
            )
        return data
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    return value


def fix_text(text: str, model: type[BaseModel], display: str) -> FixResult:
    before, diags = parse_text(text.removeprefix("\ufeff"), display)
    if before is None:
        return FixResult(display, text, text, "not fixed: the file does not parse (see its diagnostics)")
    cleaned = _text_fixes(text)
    y = _yaml()
    data = y.load(cleaned)
    _reorder(data, model)
    out = io.StringIO()
    y.dump(data, out)
    new = _text_fixes(out.getvalue())
    after, _ = parse_text(new, display)
    if after is None or _canonical(after.data) != _canonical(before.data):
        return FixResult(display, text, text, "not fixed: the edit would change a value (please report this)")
    return FixResult(display, text, new)


def fix_file(path: Path, model: type[BaseModel], display: str) -> FixResult:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return FixResult(display, "", "", "not fixed: the file is not UTF-8")
    return fix_text(text, model, display)
