"""Privacy: victim personal data and links to abusive content are refused; ordinary legal text is not."""

import pytest

from conftest import edit, validate

CASE = "cases/example-case.yaml"


def _with_summary(repo, text):
    edit(repo / CASE, "summary_en: An example.", f"summary_en: {text!r}")
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
