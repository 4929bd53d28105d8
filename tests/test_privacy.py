"""Privacy: victim personal data and links to abusive content are refused; ordinary legal text is not."""

import json

import pytest

from conftest import FIXTURES, edit, validate

CASE = "cases/example-case.yaml"


def _with_summary(repo, text):
    edit(repo / CASE, "summary_en: An example.", f"summary_en: {json.dumps(text, ensure_ascii=False)}")  # JSON is YAML
    return [d.code for d in validate(repo).diagnostics]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Her number is 900101-2345678.", "E240"),
        ("Resident number 030415 - 4123456 was leaked.", "E240"),
        ("Call 010-1234-5678 for details.", "E241"),
        ("Reached at +82 10 9876 5432.", "E241"),
        ("Write to victim.name@example.com.", "E242"),
        ("Shared in https://t.me/joinchat/AAAA", "E243"),
        ("Invite: open.kakao.com/o/gAbCdEf", "E243"),
        ("Server discord.gg/abcd", "E243"),
        ("Pictures at https://i.imgur.com/abc.jpg", "E244"),
        ("She lives at 테헤란로 123 101동 1202호.", "E245"),
        ("피해자 김민지씨가 신고했다.", "E246"),
        ("The victim, Kim Ji-won, reported it.", "E246"),
        ("한빛고등학교 2학년 3반 이서연 양의 사진", "E247"),
        ("한빛고 2학년 박하은 씨", "E247"),
    ],
)
def test_personal_data_is_refused(valid_repo, text, code):
    assert _with_summary(valid_repo, text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "대법원 2025. 8. 14. 선고 2024도17801 판결",
        "Fined KRW 5,000,000 (500만원); 2024-10-16; 징역 3년 6개월",
        "피해자 측은 판결을 환영했다; 피해자들 61명; 피해자 A씨",
        "박모(40)씨와 강모(31)씨는 2021년 7월부터 유포했다",
        "서울대 동문 12명 등 여성 61명; 고등학교 3학년 학생들",
        "Reported by https://news.example.org/2024/10/30/article-123",
        "Telegram rooms with 1,200 participants (약 1천 2백명)",
        "police made 23 arrests; 010 cases? no: case 2024고합1234",
    ],
)
def test_ordinary_legal_text_passes(valid_repo, text):
    assert _with_summary(valid_repo, text) == []


def test_privacy_is_checked_even_when_the_schema_fails(valid_repo):
    edit(valid_repo / CASE, "summary_en: An example.", "summary_en: Call 010-1234-5678\nunknown_key: x")
    assert sorted(d.code for d in validate(valid_repo).diagnostics) == ["E101", "E241"]


def test_full_name_needs_an_official_disclosure(valid_repo):
    edit(
        valid_repo / CASE,
        "    label_en: Lee (30)\n    label_ko: 이모(30)",
        "    label_en: Lee Ji-hoon\n    label_ko: 이지훈",
    )
    assert [d.code for d in validate(valid_repo).diagnostics] == ["E249", "E249"]
    edit(valid_repo / CASE, "    role_en: Offender.", "    name_officially_disclosed: true\n    role_en: Offender.")
    assert [d.code for d in validate(valid_repo).diagnostics] == ["E248"]
    edit(
        valid_repo / CASE,
        "    name_officially_disclosed: true",
        "    name_officially_disclosed: true\n    disclosure_sources:\n      - source: news-a",
    )
    assert validate(valid_repo).diagnostics == []


@pytest.mark.parametrize(
    ("label_en", "label_ko"),
    [("A (20s)", "A씨(20대)"), ("Park (40)", "박모(40)"), ("Student B (teen)", "10대 A군"), ("A", "A씨")],
)
def test_press_labels_with_age_brackets_pass(valid_repo, label_en, label_ko):
    edit(
        valid_repo / CASE,
        "    label_en: Lee (30)\n    label_ko: 이모(30)",
        f"    label_en: {label_en}\n    label_ko: {label_ko}",
    )
    assert validate(valid_repo).diagnostics == []


# Each is the same personal data as above, written so that a plain pattern would miss it.
VARIANTS = [
    # Victims' names with a particle, after the word, masked, split by invisible characters
    ("피해자 김민지의 사진을 유포했다", "E246"),
    ("피해자 김민지는 신고했다", "E246"),
    ("김OO 피해자가 신고했다", "E246"),
    ("피해자 김OO씨가 진술했다", "E246"),
    ("피해자인 이서연(17)양", "E246"),
    ("김민지 양 피해자", "E246"),
    ("피해자 김\u00ad민지 양이", "E246"),  # soft hyphen
    ("피해자 김\u3164민지씨", "E246"),  # Hangul filler
    ("피해자 김\u115f민지씨", "E246"),  # choseong filler
    ("피해자 김\u1160민지씨", "E246"),  # jungseong filler
    ("피해자 김\uffa0민지씨", "E246"),  # half-width filler
    ("Kim Ji-won, the victim, reported it.", "E246"),
    ("victim Ms. Park Min-ji said", "E246"),
    # Phone numbers: spaces, other dashes, full-width digits, no separator, +82, landlines, words
    ("Call 010 1234 5678.", "E241"),
    ("Call 010\u20101234\u20105678.", "E241"),  # ‐
    ("Call 010\u20111234\u20115678.", "E241"),  # ‑
    ("Call 010\u20131234\u20135678.", "E241"),  # –
    ("Call 010\u20141234\u20145678.", "E241"),  # —
    ("Call 010\u20151234\u20155678.", "E241"),  # ―
    ("Call 010\uff0d1234\uff0d5678.", "E241"),  # －
    ("연락처 ０１０-１２３４-５６７８", "E241"),
    ("연락처 01012345678", "E241"),
    ("번호010-1234-5678입니다", "E241"),
    ("Reach +82-10-1234-5678.", "E241"),
    ("Reach +82 (0)10 1234 5678.", "E241"),
    ("Reach +821012345678.", "E241"),
    ("집 전화 02-123-4567", "E241"),
    ("집 전화 (02) 1234-5678", "E241"),
    ("사무실 031-123-4567", "E241"),
    ("사무실 051 234 5678", "E241"),
    ("010.1234.5678", "E241"),
    ("공일공-일이삼사-오육칠팔로 연락", "E241"),
    ("zero one zero one two three four five six seven eight", "E241"),
    ("0 1 0 1 2 3 4 5 6 7 8", "E241"),
    # Resident registration numbers
    ("주민번호 900101 2345678", "E240"),
    ("주민번호 9001012345678", "E240"),
    ("주민번호 900101\u20132345678", "E240"),
    ("주민번호 ９００１０１－２３４５６７８", "E240"),
    ("주민번호 900101-2******", "E240"),
    # E-mail addresses
    ("victim [at] example [dot] com", "E242"),
    ("victim(at)example(dot)com", "E242"),
    ("write to victim at example dot com", "E242"),
    ("victim\uff20example.com", "E242"),
    ("victim @ example.com", "E242"),
    ("kim (골뱅이) naver.com", "E242"),
    # Chat and invite links
    ("t[.]me/joinchat/AAAA", "E243"),
    ("join t . me/abcd", "E243"),
    ("https://t.me./abcd", "E243"),
    ("https://t%2Eme/abcd", "E243"),
    ("https://t%252Eme/abcd", "E243"),
    ("https://%74.me/abcd", "E243"),
    ("OPEN.KAKAO.COM/o/gAbc", "E243"),
    ("discord(dot)gg/abcd", "E243"),
    ("https://discord.com/invite/abc", "E243"),
    ("\uff54\uff0e\uff4d\uff45/abcd", "E243"),  # full-width t.me
    ("t\u3002me/abcd", "E243"),  # ideographic full stop
    ("tg://join?invite=abc", "E243"),
    # Image and file hosts
    ("i.imgur[.]com/abc", "E244"),
    ("https://files.catbox.moe/x.png", "E244"),
    ("https://ibb.co/abc", "E244"),
    ("imgur . com/abc", "E244"),
    ("https://i%2Eimgur.com/a.jpg", "E244"),
    # Street, lot and apartment addresses
    ("테헤란로 152", "E245"),
    ("테헤란로 152에서 만났다", "E245"),
    ("세종대로 110", "E245"),
    ("강남대로94길 12-3", "E245"),
    ("서울 중구 퇴계로 100", "E245"),
    ("서초동 123-45", "E245"),
    ("역삼동 123번지", "E245"),
    ("래미안아파트 101동 1203호", "E245"),
    ("101동 1203호", "E245"),
]


@pytest.mark.parametrize(("text", "code"), VARIANTS)
def test_disguised_personal_data_is_refused(valid_repo, text, code):
    assert code in _with_summary(valid_repo, text)


def _legitimate():
    lines = (FIXTURES / "legitimate_text.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("text", _legitimate())
def test_legitimate_text_passes(valid_repo, text):
    assert _with_summary(valid_repo, text) == []


@pytest.mark.parametrize(
    ("url", "codes"),
    [
        ("https://t%2Eme/abcd", ["E243", "E253"]),
        ("https://t.me./abcd", ["E243", "E253"]),
        ("https://open.kakao.com/o/gAbc", ["E243"]),
        ("https://i.imgur.com/abc.jpg", ["E244"]),
        ("https://news.example.org@evil.example/a", ["E242", "E253"]),  # also reads as an e-mail
        ("https://news%2Eexample.org/a", ["E253"]),
        ("https://www.law.go.kr/LSW/precInfoP.do?precSeq=234567", []),
        ("http://211.233.22.161/arti/953509.html", []),
    ],
)
def test_source_addresses_are_read_as_the_browser_reads_them(valid_repo, url, codes):
    edit(valid_repo / "sources" / "news-a.yaml", "url: https://news.example.org/a", f"url: {url!r}")
    found = sorted(d.code for d in validate(valid_repo).diagnostics if d.path == "sources/news-a.yaml")
    assert found == codes


def test_a_school_and_a_name_anywhere_in_one_record_are_refused(valid_repo):
    edit(valid_repo / CASE, "title_ko: 예시 사건", "title_ko: 한빛고등학교 사건")
    edit(valid_repo / CASE, "    role_en: Offender.", "    role_en: Offender; shared photos of Kim Ji-won.")
    found = [(d.code, d.line) for d in validate(valid_repo).diagnostics]
    assert found == [("E247", 11)]


def test_a_school_beside_an_officially_disclosed_name_passes(valid_repo):
    edit(valid_repo / CASE, "title_ko: 예시 사건", "title_ko: 한빛고등학교 사건")
    edit(
        valid_repo / CASE,
        "    label_en: Lee (30)\n    label_ko: 이모(30)\n    role_en: Offender.",
        "    label_en: Lee Ji-hoon\n    label_ko: 이지훈\n    name_officially_disclosed: true\n"
        "    disclosure_sources:\n      - source: news-a\n    role_en: Offender Lee Ji-hoon, 이지훈(30).",
    )
    assert validate(valid_repo).diagnostics == []


def test_a_generic_school_and_a_name_pass(valid_repo):
    edit(valid_repo / CASE, "title_ko: 예시 사건", "title_ko: 인근 고등학교 사건")
    edit(valid_repo / CASE, "summary_en: An example.", "summary_en: Judge Kim Sang-woo presided.")
    assert validate(valid_repo).diagnostics == []


@pytest.mark.parametrize("char", ["\u00ad", "\u3164", "\u115f", "\u1160", "\uffa0"])
def test_soft_hyphens_and_hangul_fillers_are_refused(valid_repo, char):
    edit(valid_repo / CASE, "title_en: Example case", f"title_en: Example{char} case")
    assert [d.code for d in validate(valid_repo).diagnostics] == ["E251"]
