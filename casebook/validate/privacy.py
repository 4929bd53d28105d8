"""Privacy checks: no victim's personal data and no links to abusive content enter a record.

Run on every string of every parsed record (even one the schema refused), because a leak
must be caught before anything else is fixed. Codes E240–E249. The patterns are tuned to
leave ordinary legal text alone: case numbers (2024도17801), KRW amounts and dates.
"""

from __future__ import annotations

import re

from casebook.validate.registry import RecordContext, raw_check

RESIDENT_NUMBER = re.compile(r"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?-\s?[1-8]\d{6}(?!\d)")
PHONE = re.compile(r"(?<![\d-])(?:\+82[\s-]?1[016789]|01[016789])[\s.-]?\d{3,4}[\s.-]?\d{4}(?![\d-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CHAT_INVITE = re.compile(
    r"(?:t\.me|telegram\.(?:me|dog)|open\.kakao\.com|discord(?:app)?\.(?:gg|com/invite)|line\.me/(?:ti|R)|chat\.whatsapp\.com)/",
    re.IGNORECASE,
)
IMAGE_HOST = re.compile(
    r"(?:imgur\.com|ibb\.co|postimg\.cc|postimages\.org|imgbb\.com|pbs\.twimg\.com|gofile\.io|mega\.nz)",
    re.IGNORECASE,
)
# Korean home address: 시/도 … 로/길 + building number, or 동 + 번지 / 호 (unit numbers)
ADDRESS = re.compile(r"[가-힣]+(?:로|길)\s?\d+(?:번길)?(?:[\s,]+\d+동)?\s?\d*호|[가-힣]+동\s?\d+(?:-\d+)?번지")
_SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"
# "피해자 김민지", "victim Kim Min-ji": a surname followed by a given name that is not the press'
# anonymising "모" (박모씨) nor a letter label (A씨).
VICTIM_NAME_KO = re.compile(
    rf"피해(?:자|학생|여성|교사)\s*(?:인\s*)?[{_SURNAMES}](?!모)[가-힣]{{1,2}}(?:씨|양|군|\s|\(|,|$)"
)
_NOT_NAMES = ("들", "측", "가족", "지원", "보호", "진술", "다수", "수", "대표", "명")
VICTIM_NAME_EN = re.compile(r"\bvictims?\b[^.;\n]{0,12}?\b(?:named|called)?\s*([A-Z][a-z]+ [A-Z][a-z]+-[a-z]+)")
SCHOOL_AND_NAME = re.compile(
    rf"[가-힣]{{1,10}}(?:초등학교|중학교|고등학교|대학교|여고|여중|(?:초|중|고)\s?\d\s?학년)[\s\d학년반]{{0,8}}[{_SURNAMES}](?!모)[가-힣]{{2}}(?:\s|씨|양|군|$)"
)


_DIGIT = re.compile(r"\d")


class _Where:
    """A value's dotted path, joined only if a message is actually written (most text is fine)."""

    __slots__ = ("path",)

    def __init__(self, path):
        self.path = path

    def __str__(self) -> str:
        return ".".join(str(p) for p in self.path)


def _victim_name(text: str) -> str | None:
    for match in VICTIM_NAME_KO.finditer(text):
        word = match.group(0)
        if not any(bad in word for bad in _NOT_NAMES):
            return word.strip()
    match = VICTIM_NAME_EN.search(text)
    return match.group(1) if match else None


@raw_check
def no_victim_personal_data(ctx: RecordContext):
    """E240–E245: no resident numbers, phones, e-mails, addresses, victim names, chat or image links."""
    for path, text in ctx.strings:
        if len(text) < 5:
            continue
        # Cheap tests first: most text has no digits, '@', '.', or the Korean words the patterns need.
        has_digits = _DIGIT.search(text) is not None
        where = _Where(path)
        if has_digits and RESIDENT_NUMBER.search(text):
            yield ctx.error(
                path,
                "E240",
                f"{where} contains what looks like a resident registration number",
                "remove it: no personal identifiers may be entered",
            )
        if has_digits and PHONE.search(text):
            yield ctx.error(
                path,
                "E241",
                f"{where} contains what looks like a phone number",
                "remove it: no personal contact details may be entered",
            )
        if "@" in text and EMAIL.search(text):
            yield ctx.error(
                path,
                "E242",
                f"{where} contains an e-mail address",
                "remove it: no personal contact details may be entered",
            )
        if "." in text and CHAT_INVITE.search(text):
            yield ctx.error(
                path,
                "E243",
                f"{where} links to a chat room or invite",
                "never link to chat rooms where abusive material circulates; cite a report about it instead",
            )
        if "." in text and IMAGE_HOST.search(text):
            yield ctx.error(
                path,
                "E244",
                f"{where} links to an image or file host",
                "never link to images or files; cite a news report or court record instead",
            )
        if has_digits and ADDRESS.search(text):
            yield ctx.error(
                path,
                "E245",
                f"{where} contains what looks like a home address",
                "remove it: give at most the city or court",
            )
        name = _victim_name(text) if ("피해" in text or "ictim" in text) else None
        if name:
            yield ctx.error(
                path,
                "E246",
                f"{where} appears to name a victim ('{name}')",
                "victims are never named; write 'a victim' or 'victim A'",
            )
        school = SCHOOL_AND_NAME.search(text) if ("학" in text or "고" in text or "중" in text) else None
        if school:
            yield ctx.error(
                path,
                "E247",
                f"{where} combines a school with a personal name ('{school.group(0).strip()}')",
                "never identify a person by school and name",
            )


# Direction overrides and isolates can make text display differently from what it says
# (e.g. reverse a name or a number); zero-width characters can hide text from search.
HIDDEN_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]")
MAX_TEXT = 20_000


@raw_check
def no_hidden_or_oversized_text(ctx: RecordContext):
    """E251/E252: no invisible direction or zero-width characters; no value longer than 20,000 characters."""
    for path, text in ctx.strings:
        where = _Where(path)
        match = HIDDEN_CONTROL.search(text)
        if match:
            yield ctx.error(
                path,
                "E251",
                f"{where} contains an invisible control character (U+{ord(match.group()):04X})",
                "delete it: direction overrides and zero-width characters change how text reads",
            )
        if len(text) > MAX_TEXT:
            yield ctx.error(
                path,
                "E252",
                f"{where} is {len(text):,} characters long (at most {MAX_TEXT:,})",
                "summarise it; long texts belong in the source document",
            )
