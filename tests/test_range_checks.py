"""W306: a judgment's stated statutory range against the engine, on the real statute records."""

import shutil

import pytest

from casebook.validate.run import validate_repository
from conftest import FIXTURES, REPO, edit

FIXTURE = FIXTURES / "ranges" / "seoul-western-2024gohap93.yaml"


@pytest.fixture
def repo(tmp_path):
    """The repository's statutes, sources and guidelines, with one decision entered from its judgment."""
    root = tmp_path / "repo"
    for folder in ("statutes", "sources", "guidelines"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "cases").mkdir()
    shutil.copy(FIXTURE, root / "cases" / FIXTURE.name)
    return root


def w306(root):
    report = validate_repository(root)  # judged today, as the real records are
    assert not report.errors, report.errors
    return [d for d in report.diagnostics if d.code == "W306"]


def test_the_2024gohap93_range_as_stated_agrees(repo):
    # "1. 법률상 처단형의 범위: 징역 2년 6개월∼22년 6개월" with "정상참작감경 형법 제53조, 제55조 제1항 제3호"
    assert w306(repo) == []


def test_a_wrong_stated_range_names_both_ranges_and_the_step(repo):
    case = repo / "cases" / FIXTURE.name
    edit(case, "max_months: 270", "max_months: 252")
    (found,) = w306(repo)
    assert found.path == "cases/seoul-western-2024gohap93.yaml" and found.line == 48
    assert "'징역 2년 6개월∼22년 6개월' (2 years 6 months to 21 years)" in found.message
    assert "engine's 2 years 6 months to 22 years 6 months (징역 2년 6개월∼22년 6개월)" in found.message
    assert "the maximum differs, set by the step 'discretionary-mitigation'" in found.message


def test_unrecorded_mitigation_is_tried_both_ways(repo):
    case = repo / "cases" / FIXTURE.name
    edit(case, "          discretionary_mitigation: true\n", "")
    assert w306(repo) == []


def test_mitigation_recorded_as_absent_differs_at_that_step(repo):
    case = repo / "cases" / FIXTURE.name
    edit(case, "discretionary_mitigation: true", "discretionary_mitigation: false")
    (found,) = w306(repo)
    assert "engine's 5 years to 45 years" in found.message
    assert "the minimum differs, set by the step 'concurrent'" in found.message


def test_a_missing_count_differs_at_the_concurrent_crimes_step(repo):
    # Without the production count, 11(5) is the heaviest: 1 year to 30 years; the sum of the maxima (37 years)
    # bounds the concurrent-crimes maximum; halved: 6 months to 18 years 6 months.
    case = repo / "cases" / FIXTURE.name
    edit(
        case,
        """          - statute: youth-protection-act-11
            paragraphs: [1]""",
        """          - statute: youth-protection-act-11
            paragraphs: [1]
            outcome: acquitted
            note_en: changed for the test""",
    )
    edit(
        case,
        """            label_ko: 아동·청소년의성보호에관한법률위반(성착취물제작·배포등)
            outcome: convicted
""",
        """            label_ko: 아동·청소년의성보호에관한법률위반(성착취물제작·배포등)
""",
    )
    (found,) = w306(repo)
    assert "engine's 6 months to 18 years 6 months" in found.message and "the minimum differs" in found.message
