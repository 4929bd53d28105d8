"""Human-readable forms of record values: terms, penalties, money, dates.

Shared by the site and the command line so a penalty reads the same everywhere.
"""

from __future__ import annotations

import math
from fractions import Fraction

from casebook.models.statute import Penalty

DAYS_PER_MONTH = 30  # Korean judgments write a third of a month as 10 days, half as 15


def _parts(months) -> tuple[int, int, int, bool]:
    """(years, months, days, a fraction of a day dropped) of a term given in months (exact or float)."""
    exact = Fraction(months).limit_denominator(10_000)
    whole = math.floor(exact)
    days = (exact - whole) * DAYS_PER_MONTH
    years, rest = divmod(whole, 12)
    return years, rest, math.floor(days), days != math.floor(days)


def term(months) -> str:
    """84 -> '7 years'; 42 -> '3 years 6 months'; 67.5 -> '5 years 7 months 15 days'; 122⅔ -> '10 years 2 months 20 days'.

    Days are whole: a fraction of a day left by halving (e.g. 7 months 15 days / 2) is dropped.
    """
    years, rest, days, _ = _parts(months)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    return " ".join(parts) or "0 months"


def term_ko(months) -> str:
    """30 -> '2년 6개월'; 122⅔ -> '10년 2개월 20일', as judgments write terms."""
    years, rest, days, _ = _parts(months)
    parts = [f"{years}년"] if years else []
    if rest:
        parts.append(f"{rest}개월")
    if days:
        parts.append(f"{days}일")
    return " ".join(parts) or "0개월"


def krw(amount: int) -> str:
    return f"KRW {amount:,}"


def penalty(p: Penalty) -> str:
    """One line, e.g. 'up to 7 years or a fine of up to KRW 50,000,000'."""
    pieces = []
    prison = p.imprisonment
    if prison is not None:
        if prison.life and prison.min_months:
            pieces.append(f"life or at least {term(prison.min_months)}")
        elif prison.life:
            pieces.append("life imprisonment")
        elif prison.min_months and prison.max_months:
            pieces.append(f"{term(prison.min_months)} to {term(prison.max_months)}")
        elif prison.min_months:
            pieces.append(f"at least {term(prison.min_months)} (up to 30 years)")
        elif prison.max_months:
            pieces.append(f"up to {term(prison.max_months)}")
        else:
            pieces.append("imprisonment")
    if p.disqualification_max_years:
        pieces.append(f"suspension of qualifications up to {p.disqualification_max_years:g} years")
    if p.fine_max_krw:
        pieces.append(f"a fine of up to {krw(p.fine_max_krw)}")
    joiner = " and " if p.combination == "cumulative" else " or "
    return joiner.join(pieces)
