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


def explain_in_force(statute: Statute, on: dt.date) -> tuple[StatuteVersion | None, str]:
    """The version in force on `on` and the reason in words (the effective-date basis shown)."""
    version = version_in_force(statute, on)
    if version is not None:
        index = statute.versions.index(version)
        end = version_end(statute, index)
        if version.effective is None:
            basis = f"effective date not retrieved; a source shows it in force on {version.known_in_force_on}"
        else:
            acts = "; ".join(
                f"법률 제{a.number}호" + (f" 부칙: {a.effective_basis_ko}" if a.effective_basis_ko else "")
                for a in version.amending_acts
            )
            basis = f"effective {version.effective}" + (f" ({acts})" if acts else "")
        until = f" until {end}" if end else ""
        return version, f"in force: version {version.id}, {basis}{until}"
    first = statute.versions[0]
    if on < first.starts:
        if first.effective is None:
            return (
                None,
                f"not known to be in force before {first.known_in_force_on} (its effective date was not retrieved)",
            )
        return None, f"no such provision then: the article takes effect on {first.effective}"
    last = statute.versions[-1]
    if last.repealed and on >= last.repealed:
        return None, f"repealed on {last.repealed}"
    return None, "no version of this article is recorded for that date"
