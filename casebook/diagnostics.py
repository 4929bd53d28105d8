"""Diagnostics: the one shape every problem takes, and how it is printed.

A check never prints; it returns `Diagnostic` objects. `format_text` renders them as
`path:line:col: CODE message` plus an indented hint; `format_github` renders GitHub
workflow commands so pull requests show inline annotations.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(path: str, line: int, column: int, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, line, column, code, message, hint, Severity.ERROR)


def warning(path: str, line: int, column: int, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, line, column, code, message, hint, Severity.WARNING)


def sort_key(d: Diagnostic) -> tuple:
    return (d.path, d.line, d.column, d.code, d.message)


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    lines = []
    for d in sorted(diagnostics, key=sort_key):
        tag = "" if d.is_error else " (warning)"
        lines.append(f"{d.path}:{d.line}:{d.column}: {d.code}{tag} {d.message}")
        if d.hint:
            lines.append(f"    hint: {d.hint}")
    return "\n".join(lines)


def _escape_github(value: str, *, is_property: bool = False) -> str:
    # GitHub's workflow-command escaping: %, CR and LF always; ':' and ',' in properties.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(diagnostics: Iterable[Diagnostic]) -> str:
    lines = []
    for d in sorted(diagnostics, key=sort_key):
        level = "error" if d.is_error else "warning"
        text = d.message + (f"\nhint: {d.hint}" if d.hint else "")
        props = ",".join(
            [
                f"file={_escape_github(d.path, is_property=True)}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={_escape_github(d.code, is_property=True)}",
            ]
        )
        lines.append(f"::{level} {props}::{_escape_github(text)}")
    return "\n".join(lines)


def summary(diagnostics: Iterable[Diagnostic], files_checked: int) -> str:
    diags = list(diagnostics)
    errors = sum(d.is_error for d in diags)
    warnings = len(diags) - errors
    plural = "s" if files_checked != 1 else ""
    if not diags:
        return f"{files_checked} file{plural} checked: no problems."
    return (
        f"{files_checked} file{plural} checked: {errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}."
    )
