"""Point-in-time law: which version of an article was in force on a date.

A version is in force from its effective date until the day before the next version's
effective date, or until its repeal date. Versions are validated to be in order, so this
module may assume it. A version whose effective date no source gives counts from the
earliest date a source shows it in force (`known_in_force_on`): before that, this module
does not claim it applied.
"""

from __future__ import annotations

import datetime as dt

from casebook.models.statute import Statute, StatuteVersion


def version_end(statute: Statute, index: int) -> dt.date | None:
    """Last day version `index` was in force, or None while it still is (or may be)."""
    version = statute.versions[index]
    if version.repealed is not None:
        return version.repealed - dt.timedelta(days=1)
    if index + 1 < len(statute.versions):
        return statute.versions[index + 1].starts - dt.timedelta(days=1)
    return None


def version_in_force(statute: Statute, on: dt.date) -> StatuteVersion | None:
    """The version in force on `on`, or None if the article did not apply that day."""
    for index, version in enumerate(statute.versions):
        end = version_end(statute, index)
        if version.starts <= on and (end is None or on <= end):
            return version
    return None


def versions_during(statute: Statute, start: dt.date, end: dt.date) -> list[StatuteVersion]:
    """Every version in force at some point between start and end, inclusive."""
    out = []
    for index, version in enumerate(statute.versions):
        v_end = version_end(statute, index)
        if version.starts <= end and (v_end is None or start <= v_end):
            out.append(version)
    return out
