"""The search ranking model as data: field weights, bilingual synonyms, kind preference, and
each record's weighted text, so that the CLI's search and a site build step rank alike.

`ranking_model()` is everything a ranker needs besides the records; `weighted_records(corpus)`
gives each record's fields with their weights (and the derived keywords among them) as plain
dicts, ready to be written out as JSON for the site. `casebook.search` ranks with both.

How a record is scored (casebook/search.py): the query is split into terms (an article
citation in any written form counts as one term, stop words are dropped); each term is matched
against the tokens of a record's fields — exactly, by stem, by prefix, for Hangul inside a
compound, within a typo (rapidfuzz), or through a synonym group (a little weaker) — and takes
its best field's weight; a term found in few records counts for more (inverse document
frequency). A record's score is the sum over terms, plus a bonus when the whole query is one
of its names; sources and figures are scaled down unless the query names them. Ties go to the
record matching more query terms, then more fields, then the kind order, then the id.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from casebook.corpus import Corpus
from casebook.models.vocabulary import CONDUCTS, MATERIALS, RELATIONSHIPS

KINDS = ("statute", "case", "figure", "source")  # the tie-break order, after relevance

# Weight of a match in each field: ids, article numbers and case numbers first, then names and
# aliases, titles, derived keywords; summaries and quotes lowest. "id" matches only as a whole.
FIELD_WEIGHTS: dict[str, float] = {
    "id": 10,  # the whole id; its words alone count for little ("id words")
    "article": 10,
    "case number": 9,
    "defendant": 7,
    "alias": 7,
    "citation": 7,
    "title": 6,
    "title_ko": 6,
    "heading": 6,
    "metric": 6,
    "metric_ko": 6,
    "concept": 9,  # the record a concept names first: 소지 / possession -> Art. 14-2
    "penalty": 6,  # a statute with a penalty is what "penalty", 처벌 ask for
    "act": 4,
    "conduct": 4,  # what a statute punishes (from its paragraphs), material included
    "court": 4,
    "publisher": 4,
    "agency": 4,
    "count": 3,  # a case's counts: their Korean names and what the cited paragraphs punish
    "facts": 3,  # a case's outcomes and facts in words: suspended, fine, teacher-student ...
    "summary": 1.5,
    "quote": 1,
    "id words": 0.5,
}
# Fields whose whole text, when it is the whole query, earns the phrase bonus.
NAME_FIELDS = frozenset(
    {"id", "alias", "title", "title_ko", "defendant", "case number", "citation", "heading", "metric", "metric_ko"}
)
PHRASE_BONUS = 0.5  # of the most the query's terms could score
SYNONYM_QUALITY = 0.9  # a synonym's match counts this much of the word's own

# Concept queries prefer statutes and cases; a source or figure keeps its full score only when
# the query names it: its publisher or agency is in the query, or every term (at least two) is
# in its own title or metric.
KIND_FACTORS: dict[str, float] = {"statute": 1.0, "case": 1.0, "figure": 0.7, "source": 0.5}
NAMING_FIELDS = {"source": ("title", "publisher"), "figure": ("metric", "metric_ko", "agency")}
NAMED_BY = {"source": "publisher", "figure": "agency"}

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "with",
        "for",
        "in",
        "on",
        "at",
        "to",
        "and",
        "or",
        "by",
        "from",
        "about",
        "is",
        "are",
        "was",
        "who",
        "what",
        "which",
        "how",
        "someone",
        "somebody",
        "their",
        "his",
        "her",
        "its",
        "any",
        "into",
        "as",
    ]
)

# Conducts of the vocabulary (casebook/models/vocabulary.py) in the words people search with.
# The Korean statutory verbs come from the vocabulary itself; these are the other forms.
CONDUCT_WORDS: dict[str, tuple[str, ...]] = {
    "film": ("film", "filming", "filmed", "camera", "불법촬영", "몰카"),
    "edit": ("edit", "synthesise", "synthesize", "synthesis", "composite", "face swap", "manipulate"),
    "produce": ("produce", "production", "make", "making", "made", "create"),
    "import-export": ("import", "export"),
    "distribute": ("distribute", "distribution", "spread", "share", "post", "disseminate", "유포", "게시", "공유"),
    "sell": ("sell", "sale", "selling", "sold", "rent"),
    "advertise": ("advertise", "advertisement", "introduce"),
    "possess": ("possess", "possession", "own", "keep", "보관"),
    "transport": ("transport",),
    "purchase": ("purchase", "buy", "bought"),
    "store": ("store", "storage", "save", "saved"),
    "view": ("view", "watch", "watching", "viewing"),
    "threaten": ("threat", "threaten", "blackmail", "extort", "sextortion"),
    "coerce": ("coerce", "coercion", "force"),
    "procure": ("procure",),
    "defame": ("defame", "defamation", "slander"),
    "send-by-telecom": ("send", "message", "통신매체"),
}
# The record a conduct names first: Casebook is about deepfakes, so Art. 14-2 for most.
CONCEPT_RECORDS: dict[str, str] = {
    "edit": "sexual-crimes-act-14-2",
    "distribute": "sexual-crimes-act-14-2",
    "possess": "sexual-crimes-act-14-2",
    "purchase": "sexual-crimes-act-14-2",
    "store": "sexual-crimes-act-14-2",
    "view": "sexual-crimes-act-14-2",
    "threaten": "sexual-crimes-act-14-3",
    "coerce": "sexual-crimes-act-14-3",
    "film": "sexual-crimes-act-14",
    "produce": "youth-protection-act-11",
    "send-by-telecom": "sexual-crimes-act-13",
    "defame": "network-act-70",
}

# Other bilingual groups: outcomes, people, places, courts, platforms. Multi-word members
# ("girl group") match as one phrase.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("딥페이크", "허위영상물", "허위 영상물", "deepfake", "synthetic", "fake video", "합성물", "편집물"),
    ("집행유예", "집유", "suspended", "suspension", "probation"),
    ("벌금", "벌금형", "fine", "fined"),
    ("징역", "실형", "prison", "imprisonment", "jailed", "jail"),
    ("무죄", "acquittal", "acquitted", "acquit"),
    ("공소기각", "dismissed", "dismissal"),
    ("소년부", "소년부 송치", "juvenile", "juvenile division"),
    ("항소", "항소심", "appeal", "appellate"),
    ("파기환송", "remand", "remanded"),
    ("법정구속", "detained in court"),
    ("처벌", "벌칙", "법정형", "penalty", "punishment", "punish", "punishable"),
    ("교사", "여교사", "선생님", "교직원", "teacher", "teaching staff"),
    ("걸그룹", "아이돌", "girl group", "idol", "k pop", "pop star"),
    ("연예인", "유명인", "celebrity", "entertainer"),
    ("유튜버", "youtuber"),
    ("방송인", "스트리머", "streamer", "broadcaster"),
    ("학생", "고교생", "중학생", "대학생", "student"),
    ("동급생", "동창", "동창생", "classmate", "schoolmate"),
    ("지인", "acquaintance"),
    ("미성년", "미성년자", "아동", "청소년", "아동 청소년", "minor", "child", "children", "youth", "teenager"),
    ("성착취물", "아동 청소년성착취물", "csem", "exploitation material"),
    ("음란물", "obscene", "obscenity"),
    ("텔레그램", "telegram"),
    ("트위터", "twitter"),
    ("위장수사", "undercover"),
    ("경찰", "경찰청", "police"),
    ("검거", "arrest", "booked"),
    ("구속", "detention", "detained"),
    ("경합범", "concurrent"),
    ("누범", "repeat offence"),
    ("감경", "mitigation"),
    ("형사미성년자", "criminal minor"),
    ("계속범", "continuing offence"),
    ("인공지능", "ai"),
    ("대법원", "supreme court"),
    ("고등법원", "고법", "high court"),
    ("지방법원", "지법", "district court"),
    ("지원", "branch"),
    ("서울", "seoul"),
    ("부산", "busan"),
    ("인천", "incheon"),
    ("대구", "daegu"),
    ("대전", "daejeon"),
    ("광주", "gwangju"),
    ("울산", "ulsan"),
    ("제주", "jeju"),
    ("수원", "suwon"),
    ("청주", "cheongju"),
    ("춘천", "chuncheon"),
    ("원주", "wonju"),
    ("천안", "cheonan"),
    ("포항", "pohang"),
    ("고양", "goyang"),
    ("안산", "ansan"),
    ("안동", "andong"),
    ("의정부", "uijeongbu"),
    ("홍성", "hongseong"),
    ("서울대", "서울대학교", "snu"),
    ("인하대", "인하대학교", "inha"),
)

# Case numbers: the case-type marks in romanised form (2024도17801 = 2024Do17801).
CASE_TYPES = {"고합": "gohap", "고단": "godan", "고정": "gojeong", "노": "no", "도": "do", "초기": "chogi"}


def normalise(text: str) -> str:
    """Lowercase, NFC, punctuation to spaces, romanisation variants folded (oo→u, eo→o, jo→cho)."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[^\w]+|_", " ", text)
    text = text.replace("oo", "u").replace("eo", "o")
    text = re.sub(r"\bjo(?=\s|$|[a-z])", "cho", text)
    return re.sub(r"\s+", " ", text).strip()


@functools.cache  # asked for every paragraph a count cites: 170,000 times at 10,000 cases
def conduct_terms(conduct: str) -> tuple[str, ...]:
    """Korean statutory verbs (from the vocabulary), the English gloss's verbs, and other forms."""
    korean, english = CONDUCTS[conduct]
    words = [w for w in re.split(r"[·\s]+", korean) if len(w) > 1 and not w.endswith("함")]
    words += [w for w in re.split(r"[,\s]+", english) if w not in STOPWORDS and len(w) > 2]
    return tuple(dict.fromkeys(words + list(CONDUCT_WORDS.get(conduct, ()))))


def synonym_groups() -> list[tuple[str, ...]]:
    """Every synonym group: one per conduct of the vocabulary, then the hand-made ones."""
    return [conduct_terms(c) for c in CONDUCTS] + [tuple(g) for g in SYNONYMS]


def phrases() -> list[str]:
    """Multi-word synonyms, normalised: each is indexed and matched as one token."""
    found = {normalise(m) for group in synonym_groups() for m in group}
    return sorted((p for p in found if " " in p), key=len, reverse=True)


def synonyms_of(text: str) -> list[str]:
    """The members of every synonym group that `text` has a member of, minus those it already
    has: for an index that cannot expand a query itself (the site's Pagefind), the record
    carries them. A member matches as whole words (a phrase as a whole phrase)."""
    return list(_synonyms_of(text))


@functools.lru_cache(maxsize=65536)
def _synonyms_of(text: str) -> tuple[str, ...]:
    # Cached: the site asks for every weighted field of every page in both languages, and
    # the same texts (court names, 딥페이크, the counts' names) recur on thousands of pages;
    # working it out each time was three quarters of rendering (docs/performance.md).
    have = f" {normalise(text)} "
    out: list[str] = []
    for group, members in _normalised_groups():
        if any(f" {m} " in have for m in members):
            out += [m for m, n in zip(group, members, strict=True) if f" {n} " not in have and m not in out]
    return tuple(out)


@functools.cache
def _normalised_groups() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    return tuple((group, tuple(normalise(m) for m in group)) for group in _synonym_index())


def romanised_variants(text: str) -> list[str]:
    """Other spellings of romanised names that `normalise` folds together (Cho Joo-bin, Jo
    Ju-bin, Cho Ju-bin): for an index that matches words as written (the site's Pagefind). A
    hyphenated name also comes joined (Joobin), as Pagefind reads a hyphenated query word."""
    out: list[str] = []
    for name in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text):
        low = name.lower()
        forms = {low.replace("oo", "u"), re.sub(r"(?<!o)u", "oo", low)}
        forms |= {re.sub(r"^cho", "jo", f) for f in forms} | {re.sub(r"^jo", "cho", f) for f in forms}
        forms |= {f.replace("-", "") for f in forms if "-" in f}
        out += [f for f in sorted(forms) if f not in (low, low.replace("-", "")) and f not in out]
    return out


@functools.cache
def _synonym_index() -> tuple[tuple[str, ...], ...]:
    return tuple(synonym_groups())


def ranking_model() -> dict:
    """The model as data (JSON-ready) for a build step: weights, synonyms, kind preference."""
    return {
        "field_weights": dict(FIELD_WEIGHTS),
        "name_fields": sorted(NAME_FIELDS),
        "phrase_bonus": PHRASE_BONUS,
        "synonym_quality": SYNONYM_QUALITY,
        "kind_factors": dict(KIND_FACTORS),
        "kind_order": list(KINDS),
        "naming_fields": {k: list(v) for k, v in NAMING_FIELDS.items()},
        "stopwords": sorted(STOPWORDS),
        "synonyms": [list(g) for g in synonym_groups()],
        "phrases": phrases(),
        "concept_records": dict(CONCEPT_RECORDS),
    }


def article_forms(article: str) -> list[str]:
    """'14-2' -> every way it is written: 14조의2, 제14조의2, Art. 14-2, Article 14-2, 14-2."""
    main, _, branch = article.partition("-")
    ko = f"{main}조의{branch}" if branch else f"{main}조"
    return [ko, f"제{ko}", f"Art. {article}", f"Article {article}", article]


def case_number_forms(number: str) -> str:
    """'2024도17801' -> '2024도17801 2024do17801'."""
    m = re.fullmatch(r"(\d{4})([가-힣]+)(\d+)", number)
    roman = CASE_TYPES.get(m.group(2)) if m else None
    return f"{number} {m.group(1)}{roman}{m.group(3)}" if roman else number


def _court_forms(court_ko: str | None, court_en: str | None) -> list[str]:
    forms = [t for t in (court_ko, court_en) if t]
    if court_ko:  # the short forms people write: 부산지법, 서울고법
        short = court_ko.replace("지방법원", "지법").replace("고등법원", "고법")
        if short != court_ko:
            forms.append(short)
    return forms


def _quotes(citations) -> list[str]:
    return [c.quote[:300] for c in citations or () if c.quote]


def record_fields(corpus: Corpus) -> list[tuple[str, str, str, str, list[tuple[str, str]], str | None]]:
    """(kind, id, title, url, [(field, text)], article) for every searchable record."""
    statutes = {r.model.id: r.model for r in corpus.typed("statute")}
    conducts_of: dict[tuple[str, int], set[str]] = {}
    for s in statutes.values():
        for v in s.versions:
            for p in v.paragraphs:
                conducts_of.setdefault((s.id, p.number), set()).update(str(c) for c in p.conducts)
    concept_of: dict[str, list[str]] = {}
    for conduct, record in CONCEPT_RECORDS.items():
        concept_of.setdefault(record, []).append(" ".join(conduct_terms(conduct)))
    records = []
    for r in corpus.typed("case"):
        c = r.model
        fields = [("id", c.id), ("title", c.title_en), ("title_ko", c.title_ko)] + [("alias", a) for a in c.aliases]
        fields += [("defendant", d.label_en) for d in c.defendants if d.name_officially_disclosed]
        counts, facts, quotes = set(), set(), _quotes(c.sources)
        for p in c.proceedings:
            if p.case_number:
                fields.append(("case number", case_number_forms(p.case_number)))
            fields += [("court", t) for t in _court_forms(p.court_ko, p.court_en)]
            quotes += _quotes(p.sources)
            for o in p.outcomes:
                facts.add(str(o.disposition))
                for count in o.counts:
                    if count.label_ko:
                        counts.add(count.label_ko)
                    for n in count.paragraphs:
                        for conduct in sorted(conducts_of.get((count.statute, n), ())):
                            counts.add(" ".join(conduct_terms(conduct)[:3]))
                s = o.sentence
                if s and s.suspended:
                    facts.add("집행유예 suspended")
                elif s and (s.imprisonment_months or s.life_imprisonment or s.indeterminate):
                    facts.add("징역 prison")
                if s and s.fine_krw:
                    facts.add("벌금 fine")
                if o.facts and o.facts.relationship:
                    for value in o.facts.relationship.values:
                        facts.add(" ".join(RELATIONSHIPS[str(value)]))
        fields += [("count", t) for t in sorted(counts)] + [("facts", t) for t in sorted(facts)]
        fields.append(("summary", c.summary_en[:600]))
        fields += [("quote", q) for q in dict.fromkeys(quotes)]
        records.append(("case", c.id, c.title_en, f"cases/{c.id}.html", fields, None))
    for s in statutes.values():
        main, _, branch = s.article.partition("-")
        ko = f"제{main}조의{branch}" if branch else f"제{main}조"
        act_short = s.act.short_title_ko or s.act.title_ko
        fields = [
            ("id", s.id),
            ("article", " ".join(article_forms(s.article))),
            ("citation", f"{act_short} {ko}"),
            ("citation", f"{s.act.title_en} Article {s.article}"),
            ("heading", s.heading_ko),
            ("heading", s.heading_en),
            ("act", s.act.title_ko),
            ("act", s.act.title_en),
        ]
        conducts, materials, penal = set(), set(), False
        for v in s.versions:
            for p in v.paragraphs:
                conducts.update(str(c) for c in p.conducts)
                materials.update(str(m) for m in p.materials)
                penal = penal or p.penalty is not None
        fields += [("conduct", " ".join(conduct_terms(c))) for c in sorted(conducts)]
        fields += [("conduct", " ".join(MATERIALS[m])) for m in sorted(materials)]
        if penal:
            fields.append(("penalty", "처벌 penalty punishment"))
        fields += [("concept", text) for text in concept_of.get(s.id, ())]
        summary = s.versions[-1].summary_en if s.versions else ""
        fields.append(("summary", summary[:600]))
        title = f"{act_short} {ko} ({s.heading_en})"
        records.append(("statute", s.id, title, f"statutes/{s.id}.html", fields, s.article))
    for r in corpus.typed("figure"):
        f = r.model
        fields = [("id", f.id), ("metric", f.metric_en), ("agency", f.agency_en)]
        fields += [("metric_ko", f.metric_ko)] if f.metric_ko else []
        records.append(("figure", f.id, f.metric_en, f"statistics.html#{f.id}", fields, None))
    for r in corpus.typed("source"):
        s = r.model
        fields = [("id", s.id), ("title", s.title), ("publisher", s.publisher)]
        if s.judgment:
            fields += [("case number", case_number_forms(s.judgment.case_number)), ("court", s.judgment.court_ko)]
        records.append(("source", s.id, s.title, f"sources/index.html#{s.id}", fields, None))
    return records


DERIVED_FIELDS = frozenset({"article", "case number", "concept", "conduct", "penalty", "count", "facts", "court"})


def weighted_records(corpus: Corpus) -> list[dict]:
    """Each record's searchable text with its weights, for a build step (e.g. the site search):
    {kind, id, title, url, fields: [{name, weight, text}], keywords: [...]}; keywords are the
    derived fields' texts (article forms, case numbers, concepts, conducts, counts, facts)."""
    out = []
    for kind, rid, title, url, fields, _ in record_fields(corpus):
        rows = [{"name": n, "weight": FIELD_WEIGHTS[n], "text": t} for n, t in fields if t]
        keywords = list(dict.fromkeys(t for n, t in fields if t and n in DERIVED_FIELDS))
        out.append({"kind": kind, "id": rid, "title": title, "url": url, "fields": rows, "keywords": keywords})
    return out
