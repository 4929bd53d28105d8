"""Judgments as sources: a decision that cites its judgment agrees with it; stated ranges cite one."""

from __future__ import annotations

import pytest

from conftest import codes, edit, validate

CASE = "cases/example-case.yaml"
JUDGMENT = """id: judgment-2024gohap1
publisher: 법원 (law.go.kr)
title: 예시지방법원 2024. 10. 30. 선고 2024고합1 판결
url: https://www.law.go.kr/LSW/precInfoP.do?precSeq=1
published: 2024-10-30
language: ko
kind: judgment
strength: A
judgment:
  court_ko: 예시지방법원
  case_number: 2024고합1
  decided: 2024-10-30
  prec_seq: 1
updated: 2026-01-01
"""
# The stated range is the one the range engine computes for the example count (W306 would flag another).
RANGE = """        facts:
          prior_record:
            value: none
            sources:
              - source: judgment-2024gohap1
                quote: 초범인 점
          victims:
            value: 2
            sources:
              - source: judgment-2024gohap1
        statutory_range:
          min_months: 1
          max_months: 60
          as_stated_ko: 징역 1월∼5년
          sources:
            - source: judgment-2024gohap1
              quote: 징역 1월∼5년
        sources:
          - source: news-a
    sources:
      - source: news-a
  - id: appeal"""


@pytest.fixture
def judged_repo(valid_repo):
    (valid_repo / "sources" / "judgment-2024gohap1.yaml").write_text(JUDGMENT, encoding="utf-8")
    case = valid_repo / CASE
    edit(case, "    decided: 2024-10-30\n", "    decided: 2024-10-30\n    case_number: 2024고합1\n")
    edit(
        case,
        "        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
        RANGE,
    )
    edit(
        case,
        "    sources:\n      - source: news-a\n  - id: appeal",
        "    sources:\n      - source: judgment-2024gohap1\n  - id: appeal",
    )
    return valid_repo


def test_a_decision_citing_its_judgment_validates(judged_repo):
    assert codes(validate(judged_repo)) == []


def test_a_date_that_differs_from_the_judgment_is_refused(judged_repo):
    edit(judged_repo / CASE, "    decided: 2024-10-30\n", "    decided: 2024-10-31\n")
    assert codes(validate(judged_repo)) == [(CASE, 16, "E305")]


def test_a_judgment_cited_by_a_decision_without_case_number_is_refused(judged_repo):
    edit(judged_repo / CASE, "    case_number: 2024고합1\n", "")
    assert [c for _, _, c in codes(validate(judged_repo))] == ["E305"]


def test_a_statutory_range_must_cite_the_judgment(judged_repo):
    edit(
        judged_repo / CASE,
        "            - source: judgment-2024gohap1\n              quote: 징역 1월∼5년",
        "            - source: news-a",
    )
    assert codes(validate(judged_repo)) == [(CASE, 39, "E306")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("strength: A", "strength: B"),
        ("judgment:\n  court_ko: 예시지방법원\n  case_number: 2024고합1\n  decided: 2024-10-30\n  prec_seq: 1\n", ""),
    ],
)
def test_a_judgment_source_names_itself_and_is_primary(judged_repo, old, new):
    edit(judged_repo / "sources" / "judgment-2024gohap1.yaml", old, new)
    assert "E213" in [c for _, _, c in codes(validate(judged_repo))]


def test_an_age_given_only_as_a_decade_and_a_suspension_without_term_validate(valid_repo):
    case = valid_repo / CASE
    edit(
        case,
        "    role_en: Offender.\n",
        "    role_en: Offender.\n    ages:\n      - decade: 30\n        when_en: at sentencing\n        sources:\n          - source: news-a\n",
    )
    edit(
        case,
        "          imprisonment_months: 24\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
        "          imprisonment_months: 24\n          suspended: {probation: true}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
    )
    assert codes(validate(valid_repo)) == []


def test_an_age_needs_exactly_one_of_age_or_decade(valid_repo):
    edit(
        valid_repo / CASE,
        "    role_en: Offender.\n",
        "    role_en: Offender.\n    ages:\n      - age: 31\n        decade: 30\n        when_en: at sentencing\n        sources:\n          - source: news-a\n",
    )
    assert codes(validate(valid_repo)) == [(CASE, 13, "E103")]


def test_the_case_page_shows_the_judgment_its_stated_range_and_the_facts(judged_repo):
    import html
    import re

    from casebook.site.render import Renderer
    from conftest import FIXTURE_TODAY

    page = html.unescape(Renderer(validate(judged_repo).corpus, FIXTURE_TODAY).pages()["cases/example-case.md"])
    page = re.sub(r"</?span[^>]*>", "", page)  # record text in the other language is marked with its lang
    assert "[judgment on law.go.kr](https://www.law.go.kr/LSW/precInfoP.do?precSeq=1)" in page
    assert "Statutory range the court stated (법률상 처단형의 범위): 징역 1월∼5년 (1 month to 5 years)" in page
    assert "Prior record: no prior record" in page and "Victims: 2" in page
    assert "judgment text not in Casebook" in page  # the appeal has no judgment of its own


def test_two_figures_for_different_scopes_are_not_a_disagreement(valid_repo):
    from casebook.site.render import Renderer
    from conftest import FIXTURE_TODAY

    counts = (
        "\n".join(
            f"  - counted: victims\n    value: {n}\n    scope_en: {scope}\n    sources:\n      - source: news-a"
            for n, scope in ((3, "Minors"), (10, "All"))
        )
        .replace("Minors", "minors only")
        .replace("All", "all victims")
    )
    edit(valid_repo / CASE, "defendants:\n", f"reported_counts:\n{counts}\ndefendants:\n")
    assert codes(validate(valid_repo)) == []
    page = Renderer(validate(valid_repo).corpus, FIXTURE_TODAY).pages()["cases/example-case.md"]
    assert "Sources disagree" not in page
