"""Bilingual search over records, with the reason each result matched.

Users type Korean or English, with typos and romanisation variants (조주빈 / Cho Ju-bin /
Cho Joo-bin / Jo Ju-bin), case numbers (2024도17801) or statute citations in any of the
forms people write them (14조의2, Article 14-2, 14-2, 제14조의2 제4항), or a concept
(소지, possession, threatening someone with a deepfake). The ranking model — field weights,
synonyms, kind preference — is data in `casebook.search_model`, shared with the site build;
this module is its term index: each query term is matched against the tokens of each field,
weighted by the field and by how rare the term is, and summed over the terms.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from casebook import search_model as model
from casebook.corpus import Corpus
from casebook.search_model import normalise

__all__ = ["Entry", "Hit", "SearchIndex", "article_of", "build_entries", "normalise", "search", "tokens"]

KINDS = model.KINDS

_HANGUL = re.compile(r"[가-힣]")
_ARTICLE = re.compile(
    r"(?:제\s*)?(\d{1,3})\s*조(?:\s*의\s*(\d{1,2}))?"
    r"|\b(?:article|art)\.?\s*(\d{1,3})(?:\s*-\s*(\d{1,2}))?"
    r"|(?<![\w-])(\d{1,3})-(\d{1,2})(?![\w-])",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"^\s*(?:제\s*\d+\s*항|\(\d+\)|paragraph\s*\d+|para\.?\s*\d+)", re.IGNORECASE)
_PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in model.phrases()) + r")\b")
_SUFFIXES = ("ings", "ing", "ions", "ion", "ers", "er", "ed", "es", "s")


def _split_article(query: str) -> tuple[str | None, str]:
    """The article a query cites ('14조의2', 'Art. 14-2(4)' -> '14-2') and the rest of the query."""
    m = _ARTICLE.search(query)
    if not m:
        return None, query
    groups = m.groups()
    for i in range(0, len(groups), 2):
        if groups[i]:
            article = groups[i] + (f"-{groups[i + 1]}" if groups[i + 1] else "")
            break
    rest = query[m.end() :]
    rest = rest[_PARAGRAPH.match(rest).end() :] if _PARAGRAPH.match(rest) else rest
    return article, query[: m.start()] + " " + rest


def article_of(query: str) -> str | None:
    """'14조의2', 'Article 14-2', 'Art. 14-2', '14-2' -> '14-2'."""
    return _split_article(query.strip())[0]


def tokens(text: str, keep_words: bool = False) -> list[str]:
    """Normalised words, multi-word synonyms ('girl group', 'supreme court') joined into one;
    with keep_words (for records) the phrase's own words are kept too."""
    text = normalise(text)
    joined = _PHRASE.sub(lambda m: m.group(0).replace(" ", ""), text).split()
    return joined + [w for w in text.split() if w not in joined] if keep_words else joined


def stem(token: str) -> str:
    """A light English stemmer: teachers/teacher -> teach, possession -> possess, deepfakes -> deepfak."""
    if len(token) <= 4 or not token.isascii() or not token.isalpha():
        return token
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 4 and not (suffix == "s" and token.endswith("ss")):
            token = token[: -len(suffix)]
            break
    return token[:-1] if token.endswith("e") and len(token) > 4 else token


def _hangul(text: str) -> bool:
    return bool(_HANGUL.search(text))


@dataclass(frozen=True)
class Entry:
    kind: str
    id: str
    title: str
    url: str
    fields: tuple[tuple[str, str], ...]  # (field name, text); weights in search_model.FIELD_WEIGHTS
    article: str | None = None


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float  # 0-100: the share of the most the query's terms could score
    field: str  # the field that contributed most
    matched: str  # its text
    terms: int = 0  # query terms matched
    fields: tuple[str, ...] = ()  # every field that matched
    relevance: float = 0.0  # the raw score the ranking sorts by


def build_entries(corpus: Corpus) -> list[Entry]:
    return [Entry(k, i, t, u, tuple(f), a) for k, i, t, u, f, a in model.record_fields(corpus)]


class SearchIndex:
    """An inverted index of the fields' tokens: a query term is looked up in the vocabulary
    (exact, stem, prefix, Hangul inside a compound, rapidfuzz for typos, synonym groups) and
    only the records holding a matching token are scored, so a query stays fast at 10,000 cases."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.weights: list[list[float]] = []
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.names: dict[str, list[tuple[int, int]]] = defaultdict(list)  # whole names -> (entry, field)
        self.by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
        seen: dict[str, list[str]] = {}
        for index, entry in enumerate(entries):
            weights = []
            for position, (name, text) in enumerate(entry.fields):
                weights.append(model.FIELD_WEIGHTS.get("id words" if name == "id" else name, 1.0))
                if not text:
                    continue
                words = seen.get(text)
                if words is None:
                    words = seen[text] = tokens(text, keep_words=True)
                if name in model.NAME_FIELDS:
                    self.names[" ".join(words)].append((index, position))
                if name == "article":
                    if entry.article:
                        self.by_article[entry.article].append((index, position))
                    continue  # matched only as a citation
                for word in set(words):
                    postings[word].append((index, position))
            self.weights.append(weights)
        self.postings = dict(postings)
        self.vocab = sorted(self.postings)
        self.by_stem: dict[str, list[str]] = defaultdict(list)
        for word in self.vocab:
            self.by_stem[stem(word)].append(word)
        self.latin = [w for w in self.vocab if not _hangul(w) and not any(ch.isdigit() for ch in w)]
        self.hangul = [w for w in self.vocab if _hangul(w)]
        self.groups = [tuple(dict.fromkeys("".join(tokens(m)) for m in g)) for g in model.synonym_groups()]
        self.group_of: dict[str, set[int]] = defaultdict(set)
        for number, group in enumerate(self.groups):
            for member in group:
                self.group_of[member].add(number)
                self.group_of[stem(member)].add(number)
        self.latin_members = sorted(m for m in self.group_of if not _hangul(m) and len(m) >= 5)
        self.hangul_members = sorted((m for m in self.group_of if _hangul(m) and len(m) >= 2), key=len, reverse=True)
        self._like_cache: dict[tuple[str, bool], dict[str, float]] = {}

    def _synonyms(self, term: str) -> dict[int, float]:
        """Synonym groups the term belongs to, with how surely (1 exact or stem, less for a typo)."""
        found = dict.fromkeys(self.group_of.get(term, set()) | self.group_of.get(stem(term), set()), 1.0)
        if _hangul(term):  # a member with a particle or suffix: 협박죄, 딥페이크를
            for member in self.hangul_members:
                if term.startswith(member) and 0 < len(term) - len(member) <= 2:
                    for g in self.group_of[member]:
                        found.setdefault(g, 0.95)
        elif len(term) >= 5 and not found:
            for member, score, _ in process.extract(
                term, self.latin_members, scorer=fuzz.ratio, score_cutoff=88, limit=3
            ):
                for g in self.group_of[member]:
                    found.setdefault(g, score / 100 * 0.85)
        return found

    def _like(self, word: str, typos: bool) -> dict[str, float]:
        """Vocabulary tokens matching a word, each with a quality from 0 to 1."""
        key = (word, typos)
        if key in self._like_cache:
            return self._like_cache[key]
        out: dict[str, float] = dict.fromkeys(self.by_stem.get(stem(word), ()), 0.95)
        if word in self.postings:
            out[word] = 1.0
        if _hangul(word):
            if len(word) >= 2:
                for t in self.hangul:
                    if word in t and t not in out:
                        out[t] = 0.95 if t.startswith(word) else 0.8
        elif len(word) >= 3 and not word.isdigit():
            at = bisect.bisect_left(self.vocab, word)
            while at < len(self.vocab) and self.vocab[at].startswith(word):
                out.setdefault(self.vocab[at], 0.9)
                at += 1
            if typos and len(word) >= 4 and not any(ch.isdigit() for ch in word):
                cutoff = 85 if len(word) <= 5 else 80
                for t, score, _ in process.extract(word, self.latin, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8):
                    out.setdefault(t, 0.75 * score / 100)
        if len(self._like_cache) > 20000:
            self._like_cache.clear()
        self._like_cache[key] = out
        return out

    def _term_tokens(self, term: str) -> dict[str, float]:
        found = dict(self._like(term, typos=True))
        for group, sureness in self._synonyms(term).items():
            for member in self.groups[group]:
                if member == term:
                    continue
                for t, quality in self._like(member, typos=False).items():
                    value = model.SYNONYM_QUALITY * sureness * quality
                    if value > found.get(t, 0):
                        found[t] = value
        return found

    def search(self, query: str, kind: str | None = None, limit: int = 10) -> list[Hit]:
        article, rest = _split_article(query)
        words = list(dict.fromkeys(tokens(rest)))
        terms = [w for w in words if w not in model.STOPWORDS] or words
        n = len(self.entries) or 1
        score: dict[int, float] = defaultdict(float)
        matched_terms: dict[int, int] = defaultdict(int)
        contribution: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
        touched: dict[int, set[int]] = defaultdict(set)  # every field any term matched
        naming: dict[int, int] = defaultdict(int)  # terms found in a source's or figure's own naming fields
        named: set[int] = set()
        most = 0.0
        if article:
            idf = math.log(1 + n)
            most += idf * model.FIELD_WEIGHTS["article"]
            for index, position in self.by_article.get(article, ()):
                score[index] += idf * model.FIELD_WEIGHTS["article"]
                matched_terms[index] += 1
                contribution[index][position] += idf * model.FIELD_WEIGHTS["article"]
        for term in terms:
            best: dict[int, tuple[float, int]] = {}
            in_naming: set[int] = set()
            for word, quality in self._term_tokens(term).items():
                for index, position in self.postings[word]:
                    touched[index].add(position)
                    value = self.weights[index][position] * quality
                    if value > best.get(index, (0.0, 0))[0]:
                        best[index] = (value, position)
                    entry_kind = self.entries[index].kind
                    if entry_kind in model.NAMING_FIELDS:
                        name = self.entries[index].fields[position][0]
                        if name in model.NAMING_FIELDS[entry_kind]:
                            in_naming.add(index)
                        if name == model.NAMED_BY[entry_kind] and quality >= 0.9:
                            named.add(index)
            idf = math.log(1 + n / len(best)) if best else math.log(1 + n)
            most += idf * max(model.FIELD_WEIGHTS.values())
            for index, (value, position) in best.items():
                score[index] += idf * value
                matched_terms[index] += 1
                contribution[index][position] += idf * value
            for index in in_naming:
                naming[index] += 1
        whole = " ".join(tokens(query))
        for index, position in self.names.get(whole, ()):
            if index in score or not terms:
                bonus = model.PHRASE_BONUS * most
                score[index] += bonus
                contribution[index][position] += bonus
        kind_rank = {k: i for i, k in enumerate(KINDS)}
        hits = []
        for index, raw in score.items():
            entry = self.entries[index]
            if kind and entry.kind != kind:
                continue
            named_by_query = index in named or (len(terms) >= 2 and naming[index] >= len(terms))
            if entry.kind in model.NAMING_FIELDS and not named_by_query:
                raw *= model.KIND_FACTORS[entry.kind]
            parts = contribution[index]
            top = max(parts, key=lambda p: (parts[p], -p))
            name, text = entry.fields[top]
            if name == "article":
                text = f"Article {entry.article}"
            fields = tuple(dict.fromkeys(entry.fields[p][0] for p in sorted(touched[index] | set(parts))))
            shown = min(100.0, 100 * raw / most) if most else 0.0
            hits.append(Hit(entry, shown, name, text, matched_terms[index], fields, raw))
        hits.sort(key=lambda h: (-round(h.relevance, 9), -len(h.fields), -h.terms, kind_rank[h.entry.kind], h.entry.id))
        return hits[:limit]


def search(entries: list[Entry], query: str, kind: str | None = None, limit: int = 10) -> list[Hit]:
    return SearchIndex(entries).search(query, kind, limit)
