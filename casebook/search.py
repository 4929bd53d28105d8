"""Fuzzy bilingual search over records (rapidfuzz), with the reason each result matched.

Users type Korean or English, with typos and romanisation variants (조주빈 / Cho Ju-bin /
Cho Joo-bin / Jo Ju-bin), case numbers (2024도17801) or statute citations in any of the
forms people write them (14조의2, Article 14-2, 14-2, 제14조의2 제4항). Each record
contributes named fields; a query is scored against each field and the best field wins.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from casebook.corpus import Corpus

KINDS = ("case", "statute", "figure", "source")
MIN_SCORE = 60

_ARTICLE = re.compile(
    r"(?:제\s*)?(\d+)\s*조(?:\s*의\s*(\d+))?|\barticle\s*(\d+)(?:\s*-\s*(\d+))?|\bart\.?\s*(\d+)(?:\s*-\s*(\d+))?|^(\d+)-(\d+)$",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """Lowercase, NFC, romanisation variants folded (oo→u, jo→cho at word start), punctuation to spaces."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[\u00b7\u318d\-_/,.'\"()\[\]:;]+", " ", text)
    text = text.replace("oo", "u").replace("eo", "o")
    text = re.sub(r"\bjo(?=\s|$|[a-z])", "cho", text)
    return re.sub(r"\s+", " ", text).strip()


def article_of(query: str) -> str | None:
    """'14조의2', 'Article 14-2', 'Art. 14-2', '14-2' -> '14-2'."""
    m = _ARTICLE.search(query.strip())
    if not m:
        return None
    groups = list(m.groups())
    for i in range(0, len(groups), 2):
        if groups[i]:
            return groups[i] + (f"-{groups[i + 1]}" if groups[i + 1] else "")
    return None


@dataclass(frozen=True)
class Entry:
    kind: str
    id: str
    title: str
    url: str
    fields: tuple[tuple[str, str], ...]  # (field name, text)
    article: str | None = None


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    field: str
    matched: str


def build_entries(corpus: Corpus) -> list[Entry]:
    entries = []
    for r in corpus.typed("case"):
        c = r.model
        fields = [("title", c.title_en), ("title_ko", c.title_ko)] + [("alias", a) for a in c.aliases]
        fields += [("defendant", d.label_en) for d in c.defendants if d.name_officially_disclosed]
        fields += [("case number", p.case_number) for p in c.proceedings if p.case_number]
        fields += [("court", p.court_en) for p in c.proceedings if p.court_en]
        fields.append(("summary", c.summary_en[:300]))
        entries.append(Entry("case", c.id, c.title_en, f"cases/{c.id}.html", tuple(fields)))
    for r in corpus.typed("statute"):
        s = r.model
        main, _, branch = s.article.partition("-")
        ko = f"제{main}조의{branch}" if branch else f"제{main}조"
        fields = [
            ("citation", f"{s.act.short_title_ko or s.act.title_ko} {ko}"),
            ("citation", f"{s.act.title_en} Article {s.article}"),
            ("heading", s.heading_ko),
            ("heading", s.heading_en),
            ("act", s.act.title_ko),
        ]
        title = f"{s.act.short_title_ko or s.act.title_ko} {ko} ({s.heading_en})"
        entries.append(Entry("statute", s.id, title, f"statutes/{s.id}.html", tuple(fields), s.article))
    for r in corpus.typed("figure"):
        f = r.model
        fields = [("metric", f.metric_en), ("agency", f.agency_en)] + (
            [("metric_ko", f.metric_ko)] if f.metric_ko else []
        )
        entries.append(Entry("figure", f.id, f.metric_en, f"statistics.html#{f.id}", tuple(fields)))
    for r in corpus.typed("source"):
        s = r.model
        entries.append(
            Entry(
                "source", s.id, s.title, f"sources/index.html#{s.id}", (("title", s.title), ("publisher", s.publisher))
            )
        )
    return entries


CANDIDATES = 300  # stage-1 shortlist size; stage 2 scores only these


class SearchIndex:
    """All fields of all entries, normalised once and de-duplicated (many records share a
    court's name), searched in two C-speed passes: a cheap token-set shortlist, then
    rapidfuzz's weighted ratio on the shortlist only, so a query stays fast at 10,000 cases."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        positions: dict[str, list[tuple[int, str, str]]] = {}
        for index, entry in enumerate(entries):
            for name, text in entry.fields:
                if text:
                    positions.setdefault(normalise(text), []).append((index, name, text))
        self.choices = list(positions)
        self.positions = [positions[c] for c in self.choices]
        self.by_article: dict[str, list[int]] = {}
        for index, entry in enumerate(entries):
            if entry.article:
                self.by_article.setdefault(entry.article, []).append(index)

    def _shortlist(self, q: str) -> list[int]:
        picked = {
            i
            for _, _, i in process.extract(
                q, self.choices, scorer=fuzz.token_set_ratio, limit=CANDIDATES, score_cutoff=40
            )
        }
        picked |= {i for _, _, i in process.extract(q, self.choices, scorer=fuzz.ratio, limit=CANDIDATES // 3)}
        return sorted(picked)

    def search(self, query: str, kind: str | None = None, limit: int = 10) -> list[Hit]:
        q = normalise(query)
        best: dict[int, Hit] = {}
        article = article_of(query)
        for index in self.by_article.get(article, []) if article else []:
            entry = self.entries[index]
            act = max(
                (fuzz.partial_ratio(normalise(t), q) for n, t in entry.fields if n in ("citation", "act")), default=0
            )
            best[index] = Hit(entry, 90 + act / 10, "article", f"Article {article}")
        shortlist = self._shortlist(q)
        scored = process.extract(
            q, [self.choices[i] for i in shortlist], scorer=fuzz.WRatio, limit=None, score_cutoff=MIN_SCORE
        )
        for _, score, position in scored:
            for owner, name, text in self.positions[shortlist[position]]:
                value = score - 10 if name == "summary" else score  # a summary mention is weaker evidence
                if value >= MIN_SCORE and (owner not in best or value > best[owner].score):
                    best[owner] = Hit(self.entries[owner], value, name, text)
        kind_rank = {k: i for i, k in enumerate(KINDS)}
        hits = [h for h in best.values() if not kind or h.entry.kind == kind]
        hits.sort(key=lambda h: (-h.score, kind_rank[h.entry.kind], h.entry.id))
        return hits[:limit]


def search(entries: list[Entry], query: str, kind: str | None = None, limit: int = 10) -> list[Hit]:
    return SearchIndex(entries).search(query, kind, limit)
