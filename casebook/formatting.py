"""Human-readable forms of record values: terms, penalties, money, dates.

Shared by the site and the command line so a penalty reads the same everywhere.
"""

from __future__ import annotations

from casebook.models.statute import Penalty


def term(months: float) -> str:
    """84 -> '7 years'; 42 -> '3 years 6 months'; 67.5 -> '5 years 7 months 15 days'."""
    whole = int(months)
    days = 15 if months - whole else 0
    years, rest = divmod(whole, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    if days:
        parts.append(f"{days} days")
    return " ".join(parts) or "0 months"


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
