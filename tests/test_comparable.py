"""Comparable decisions: a lawyer looking at a decision sees the decisions of other cases most
like it (same provision and version first, then minors, victims, relationship, prior record),
with their sentences and how they differ; unknown facts are neither matches nor mismatches;
the lists are the same in every run and are found without comparing all pairs."""

from __future__ import annotations

import random
import sys
import urllib.parse
from pathlib import Path

import pytest

from casebook import comparable
from casebook.i18n import Lang
from casebook.outcomes import outcome_class
from conftest import FIXTURE_TODAY, REPO, validate

KO, EN = Lang("ko"), Lang("en")


def fact(name: str, value) -> str:
    """A sentencing fact in YAML, citing the fixture's news source."""
    if name == "relationship":
        return f"          relationship: {{values: [{value}], sources: [{{source: news-a}}]}}\n"
    return f"          {name}: {{value: {value}, sources: [{{source: news-a}}]}}\n"


def write_case(
    repo: Path,
    case_id: str,
    *,
    offences: str = "{from: 2022-01, to: 2023-06}",
    paragraphs: str = "[1]",
    facts: dict | None = None,
    relevance: str = "deepfake",
    decided: str = "2024-05-02",
    disposition: str = "sentenced",
    title_en: str | None = None,
) -> None:
    """A one-decision case (first instance, one defendant) under the fixture's example-act-2."""
    facts_yaml = "".join(fact(k, v) for k, v in (facts or {}).items())
    sentence = "        sentence: {imprisonment_months: 18}\n" if disposition == "sentenced" else ""
    text = (
        f"id: {case_id}\ntitle_ko: 사건 {case_id}\ntitle_en: {title_en or 'Case ' + case_id}\n"
        f"relevance: {relevance}\nsummary_en: A comparison case.\noffence_period: {offences}\n"
        "defendants:\n  - id: kim-40\n    label_en: Kim (40)\n    label_ko: 김모(40)\n    role_en: Offender.\n"
        "proceedings:\n  - id: first-instance\n    level: first-instance\n    court_en: Example District Court\n"
        f"    decided: {decided}\n    outcomes:\n      - defendant: kim-40\n        disposition: {disposition}\n"
        f"        counts:\n          - statute: example-act-2\n            paragraphs: {paragraphs}\n"
        f"            outcome: convicted\n{sentence}"
        + (f"        facts:\n{facts_yaml}" if facts_yaml else "")
        + "        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n"
        "sources:\n  - source: news-a\nupdated: 2026-01-01\n"
    )
    (repo / "cases" / f"{case_id}.yaml").write_text(text, encoding="utf-8")


SUBJECT = {"prior_record": "none", "victims": 3, "relationship": "schoolmate", "minor_victims": 0}


def keys(found: comparable.Comparables, key: str) -> list[str]:
    return found.keys(key)


def corpus_of(repo: Path):
    report = validate(repo)
    assert not list(report.errors), [d.message for d in report.errors]
    return report.corpus


def test_the_same_provision_version_and_facts_rank_above_what_differs(valid_repo):
    write_case(valid_repo, "subject", facts=SUBJECT)
    write_case(valid_repo, "twin", facts=SUBJECT)
    # Same facts, but the offences fall after the 2024-10-16 amendment: another version.
    write_case(
        valid_repo, "later-version", offences="{from: 2024-11, to: 2025-01}", decided="2025-06-02", facts=SUBJECT
    )
    # Same provision and version, other facts: a prior record, 40 victims, strangers.
    other = {"prior_record": "similar-offence", "victims": 40, "relationship": "stranger", "minor_victims": 0}
    write_case(valid_repo, "other-facts", facts=other)
    found = comparable.build(corpus_of(valid_repo))
    listed = keys(found, "subject/first-instance/kim-40")
    assert listed[0] == "twin/first-instance/kim-40"
    assert listed.index("twin/first-instance/kim-40") < listed.index("later-version/first-instance/kim-40")
    assert listed.index("twin/first-instance/kim-40") < listed.index("other-facts/first-instance/kim-40")
    twin, *_ = found.of("subject/first-instance/kim-40")
    this = found.decisions["subject/first-instance/kim-40"]
    assert comparable.points_text(twin, this, EN)[0] == "same provision and version"
    later = next(c for c in found.of("subject/first-instance/kim-40") if c.case.id == "later-version")
    words = "; ".join(comparable.points_text(later, this, EN))
    assert "same provision" in words and "version: 2020&#45;06&#45;25 vs 2024&#45;10&#45;16" in words
    differs = next(c for c in found.of("subject/first-instance/kim-40") if c.case.id == "other-facts")
    words = "; ".join(comparable.points_text(differs, this, EN))
    assert "victims: 3 vs 40" in words
    assert "prior record: no prior record vs a prior conviction for a similar offence" in words


def test_a_decision_of_the_same_case_is_never_listed(valid_repo):
    # example-case has two decisions (first instance and appeal) that agree on everything but the
    # instance: each is the other's closest, and neither may list it.
    write_case(valid_repo, "elsewhere")
    found = comparable.build(corpus_of(valid_repo))
    assert keys(found, "example-case/first-instance/lee-30") == ["elsewhere/first-instance/kim-40"]
    assert keys(found, "example-case/appeal/lee-30") == ["elsewhere/first-instance/kim-40"]
    real = comparable.build(validate(REPO, today=dt_today()).corpus)
    for key, items in real.by_key.items():
        assert all(c.case.id != key.split("/")[0] for c in items), key


def dt_today():
    import datetime as dt

    return dt.date(2026, 12, 2)


def test_unknown_facts_are_neither_matches_nor_mismatches(valid_repo):
    write_case(valid_repo, "subject", facts={"prior_record": "none"})
    write_case(valid_repo, "known-same", facts={"prior_record": "none"}, decided="2024-01-01")
    write_case(valid_repo, "not-stated", decided="2024-02-01")  # later: ahead on a tie
    write_case(valid_repo, "known-other", facts={"prior_record": "similar-offence"}, decided="2024-03-01")
    found = comparable.build(corpus_of(valid_repo))
    listed = [k.split("/")[0] for k in keys(found, "subject/first-instance/kim-40")]
    # An unstated prior record does not count as the same one, nor as a different one.
    assert listed.index("known-same") < listed.index("not-stated") < listed.index("known-other")
    this = found.decisions["subject/first-instance/kim-40"]
    scores = {c.case.id: c.score for c in found.of(this.key)}
    weight = comparable.WEIGHTS["prior_record"]
    assert scores["known-same"] - weight == scores["not-stated"] == scores["known-other"] + weight
    unstated = next(c for c in found.of(this.key) if c.case.id == "not-stated")
    assert [p.relation for p in unstated.points if p.feature == "prior_record"] == ["unknown"]
    assert "prior record: no prior record vs not stated" in comparable.points_text(unstated, this, EN)
    assert "전과: 전과 없음 &#40;초범&#41; 대 기재 없음" in comparable.points_text(unstated, this, KO)
    # A fact neither record states is left out (victims, relationship here).
    assert not {p.feature for p in unstated.points} & {"victims", "relationship"}


def test_only_known_outcomes_of_deepfake_cases_are_listed_unless_the_decision_is_a_benchmark(valid_repo):
    write_case(valid_repo, "unreported", disposition="not-reported")
    write_case(valid_repo, "benchmark-a", relevance="benchmark")
    write_case(valid_repo, "benchmark-b", relevance="benchmark")
    found = comparable.build(corpus_of(valid_repo))
    for key, items in found.by_key.items():
        assert "unreported/first-instance/kim-40" not in [c.key for c in items]
        if not key.startswith("benchmark-"):
            assert all(c.case.relevance == "deepfake" for c in items), key
    assert "benchmark-b/first-instance/kim-40" in keys(found, "benchmark-a/first-instance/kim-40")
    # A decision whose outcome is not reported still gets its own list.
    assert keys(found, "unreported/first-instance/kim-40")
    real = comparable.build(validate(REPO, today=dt_today()).corpus)
    listed = [c for items in real.by_key.values() for c in items]
    assert listed and all(outcome_class(c.outcome) != "not-reported" for c in listed)


def naive(found: comparable.Comparables, top: int = comparable.TOP) -> dict[str, list[str]]:
    """All pairs, the slow way: what the bucketed search must give."""
    decisions = list(found.decisions.values())
    out = {}
    for d in decisions:
        candidates = [
            o
            for o in decisions
            if o.case.id != d.case.id
            and outcome_class(o.outcome) != "not-reported"
            and (o.case.relevance == "deepfake" or d.case.relevance != "deepfake")
        ]
        candidates.sort(
            key=lambda o: (-comparable.score(d.features, o.features), -o.features.known(), *comparable._tie_break(o))
        )
        out[d.key] = [o.key for o in candidates[:top]]
    return out


def test_the_bucketed_search_finds_what_comparing_all_pairs_finds_on_the_real_records():
    found = comparable.build(validate(REPO, today=dt_today()).corpus)
    assert len(found.decisions) > 50
    assert {k: [c.key for c in v] for k, v in found.by_key.items()} == naive(found)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    sys.path.insert(0, str(REPO / "bench"))
    from generate_corpus import generate

    root = generate(tmp_path_factory.mktemp("generated") / "corpus", 100)
    return validate(root).corpus


def test_it_does_not_compare_all_pairs(generated):
    found = comparable.build(generated)
    n = len(found.decisions)
    assert n > 300
    assert found.comparisons < n * n / 4
    assert {k: [c.key for c in v] for k, v in found.by_key.items()} == naive(found)


def test_the_lists_are_the_same_in_every_run_whatever_the_order_of_the_files(valid_repo):
    for n, facts in enumerate([SUBJECT, {}, {"victims": 3}, {"prior_record": "none"}, SUBJECT, {}]):
        write_case(valid_repo, f"case-{n}", facts=facts, decided="2024-05-02")  # equal dates: ties
    first = comparable.build(corpus_of(valid_repo))
    corpus = corpus_of(valid_repo)
    random.Random(7).shuffle(corpus.records)
    again = comparable.build(corpus)
    as_keys = {k: [c.key for c in v] for k, v in first.by_key.items()}
    assert as_keys == {k: [c.key for c in v] for k, v in again.by_key.items()}
    assert keys(first, "case-0/first-instance/kim-40")[0] == "case-4/first-instance/kim-40"
    # Equal scores: more facts known first, then (equal dates here) the key.
    listed = first.of("case-1/first-instance/kim-40")
    tied = [c.decision for c in listed if c.score == listed[0].score]
    assert len(tied) == comparable.TOP
    assert [d.key for d in tied] == [
        d.key for d in sorted(tied, key=lambda d: (-d.features.known(), -d.facts_coded, d.key))
    ]
    assert [d.case.id for d in tied[:2]] == ["case-0", "case-4"]  # all four facts stated


def test_the_case_pages_are_the_same_in_two_runs(valid_repo):
    from casebook.site.render import render_pages

    for n, facts in enumerate([SUBJECT, {}, {"victims": 3}, SUBJECT]):
        write_case(valid_repo, f"case-{n}", facts=facts)
    once = render_pages(corpus_of(valid_repo), FIXTURE_TODAY)
    twice = render_pages(corpus_of(valid_repo), FIXTURE_TODAY)
    assert "Comparable decisions" in once["en/cases/case-0.md"]
    assert {k: v for k, v in once.items() if "/cases/" in k} == {k: v for k, v in twice.items() if "/cases/" in k}


@pytest.fixture
def pages(valid_repo):
    from casebook.site.render import render_pages

    write_case(valid_repo, "subject", facts=SUBJECT, title_en="Subject case")
    write_case(valid_repo, "twin", facts=SUBJECT, title_en="Twin case")
    write_case(valid_repo, "not-stated", title_en="Unstated case")
    return render_pages(corpus_of(valid_repo), FIXTURE_TODAY)


def section(page: str, heading: str) -> str:
    start = page.index(f"## {heading}\n")
    return page[start : page.index("\n## ", start + 1)]


def test_each_case_page_lists_them_in_its_language(pages):
    en = section(pages["en/cases/subject.md"], "Comparable decisions")
    ko = section(pages["ko/cases/subject.md"], "비슷한 판결")
    # The twin first, linked to its decision, with its sentence and how it compares.
    rows = [line for line in en.splitlines() if line.startswith("<tr><td>")]
    assert rows[0].startswith(
        '<tr><td><a href="twin.html#decision-first-instance--kim-40">Twin case</a><br>Kim &#40;40&#41;</td>'
    )
    assert "<td>1 year 6 months imprisonment</td>" in rows[0] and "same provision and version" in rows[0]
    assert "<td>Example District Court<br>first instance, 2 May 2024</td>" in rows[0]
    assert any("victims: 3 vs not stated" in row for row in rows)
    key = urllib.parse.quote("subject/first-instance/kim-40", safe="")
    assert f'href="../finder.html?like={key}"' in en and f'href="../finder.html?like={key}"' in ko
    assert 'id="decision-first-instance--kim-40"' in pages["en/cases/twin.md"]
    ko_rows = [line for line in ko.splitlines() if line.startswith("<tr><td>")]
    assert ko_rows[0].startswith(
        '<tr><td><a href="twin.html#decision-first-instance--kim-40">사건 twin</a><br>김모&#40;40&#41;</td>'
    )
    assert "<td>징역 1년 6개월</td>" in ko_rows[0] and "같은 조항·같은 버전" in ko_rows[0]
    assert "전과: 전과 없음 &#40;초범&#41; (같음)" in ko_rows[0]
    assert any("피해자 수: 3 대 기재 없음" in row for row in ko_rows)
    assert "판결 찾기에서 이 판결과 비슷한 판결 찾기" in ko
    assert "<th>사건·피고인</th><th>법원·심급·선고일</th><th>선고</th><th>같은 점과 다른 점</th>" in ko
    from test_i18n import english_labels

    shown = sorted(label for label in english_labels() if label in ko)
    assert not shown, shown


def test_the_finder_rows_carry_the_key_and_the_comparable_keys(valid_repo):
    from casebook.site.render import sentence_text
    from casebook.site.tooldata import finder_rows

    write_case(valid_repo, "subject", facts=SUBJECT)
    write_case(valid_repo, "twin", facts=SUBJECT)
    corpus = corpus_of(valid_repo)
    rows = finder_rows(corpus, lambda s: sentence_text(s, EN), EN)
    by_key = {r["key"]: r for r in rows}
    assert set(by_key) == set(comparable.comparables_of(corpus).decisions)
    assert by_key["subject/first-instance/kim-40"]["like"][0] == "twin/first-instance/kim-40"
    assert all(set(r["like"]) <= set(by_key) for r in rows)
