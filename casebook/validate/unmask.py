"""Undo the ways personal data is disguised, so the privacy patterns see what a reader sees.

A phone number written `０１０－１２３４－５６７８`, a name split by a soft hyphen or a Hangul
filler, `t[.]me`, `https://t%2Eme/…` or `name [at] mail [dot] com` reads the same to a
person as the plain form, so the checks match these views of the text, never the raw text:

- `for_matching`: NFKC (full-width to ASCII, ＠ to @), invisible and filler characters
  dropped, every dash one `-`, ideographic full stops one `.`, runs of spaces one space;
- `for_numbers`: web addresses left out (article ids are not phone numbers), Korean and
  English digit words read as digits (공일공 → 010), single digits spaced apart joined;
- `for_links`: lowercased and percent-decoded, `[.]`/`(dot)`/` . ` read as dots, a
  trailing dot after a host dropped;
- `for_emails`: `[at]`, `(at)`, `{at}`, `(골뱅이)` read as @ and `[dot]` as a dot.

Only matching uses these views: records are never changed, and diagnostics point at the
value as written.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

# Characters that show nothing: soft hyphen, grapheme joiner, Hangul fillers (choseong,
# jungseong, compatibility and half-width), Mongolian vowel separator, zero-width and
# direction controls, invisible operators, variation selectors, BOM.
INVISIBLE = (
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0"
)
# One pass of str.translate (C speed): invisibles dropped, dashes and ideographic full stops unified.
_TABLE: dict[int, str | None] = {}
for _start, _end in re.findall(r"(.)(?:-(.))?", INVISIBLE):
    for _code in range(ord(_start), ord(_end or _start) + 1):
        _TABLE[_code] = None
_TABLE |= {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2796\ufe58\ufe63\uff0d"}
_TABLE |= {ord(c): "." for c in "\u3002\uff0e\uff61"}
_SPACES = re.compile(r"\s+")
_UNUSUAL_SPACE = re.compile(r"\s\s|[^\S ]")


def for_matching(text: str) -> str:
    if not text.isascii():  # ASCII text needs none of this (and most values are ASCII)
        text = text.translate(_TABLE)
        if not unicodedata.is_normalized("NFKC", text):  # the quick check is much cheaper
            text = unicodedata.normalize("NFKC", text).translate(_TABLE)
    return _SPACES.sub(" ", text) if _UNUSUAL_SPACE.search(text) else text


_URL = re.compile(r"(?:https?|ftp)://\S+", re.IGNORECASE)
_KO_DIGITS = {"공": "0", "영": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6", "륙": "6"}
_KO_DIGITS |= {"칠": "7", "팔": "8", "구": "9"}
# Seven or more digit words in a row (a phone or resident number spelled out); shorter runs
# are ordinary words (이사, 오일, 사이).
_KO_RUN = re.compile(r"[공영일이삼사오육륙칠팔구](?:[ -]?[공영일이삼사오육륙칠팔구]){6,}")
_EN_WORDS = "zero|one|two|three|four|five|six|seven|eight|nine"
_EN_VALUE = {w: str(i) for i, w in enumerate(_EN_WORDS.split("|"))}
_EN_RUN = re.compile(rf"\b(?:{_EN_WORDS})(?:[ -]+(?:{_EN_WORDS})){{6,}}\b", re.IGNORECASE)
_SPACED_DIGITS = re.compile(r"(?<![\d,.])\d(?: \d){6,}(?![\d,.])")


def for_numbers(matching: str) -> str:
    text = _URL.sub(" ", matching) if "://" in matching else matching
    if "공" in text or "영" in text:  # every spelled-out phone or resident number has a zero
        text = _KO_RUN.sub(lambda m: "".join(_KO_DIGITS.get(c, c) for c in m.group()), text)
    if "ero" in text or "ERO" in text:
        text = _EN_RUN.sub(lambda m: re.sub(r"[a-zA-Z]+", lambda w: _EN_VALUE[w.group().lower()], m.group()), text)
    return _SPACED_DIGITS.sub(lambda m: m.group().replace(" ", ""), text)


_BRACKETED_DOT = re.compile(r"\s*[\[({<]\s*(?:\.|dot|점|닷)\s*[\])}>]\s*", re.IGNORECASE)
_SPOKEN_DOT = re.compile(r"(?<=\w) (?:dot|점) (?=\w)", re.IGNORECASE)
_SPACED_DOT = re.compile(r"(?<=\w) ?\. ?(?=\w)")
_HOST_TRAILING_DOT = re.compile(r"(?<=\w)\.+(?=[/:?#\s]|$)")


def for_links(matching: str) -> str:
    text = matching.lower().replace("\\", "/")
    for _ in range(3):  # https://t%252Eme/ is encoded twice
        if "%" not in text:
            break
        text = unquote(text)
    text = for_matching(text) if not text.isascii() else text  # decoding may give full-width forms
    text = _BRACKETED_DOT.sub(".", text)
    text = _SPOKEN_DOT.sub(".", text)
    text = _SPACED_DOT.sub(".", text)
    return _HOST_TRAILING_DOT.sub("", text)


_BRACKETED_AT = re.compile(r"\s*[\[({<]\s*(?:at|골뱅이|앳)\s*[\])}>]\s*", re.IGNORECASE)


def for_emails(matching: str) -> str:
    return _BRACKETED_DOT.sub(".", _BRACKETED_AT.sub("@", matching))
