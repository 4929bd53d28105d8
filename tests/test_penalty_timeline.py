"""Provisions on a condition and over a period (casebook.penalty_timeline), as `penalty` answers them."""

import datetime as dt
import json
import subprocess
import sys

import pytest

from casebook.penalty_timeline import findings_on, timeline
from casebook.validate.run import validate_repository
from conftest import REPO

D = dt.date


@pytest.fixture(scope="module")
def corpus():
    return validate_repository(REPO).corpus


def cited(findings):
    return [(f.provision.statute.id, f.provision.paragraph.number, f.condition is not None) for f in findings]


def test_possessing_a_deepfake_of_a_minor_in_march_2024(corpus):
    # Before 2024-10-16 possession of a deepfake was no offence under Art. 14-2; the Youth Act punishes it only
    # if the image is a representation clearly recognisable as a child or youth (2024도17801: "합성 사진 등의
    # 내용이 아동·청소년의 성교 행위 … 등 성적 행위를 표현하는 경우에는 … 표현물이 등장하는 아동·청소년성착취물에
    # 해당할 수 있다").
    found = findings_on(corpus, "possess", "child", D(2024, 3, 1))
    assert cited(found) == [("youth-protection-act-11", 2, True), ("youth-protection-act-11", 5, True)]
    assert found[1].condition.decisions == ("2024도17801", "2024노1823")
    after = findings_on(corpus, "possess", "child", D(2024, 10, 16))
    assert cited(after)[0] == ("sexual-crimes-act-14-2", 4, False)


def test_an_adult_victim_gets_no_conditional_youth_act_provision(corpus):
    assert cited(findings_on(corpus, "possess", "adult", D(2025, 1, 1))) == [("sexual-crimes-act-14-2", 4, False)]


def test_csem_itself_is_punished_outright(corpus):
    assert cited(findings_on(corpus, "possess", "child", D(2024, 3, 1), "csem"))[-1] == (
        "youth-protection-act-11",
        5,
        False,
    )


@pytest.mark.parametrize(
    ("material", "punishable_from"),
    [
        # "대법원은 불법 촬영물은 관련 처벌 규정 시행일인 2020년 5월 19일부터, 허위 영상물은 2024년 10월 16일부터
        # 각각 소지 종료 시점까지를 처벌할 수 있다고 봤다." (Chosun Ilbo, 2026-05-18). Files of 2014-2020 and
        # 2019-2020 kept until 2024-12.
        ("filmed", D(2020, 5, 19)),
        ("synthetic", D(2024, 10, 16)),
    ],
)
def test_files_kept_from_before_the_possession_offence(corpus, material, punishable_from):
    segments = timeline(corpus, "possess", "adult", D(2014, 1, 1), D(2024, 12, 31), material)
    first = next(s for s in segments if s.findings)
    assert first.start == punishable_from
    assert segments[0].findings == () and segments[-1].end == D(2024, 12, 31)


def run(*args):
    return subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "penalty", *args], capture_output=True, text=True, cwd=REPO
    )


def test_cli_period_answer_names_the_law_at_the_end():
    out = run(
        "--conduct",
        "possess",
        "--victim",
        "adult",
        "--material",
        "filmed",
        "--from",
        "2014-01-01",
        "--to",
        "2024-12-31",
    )
    assert out.returncode == 0
    assert "Kept through the period, it is punishable from 2020-05-19 to 2024-12-31" in out.stdout
    assert "The law at the end of the period (2024-12-31): 성폭력처벌법 제14조 제4항" in out.stdout
    view = run("--conduct", "view", "--victim", "adult", "--from", "2024-01-01", "--to", "2024-12-31", "--json")
    data = json.loads(view.stdout)
    assert data["continuing"] is False and data["punishable_from"] is None
    assert [p["from"] for p in data["periods"]] == ["2024-01-01", "2024-10-16"]


def test_cli_on_a_date_shows_the_condition_and_what_comes_later():
    out = run("--conduct", "possess", "--victim", "child", "--on", "2024-03-01")
    assert out.returncode == 0 and "No provision in Casebook punished this conduct" not in out.stdout
    assert "청소년성보호법 제11조 제5항 (2023. 10. 12. 시행) — ON A CONDITION" in out.stdout
    assert "Only if the material counts as a representation clearly recognisable as a child or youth" in out.stdout
    assert "from 2024-10-16, 성폭력처벌법 제14조의2 제4항 (2024. 10. 16. 시행) also punishes it" in out.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--on", "2024-01-01", "--from", "2023-01-01", "--to", "2024-01-01"],
            "give either --on DATE or --from DATE --to DATE",
        ),
        ([], "give either --on DATE or --from DATE --to DATE"),
        (["--from", "2024-01-01"], "--from needs --to"),
        (["--from", "2024-02-01", "--to", "2024-01-01"], "--to 2024-01-01 is before --from 2024-02-01"),
        (
            ["--on", "2024-02-01", "--judged", "2024-01-01"],
            "the judgment date 2024-01-01 is before the offence date 2024-02-01",
        ),
    ],
)
def test_cli_date_usage_errors(args, message):
    out = run("--conduct", "possess", "--victim", "adult", *args)
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr
