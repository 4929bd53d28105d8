"""Plain YAML scalars that readers disagree about: numbers and booleans a person would misread.

PyYAML implements YAML 1.1, where `060` is octal (48), `1:20` is base 60 (80), `1_000` is
1000, `0x1F` is 31 and `yes`/`no`/`on`/`off` are booleans; YAML 1.2 readers (editors, the
schema's language server, other tools) read most of these differently, and a contributor
means something else again. The loader asks `misread` about every plain scalar and refuses
these forms at their line and column (E015 numbers, E016 booleans); records are never
rewritten, and the value stays what PyYAML read so that no other check changes its answer.
"""

from __future__ import annotations

import re

_SIGN = r"[-+]?"
_OCTAL = re.compile(rf"{_SIGN}0[0-7_]+")  # YAML 1.1 octal (1.2: decimal)
_LEADING_ZERO = re.compile(rf"{_SIGN}0[0-9]+")  # 08, 09: text to YAML 1.1, numbers to 1.2
_OCTAL_12 = re.compile(rf"{_SIGN}0o[0-7]+")  # YAML 1.2 octal, text to 1.1
_BASED = re.compile(rf"{_SIGN}0[xXbB][0-9a-fA-F_]+")
_BOOLEAN_TEXT = {"true", "false"}
_NOT_FINITE = {".inf", "-.inf", "+.inf", ".nan"}

Problem = tuple[str, str, str]  # (code, message, hint)


def _plain_digits(text: str) -> str:
    try:
        return str(int(text.replace("_", ""), 0 if text.lstrip("+-")[:2].lower() in ("0x", "0b", "0o") else 10))
    except ValueError:
        return text.replace("_", "")


def misread(text: str, tag: str, value: object) -> Problem | None:
    """Why the plain scalar `text` (resolved to `tag`, constructed as `value`) is refused."""
    if tag.endswith(":bool"):
        if text.lower() in _BOOLEAN_TEXT:
            return None
        return (
            "E016",
            f"'{text}' is read as {str(value).lower()} by some YAML readers and as text by others",
            f"write {str(value).lower()} (or quote '{text}' if you mean the word)",
        )
    if tag.endswith((":int", ":float")):
        if ":" in text:
            return (
                "E015",
                f"'{text}' is read as the number {value} (base 60, YAML 1.1), not as written",
                "write the number in plain digits, or quote the value if it is text such as a time",
            )
        if "_" in text:
            return (
                "E015",
                f"'{text}' is read as {value}: YAML drops the underscores",
                f"write {_plain_digits(text) if tag.endswith(':int') else text.replace('_', '')} without underscores",
            )
        if _BASED.fullmatch(text):
            return (
                "E015",
                f"'{text}' is a {'hexadecimal' if 'x' in text.lower() else 'binary'} number ({value})",
                f"write it in decimal: {value}",
            )
        if tag.endswith(":int") and _OCTAL.fullmatch(text):
            return (
                "E015",
                f"'{text}' has a leading zero: YAML 1.1 reads it as octal ({value}), other readers as {int(text)}",
                f"write {int(text)} without the leading zero (or quote '{text}' if it is a code)",
            )
        if text.lower() in _NOT_FINITE:
            return ("E015", f"'{text}' is not a finite number", "write the number the source gives")
        return None
    if text[:1] in "0+-":  # plain text that other readers take for a number
        if _LEADING_ZERO.fullmatch(text):
            return (
                "E015",
                f"'{text}' has a leading zero: YAML 1.1 reads it as text, other readers as the number {int(text)}",
                f"write {int(text)} without the leading zero (or quote '{text}' if it is a code)",
            )
        if _OCTAL_12.fullmatch(text):
            return (
                "E015",
                f"'{text}' is text to YAML 1.1 but the octal number {int(text, 0)} to other readers",
                f"write it in decimal: {int(text, 0)}",
            )
    return None
