"""Text and JSON answers for the `penalty` and `changes` commands (the reasoning shown)."""

from __future__ import annotations

import json

from casebook.changes import Amendment
from casebook.formatting import penalty as penalty_text
from casebook.models.vocabulary import MENTAL_ELEMENTS
from casebook.penalties import Governing, Provision
from casebook.penalty_timeline import Condition, Finding, Segment


def provision_dict(p: Provision) -> dict:
    return {
        "statute": p.statute.id,
        "version": p.version.id,
        "paragraph": p.paragraph.number,
        "penalty": p.paragraph.penalty.model_dump(mode="json", exclude_none=True),
        "penalty_text": penalty_text(p.paragraph.penalty),
        "requires": [m.value for m in p.paragraph.mental_elements],
        "summary_en": p.paragraph.summary_en,
        "citation_ko": p.citation_ko(),
        "citation_en": p.citation_en(),
        "effective": p.version.effective.isoformat() if p.version.effective else None,
    }


def condition_dict(c: Condition) -> dict:
    return {
        "condition_en": c.text_en,
        "condition_ko": c.text_ko,
        "decisions": list(c.decisions),
        "definition_ko": c.definition_ko,
    }


def finding_dict(f: Finding) -> dict:
    data = provision_dict(f.provision)
    if f.condition is not None:
        data["condition"] = condition_dict(f.condition)
    return data


def governing_dict(g: Governing) -> dict:
    return {
        "at_offence": provision_dict(g.at_offence),
        "at_judgment": provision_dict(g.at_judgment) if g.at_judgment else None,
        "applies": provision_dict(g.applies) if g.applies else None,
        "reason": g.reason,
    }


def _finding_lines(f: Finding) -> list[str]:
    p = f.provision
    lines = [f"- {p.citation_ko()}" + (" — ON A CONDITION" if f.condition else "")]
    if f.condition is not None:
        c = f.condition
        lines.append(f"  Only {c.text_en}.")
        lines.append(f"  ({c.definition_ko}; the test is set by {', '.join(c.decisions) or 'no decision recorded'})")
    lines.append(f"  {p.citation_en()}")
    lines.append(f"  Penalty: {penalty_text(p.paragraph.penalty)}")
    if p.paragraph.mental_elements:
        needs = ", ".join(MENTAL_ELEMENTS[m.value][1] for m in p.paragraph.mental_elements)
        lines.append(f"  Requires: {needs}")
    lines.append(f"  {p.paragraph.summary_en}")
    return lines


def _governing_lines(governing: list[Governing], judged: str) -> list[str]:
    lines = []
    for g in governing:
        lines.append(f"At judgment ({judged}) for {g.at_offence.citation_ko()}:")
        lines.append(f"  {g.reason}.")
        if g.applies is not None:
            lines.append(f"  Governing: {g.applies.citation_ko()}: {penalty_text(g.applies.paragraph.penalty)}")
    return lines


NONE_FOUND = "  No provision in Casebook punished this conduct on that date."
SCOPE_NOTE = "  (Casebook covers the deepfake-related articles it has records for; this is not legal advice.)"


def _new_later(segments: list[Segment]) -> list[tuple[Segment, list[Finding]]]:
    """For each later segment, the findings it adds to the one before (a provision taking effect later)."""
    out = []
    for before, after in zip(segments, segments[1:], strict=False):
        old = {(f.provision.statute.id, f.provision.paragraph.number) for f in before.findings}
        added = [f for f in after.findings if (f.provision.statute.id, f.provision.paragraph.number) not in old]
        if added:
            out.append((after, added))
    return out


def penalty_answer(
    question: dict,
    findings: list[Finding],
    governing: list[Governing] | None,
    later: list[Segment],
    as_json: bool,
) -> str:
    """The answer for one offence date; `later` is the timeline from that date on (provisions to come)."""
    outright = [f for f in findings if f.condition is None]
    conditional = [f for f in findings if f.condition is not None]
    coming = _new_later(later)
    if as_json:
        data = {
            "question": question,
            "provisions": [provision_dict(f.provision) for f in outright],
            "conditional": [finding_dict(f) for f in conditional],
            "later": [
                {"from": seg.start.isoformat(), "provisions": [finding_dict(f) for f in added]} for seg, added in coming
            ],
        }
        if governing is not None:
            data["governing"] = [governing_dict(g) for g in governing]
        return json.dumps(data, ensure_ascii=False, indent=2)
    lines = [
        f"Conduct '{question['conduct']}' ({question['material']} material), victim {question['victim']}, "
        f"on {question['on']}:"
    ]
    if not outright:
        lines.append(
            NONE_FOUND
            if not conditional
            else "  No provision in Casebook punished it outright on that date; on a condition:"
        )
    for f in outright + conditional:
        lines.extend(_finding_lines(f))
    for seg, added in coming:
        names = "; ".join(f.provision.citation_ko() + (" (on a condition)" if f.condition else "") for f in added)
        lines.append(
            f"Not in force on {question['on']}: from {seg.start}, {names} also punishes it; an act before that day "
            "is judged by the law at the time of the act (Criminal Act Art. 1(1))."
        )
    if not findings:
        lines.append(SCOPE_NOTE)
    lines.extend(_governing_lines(governing or [], question["judged"]))
    return "\n".join(lines)


def period_answer(
    question: dict,
    segments: list[Segment],
    continuing: bool,
    governing: list[Governing] | None,
    as_json: bool,
) -> str:
    """The answer for a period: which provisions punish which part of it, and the law at its end."""
    first = next((seg for seg in segments if seg.findings), None)
    at_end = segments[-1]
    if continuing and first is not None:
        summary = (
            f"Kept through the period, it is punishable from {first.start} to {question['to']}"
            + (
                f"; before {first.start} it was not an offence under the articles recorded"
                if first.start > segments[0].start
                else ""
            )
            + ". Possession is a continuing offence: files kept after the offence took effect are punishable from its "
            "entry into force, with no further act needed (Supreme Court, reported by Chosun Ilbo 2026-05-18)."
        )
    elif continuing:
        summary = "No part of the period was punishable under the articles recorded."
    else:
        summary = "Each act is judged by the law on the day it was done (Criminal Act Art. 1(1)): see the part of the period it falls in."
    if as_json:
        data = {
            "question": question,
            "continuing": continuing,
            "periods": [
                {
                    "from": seg.start.isoformat(),
                    "to": seg.end.isoformat() if seg.end else None,
                    "provisions": [provision_dict(f.provision) for f in seg.findings if f.condition is None],
                    "conditional": [finding_dict(f) for f in seg.findings if f.condition is not None],
                }
                for seg in segments
            ],
            "punishable_from": first.start.isoformat() if continuing and first else None,
            "at_end": [finding_dict(f) for f in at_end.findings],
            "summary": summary,
        }
        if governing is not None:
            data["governing"] = [governing_dict(g) for g in governing]
        return json.dumps(data, ensure_ascii=False, indent=2)
    kind = "continuing conduct" if continuing else "acts on dates within the period"
    lines = [
        f"Conduct '{question['conduct']}' ({question['material']} material), victim {question['victim']}, "
        f"from {question['from']} to {question['to']} ({kind}):"
    ]
    for seg in segments:
        lines.append(f"{seg.start} to {seg.end or question['to']}:")
        if not seg.findings:
            lines.append("  No provision in Casebook punished this conduct then.")
        for f in seg.findings:
            lines.extend("  " + line for line in _finding_lines(f))
    lines.append(summary)
    if at_end.findings:
        names = "; ".join(
            f.provision.citation_ko() + (" (on a condition)" if f.condition else "") for f in at_end.findings
        )
        lines.append(f"The law at the end of the period ({question['to']}): {names}.")
    else:
        lines.append(f"At the end of the period ({question['to']}) no provision recorded punished it.")
    lines.extend(_governing_lines(governing or [], question["judged"]))
    return "\n".join(lines)


def changes_answer(items: list[Amendment], as_json: bool) -> str:
    if as_json:
        return json.dumps(
            [
                {
                    "statute": a.statute.id,
                    "from_version": a.old.id,
                    "to_version": a.new.id,
                    "paragraphs": [
                        {
                            "old": c.old.number if c.old else None,
                            "new": c.new.number if c.new else None,
                            "changes": c.deltas,
                            "text_diff": [{"op": op, "text": text} for op, text in c.text_diff],
                        }
                        for c in a.paragraphs
                    ],
                }
                for a in items
            ],
            ensure_ascii=False,
            indent=2,
        )
    lines = []
    for a in items:
        lines.append(f"{a.statute.id}: version {a.old.id} → {a.new.id}")
        for c in a.paragraphs:
            lines.append(f"  {c.label}: {'; '.join(c.deltas) if c.deltas else 'no change in penalty or elements'}")
            if any(op != " " for op, _ in c.text_diff):
                diff = " ".join(f"[-{t}-]" if op == "-" else f"{{+{t}+}}" if op == "+" else t for op, t in c.text_diff)
                excerpt = any(p is not None and p.text_status == "excerpt" for p in (c.old, c.new))
                lines.append(f"    text{' (an excerpt: … marks omissions)' if excerpt else ''}: {diff}")
            elif c.old is not None and c.new is not None and not (c.old.text_ko and c.new.text_ko):
                lines.append("    text: not compared (the Korean text of one version was not retrieved)")
    if not items:
        lines.append("This article has only one version in Casebook: nothing to compare.")
    return "\n".join(lines)
