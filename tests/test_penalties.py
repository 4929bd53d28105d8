"""Worked legal questions, answered from the real records; and the amendment comparison.

Each answer was worked out by hand from the statute texts cited in
statutes/sexual-crimes-act-14-2.yaml (Act 17086 / 17264 and Act 20459) and Criminal Act Art. 1.
"""

import datetime as dt
import json
import subprocess
import sys

import pytest

from casebook.changes import amendments
from casebook.penalties import governing_law, provisions_on
from casebook.validate.run import validate_repository
from conftest import REPO

D = dt.date


@pytest.fixture(scope="module")
def corpus():
    return validate_repository(REPO).corpus


def answer(corpus, conduct, victim, on, lacking=()):
    found = provisions_on(corpus, conduct, victim, on, "synthetic", frozenset(lacking))
    return [(p.statute.id, p.version.id, p.paragraph.number) for p in found]


@pytest.mark.parametrize(
    ("question", "conduct", "victim", "on", "lacking", "expected"),
    [
        ("possessing an adult deepfake the day before the 2024 amendment", "possess", "adult", D(2024, 10, 15), (), []),
        ("possessing an adult deepfake on 2024-09-01", "possess", "adult", D(2024, 9, 1), (), []),
        (
            "possessing an adult deepfake on the amendment's first day",
            "possess",
            "adult",
            D(2024, 10, 16),
            (),
            [("sexual-crimes-act-14-2", "2024-10-16", 4)],
        ),
        (
            "viewing an adult deepfake in 2025",
            "view",
            "adult",
            D(2025, 3, 1),
            (),
            [("sexual-crimes-act-14-2", "2024-10-16", 4)],
        ),
        (
            "editing without intent to distribute in 2023",
            "edit",
            "adult",
            D(2023, 5, 1),
            ("purpose-of-distribution",),
            [],
        ),
        (
            "editing with intent to distribute in 2023",
            "edit",
            "adult",
            D(2023, 5, 1),
            (),
            [("sexual-crimes-act-14-2", "2020-06-25", 1)],
        ),
        (
            "editing without intent to distribute in 2025",
            "edit",
            "adult",
            D(2025, 5, 1),
            ("purpose-of-distribution",),
            [("sexual-crimes-act-14-2", "2024-10-16", 1)],
        ),
        (
            "for-profit distribution in 2022",
            "distribute-for-profit",
            "adult",
            D(2022, 1, 1),
            (),
            [("sexual-crimes-act-14-2", "2020-06-25", 3)],
        ),
        (
            "for-profit distribution in 2025",
            "distribute-for-profit",
            "adult",
            D(2025, 1, 1),
            (),
            [("sexual-crimes-act-14-2", "2024-10-16", 3)],
        ),
        ("distribution before Article 14-2 existed", "distribute", "adult", D(2020, 6, 24), (), []),
    ],
)
def test_worked_questions(corpus, question, conduct, victim, on, lacking, expected):
    # Other articles (e.g. youth-protection ones) may add provisions; the deepfake article's answer is pinned.
    found = [a for a in answer(corpus, conduct, victim, on, lacking) if a[0] == "sexual-crimes-act-14-2"]
    assert found == expected, question


def test_for_profit_penalty_before_and_after(corpus):
    [before] = [
        p
        for p in provisions_on(corpus, "distribute-for-profit", "adult", D(2022, 1, 1))
        if p.statute.id == "sexual-crimes-act-14-2"
    ]
    [after] = [
        p
        for p in provisions_on(corpus, "distribute-for-profit", "adult", D(2025, 1, 1))
        if p.statute.id == "sexual-crimes-act-14-2"
    ]
    assert (before.penalty.imprisonment.max_months, before.penalty.imprisonment.min_months) == (84, None)
    assert (after.penalty.imprisonment.max_months, after.penalty.imprisonment.min_months) == (None, 36)
    assert after.citation_ko() == "성폭력처벌법 제14조의2 제3항 (2024. 10. 16. 시행)"


def test_heavier_new_law_does_not_reach_back(corpus):
    [editing] = [
        p for p in provisions_on(corpus, "edit", "adult", D(2023, 5, 1)) if p.statute.id == "sexual-crimes-act-14-2"
    ]
    governing = governing_law(corpus, editing, D(2025, 1, 10))
    assert governing.applies.version.id == "2020-06-25"
    assert governing.at_judgment.version.id == "2024-10-16"
    assert "Art. 1(1)" in governing.reason


def test_amendment_comparison_in_words(corpus):
    [amendment] = amendments(corpus.by_id("statute")["sexual-crimes-act-14-2"].model)
    deltas = {change.label: change.deltas for change in amendment.paragraphs}
    assert deltas == {
        "¶1 → ¶1": ["maximum 5 years → 7 years", "for the purpose of distribution element removed"],
        "¶2 → ¶2": ["maximum 5 years → 7 years"],
        "¶3 → ¶3": ["minimum 3 years replaces maximum 7 years"],
        "— → ¶4": ["new offence: up to 3 years or a fine of up to KRW 30,000,000"],
        "¶4 → ¶5": ["renumbered from ¶4 to ¶5"],
    }
    first = amendment.paragraphs[0].text_diff
    assert ("-", "반포등을 할 목적으로") in first and ("-", "5년") in first and ("+", "7년") in first


def run(*args):
    return subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), *args], capture_output=True, text=True, cwd=REPO
    )


def test_cli_penalty_json_and_errors():
    result = run("penalty", "--conduct", "possess", "--victim", "adult", "--on", "2024-10-16", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert [p["citation_ko"] for p in data["provisions"] if p["statute"] == "sexual-crimes-act-14-2"] == [
        "성폭력처벌법 제14조의2 제4항 (2024. 10. 16. 시행)"
    ]
    bad = run("penalty", "--conduct", "posess", "--victim", "adult", "--on", "2024-10-16")
    assert bad.returncode == 2 and "unknown conduct 'posess'; valid: film, edit" in bad.stderr
    assert run("changes", "no-such-article").returncode == 2
    text = run("changes", "sexual-crimes-act-14-2").stdout
    assert "¶3 → ¶3: minimum 3 years replaces maximum 7 years" in text


def test_lawful_range_of_the_snu_main_offender(corpus):
    from casebook.ranges import lawful_range, place_sentence

    case = corpus.by_id("case")["snu-deepfake"].model
    proc = next(p for p in case.proceedings if p.id == "first-instance-park-40-kang-31")
    park = next(o for o in proc.outcomes if o.defendant == "park-40")
    lawful = lawful_range(corpus, case, park)
    # Counts as recorded (Law Times: convicted on every charge): Art. 14-2 ¶1, ¶2, Youth Act Art. 11
    # ¶1 (life or at least 5 years) and ¶5, Art. 14 ¶4. The heaviest is Youth Act ¶1: with the
    # fixed-term sentence chosen, 5 years to 30 years (Criminal Act Art. 42), raised by half for
    # concurrent crimes (Art. 38(1)(ii)): 5 to 45 years; life stays available for that count.
    assert (lawful.min_months, lawful.max_months, lawful.life_available) == (60, 540, True)
    assert place_sentence(lawful, park) == ["within the statutory range"]


def test_sentence_above_the_lawful_range_is_a_warning(valid_repo):
    from conftest import codes, edit, validate

    edit(
        valid_repo / "cases" / "example-case.yaml",
        "          imprisonment_months: 24\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
        "          imprisonment_months: 200\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
    )
    report = validate(valid_repo)
    assert codes(report) == [("cases/example-case.yaml", 25, "W304")]
    assert "example-act-2 ¶1 (version 2020-06-25): 1 month to 5 years" in report.diagnostics[0].hint


def test_guideline_tiers_apply_only_when_the_rule_and_indictment_date_are_known(valid_repo):
    from casebook.models.common import PartialDate
    from casebook.ranges import guideline_tiers, place_against_guideline
    from casebook.validate.run import validate_repository as run_validation
    from conftest import FIXTURE_TODAY, edit

    def tiers(indicted):
        corpus = run_validation(valid_repo, today=FIXTURE_TODAY).corpus
        case = corpus.by_id("case")["example-case"].model
        return guideline_tiers(corpus, indicted, case.proceedings[0].outcomes[0].counts)

    # The fixture guideline's rule of application was not retrieved: nothing is claimed.
    assert tiers(PartialDate.parse("2023-09-01")) == []
    edit(
        valid_repo / "guidelines" / "example-guideline.yaml", "applies_by: not-retrieved", "applies_by: indictment-date"
    )
    [match] = tiers(PartialDate.parse("2023-09-01"))
    assert (
        place_against_guideline(24, match) == "above the basic range of example-guideline (6 months to 1 year 6 months)"
    )
    assert place_against_guideline(12, match) == "within the basic range of example-guideline"
    assert tiers(PartialDate.parse("2020-09-01")) == []  # indicted before the guideline took effect
    assert tiers(None) == []


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2020-06-24", "no such provision then: the article takes effect on 2020-06-25"),
        (
            "2020-06-25",
            "in force: version 2020-06-25, effective 2020-06-25 (법률 제17086호 부칙: 공포 후 3개월이 경과한 날부터 시행",
        ),
        ("2024-10-15", "until 2024-10-15"),
        (
            "2024-10-16",
            "in force: version 2024-10-16, effective 2024-10-16 (법률 제20459호 부칙: 이 법은 공포한 날부터 시행한다.)",
        ),
    ],
)
def test_cli_version_in_force_with_its_basis(on, expected):
    result = run("version", "sexual-crimes-act-14-2", "--on", on)
    assert result.returncode == 0 and expected in result.stdout


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("14조의2", "sexual-crimes-act-14-2"),
        ("Article 14-2", "sexual-crimes-act-14-2"),
        ("14-2", "sexual-crimes-act-14-2"),
        ("성폭력처벌법 제14조의2 제4항", "sexual-crimes-act-14-2"),
        ("서울대 딥페이크", "snu-deepfake"),
        ("SNU deepfake", "snu-deepfake"),
        ("seoul national univ", "snu-deepfake"),
        ("조주빈", "cho-ju-bin-baksabang"),
        ("Cho Ju-bin", "cho-ju-bin-baksabang"),
        ("Cho Joo-bin", "cho-ju-bin-baksabang"),
        ("Jo Ju-bin", "cho-ju-bin-baksabang"),
        ("2024도17801", "supreme-court-2024do17801"),
    ],
)
def test_search_finds_the_record_first(corpus, query, expected):
    from casebook.search import SearchIndex, build_entries

    hits = SearchIndex(build_entries(corpus)).search(query, limit=3)
    assert hits[0].entry.id == expected, [(h.entry.id, h.score) for h in hits]


def test_cli_search_explains_the_match():
    result = run("search", "Cho", "Joo-bin", "--kind", "case", "--json")
    first = json.loads(result.stdout)["results"][0]
    assert (first["id"], first["matched_field"]) == ("cho-ju-bin-baksabang", "defendant")
    text = run("search", "14조의2").stdout
    assert text.splitlines()[0].startswith(" 1. [statute]") and "matched article" in text
