"""What an amendment changed: paragraph-by-paragraph old/new comparison with penalty deltas.

Like law.go.kr's 신구조문대비표: paragraphs are paired by what they punish (their conducts and
kind), because amendments renumber them (Art. 14-2's habitual paragraph moved from 4 to 5),
then the Korean texts are compared word by word and the penalty changes put into words.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from casebook.formatting import krw, term
from casebook.formatting import penalty as penalty_text
from casebook.models.statute import Paragraph, Penalty, Statute, StatuteVersion
from casebook.models.vocabulary import MENTAL_ELEMENTS


@dataclass
class ParagraphChange:
    old: Paragraph | None
    new: Paragraph | None
    text_diff: list[tuple[str, str]] = field(default_factory=list)  # (op, text): op in " ", "-", "+"
    deltas: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        old = f"¶{self.old.number}" if self.old else "—"
        new = f"¶{self.new.number}" if self.new else "—"
        return f"{old} → {new}"


@dataclass
class Amendment:
    statute: Statute
    old: StatuteVersion
    new: StatuteVersion
    paragraphs: list[ParagraphChange]


def _signature(p: Paragraph) -> tuple:
    return (p.kind.value, frozenset(c.value for c in p.conducts))


def pair_paragraphs(old: StatuteVersion, new: StatuteVersion) -> list[tuple[Paragraph | None, Paragraph | None]]:
    """Pair by (kind, conducts); what is left, by number; the rest is added or deleted."""
    pairs: list[tuple[Paragraph | None, Paragraph | None]] = []
    remaining_new = list(new.paragraphs)
    unmatched_old = []
    for p in old.paragraphs:
        match = next((q for q in remaining_new if _signature(q) == _signature(p)), None)
        if match is None:
            unmatched_old.append(p)
            continue
        remaining_new.remove(match)
        pairs.append((p, match))
    for p in unmatched_old:
        match = next((q for q in remaining_new if q.number == p.number and q.kind == p.kind), None)
        if match is not None:
            remaining_new.remove(match)
        pairs.append((p, match))
    pairs.extend((None, q) for q in remaining_new)
    return sorted(pairs, key=lambda pair: (pair[1] or pair[0]).number)


# Sources print the interpunct as U+00B7 or U+318D (the statute mirror); the same text either way.
_INTERPUNCT = str.maketrans({"\u318d": "\u00b7", "\u30fb": "\u00b7"})


def word_diff(old: str | None, new: str | None) -> list[tuple[str, str]]:
    """Word-level diff of two Korean texts; empty when either text was not retrieved."""
    if not old or not new:
        return []
    old_words, new_words = old.translate(_INTERPUNCT).split(), new.translate(_INTERPUNCT).split()
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append((" ", " ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            out.append(("-", " ".join(old_words[a1:a2])))
        if b2 > b1:
            out.append(("+", " ".join(new_words[b1:b2])))
    return out


def _imprisonment_words(p: Penalty | None) -> tuple[str | None, str | None, bool]:
    prison = p.imprisonment if p else None
    if prison is None:
        return None, None, False
    low = term(prison.min_months) if prison.min_months else None
    high = term(prison.max_months) if prison.max_months else None
    return low, high, prison.life


def penalty_deltas(old: Paragraph | None, new: Paragraph | None) -> list[str]:
    if old is None and new is not None:
        if new.penalty is None:
            return ["new paragraph"]
        return [f"new offence: {penalty_text(new.penalty)}"]
    if new is None and old is not None:
        return ["paragraph deleted" + (f" (was: {penalty_text(old.penalty)})" if old.penalty else "")]
    deltas: list[str] = []
    old_low, old_high, old_life = _imprisonment_words(old.penalty)
    new_low, new_high, new_life = _imprisonment_words(new.penalty)
    if old_high and new_low and not new_high and not old_low:
        deltas.append(f"minimum {new_low} replaces maximum {old_high}")
    else:
        if old_high != new_high:
            deltas.append(f"maximum {old_high or 'none stated'} → {new_high or 'none stated'}")
        if old_low != new_low:
            deltas.append(f"minimum {old_low or 'none stated'} → {new_low or 'none stated'}")
    if old_life != new_life:
        deltas.append("life imprisonment " + ("added" if new_life else "removed"))
    old_fine = old.penalty.fine_max_krw if old.penalty else None
    new_fine = new.penalty.fine_max_krw if new.penalty else None
    if old_fine != new_fine:
        deltas.append(f"fine {krw(old_fine) if old_fine else 'none'} → {krw(new_fine) if new_fine else 'none'}")
    old_elements = {m.value for m in old.mental_elements}
    new_elements = {m.value for m in new.mental_elements}
    for element in sorted(old_elements - new_elements):
        deltas.append(f"{MENTAL_ELEMENTS[element][1]} element removed")
    for element in sorted(new_elements - old_elements):
        deltas.append(f"{MENTAL_ELEMENTS[element][1]} element added")
    added = {c.value for c in new.conducts} - {c.value for c in old.conducts}
    if added:
        deltas.append("now also covers " + ", ".join(sorted(added)))
    if old.number != new.number:
        deltas.append(f"renumbered from ¶{old.number} to ¶{new.number}")
    return deltas


def _text_change(old: Paragraph | None, new: Paragraph | None) -> list[tuple[str, str]]:
    """Word diff of a paragraph's text; an added or deleted paragraph shows its whole text."""
    if old is None:
        return [("+", new.text_ko)] if new and new.text_ko else []
    if new is None:
        return [("-", old.text_ko)] if old.text_ko else []
    return word_diff(old.text_ko, new.text_ko)


def amendments(statute: Statute) -> list[Amendment]:
    out = []
    for old, new in zip(statute.versions, statute.versions[1:], strict=False):
        changes = [
            ParagraphChange(a, b, _text_change(a, b), penalty_deltas(a, b)) for a, b in pair_paragraphs(old, new)
        ]
        out.append(Amendment(statute, old, new, changes))
    return out
