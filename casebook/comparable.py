"""Which decisions are alike and how they differ: the comparable decisions of each decision.

A decision is one defendant's outcome at one instance (casebook.outcomes.decisions), keyed
`<case id>/<proceeding id>/<defendant id>`. Two decisions are compared on the features a
sentencing court and a defence lawyer look at first, each worth a weight (`WEIGHTS`, the model
as data, like casebook/search_model.py for search):

- the provisions charged: the counts' statute paragraphs (overlap of the two sets);
- the version of each shared article in force on the offence dates (the law engine's
  `versions_during`, or the version a count pins);
- minors among the victims (casebook.precedents.minors_involved);
- the number of victims, in doubling bands (1, 2-3, 4-7, 8-15, ...): 3 and 12 are two bands
  apart;
- the relationship to the victims (overlap of the stated relationships);
- the prior record; the instance.

Each feature scores +1 (same) to -1 (different) times its weight, and 0 when either decision's
record does not state it: unknown is neither a match nor a mismatch, and the page says
"not stated". Listed are, per decision, the `TOP` highest-scoring decisions of other cases whose
outcome is known, from deepfake cases (a benchmark case's decision may also list benchmark
decisions). Ties go to the decision with more facts known, then the later date, then the key.

Scale: decisions are not compared pairwise. Their features are small discrete values, so
decisions with the same features fall in one bucket, and buckets are compared with each other,
only where they share an article (blocking) or one of them states no provision at all. Every
decision in a bucket has the same ranking of buckets, so each bucket's best candidates are
found once, and each decision takes its own from them, skipping its own case. The cost is
about decisions × buckets, not decisions² (`Comparables.comparisons` counts the work).
"""

from __future__ import annotations

import datetime as dt
import gc
import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field

from markupsafe import Markup

from casebook.corpus import Corpus
from casebook.law import versions_during
from casebook.models.case import Case, CountRef, Defendant, DefendantOutcome, Proceeding
from casebook.outcomes import decisions, outcome_class
from casebook.precedents import fact_value, facts_coded, minors_involved

# How much each feature weighs: a feature adds its weight when the two decisions agree on it,
# takes it away when they differ, and adds nothing when either record does not state it.
WEIGHTS: dict[str, float] = {
    "provision": 10,  # the same statute paragraphs charged
    "version": 6,  # the same version of each shared article (Art. 14-2 before or after 2024-10-16)
    "minors": 4,  # minors among the victims or not
    "victims": 3,  # number of victims, by doubling bands
    "relationship": 2,  # relationship to the victims
    "prior_record": 2,  # 전과
    "level": 1,  # the same instance
}
VICTIM_BAND_SPAN = 3  # bands apart at which the numbers of victims count as fully different
TOP = 5  # comparable decisions listed per decision
# The order of the points on the page ("how it compares").
POINT_ORDER = ("provision", "version", "minors", "victims", "relationship", "prior_record")


def decision_key(case: Case, proc: Proceeding, outcome: DefendantOutcome) -> str:
    """A decision's stable key, as the finder's `like=` uses it."""
    return f"{case.id}/{proc.id}/{outcome.defendant}"


def decision_anchor(proc: Proceeding, outcome: DefendantOutcome) -> Markup:
    """The id of a decision on its case page (ids are slugs, which never hold '--')."""
    return Markup(f"decision-{proc.id}--{outcome.defendant}")


def victim_band(n: int) -> int:
    """0 for none, then 1, 2-3, 4-7, 8-15, ... (doubling bands: a log distance)."""
    return n.bit_length()


@dataclass(frozen=True)
class Features:
    """What the model compares, as discrete values; None where the record does not say."""

    provisions: frozenset[tuple[str, int]] | None  # (statute, paragraph); None: no counts recorded
    versions: tuple[tuple[str, tuple[str, ...] | None], ...]  # per statute: version ids in force
    minors: bool | None
    victims_band: int | None
    relationship: frozenset[str] | None
    prior_record: str | None
    level: str

    def known(self) -> int:
        """How many of the features the record states."""
        stated = [
            self.provisions is not None,
            any(v is not None for _, v in self.versions),
            self.minors is not None,
            self.victims_band is not None,
            self.relationship is not None,
            self.prior_record is not None,
        ]
        return sum(stated)


@dataclass(frozen=True)
class Decision:
    key: str
    case: Case
    proc: Proceeding
    outcome: DefendantOutcome
    features: Features
    facts_coded: int
    decided: dt.date | None

    @property
    def defendant(self) -> Defendant | None:
        return next((d for d in self.case.defendants if d.id == self.outcome.defendant), None)

    @property
    def anchor(self) -> Markup:
        return decision_anchor(self.proc, self.outcome)


@dataclass(frozen=True)
class Point:
    """One way two decisions compare: `relation` is same, partly (overlapping sets), differs or
    unknown (one of them does not state it); `this` and `other` are the values (None: not stated)."""

    feature: str
    relation: str
    this: object
    other: object


@dataclass(frozen=True)
class Comparable:
    """A decision like another one: the decision itself, its score and how the two compare."""

    decision: Decision
    score: float
    points: tuple[Point, ...]

    @property
    def key(self) -> str:
        return self.decision.key

    @property
    def case(self) -> Case:
        return self.decision.case

    @property
    def proc(self) -> Proceeding:
        return self.decision.proc

    @property
    def outcome(self) -> DefendantOutcome:
        return self.decision.outcome


def count_versions(statutes: dict, case: Case, count: CountRef) -> tuple[str, ...] | None:
    """The version(s) of the count's article in force during its offences (the one it pins),
    or None where that cannot be told (no dates, or the record says the version is not reported)."""
    if count.version:
        return (count.version,)
    statute = statutes.get(count.statute)
    period = count.offence_period or case.offence_period
    if statute is None or period is None or count.version_not_reported_en:
        return None
    during = versions_during(statute, period.from_.earliest(), (period.to or period.from_).latest())
    return tuple(v.id for v in during) or None


def features_of(statutes: dict, case: Case, proc: Proceeding, outcome: DefendantOutcome) -> Features:
    facts = outcome.facts
    get = (lambda name: getattr(facts, name)) if facts is not None else (lambda name: None)
    provisions = frozenset((c.statute, p) for c in outcome.counts for p in c.paragraphs) or None
    per_statute: dict[str, tuple[str, ...] | None] = {}
    for count in outcome.counts:
        versions = count_versions(statutes, case, count)
        if count.statute in per_statute and per_statute[count.statute] != versions:
            # Counts of one article under different versions: all of them, or unknown if one is.
            known = per_statute[count.statute]
            versions = None if known is None or versions is None else tuple(sorted({*known, *versions}))
        per_statute[count.statute] = versions
    victims, relationship, prior = get("victims"), get("relationship"), get("prior_record")
    return Features(
        provisions=provisions,
        versions=tuple(sorted(per_statute.items())),
        minors=minors_involved(case, outcome),
        victims_band=victim_band(victims.value) if victims is not None else None,
        relationship=frozenset(v.value for v in relationship.values) if relationship is not None else None,
        prior_record=prior.value.value if prior is not None else None,
        level=proc.level.value,
    )


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b)


def _agreement(relation: str, share: float = 1.0) -> float:
    """+1 same, -1 different, 0 unknown; overlapping sets in between (2 × share - 1)."""
    return {"same": 1.0, "differs": -1.0, "unknown": 0.0}.get(relation, 2 * share - 1)


def _set_relation(a: frozenset | None, b: frozenset | None) -> tuple[str, float]:
    if a is None or b is None:
        return "unknown", 0.0
    share = _overlap(a, b)
    return ("same" if share == 1 else "differs" if share == 0 else "partly"), share


def _versions_relation(a: Features, b: Features) -> tuple[str, float]:
    ours, theirs = dict(a.versions), dict(b.versions)
    shared = [s for s in ours if s in theirs and ours[s] is not None and theirs[s] is not None]
    if not shared:
        return "unknown", 0.0
    share = sum(ours[s] == theirs[s] for s in shared) / len(shared)
    return ("same" if share == 1 else "differs" if share == 0 else "partly"), share


def _value_relation(a, b) -> str:
    if a is None or b is None:
        return "unknown"
    return "same" if a == b else "differs"


def score(a: Features, b: Features) -> float:
    """How alike two decisions' features are (higher is more alike); see WEIGHTS."""
    total = 0.0
    relation, share = _set_relation(a.provisions, b.provisions)
    total += WEIGHTS["provision"] * _agreement(relation, share)
    relation, share = _versions_relation(a, b)
    total += WEIGHTS["version"] * _agreement(relation, share)
    total += WEIGHTS["minors"] * _agreement(_value_relation(a.minors, b.minors))
    if a.victims_band is not None and b.victims_band is not None:
        apart = min(abs(a.victims_band - b.victims_band), VICTIM_BAND_SPAN)
        total += WEIGHTS["victims"] * (1 - 2 * apart / VICTIM_BAND_SPAN)
    relation, share = _set_relation(a.relationship, b.relationship)
    total += WEIGHTS["relationship"] * _agreement(relation, share)
    total += WEIGHTS["prior_record"] * _agreement(_value_relation(a.prior_record, b.prior_record))
    total += WEIGHTS["level"] * _agreement(_value_relation(a.level, b.level))
    return total


def points(this: Decision, other: Decision) -> tuple[Point, ...]:
    """How two decisions compare, feature by feature, with the values as the records state
    them; a feature neither record states is left out."""
    a, b = this.features, other.features
    out = []
    provision, _ = _set_relation(a.provisions, b.provisions)
    if a.provisions is not None or b.provisions is not None:
        out.append(Point("provision", provision, a.provisions, b.provisions))
    if a.provisions is not None and b.provisions is not None:
        version, _ = _versions_relation(a, b)
        ours, theirs = dict(a.versions), dict(b.versions)
        shared = sorted(set(ours) & set(theirs))
        both = [s for s in shared if ours[s] and theirs[s]]
        if both:  # compared where both records tell the version
            out.append(
                Point("version", version, tuple((s, ours[s]) for s in both), tuple((s, theirs[s]) for s in both))
            )
        elif any(ours[s] or theirs[s] for s in shared):
            this_v = tuple((s, ours[s]) for s in shared if ours[s]) or None
            other_v = tuple((s, theirs[s]) for s in shared if theirs[s]) or None
            out.append(Point("version", "unknown", this_v, other_v))
    if a.minors is not None or b.minors is not None:
        out.append(Point("minors", _value_relation(a.minors, b.minors), a.minors, b.minors))
    for name in ("victims", "relationship", "prior_record"):
        ours = getattr(this.outcome.facts, name, None) if this.outcome.facts else None
        theirs = getattr(other.outcome.facts, name, None) if other.outcome.facts else None
        if ours is None and theirs is None:
            continue
        if name == "victims":
            relation = _value_relation(*(f.value if f else None for f in (ours, theirs)))
        elif name == "relationship":
            relation, _ = _set_relation(a.relationship, b.relationship)
        else:
            relation = _value_relation(a.prior_record, b.prior_record)
        out.append(Point(name, relation, ours, theirs))
    return tuple(out)


@dataclass
class _Bucket:
    features: Features
    relevance: str
    known: int
    members: list[Decision] = field(default_factory=list)  # candidates only, best first
    sources: list[Decision] = field(default_factory=list)  # every decision with these features


@dataclass
class Comparables:
    """Per decision key, its comparable decisions, best first."""

    by_key: dict[str, list[Comparable]]
    decisions: dict[str, Decision]
    comparisons: int  # features compared (bucket against bucket) plus candidates looked at

    def of(self, key: str) -> list[Comparable]:
        return self.by_key.get(key, [])

    def keys(self, key: str) -> list[str]:
        return [c.key for c in self.of(key)]


def _tie_break(d: Decision) -> tuple:
    """Within equal scores: more facts known, then the later decision, then the key."""
    return (-d.facts_coded, -(d.decided.toordinal() if d.decided else 0), d.key)


def collect(corpus: Corpus) -> list[Decision]:
    statutes = {k: r.model for k, r in corpus.by_id("statute").items()}
    out = []
    for record in sorted(corpus.typed("case"), key=lambda r: r.model.id):
        case = record.model
        for proc, outcome in decisions(case):
            out.append(
                Decision(
                    key=decision_key(case, proc, outcome),
                    case=case,
                    proc=proc,
                    outcome=outcome,
                    features=features_of(statutes, case, proc, outcome),
                    facts_coded=facts_coded(outcome),
                    decided=proc.decided.earliest() if proc.decided is not None else None,
                )
            )
    return out


def build(corpus: Corpus, top: int = TOP) -> Comparables:
    """Every decision's comparable decisions (see the module docstring for the method)."""
    # The cyclic collector would rescan the whole corpus each time the new small objects pile
    # up (three quarters of the time at 1,000 cases); what is built here holds no cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(corpus, top)
    finally:
        if was_enabled:
            gc.enable()


def _build(corpus: Corpus, top: int) -> Comparables:
    found = collect(corpus)
    buckets: dict[tuple, _Bucket] = {}
    for d in found:
        bucket_key = (d.features, d.case.relevance)
        bucket = buckets.get(bucket_key)
        if bucket is None:
            bucket = buckets[bucket_key] = _Bucket(d.features, d.case.relevance, d.features.known())
        bucket.sources.append(d)
        if outcome_class(d.outcome) != "not-reported":
            bucket.members.append(d)
    candidates = [b for b in buckets.values() if b.members]
    for b in candidates:
        b.members.sort(key=_tie_break)
    # Blocking: the candidate buckets citing each article, and those citing none.
    by_statute: dict[str, list[int]] = {}
    no_counts: list[int] = []
    for n, b in enumerate(candidates):
        if b.features.provisions is None:
            no_counts.append(n)
        for statute in {s for s, _ in b.features.provisions or ()}:
            by_statute.setdefault(statute, []).append(n)
    # However many decisions one case holds, a bucket's best `top + largest` candidates hold the
    # `top` best of other cases for each of its decisions.
    largest = max((sum(len(p.outcomes) for p in r.model.proceedings) for r in corpus.typed("case")), default=0)
    reach = top + largest
    comparisons = 0
    by_key: dict[str, list[Comparable]] = {}
    for source in buckets.values():
        if source.features.provisions is None:
            near = range(len(candidates))
        else:
            statutes = {s for s, _ in source.features.provisions}
            near = sorted({n for s in statutes for n in by_statute.get(s, ())} | set(no_counts))
        scored: dict[tuple[float, int], list[_Bucket]] = {}
        for n in near:
            other = candidates[n]
            if other.relevance != "deepfake" and source.relevance == "deepfake":
                continue
            comparisons += 1
            scored.setdefault((score(source.features, other.features), other.known), []).append(other)
        ranked = _best(scored, reach)
        for d in source.sources:
            picked = []
            for c_score, other in ranked:
                comparisons += 1
                if other.case.id == d.case.id:
                    continue
                picked.append(Comparable(other, c_score, points(d, other)))
                if len(picked) == top:
                    break
            by_key[d.key] = picked
    return Comparables(by_key, {d.key: d for d in found}, comparisons)


def _best(scored: dict[tuple[float, int], list[_Bucket]], reach: int) -> list[tuple[float, Decision]]:
    """The first `reach` candidates by score, facts known, then the tie-break within buckets."""
    out: list[tuple[float, Decision]] = []
    for group_key in sorted(scored, key=lambda k: (-k[0], -k[1])):
        merged: Iterator[Decision] = heapq.merge(*(b.members for b in scored[group_key]), key=_tie_break)
        for d in merged:
            out.append((group_key[0], d))
            if len(out) == reach:
                return out
    return out


def comparables_of(corpus: Corpus) -> Comparables:
    """The comparable decisions of the corpus, computed once per corpus and then reused (by
    the case pages of both languages and the finder's data)."""
    return corpus.memo("comparable", lambda: build(corpus))


# In words -------------------------------------------------------------------------------------
def _provisions_text(provisions, statutes: dict, L) -> str:
    """성폭력처벌법 제14조의2 제1항·제2항 on Korean pages; the ids (sexual-crimes-act-14-2 ¶1, ¶2)
    on English ones, as their count lines write them (the English act titles are long)."""
    by_statute: dict[str, list[int]] = {}
    for statute, paragraph in sorted(provisions):
        by_statute.setdefault(statute, []).append(paragraph)
    out = []
    for statute_id, paragraphs in by_statute.items():
        statute = statutes.get(statute_id)
        if L.ko and statute is not None:
            act = statute.act.short_title_ko or statute.act.title_ko
            out.append(f"{act} {L.article(statute)} " + "·".join(f"제{p}항" for p in paragraphs))
        else:
            out.append(f"{statute_id} ¶{', ¶'.join(map(str, paragraphs))}")
    return "; ".join(out)


def _versions_text(versions, statutes: dict, L) -> str:
    if len(versions) == 1:
        return ", ".join(versions[0][1])

    def name(statute_id: str) -> str:
        statute = statutes.get(statute_id)
        return L.article(statute) if L.ko and statute is not None else statute_id

    return "; ".join(f"{name(s)} {', '.join(ids)}" for s, ids in versions)


def _value_text(point: Point, value, facts, statutes: dict, L) -> str:
    if value is None:
        return L.s("cmp.not_stated")
    if point.feature == "provision":
        return _provisions_text(value, statutes, L)
    if point.feature == "version":
        return _versions_text(value, statutes, L)
    if point.feature == "minors":
        return L.s("yes" if value else "no")
    return fact_value(point.feature, value, facts, L)


def point_text(point: Point, this: Decision, other: Decision, L, statutes: dict | None = None) -> Markup:
    """A point in the words of a site language `L` (casebook.i18n.Lang): 'same provision and
    version', 'victims: 3 vs 12', 'prior record: no prior record vs not stated'. `statutes`
    (id -> Statute) names the articles on Korean pages."""
    statutes = statutes or {}
    what = L.s(f"cmp.f.{point.feature}")
    ours = _value_text(point, point.this, this.outcome.facts, statutes, L)
    theirs = _value_text(point, point.other, other.outcome.facts, statutes, L)
    if point.relation == "same":
        if point.feature == "provision":
            return L.t("cmp.same_provision")
        if point.feature == "version":
            return L.t("cmp.same_version", value=ours)
        return L.t("cmp.same", what=what, value=ours)
    return L.t("cmp.differs", what=what, this=ours, other=theirs)


def points_text(comparable: Comparable, this: Decision, L, statutes: dict | None = None) -> list[Markup]:
    """The points of a comparable decision in words; the same provision and version in one."""
    items = list(comparable.points)
    relations = {p.feature: p.relation for p in items}
    other = comparable.decision
    if relations.get("provision") == "same" and relations.get("version") == "same":
        rest = [p for p in items if p.feature not in ("provision", "version")]
        return [L.t("cmp.same_provision_version"), *(point_text(p, this, other, L, statutes) for p in rest)]
    return [point_text(p, this, other, L, statutes) for p in items]
