"""A cheap look at record text before libyaml sees it: how deep can its nesting go?

libyaml's composer (PyYAML's C extension) recurses once per nesting level with no limit of
its own: about 30,000 nested `[` (or `- - - …` on one line) overflow the C stack and kill
the process with a segmentation fault, so no diagnostic for any file is printed. The loader
refuses deep nesting itself after composing (MAX_DEPTH), but that is too late for these.

This scan bounds the nesting from the text alone: flow collections (`[`, `{`) counted the
way YAML opens them (outside quotes and comments, at the start of a value or inside flow),
and chains of block indicators on one line (`- - -`, `? ? ?`). Indentation needs no scan:
a megabyte holds at most ~1,400 indented levels, which the composer survives and the
loader then refuses. Most records have fewer brackets than the limit and skip the scan.
"""

from __future__ import annotations

import re

# One token per significant piece: flow indicators, quotes, comments, line breaks, block
# indicators followed by a space, runs of plain text and runs of blanks.
_TOKEN = re.compile(
    r"""[\[\]{}]|"|'|\#|\n|,|[-?:](?=[ \t\r\n]|\Z)|[ \t\r]+|(?:[^\s\[\]{}"'\#,:?-]|[-?:](?![ \t\r\n]|\Z))+"""
)
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SINGLE_QUOTED = re.compile(r"'(?:[^']|'')*'")
_SPACES = re.compile(r" *")


def _block_chain(text: str, limit: int) -> int | None:
    """Offset where more than `limit` block indicators follow each other (`- - - …`)."""
    if text.count("- ") + text.count("? ") <= limit:
        return None
    match = re.search(rf"(?:[-?][ \t]+){{{limit + 1}}}", text)
    return match.start() if match else None


def _flow_depth(text: str, limit: int) -> int | None:
    """Offset of the flow opener that goes deeper than `limit`, or None."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    node_start = True  # a quote or an opener here begins a node (not mid plain text)
    after_blank = True  # a '#' here begins a comment
    pos, end = 0, len(text)
    while pos < end:
        match = _TOKEN.match(text, pos)
        if match is None:  # cannot happen (every character is some token), but never loop
            pos += 1
            continue
        token = match.group()
        pos = match.end()
        first = token[0]
        if first in " \t\r":
            after_blank = True
            continue
        if token == "\n":
            after_blank = True
            node_start = node_start or depth == 0  # a new line in block context starts afresh
            continue
        if token == "#" and (after_blank or node_start):  # libyaml: '#' where a token may start
            newline = text.find("\n", pos)
            pos = end if newline == -1 else newline
            continue
        after_blank = False
        if token in "[{" and (depth or node_start):
            depth += 1
            if depth > limit:
                return match.start()
            node_start = True
        elif token in "]}" and depth:
            depth -= 1
            node_start = False
        elif token in "\"'" and node_start:
            quoted = (_DOUBLE_QUOTED if token == '"' else _SINGLE_QUOTED).match(text, match.start())
            if quoted is None:
                return None  # unterminated: libyaml reports the syntax error itself
            pos = quoted.end()
            node_start = False
        elif token in "-?:" or (token == "," and depth):
            node_start = True
        elif first in "|>" and node_start and not depth:
            pos = _end_of_block_scalar(text, match.start())
            node_start = True
        else:
            node_start = False
    return None


def _end_of_block_scalar(text: str, indicator: int) -> int:
    """Offset after a literal or folded block (`|`, `>`): its lines are blank or indented
    deeper than the line of its indicator, and what they hold is text, never nesting."""
    line_start = text.rfind("\n", 0, indicator) + 1
    indent = _SPACES.match(text, line_start).end() - line_start
    pos = text.find("\n", indicator)
    while pos != -1:
        line = pos + 1
        at = _SPACES.match(text, line).end()
        if at < len(text) and text[at] != "\n" and at - line <= indent:
            return line
        pos = text.find("\n", at)
    return len(text)


def too_deep(text: str, limit: int) -> int | None:
    """Offset in `text` where nesting first goes deeper than `limit`, or None if it cannot."""
    found = [offset for offset in (_flow_depth(text, limit), _block_chain(text, limit)) if offset is not None]
    return min(found) if found else None
