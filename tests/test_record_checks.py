"""Per-check tests: one mistake made in an otherwise valid corpus gives exactly one diagnostic."""

import datetime as dt

import pytest

from conftest import codes, edit, validate

CASE = "cases/example-case.yaml"
STATUTE = "statutes/example-act-2.yaml"
FIGURE = "figures/example-figure.yaml"


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (CASE, "id: example-case", "id: other-case", [(CASE, 1, "E201")]),
        (CASE, "title_en: Example case", "title_en: Example case\nverdict: guilty", [(CASE, 4, "E101")]),
        (CASE, "relevance: deepfake", "relevance: deep-fake", [(CASE, 4, "E104")]),
        (CASE, "updated: 2026-01-01", "updated: 2026-01-02", [(CASE, 49, "E214")]),  # the day after FIXTURE_TODAY
        (CASE, "decided: 2024-10-30", "decided: 2024-02-30", [(CASE, 16, "E105")]),
        (CASE, "    decided: 2025-03\n", "    decided: 2024-10-01\n", [(CASE, 34, "E205")]),
        (
            CASE,
            "offence_period: {from: 2022-01, to: 2023-06}",
            "offence_period: {from: 2023-06, to: 2022-01}",
            [(CASE, 6, "E205")],
        ),
        (CASE, "    appeal_from: [first-instance]\n", "", [(CASE, 32, "E209")]),
        (CASE, "appeal_from: [first-instance]", "appeal_from: [first-instanse]", [(CASE, 35, "E301")]),
        (
            CASE,
            "      - defendant: lee-30\n        disposition: sentenced\n        appeal_result",
            "      - defendant: lee-31\n        disposition: sentenced\n        appeal_result",
            [(CASE, 37, "E301")],
        ),
        (
            CASE,
            "          imprisonment_months: 24\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
            "          imprisonment_months: 48\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
            [(CASE, 26, "E212")],
        ),
        (CASE, "            paragraphs: [1]", "            paragraphs: [7]", [(CASE, 22, "E301")]),
        (
            CASE,
            "offence_period: {from: 2022-01, to: 2023-06}",
            "offence_period: {from: 2019-01, to: 2019-06}",
            [(CASE, 21, "E303")],
        ),
        (
            CASE,
            "offence_period: {from: 2022-01, to: 2023-06}",
            "offence_period: {from: 2024-01, to: 2024-12}",
            [(CASE, 21, "W301")],
        ),
        (
            CASE,
            "            paragraphs: [1]\n            outcome: convicted\n        sentence:\n          imprisonment_months: 24\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
            "            paragraphs: [1]\n            version: 2024-10-16\n            outcome: convicted\n        sentence:\n          imprisonment_months: 24\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
            [(CASE, 23, "E303")],
        ),
        (
            CASE,
            "            paragraphs: [1]\n            outcome: convicted\n        sentence:\n          imprisonment_months: 24\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
            "            paragraphs: [1]\n            version: 2019-01-01\n            outcome: convicted\n        sentence:\n          imprisonment_months: 24\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
            [(CASE, 23, "E301")],
        ),
        (CASE, "    label_en: Lee (30)", "    label_en: Lee Ji-hoon", [(CASE, 9, "E249")]),
        (STATUTE, "effective: 2024-10-16", "effective: 2020-01-01", [(STATUTE, 30, "E203")]),
        (STATUTE, "    status: in-force", "    status: superseded", [(STATUTE, 31, "E206")]),
        (
            STATUTE,
            "imprisonment: {max_months: 36}",
            "imprisonment: {min_months: 48, max_months: 36}",
            [(STATUTE, 55, "E208")],
        ),
        (STATUTE, "imprisonment: {max_months: 36}", "imprisonment: {max_months: 3600}", [(STATUTE, 55, "E208")]),
        (STATUTE, "          fine_max_krw: 30000000\n", "", [(STATUTE, 56, "E208")]),
        (STATUTE, "        conducts: [possess]\n", "", [(STATUTE, 47, "E207")]),
        (
            STATUTE,
            "        conducts: [possess]\n        materials: [synthetic]\n",
            "        conducts: [possess]\n",
            [(STATUTE, 47, "E207")],
        ),
        (
            FIGURE,
            "      - source: news-a\n",
            "      - source: news-a\n  - period: {from: 2024-01, to: 2024-12}\n    value: 90\n    conflict_en: Another agency counts differently.\n    sources:\n      - source: news-a\n",
            [(FIGURE, 7, "E230")],
        ),
    ],
)
def test_one_mistake_one_diagnostic(valid_repo, file, old, new, expected):
    edit(valid_repo / file, old, new)
    assert codes(validate(valid_repo)) == expected


def test_prospective_version_must_be_marked_prospective(valid_repo):
    # Judged before 2024-10-16, the newer version is not yet in force.
    found = codes(validate(valid_repo, today=dt.date(2023, 1, 1)))
    assert ("statutes/example-act-2.yaml", 11, "E206") in found
    assert ("statutes/example-act-2.yaml", 31, "E206") in found


def test_conflicting_figures_pass_when_both_are_marked(valid_repo):
    edit(valid_repo / FIGURE, "    value: 100\n", "    value: 100\n    conflict_en: Police count 100.\n")
    edit(
        valid_repo / FIGURE,
        "      - source: news-a\n",
        "      - source: news-a\n  - period: {from: 2024-01, to: 2024-12}\n    value: 90\n"
        "    conflict_en: The ministry counts 90.\n    sources:\n      - source: news-a\n",
    )
    assert codes(validate(valid_repo)) == []


def test_keys_out_of_order_are_a_fixable_warning(valid_repo):
    edit(valid_repo / CASE, "id: example-case\ntitle_ko: 예시 사건\n", "title_ko: 예시 사건\nid: example-case\n")
    [d] = validate(valid_repo).diagnostics
    assert (d.code, d.line) == ("W305", 1) and "validate --fix" in d.hint


def test_unknown_source_suggests_the_closest(valid_repo):
    edit(valid_repo / CASE, "sources:\n  - source: news-a\nupdated", "sources:\n  - source: news-b\nupdated")
    [d] = validate(valid_repo).diagnostics
    assert d.code == "E301" and "did you mean 'news-a'" in d.hint


def test_unused_source_is_a_warning(valid_repo):
    (valid_repo / "sources" / "unused.yaml").write_text(
        "id: unused\npublisher: P\ntitle: T\nlanguage: en\nkind: news\nstrength: B\nupdated: 2026-01-01\n",
        encoding="utf-8",
    )
    report = validate(valid_repo)
    assert codes(report) == [("sources/unused.yaml", 1, "W303")]
    assert not report.failed() and report.failed(strict=True)


def test_record_link_outside_repository_is_refused(valid_repo, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: evil\n", encoding="utf-8")
    (valid_repo / "sources" / "evil.yaml").symlink_to(outside)
    assert codes(validate(valid_repo)) == [("sources/evil.yaml", 1, "E011")]


def test_unknown_effective_date_needs_a_known_in_force_date(valid_repo):
    edit(valid_repo / STATUTE, "    effective: 2020-06-25\n", "")
    assert codes(validate(valid_repo)) == [(STATUTE, 9, "E207")]
    edit(valid_repo / STATUTE, "  - id: 2020-06-25\n", "  - id: 2020-06-25\n    known_in_force_on: 2021-01-01\n")
    report = validate(valid_repo)
    assert codes(report) == []
    from casebook.law import version_in_force

    statute = report.corpus.by_id("statute")["example-act-2"].model
    assert version_in_force(statute, dt.date(2020, 12, 31)) is None  # not claimed before the known date
    assert version_in_force(statute, dt.date(2021, 1, 1)).id == "2020-06-25"
