"""The statutory range (처단형) and the guideline ranges, checked against what judgments state.

Worked examples are the judgments' own arithmetic (read on law.go.kr via legalize-kr/precedent-kr):
Seoul Western District Court 2024고합93 (2024-05-23) and Seoul High Court 2024노1823 (2024-11-01).
"""

import datetime as dt
import json
import subprocess
import sys
from fractions import Fraction

import pytest

from casebook.formatting import term, term_ko
from casebook.guideline_range import clip, combine
from casebook.statutory_range import CountSpec, RangeError, statutory_range
from casebook.validate.run import validate_repository
from conftest import REPO

D = dt.date


@pytest.fixture(scope="module")
def corpus():
    return validate_repository(REPO).corpus


@pytest.fixture(scope="module")
def statutes(corpus):
    return {k: r.model for k, r in corpus.by_id("statute").items()}


@pytest.fixture(scope="module")
def rule(corpus):
    return corpus.by_id("guideline")["digital-sex-crimes-2021"].model.multiple_offences


GOHAP93 = [  # 【법령의 적용】 of 2024고합93, in the order charged
    CountSpec("youth-protection-act-11", (1,), D(2023, 3, 1)),  # 성착취물 제작, 2023. 2.경 ~ 3.경
    CountSpec("sexual-crimes-act-14-2", (1,), D(2023, 3, 1)),  # 허위영상물 합성, same dates
    CountSpec("youth-protection-act-11", (5,), D(2023, 7, 25)),  # 소지·시청, to 2023. 7. 25.
    CountSpec("sexual-crimes-act-13", (), D(2023, 4, 5)),  # 통신매체이용음란, 2023. 4. 5.
]


def test_2024gohap93_statutory_range(statutes):
    # "경합범가중 … [형이 가장 무거운 아동·청소년의성보호에관한법률위반(성착취물제작·배포등)죄에 정한 형에 경합범가중]"
    # "정상참작감경 형법 제53조, 제55조 제1항 제3호"
    # "1. 법률상 처단형의 범위: 징역 2년 6개월∼22년 6개월"
    result = statutory_range(statutes, GOHAP93, discretionary_mitigation=True)
    assert (result.min_months, result.max_months) == (30, 270)
    assert result.term.words_ko() == "징역 2년 6개월∼22년 6개월"
    assert result.heaviest.statute.id == "youth-protection-act-11" and result.heaviest.paragraph.number == 1
    assert [s.key for s in result.steps] == ["count"] * 4 + ["concurrent", "discretionary-mitigation", "result"]
    assert "유기징역 chosen over life imprisonment" in result.steps[0].text
    # "집행유예 형법 제62조 제1항": the range reaches down to 2 years 6 months, so 3 years could be suspended.
    assert result.suspension_possible


def test_2024no1823_statutory_range_capped_by_the_sum_of_maxima(statutes):
    # "각 구 성폭력범죄의 처벌 등에 관한 특례법 … 제14조의2 제1항(… 피해자별로 포괄하여, 징역형 선택), 구 아동·청소년의
    # 성보호에 관한 법률 … 제11조 제5항 …, 성폭력범죄의 처벌 등에 관한 특례법 제13조(… 징역형 선택)"
    # "[형이 가장 무거운 아동·청소년의 성보호에 관한 법률 위반(성착취물소지)죄에 정한 형에 나머지 각 죄의 장기형을
    # 합산한 범위에서 경합범가중]"; "1. 법률상 처단형의 범위: 징역 1년∼42년"
    counts = [GOHAP93[1], GOHAP93[1], GOHAP93[2], GOHAP93[3]]
    result = statutory_range(statutes, counts)
    assert (result.min_months, result.max_months) == (12, 504)
    assert result.heaviest.paragraph.number == 5
    assert "bound: the sum of the maxima" in result.steps[-2].text


def test_mitigation_is_the_step_that_halves(statutes):
    without = statutory_range(statutes, GOHAP93)
    assert (without.min_months, without.max_months) == (60, 540)  # 5 years; 30 years × 1.5 = 45 years
    assert (
        not without.suspension_possible
        and "with discretionary mitigation the minimum would be 2 years 6 months" in (without.suspension_text)
    )


def test_guideline_multiple_offences_rule_of_2024gohap93(rule, statutes):
    # "라. 다수범죄 처리기준에 따른 권고형의 범위: 징역 5년∼10년 2개월 20일(제1범죄 상한 + 제2범죄 상한의 1/2 +
    # 제3범죄 상한의 1/3)" from 기본영역 징역 5년∼9년, 징역 10개월∼2년, 감경영역 징역 1개월∼8개월.
    combined = combine(rule, [(60, 108), (10, 24), (1, 8)])
    assert (combined.low, combined.high) == (60, Fraction(368, 3))
    assert term_ko(combined.high) == "10년 2개월 20일"
    statutory = statutory_range(statutes, GOHAP93, discretionary_mitigation=True)
    clipped = clip(combined, statutory.term.low, statutory.term.high)
    assert (clipped.low, clipped.high) == (60, Fraction(368, 3)) and "unchanged" in clipped.steps[-1]


def test_guideline_range_clipped_to_the_statutory_minimum_2024no1823(rule):
    # "라. … 징역 10개월∼2년 6개월 20일(제1범죄 상한 + 제2범죄 상한의 1/2 + 제3범죄 상한의 1/3)"
    # "마. 처단형에 따라 수정된 권고형의 범위: 징역 1년∼2년 6개월 20일(… 법률상 처단형의 하한에 따름)"
    combined = combine(rule, [(10, 24), (1, 8), (1, 8)])
    assert term_ko(combined.low) + "∼" + term_ko(combined.high) == "10개월∼2년 6개월 20일"
    clipped = clip(combined, 12, 504)
    assert term_ko(clipped.low) + "∼" + term_ko(clipped.high) == "1년∼2년 6개월 20일"


def test_a_fourth_crime_adds_nothing(rule):
    assert combine(rule, [(10, 24), (1, 8), (1, 8), (1, 8)]).high == combine(rule, [(10, 24), (1, 8), (1, 8)]).high


@pytest.mark.parametrize(
    ("months", "words", "korean"),
    [
        (Fraction(15, 2), "7 months 15 days", "7개월 15일"),  # halving 1 year 3 months keeps the days
        (Fraction(15, 4), "3 months 22 days", "3개월 22일"),  # halving again: the half day is dropped in words
        (Fraction(8, 3), "2 months 20 days", "2개월 20일"),  # a third of 8 months
        (Fraction(1, 2), "15 days", "15일"),
    ],
)
def test_terms_keep_days(months, words, korean):
    assert (term(months), term_ko(months)) == (words, korean)


def test_life_imprisonment_absorbs_and_mitigates_to_10_to_50_years(statutes, corpus):
    # Youth Act 11(1) carries life or 5 years+; the engine chooses the fixed term, as 2024고합93 did ("유기징역형 선택").
    # A life-only term (a hypothetical paragraph) absorbs the others (Art. 38(1)1) and mitigates to 10-50 years (Art. 55(1)2).
    from casebook.models.statute import Imprisonment, Penalty

    statute = statutes["youth-protection-act-11"].model_copy(deep=True)
    statute.versions[0].paragraphs[0].penalty = Penalty(imprisonment=Imprisonment(life=True), combination="prison-only")
    patched = {**statutes, statute.id: statute}
    result = statutory_range(patched, GOHAP93)
    assert result.term.life and "absorbs the others" in result.steps[-2].text
    mitigated = statutory_range(patched, GOHAP93, discretionary_mitigation=True)
    assert (mitigated.min_months, mitigated.max_months) == (120, 600)
    assert "55(1)2" in mitigated.steps[-2].article
    assert not result.suspension_possible


def test_order_of_article_56_habitual_then_repeat_then_concurrent_then_mitigation(statutes):
    # Habitual ¶1 (2020 version, up to 5 years): both ends × 1.5 → 1 month 15 days to 7 years 6 months;
    # repeat: maximum × 2 → 15 years; ¶2 (5 years, repeat: 10 years): concurrent 15 × 1.5 = 22y6m (sum 25 years);
    # discretionary mitigation last: 22 days (exactly 22.5) to 11 years 3 months.
    counts = [
        CountSpec("sexual-crimes-act-14-2", (1, 4), D(2023, 1, 1)),
        CountSpec("sexual-crimes-act-14-2", (2,), D(2023, 1, 1)),
    ]
    result = statutory_range(statutes, counts, repeat=True, discretionary_mitigation=True)
    keys = [s.key for s in result.steps]
    assert keys == [
        "count",
        "habitual",
        "repeat",
        "count",
        "repeat",
        "concurrent",
        "discretionary-mitigation",
        "result",
    ]
    assert result.steps[2].after.high == 180
    assert (result.min_months, result.max_months) == (0.75, 135)
    assert "exact minimum is 0.75 months" in result.steps[-2].text


def test_statutory_mitigation_comes_before_the_concurrent_crimes_rule(statutes):
    result = statutory_range(statutes, GOHAP93, statutory_mitigation=True)
    # each count halved first: 2y6m-15y, ..., heaviest 15y × 1.5 = 22y6m (sum 33y6m)
    assert (result.min_months, result.max_months) == (30, 270)
    assert [s.key for s in result.steps].index("concurrent") > [s.key for s in result.steps].index(
        "statutory-mitigation"
    )


def test_an_offence_date_before_the_provision_is_said_plainly(statutes):
    with pytest.raises(RangeError, match="the offence date precedes the provision: sexual-crimes-act-14-2 ¶4"):
        statutory_range(statutes, [CountSpec("sexual-crimes-act-14-2", (4,), D(2024, 3, 1))])
    with pytest.raises(RangeError, match=r"precedes the provision \(2019-03-01\).*takes effect on 2020-05-19"):
        statutory_range(statutes, [CountSpec("sexual-crimes-act-14-3", (1,), D(2019, 3, 1))])


def test_general_rules_in_code_match_the_sourced_texts(statutes):
    """The engine's numbers are the recorded articles' words: a change of text must change the code."""

    def text(statute_id, number, item=None):
        version = statutes[statute_id].versions[-1]
        return next(p.text_ko for p in version.paragraphs if p.number == number and p.item == item)

    assert "장기(長期)의 2배까지 가중" in text("criminal-act-35", 2)
    assert "2분의 1까지 가중하되 각 죄에 대하여 정한 형의 장기 또는 다액을 합산한 형기" in text("criminal-act-38", 1, 2)
    assert "1개월 이상 30년 이하" in text("criminal-act-42", 1) and "50년까지" in text("criminal-act-42", 1)
    assert "장기가 긴 것" in text("criminal-act-50", 2) and "단기가 긴 것" in text("criminal-act-50", 2)
    assert "10년 이상 50년 이하" in text("criminal-act-55", 1, 2) and "2분의 1" in text("criminal-act-55", 1, 3)
    order = text("criminal-act-56", 1)
    assert (
        order.index("누범 가중") < order.index("법률상 감경") < order.index("경합범 가중") < order.index("정상참작감경")
    )
    assert "3년 이하의 징역" in text("criminal-act-62", 1)


def run(*args):
    return subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), *args], capture_output=True, text=True, cwd=REPO
    )


def test_cli_range_json_and_usage_errors():
    args = ["range", "--mitigation", "discretionary", "--json"]
    for spec in ("youth-protection-act-11:1@2023-03-01", "sexual-crimes-act-14-2:1@2023-03-01"):
        args += ["--count", spec]
    args += ["--count", "youth-protection-act-11:5@2023-07-25", "--count", "sexual-crimes-act-13", "--on", "2023-04-05"]
    result = run(*args, "--guideline", "60:108", "--guideline", "10:24", "--guideline", "1:8")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["min_months"], data["max_months"], data["as_ko"]) == (30, 270, "징역 2년 6개월∼22년 6개월")
    assert data["guideline"]["as_ko"] == "징역 5년∼10년 2개월 20일"
    for bad, message in (
        (["--count", "nope:1@2024-01-01"], "unknown statute 'nope'"),
        (["--count", "sexual-crimes-act-14-2:1"], "no offence date for sexual-crimes-act-14-2:1"),
        (["--count", "sexual-crimes-act-14-2:1@2024-13-01"], "'2024-13-01' is not a date"),
        (["--count", "sexual-crimes-act-14-2:4@2024-03-01"], "the offence date precedes the provision"),
        (["--count", "sexual-crimes-act-14-2:1@2024-11-01", "--guideline", "9:1"], "LOW ≤ HIGH"),
    ):
        out = run("range", *bad)
        assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
