"""Privacy checks: no victim's personal data and no links to abusive content enter a record.

Run on every string of every parsed record (even one the schema refused), because a leak
must be caught before anything else is fixed. Codes E240–E249 and E253. Each pattern reads
the text as a person would (casebook.validate.unmask: full-width forms, invisible fillers,
other dashes, `[.]`, percent-encoding and spelled-out digits undone) and is tuned to leave
ordinary legal text alone: court names, labels like 박모(40), statute citations, dates,
case numbers (2024도17801), KRW amounts, statistics and news or law.go.kr addresses
(tests/fixtures/legitimate_text.txt is the list that must pass).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from casebook.validate import unmask
from casebook.validate.registry import RecordContext, raw_check

_MASK = "[*xX●○◯]"
RESIDENT_NUMBER = re.compile(
    rf"(?<![\dA-Za-z*])\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]) ?[-.]? ?[1-8](?:\d{{6}}|\d?{_MASK}{{5,6}})(?![\dA-Za-z*])"
)
_SEP = r"(?:[ .-]|\) ?)?"  # one separator, or a closing bracket: (02) 123-4567
_INTL = r"(?:\+ ?|00)82 ?-?(?:\(0\))? ?-?"
_AREA = r"(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|50[2-8]|80)"  # Seoul 02, regions 031–064, 070, 050x, 080
PHONE = re.compile(
    rf"(?<![\dA-Za-z.,-])(?:{_INTL}|\(?0)(?:1[016789]|{_AREA}){_SEP}\d{{3,4}}[ .-]?\d{{4}}(?![\dA-Za-z-]|[.,]\d)"
)
EMAIL = re.compile(r"[\w.+-]+ ?@ ?[\w-]+(?:\.[\w-]+)+")
# "name at example dot com": only with a common top-level domain, or "at" is just a word.
EMAIL_SPOKEN = re.compile(
    r"[\w.+-]+ (?i:at) (?!www\.)[\w-]+(?: ?(?:\.|(?i:dot)) ?[\w-]+)*? ?(?:\.|(?i:dot)) ?(?:com|net|org|kr|io|me|co|jp|edu)\b(?![/.\w-])"
)
_HOST_START = r"(?<![\w-])"
CHAT_INVITE = re.compile(
    _HOST_START + r"(?:(?:www\.)?t\.me|telegram\.(?:me|dog)|telesco\.pe|open\.kakao\.com|qr\.kakao\.com|"
    r"discord(?:app)?\.com/invite|discord\.(?:gg|me)|line\.me/(?:ti|r)|chat\.whatsapp\.com|wa\.me|signal\.group)/\S"
    r"|tg://(?:join|resolve|msg)"
)
IMAGE_HOST = re.compile(
    _HOST_START + r"(?:[\w-]+\.)*(?:imgur\.com|ibb\.co|imgbb\.com|postimg\.(?:cc|org)|postimages\.org|"
    r"pbs\.twimg\.com|gofile\.io|mega\.nz|catbox\.moe|pixhost\.to|imagebam\.com|imagevenue\.com|imgbox\.com|"
    r"prnt\.sc|prntscr\.com|gyazo\.com|pixeldrain\.com|anonfiles\.com|tinypic\.com|imgchest\.com)(?![\w-])"
)
_PARTICLES = r"(?:의|는|은|이|가|를|을|에게|와|과|도|한테|에|께서)"
# Words a number may follow in ordinary text (counts, dates, sums, statute parts), so that
# "…으로 2년", "…로 3명" are not street addresses.
_UNITS = (
    "년|개월|월|일|명|세|살|개|건|만|억|천|백|원|차|회|시간|시|분|초|조|항|호의|편|부|쪽|면|권|장|위|등|점|"
    "곳|가지|번째|번|배|주|달|인|평|%|배|kg|km|GB|TB|MB|달러|여|대|심|심의|기"
)
_ROAD = re.compile(
    rf"(?<![가-힣])([가-힣]{{1,12}}(?:대로|로|길))(?: ?\d{{1,4}}번?[가길])? ?(\d{{1,4}}(?:-\d{{1,4}})?)(?![\d-]|[.,]\d)"
    rf"(?! ?(?:{_UNITS}))(?!(?!{_PARTICLES}|에서|으로|로|번길|번지|동|호|층)[가-힣])"
)
_DISTRICT_BEFORE = re.compile(r"[가-힣](?:구|시|군|읍|면) $")  # "중구 을지로 100"
_ROAD_AFTER = re.compile(r" ?(?:번길|\d{1,4}동|동|호|층|번지|,? ?\d{1,4}동)")
_LOT = re.compile(
    rf"(?<![가-힣])[가-힣]{{1,8}}(?:동|리) ?\d{{1,4}}(?:-\d{{1,4}} ?(?:번지)?|번지)(?![\d-])(?! ?(?:{_UNITS}))"
)
_UNIT = re.compile(r"\d{1,4}동 ?\d{1,4}호|(?:아파트|빌라|오피스텔|맨션|하이츠|타운|APT|apt) ?\d{1,4}(?:동|호)")
_SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"
_MASKED = r"(?:○○|◯◯|OO|oo|ㅇㅇ|XX|xx|\*\*|△△|□□|●●)"
_VICTIM = r"피해(?:자|학생|여성|아동|청소년|교사|여학생)"
_PARTICLE = rf"{_PARTICLES}(?![가-힣])"
_HONORIFIC = rf"(?: ?(?:씨|양|군|님){_PARTICLES}?(?![가-힣])|\(\d{{1,2}}(?:세|살)?\))"
# "피해자 김민지씨", "피해자 김민지(17)", "피해자 김민지의", "피해자 김OO", "김OO 피해자", "김민지 양 피해자"
VICTIM_NAME_KO = re.compile(
    rf"{_VICTIM} ?(?:인 ?)?(?:([{_SURNAMES}](?!모)[가-힣]{{1,2}}){_HONORIFIC}"
    rf"|([{_SURNAMES}](?!모)[가-힣](?![에의를을로])[가-힣]){_PARTICLE}"
    rf"|([{_SURNAMES}]{_MASKED}))"
    rf"|(?<![가-힣])([{_SURNAMES}](?:{_MASKED}|(?!모)[가-힣]{{1,2}}{_HONORIFIC}))(?:,? )?(?:인 )?{_VICTIM}"
)
# Three-syllable words after 피해자 that are not names: they take the name's place before a particle.
_NOT_NAMES = {
    "진술서", "변호인", "여학생", "남학생", "여고생", "여중생", "어머니", "유가족", "성인물", "조사관", "지원금",
    "진술이", "진술은", "신원이", "가족이", "정보가", "보호가", "주장이", "이들이", "모두가", "전원이", "나이는",
    "연령은", "명단이", "인권이", "안전이", "권리가", "제보가", "구제가", "변호사", "국선변", "심리가", "측은",
}  # fmt: skip
_EN_SURNAMES = (
    "Kim|Lee|Yi|Park|Pak|Choi|Jung|Jeong|Chung|Kang|Cho|Jo|Yoon|Yun|Jang|Chang|Lim|Im|Han|Oh|Seo|Suh|Shin|Kwon|Hwang|"
    "Ahn|An|Song|Ryu|Yoo|Yu|Jeon|Jun|Hong|Ko|Go|Moon|Mun|Yang|Son|Bae|Baek|Heo|Huh|Nam|Sim|Shim|Noh|Roh|Ha|Kwak|Sung|"
    "Seong|Cha|Joo|Ju|Woo|Koo|Gu|Min|Jin|Na|Um|Eom|Chae|Won|Chun|Cheon|Bang|Gong|Hyun|Ham|Byun|Yeom|Yeo|Choo|Do|So|"
    "Seok|Sun|Seol|Ma|Gil|Yeon|Wi|Pyo|Myung|Ki|Ban|Wang|Geum|Ok|Yuk|In|Maeng|Je|Mo|Tak|Kook|Eo|Eun|Pyeon|Yong"
)
_EN_NAME = rf"(?:{_EN_SURNAMES})[ -][A-Z][a-z]+(?:-[a-z]+)?"
VICTIM_NAME_EN = re.compile(
    rf"\bvictims?\b[^.;\n]{{0,12}}?(?:\b(?:named|called)\b)?[ ,:]*(?:(?:Ms|Mrs|Mr|Miss)\.? )?({_EN_NAME})\b"
    rf"|\b({_EN_NAME})\b(?:'s)?,? (?:\(\d{{1,2}}\),? )?(?:a|the|one|another) (?:\w+ )?victim"
)
_SCHOOL_WORDS = r"(?:초등학교|중학교|고등학교|여자중학교|여자고등학교|대학교|여고|여중|초교|고교)"
SCHOOL_AND_NAME = re.compile(
    rf"[가-힣]{{1,10}}(?:{_SCHOOL_WORDS}|(?:초|중|고) ?\d ?학년)[\s\d학년반]{{0,8}}[{_SURNAMES}](?!모)[가-힣]{{2}}(?:\s|씨|양|군|$)"
)
# A named school ("한빛고등학교", "한빛고 2학년", "Hanbit High School"), not "고등학교 3학년 학생들".
_GENERIC = ("해당", "인근", "지역", "같은", "다른", "일선", "전국", "특정", "여러", "각급", "모든", "일부")
SCHOOL = re.compile(
    rf"(?<![가-힣])([가-힣]{{2,10}}){_SCHOOL_WORDS}|(?<![가-힣])[가-힣]{{2,10}}고 ?\d ?학년"
    r"|\b[A-Z][a-z]+(?: [A-Z][a-z]+)* (?:Elementary|Middle|High|Girls'? (?:Middle|High)) School\b"
)
# A person written with an honorific or an age: "김민지 양", "김민지(17)", "Kim Ji-won".
PERSON = re.compile(rf"(?<![가-힣])([{_SURNAMES}](?!모)[가-힣]{{1,2}}){_HONORIFIC}|\b({_EN_NAME})\b")
_NOT_PEOPLE = {"오늘", "내일", "어제", "지난", "올해", "작년", "전날", "당일", "이날", "이번", "최근", "한편"}

_DIGIT = re.compile(r"\d")
# Cheap tests that decide whether a view of the text is worth building (most text has none):
# spelled-out digits, an "at" that may stand for @, a word of a chat or image host.
_NUMBER_WORDS = re.compile(r"[공영일이삼사오육륙칠팔구](?:[ -]?[공영일이삼사오육륙칠팔구]){6}|\b(?i:zero|one|two)\b")
_AT_HINT = re.compile(r"[\[({<] ?(?i:at|골뱅이|앳) ?[\])}>]| (?i:at) ")
# A word of one of the hosts below, one of which survives any disguise ('%' may hide them all).
_LINK_HINT = re.compile(
    r"kakao|discord|whatsapp|signal|imgur|ibb|postim|twimg|gofile|mega|catbox|pixhost|imagebam|imagevenue|imgbox"
    r"|prnt|gyazo|pixeldrain|anonfiles|tinypic|imgchest|telegra|telesco|tg:|%|t\W{1,8}me|wa\W{1,8}me|line\W{1,8}me"
)
_SCHOOL_HINT = re.compile(r"학교|여고|여중|초교|고교|학년|School")


class _Where:
    """A value's dotted path, joined only if a message is actually written (most text is fine)."""

    __slots__ = ("path",)

    def __init__(self, path):
        self.path = path

    def __str__(self) -> str:
        return ".".join(str(p) for p in self.path)


def _may_hold_a_link(text: str) -> bool:
    return _LINK_HINT.search(text.lower()) is not None


def _victim_name(text: str) -> str | None:
    for match in VICTIM_NAME_KO.finditer(text):
        name = next(group for group in match.groups() if group)
        if name not in _NOT_NAMES and match.group(2) not in _NOT_NAMES:
            return match.group(0).strip()
    match = VICTIM_NAME_EN.search(text)
    return (match.group(1) or match.group(2)) if match else None


def _address(text: str) -> str | None:
    for match in _ROAD.finditer(text):
        road, number = match.group(1), match.group(2)
        if road.endswith("으로") or road.endswith(("에로", "부터로")):
            continue  # the particle 으로 ("…으로 2"), never a road name
        if road.endswith("로") and not road.endswith("대로") and len(road) > 1:
            final = (ord(road[-2]) - 0xAC00) % 28 if "가" <= road[-2] <= "힣" else 0
            # After a vowel or ㄹ, 로 may be the particle "to/by" (서울로 2): ask for more
            # evidence. After another final consonant the particle would be 으로, so it is a road.
            if (
                final in (0, 8)
                and "-" not in number
                and not _ROAD_AFTER.match(text, match.end())
                and not _DISTRICT_BEFORE.search(text, 0, match.start())
            ):
                continue
        return match.group(0)
    match = _LOT.search(text) or _UNIT.search(text)
    return match.group(0) if match else None


def _school(text: str) -> str | None:
    for match in SCHOOL.finditer(text):
        if not (match.group(1) or "").startswith(_GENERIC):
            return match.group(0)
    return None


def _people(text: str, disclosed: set[str]) -> str | None:
    for match in PERSON.finditer(text):
        name = match.group(1) or match.group(2)
        if name not in disclosed and name not in _NOT_PEOPLE:
            return match.group(0)
    return None


def _disclosed_names(ctx: RecordContext) -> set[str]:
    """Names the state disclosed (defendants marked so): they may stand beside a school."""
    data = ctx.record.loaded.data
    people = data.get("defendants") if isinstance(data, dict) else None
    names: set[str] = set()
    for person in people if isinstance(people, list) else []:
        if isinstance(person, dict) and person.get("name_officially_disclosed") is True:
            names.update(str(person.get(key)) for key in ("label_ko", "label_en") if person.get(key))
    return names


def _text_problems(path, text: str, matching: str):
    """(code, message, hint) for each kind of personal data in one value."""
    has_digits = _DIGIT.search(matching) is not None
    # Spelled-out numbers start with zero (010, 02, 0x0): 공/영 or "zero" must be there.
    spelled = ("공" in matching or "영" in matching or "ero" in matching) and _NUMBER_WORDS.search(matching)
    numbers = unmask.for_numbers(matching) if (has_digits or spelled) else ""
    if numbers and RESIDENT_NUMBER.search(numbers):
        yield (
            "E240",
            f"{_Where(path)} contains what looks like a resident registration number",
            "remove it: no personal identifiers may be entered",
        )
    if numbers and PHONE.search(numbers):
        yield (
            "E241",
            f"{_Where(path)} contains what looks like a phone number",
            "remove it: no personal contact details may be entered",
        )
    emails = unmask.for_emails(matching) if ("@" in matching or _AT_HINT.search(matching)) else ""
    if emails and (("@" in emails and EMAIL.search(emails)) or EMAIL_SPOKEN.search(emails)):
        yield (
            "E242",
            f"{_Where(path)} contains an e-mail address",
            "remove it: no personal contact details may be entered",
        )
    links = unmask.for_links(matching) if _may_hold_a_link(matching) else ""
    if links and CHAT_INVITE.search(links):
        yield (
            "E243",
            f"{_Where(path)} links to a chat room or invite",
            "never link to chat rooms where abusive material circulates; cite a report about it instead",
        )
    if links and IMAGE_HOST.search(links):
        yield (
            "E244",
            f"{_Where(path)} links to an image or file host",
            "never link to images or files; cite a news report or court record instead",
        )
    address = _address(matching) if has_digits and not matching.isascii() else None
    if address:
        yield (
            "E245",
            f"{_Where(path)} contains what looks like a home address",
            "remove it: give at most the city or court",
        )
    name = _victim_name(matching) if ("피해" in matching or "ictim" in matching) else None
    if name:
        yield (
            "E246",
            f"{_Where(path)} appears to name a victim ('{name}')",
            "victims are never named; write 'a victim' or 'victim A'",
        )
    school = SCHOOL_AND_NAME.search(matching) if ("학" in matching or "고" in matching or "중" in matching) else None
    if school:
        yield (
            "E247",
            f"{_Where(path)} combines a school with a personal name ('{school.group(0).strip()}')",
            "never identify a person by school and name",
        )


def _hidden_host(url: str) -> str | None:
    """Why a web address hides where it leads (E253), or None."""
    try:
        netloc = urlsplit(url.strip()).netloc
    except ValueError:
        return "it cannot be read as an address"
    if "%" in netloc:
        return "its host name is percent-encoded"
    if "@" in netloc:
        return "it has a user name before the host (what precedes '@' is not where it leads)"
    if (urlsplit(url.strip()).hostname or "").endswith("."):
        return "its host name ends in a dot"
    if any(c.isspace() or c in "\\[]" for c in netloc):
        return "its host name contains spaces or brackets"
    return None


@raw_check
def no_victim_personal_data(ctx: RecordContext):
    """E240–E247, E253: no resident numbers, phones, e-mails, addresses, victim names, school and name, chat or image links, disguised hosts."""
    views = []  # (path, text as read) for the check across values
    for path, text in ctx.strings:
        if len(text) < 5 or (text.islower() and text.replace("-", "").isalpha()):
            continue  # too short for any of this, or a plain word or id (first-instance, news-a)
        matching = unmask.for_matching(text)
        views.append((path, matching))
        for code, message, hint in _text_problems(path, text, matching):
            yield ctx.error(path, code, message, hint)
        if text[:4].lower() == "http" and " " not in text.strip():
            reason = _hidden_host(text)
            if reason:
                yield ctx.error(
                    path,
                    "E253",
                    f"{_Where(path)}: the address hides where it leads ({reason})",
                    "copy the address exactly as the browser's address bar shows it",
                )
    yield from _school_and_name_across_fields(ctx, views)


def _school_and_name_across_fields(ctx: RecordContext, strings: list[tuple[tuple, str]]):
    """E247 across values: a named school anywhere in the record and a person anywhere else."""
    school = next(
        ((path, found) for path, text in strings if _SCHOOL_HINT.search(text) and (found := _school(text))), None
    )
    if school is None:
        return
    disclosed = _disclosed_names(ctx)
    for path, text in strings:
        if SCHOOL_AND_NAME.search(text):
            continue  # already reported for this value
        person = _people(text, disclosed)
        if person:
            yield ctx.error(
                path,
                "E247",
                f"{_Where(path)} names a person ('{person.strip()}') and {_Where(school[0])} names a school "
                f"('{school[1]}'): together they identify someone",
                "never identify a person by school and name; leave out the school or the name",
            )
            return


# Direction overrides and isolates can make text display differently from what it says
# (e.g. reverse a name or a number); zero-width characters, soft hyphens and Hangul fillers
# show nothing but split a name or a number so that search and these checks miss it.
HIDDEN_CONTROL = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u115f\u1160\u3164\uffa0\u180e]"
)
MAX_TEXT = 20_000


@raw_check
def no_hidden_or_oversized_text(ctx: RecordContext):
    """E251/E252: no invisible direction, zero-width, soft-hyphen or filler characters; no value longer than 20,000 characters."""
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
