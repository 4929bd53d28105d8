"""The real records: they validate strictly, and the key legal facts are pinned.

These assertions were written from the statute text (law.go.kr via its mirror) and the
reports cited in the records; a change here is a change in the law or in the evidence.
"""

import datetime as dt
import html

import pytest

from casebook.law import version_in_force
from casebook.validate.run import validate_repository
from conftest import REPO


@pytest.fixture(scope="module")
def report():
    return validate_repository(REPO)


def test_real_records_pass_in_strict_mode(report):
    assert [f"{d.path}:{d.line}: {d.code} {d.message}" for d in report.diagnostics] == []


def _statute(report, statute_id):
    return report.corpus.by_id("statute")[statute_id].model


def _paragraph(version, number):
    return next(p for p in version.paragraphs if p.number == number)


def test_article_14_2_before_and_after_the_2024_amendment(report):
    article = _statute(report, "sexual-crimes-act-14-2")
    before = version_in_force(article, dt.date(2024, 10, 15))
    after = version_in_force(article, dt.date(2024, 10, 16))
    assert (before.id, after.id) == ("2020-06-25", "2024-10-16")
    assert version_in_force(article, dt.date(2020, 6, 24)) is None
    # Editing: 5 years with the purpose element, then 7 years without it.
    assert _paragraph(before, 1).penalty.imprisonment.max_months == 60
    assert [m.value for m in _paragraph(before, 1).mental_elements] == ["purpose-of-distribution"]
    assert _paragraph(after, 1).penalty.imprisonment.max_months == 84
    assert _paragraph(after, 1).mental_elements == []
    # For-profit distribution: maximum 7 years, then minimum 3 years.
    assert (
        _paragraph(before, 3).penalty.imprisonment.max_months,
        _paragraph(before, 3).penalty.imprisonment.min_months,
    ) == (84, None)
    assert (
        _paragraph(after, 3).penalty.imprisonment.max_months,
        _paragraph(after, 3).penalty.imprisonment.min_months,
    ) == (None, 36)
    # Possession and viewing: no offence before; 3 years or KRW 30 million after.
    assert all("possess" not in [c.value for c in p.conducts] for p in before.paragraphs)
    possession = _paragraph(after, 4)
    assert {c.value for c in possession.conducts} == {"possess", "purchase", "store", "view"}
    assert (possession.penalty.imprisonment.max_months, possession.penalty.fine_max_krw) == (36, 30_000_000)


def test_snu_case_sentences_at_each_instance(report):
    case = report.corpus.by_id("case")["snu-deepfake"].model
    sentences = {
        (proc.id, outcome.defendant): (
            outcome.sentence.imprisonment_months if outcome.sentence else outcome.disposition.value
        )
        for proc in case.proceedings
        for outcome in proc.outcomes
    }
    assert sentences == {
        ("first-instance-park-28", "park-28"): 60,
        ("appeal-park-28", "park-28"): 54,
        ("first-instance-park-40-kang-31", "park-40"): 120,
        ("first-instance-park-40-kang-31", "kang-31"): 48,
        ("appeal-park-40-kang-31", "park-40"): 108,
        ("appeal-park-40-kang-31", "kang-31"): 42,
        ("first-instance-han-31", "han-31"): "acquitted",
    }
    victims = sorted(c.value for c in case.reported_counts if c.counted.value == "victims" and not c.defendants)
    assert victims == [48, 61]  # conflicting sources are both kept


def test_coverage_and_statistics_pages_count_the_same_decisions(report):
    import re

    from casebook.site.render import Renderer

    pages = Renderer(report.corpus, dt.date(2026, 11, 21)).pages()
    coverage, statistics = pages["coverage.md"], pages["statistics.md"]
    total = int(re.search(r"\| \*\*All\*\* \| \*\*(\d+)\*\* \|", coverage).group(1))
    rows = [int(n) for n in re.findall(r"^\| [^|*]+ \| (\d+) \|$", coverage, re.M)]
    assert sum(rows) == total >= 50  # every decision falls in exactly one outcome class
    assert f"N = {total}" in html.unescape(statistics)  # as the reader sees it
