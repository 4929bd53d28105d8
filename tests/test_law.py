"""Point-in-time lookups: each day maps to at most one version; boundaries fall on effective dates."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from casebook.law import version_in_force, versions_during
from casebook.validate.run import validate_repository
from conftest import FIXTURE_TODAY, FIXTURES

STATUTE = validate_repository(FIXTURES / "valid", today=FIXTURE_TODAY).corpus.by_id("statute")["example-act-2"].model


def test_boundaries():
    assert version_in_force(STATUTE, dt.date(2020, 6, 24)) is None
    assert version_in_force(STATUTE, dt.date(2020, 6, 25)).id == "2020-06-25"
    assert version_in_force(STATUTE, dt.date(2024, 10, 15)).id == "2020-06-25"
    assert version_in_force(STATUTE, dt.date(2024, 10, 16)).id == "2024-10-16"


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_every_day_has_at_most_one_version_and_it_agrees_with_the_range_query(day):
    containing = [v for v in STATUTE.versions if v in versions_during(STATUTE, day, day)]
    found = version_in_force(STATUTE, day)
    assert len(containing) <= 1
    assert containing == ([found] if found else [])
    assert (found is None) == (day < dt.date(2020, 6, 25))


@given(st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 1, 1)), st.integers(0, 4000))
def test_a_period_meets_the_versions_of_its_days(start, length):
    end = start + dt.timedelta(days=length)
    during = versions_during(STATUTE, start, end)
    sampled = [start + dt.timedelta(days=n) for n in range(0, length + 1, 7)] + [end]
    seen = {v.id for day in sampled if (v := version_in_force(STATUTE, day))}
    assert seen <= {v.id for v in during}
