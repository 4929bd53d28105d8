"""Text and JSON answers for the `penalty` and `changes` commands (the reasoning shown)."""

from __future__ import annotations

import json

from casebook.changes import Amendment
from casebook.formatting import penalty as penalty_text
from casebook.models.vocabulary import MENTAL_ELEMENTS
from casebook.penalties import Governing, Provision


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


def penalty_answer(
    question: dict, provisions: list[Provision], governing: list[Governing] | None, as_json: bool
) -> str:
    if as_json:
        data = {"question": question, "provisions": [provision_dict(p) for p in provisions]}
        if governing is not None:
            data["governing"] = [
                {
                    "at_offence": provision_dict(g.at_offence),
                    "at_judgment": provision_dict(g.at_judgment) if g.at_judgment else None,
                    "applies": provision_dict(g.applies) if g.applies else None,
                    "reason": g.reason,
                }
                for g in governing
            ]
        return json.dumps(data, ensure_ascii=False, indent=2)
    lines = [
        f"Conduct '{question['conduct']}' ({question['material']} material), victim {question['victim']}, "
        f"on {question['on']}:"
    ]
    if not provisions:
        lines.append("  No provision in Casebook punished this conduct on that date.")
        lines.append("  (Casebook covers the deepfake-related articles it has records for; this is not legal advice.)")
    for p in provisions:
        lines.append(f"- {p.citation_ko()}")
        lines.append(f"  {p.citation_en()}")
        lines.append(f"  Penalty: {penalty_text(p.paragraph.penalty)}")
        if p.paragraph.mental_elements:
            needs = ", ".join(MENTAL_ELEMENTS[m.value][1] for m in p.paragraph.mental_elements)
            lines.append(f"  Requires: {needs}")
        lines.append(f"  {p.paragraph.summary_en}")
    for g in governing or []:
        lines.append(f"At judgment ({question['judged']}) for {g.at_offence.citation_ko()}:")
        lines.append(f"  {g.reason}.")
        if g.applies is not None:
            lines.append(f"  Governing: {g.applies.citation_ko()}: {penalty_text(g.applies.paragraph.penalty)}")
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
