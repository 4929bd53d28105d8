"""Text and JSON answers for the `range` command: the statutory range with its steps, and guidelines.

Also parses the command's `--count STATUTE_ID[:PARAGRAPH[,PARAGRAPH]][@YYYY-MM-DD]` and
`--guideline LOW:HIGH` arguments, so a malformed argument is one line and exit code 2.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from casebook.formatting import term, term_ko
from casebook.guideline_range import GuidelineRange
from casebook.statutory_range import CountSpec, StatutoryRange

COUNT_RE = re.compile(r"^(?P<statute>[a-z0-9]+(?:-[a-z0-9]+)*)(?::(?P<paras>[0-9]+(?:,[0-9]+)*))?(?:@(?P<on>.+))?$")
GUIDELINE_RE = re.compile(r"^(?P<low>[0-9]+(?:\.[0-9]+)?):(?P<high>[0-9]+(?:\.[0-9]+)?)$")


def parse_count(text: str, default_on: dt.date | None) -> CountSpec:
    """'youth-protection-act-11:5@2023-07-25' -> CountSpec; ValueError with the reason otherwise."""
    m = COUNT_RE.match(text.strip())
    if not m:
        raise ValueError(f"--count '{text}' is not STATUTE_ID[:PARAGRAPH[,PARAGRAPH]][@YYYY-MM-DD]")
    on = default_on
    if m["on"]:
        try:
            on = dt.date.fromisoformat(m["on"])
        except ValueError:
            raise ValueError(f"--count '{text}': '{m['on']}' is not a date YYYY-MM-DD") from None
    paras = tuple(int(p) for p in m["paras"].split(",")) if m["paras"] else ()
    return CountSpec(m["statute"], paras, on)


def parse_guideline(text: str) -> tuple[float, float]:
    m = GUIDELINE_RE.match(text.strip())
    if not m or float(m["low"]) > float(m["high"]):
        raise ValueError(f"--guideline '{text}' is not LOW:HIGH in months with LOW ≤ HIGH, e.g. 60:108")
    return float(m["low"]), float(m["high"])


def _months(value) -> float | None:
    return None if value is None else round(float(value), 6)


def range_dict(result: StatutoryRange, guideline: GuidelineRange | None = None) -> dict:
    t = result.term
    data = {
        "counts": [
            {
                "statute": c.statute.id,
                "paragraph": c.paragraph.number,
                "version": c.version.id,
                "on": c.spec.on.isoformat() if c.spec.on else None,
                "habitual": c.habitual,
            }
            for c in result.counts
        ],
        "steps": [
            {
                "step": s.key,
                "article": s.article,
                "statutes": list(s.statutes),
                "text": s.text,
                "min_months": _months(s.after.low),
                "max_months": _months(s.after.high),
                "life": s.after.life,
            }
            for s in result.steps
        ],
        "min_months": _months(t.low),
        "max_months": _months(t.high),
        "life": t.life,
        "as_ko": t.words_ko(),
        "suspension_possible": result.suspension_possible,
        "suspension": result.suspension_text,
    }
    if guideline is not None:
        data["guideline"] = {
            "min_months": _months(guideline.low),
            "max_months": _months(guideline.high),
            "as_ko": f"징역 {term_ko(guideline.low)}∼{term_ko(guideline.high)}",
            "steps": guideline.steps,
        }
    return data


def range_answer(result: StatutoryRange, guideline: GuidelineRange | None, as_json: bool) -> str:
    if as_json:
        return json.dumps(range_dict(result, guideline), ensure_ascii=False, indent=2)
    lines = [f"Statutory range (법률상 처단형의 범위): {result.term.words()} — {result.term.words_ko()}"]
    for n, step in enumerate(result.steps[:-1], 1):
        lines.append(f"{n:>2}. [{step.article}] {step.text}")
    lines.append(f"Suspended sentence: {result.suspension_text}.")
    if guideline is not None:
        lines.append(
            f"Guideline range: {term(guideline.low)} to {term(guideline.high)} (징역 {term_ko(guideline.low)}∼{term_ko(guideline.high)})"
        )
        lines.extend(f"  - {s}" for s in guideline.steps)
    lines.append("(Computed from Casebook's statute records; check against the judgment. Not legal advice.)")
    return "\n".join(lines)
