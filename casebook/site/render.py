"""Render validated records into Markdown pages (Jinja2), one page per record plus indexes.

Templates receive typed models and small view helpers, never raw YAML. Every printed value is
escaped by the environment's `finalize` (escape.inert) unless it is `Markup` from a trusted
helper: ids in links go through `slug`, URLs through `urlsafe`, front matter through `fm`.
"""

from __future__ import annotations

import datetime as dt
import functools
import urllib.parse
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from casebook import formatting, parallel, search_model
from casebook.changes import amendments
from casebook.comparable import Comparables, comparables_of, decision_anchor, decision_key, points_text
from casebook.corpus import Corpus
from casebook.diagnostic_codes import code_table
from casebook.i18n import DEFAULT as DEFAULT_LANGUAGE
from casebook.i18n import LANGUAGES, Lang, court_citation_ko
from casebook.law import version_end, version_in_force, versions_during
from casebook.models.case import Case, CountRef, DefendantOutcome, Sentence
from casebook.models.statute import Statute, StatuteVersion
from casebook.outcomes import OUTCOME_CLASSES, final_decisions, outcome_class
from casebook.parallel import fork_map
from casebook.penalties import Provision
from casebook.precedents import coverage, fact_value, own_judgment, stated_facts
from casebook.ranges import guideline_tiers, lawful_range, place_against_guideline, place_sentence
from casebook.site import exports, feed, overview, tooldata
from casebook.site.escape import code, front_matter, inert, md, slug
from casebook.site.search_words import search_words_file

TEMPLATES = Path(__file__).parent / "templates"
ROMANISED_FIELDS = frozenset({"defendant", "alias", "title"})  # names are spelt several ways
SITE_SEARCH_MIN_WEIGHT = 1.5  # fields the model weighs at this or less stay out of the site index
# What a statute is the first answer for — the conducts the model's concepts send to it (소지,
# possession -> Art. 14-2) and its heading ("criminal minors", "undercover investigation") — as
# Pagefind metadata: a metadata match adds to a page's score by its field's weight (search.js
# RANKING.metaWeights), which is how a statute outranks the cases named after its conduct, as
# the CLI's kind preference ranks it (Pagefind has no per-page or per-kind boost).
# The statistics page, one section per figure, carries its figures' names once for the page
# (Pagefind keeps one value per metadata key and page).
CONCEPT_FIELDS = {"statute": frozenset({"concept", "heading"}), "figure": frozenset({"metric", "metric_ko"})}
PAGEFIND_WEIGHT_SCALE = 8.1  # the model's 9 (a concept's statute, a case number) at Pagefind's 10


def urlsafe(url: str) -> Markup:
    """Percent-encode a (schema-checked http/https) URL so it cannot break out of a Markdown link."""
    if not url.startswith(("https://", "http://")):
        return Markup("#")
    return Markup(urllib.parse.quote(url, safe=":/?#&=%~.,;+@!$*-_"))


LAW_GO_KR_HOSTS = ("law.go.kr", "www.law.go.kr")


def is_law_go_kr(url: str | None) -> bool:
    """A record's address on the national law portal (only such addresses are linked as law.go.kr)."""
    if not url or not url.startswith("https://") and not url.startswith("http://"):
        return False
    return urllib.parse.urlsplit(url).hostname in LAW_GO_KR_HOSTS


def copyable(text: object, L: Lang) -> Markup:
    """A citation with a copy button beside it (assets/javascripts/copy.js): the text inert,
    the button's words from the catalogue."""
    label = md(L.s("copy.label"))  # no record text in attributes (tests/test_escaping.py)
    return Markup(
        f'<code class="cb-citation">{md(text)}</code>'
        f'<button type="button" class="cb-copy" aria-label="{label}" '
        f'data-cb-copied="{md(L.s("copy.copied"))}" data-cb-selected="{md(L.s("copy.selected"))}">'
        f"{md(L.s('copy.button'))}</button>"
    )


def paragraph_anchor(version: StatuteVersion, paragraph) -> Markup:
    """The id of a paragraph of a version (statutes/<id>.html#version-2024-10-16-p4)."""
    item = f"-{int(paragraph.item)}" if paragraph.item else ""
    return Markup(f"version-{slug(version.id)}-p{int(paragraph.number)}{item}")


def article_ko(statute: Statute) -> str:
    main, _, branch = statute.article.partition("-")
    return f"{main}조의{branch}" if branch else f"{main}조"


EN = Lang("en")


def sentence_text(s: Sentence | None, L: Lang = EN) -> str:
    """A sentence in words: 징역 1년 6개월, 집행유예 2년 / 1 year 6 months imprisonment, suspended for 2 years."""
    if s is None:
        return L.s("s.not_reported")
    parts = []
    if s.life_imprisonment:
        parts.append(L.s("s.life"))
    if s.imprisonment_months:
        parts.append(L.s("s.prison", term=L.term(s.imprisonment_months)))
    if s.indeterminate:
        parts.append(
            L.s("s.indeterminate", short=L.term(s.indeterminate.short_months), long=L.term(s.indeterminate.long_months))
        )
    if s.suspended:
        if s.suspended.period_months:
            suspended = L.s("s.suspended", term=L.term(s.suspended.period_months))
        else:
            suspended = L.s("s.suspended_unknown")
        extra = []
        if s.suspended.probation:
            extra.append(L.s("s.probation"))
        if s.suspended.community_service_hours:
            extra.append(L.s("s.community_service", hours=s.suspended.community_service_hours))
        parts.append(", ".join([suspended, *extra]))
    if s.fine_krw:
        parts.append(L.s("s.fine", amount=L.krw(s.fine_krw)))
    if s.protective_disposition_ko:
        parts.append(L.s("s.protective", what=s.protective_disposition_ko))
    return ", ".join(parts)


def outcome_text(o: DefendantOutcome, L: Lang = EN) -> str:
    text = sentence_text(o.sentence, L) if o.disposition.value == "sentenced" else L.v("disposition", o.disposition)
    if o.appeal_result:
        text = L.s("s.appeal", result=L.v("appeal_result", o.appeal_result), text=text)
    return text


def ancillary_text(o: DefendantOutcome, L: Lang = EN) -> str:
    a = o.ancillary
    if a is None:
        return ""
    parts = []
    if a.treatment_program_hours:
        parts.append(L.s("a.treatment", hours=a.treatment_program_hours))
    if a.other_program_hours:
        parts.append(L.s("a.other_program", hours=a.other_program_hours))
    if a.employment_ban_years:
        parts.append(L.s("a.employment_ban", years=L.years(a.employment_ban_years)))
    if a.disclosure_years:
        parts.append(L.s("a.disclosure_years", years=L.years(a.disclosure_years)))
    elif a.disclosure_ordered:
        parts.append(L.s("a.disclosure"))
    if a.notification_years:
        parts.append(L.s("a.notification_years", years=L.years(a.notification_years)))
    elif a.notification_ordered:
        parts.append(L.s("a.notification"))
    if a.electronic_monitoring_years:
        parts.append(L.s("a.monitoring", years=L.years(a.electronic_monitoring_years)))
    if a.forfeiture_krw:
        parts.append(L.s("a.forfeiture", amount=L.krw(a.forfeiture_krw)))
    if a.collection_krw:
        parts.append(L.s("a.collection", amount=L.krw(a.collection_krw)))
    return "; ".join(parts)


def _text_of(obj, name: str) -> str | None:
    """A record field by name, or None when the model has no such field (looked up first:
    a missing attribute on a pydantic model raises, slowly)."""
    if obj is None or name not in type(obj).model_fields:
        return None
    return getattr(obj, name)


@functools.cache
def _environment() -> Environment:
    """The templates' environment: escaping by `finalize`, the safe filters. The language's
    helpers (catalogue, record text, citations) are passed to each render, not kept here,
    so both languages' renderers share the compiled templates."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=False,  # Markdown, not HTML: `finalize` escapes for Markdown and HTML at once
        finalize=inert,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, urlsafe=urlsafe, slug=slug, fm=front_matter, code=code)
    for name in sorted(p.name for p in TEMPLATES.glob("*.j2")):  # compiled before any fork
        env.get_template(name)
    return env


class Renderer:
    def __init__(
        self,
        corpus: Corpus,
        today,
        lang: str = "en",
        *,
        comparables: Comparables | None = None,
        weighted: list[dict] | None = None,
    ):
        """`comparables` and `weighted` (search_model.weighted_records) stand in for those of
        the whole corpus, for the preview's quick pass, which renders one case's pages."""
        self.lang = lang
        self.L = L = Lang(lang)
        self.corpus = corpus
        self.today = today
        self.statutes = {k: r.model for k, r in corpus.by_id("statute").items()}
        self.sources = {k: r.model for k, r in corpus.by_id("source").items()}
        self.judgments = {k: s for k, s in self.sources.items() if s.judgment is not None}
        self.cases = {k: r.model for k, r in corpus.by_id("case").items()}
        self.base = "../"  # path from the page being rendered to the site root
        self._cited_by: dict[str, list[Case]] | None = None
        self._comparables = comparables
        self._search_fields: dict[tuple[str, str], dict] | None = (
            None if weighted is None else {(r["kind"], r["id"]): r for r in weighted}
        )
        self.env = _environment()  # one per process: both languages share the compiled templates
        self.helpers = dict(  # noqa: C408 - names as in the templates
            L=L,
            t=L.t,
            v=L.v,
            date=L.date,
            ko=L.ko,
            lang=lang,
            field=self.field,
            field_text=self.field_text,
            other_lang=self.other_lang,
            penalty=L.penalty,
            cite=self.cite,
            sentence=lambda s: sentence_text(s, L),
            outcome=lambda o: outcome_text(o, L),
            applied_version=self.applied_version,
            facts_of=self.facts_of,
            fact_label=lambda name: L.v("fact", name),
            term=L.term,
            judgment_of=self.judgment_of,
            period=lambda p: overview.period_label(p, L),
            phrase=L.phrase,
            requires=lambda p: ", ".join(L.v("mental_element", m) for m in p.mental_elements),
            decision_anchor=decision_anchor,
        )

    @property
    def comparables(self) -> Comparables:
        """The comparable decisions of the whole corpus, worked out once per corpus (not per page)."""
        return self._comparables if self._comparables is not None else comparables_of(self.corpus)

    def _render(self, name: str, **context) -> str:
        """A template with this language's helpers; the page's own values come on top."""
        return self.env.get_template(name).render({**self.helpers, **context})

    # Record text in the page's language ---------------------------------------------------
    def other_lang(self, text: object, lang: str) -> Markup:
        """Record text in another language than the page's, marked as such (`lang`), as text."""
        if text is None or text == "":
            return Markup("")
        if lang == self.lang:
            return md(text)
        return Markup(f'<span lang="{lang}">{md(text)}</span>')

    def field(self, obj, name: str, missing: str = "missing") -> Markup:
        """A record's `<name>_ko` on Korean pages, `<name>_en` on English ones. A record that has
        it only in the other language shows that, marked with its language and a note saying so
        (never a translation); nothing when it has neither."""
        own = _text_of(obj, f"{name}_{self.lang}")
        if own:
            return md(own)
        other = _text_of(obj, f"{name}_{self.L.other}")
        if not other:
            return Markup("")
        note = self.L.t(f"{missing}_{self.lang}")
        return Markup(f'{self.other_lang(other, self.L.other)} <span class="cb-other-lang-note">({note})</span>')

    def field_text(self, obj, name: str) -> str:
        """The same choice as plain text (for front matter and data files): own language first."""
        return _text_of(obj, f"{name}_{self.lang}") or _text_of(obj, f"{name}_{self.L.other}") or ""

    def cite(self, citation) -> Markup:
        source = self.sources.get(citation.source)
        name = md(source.publisher if source else citation.source)
        link = f"[{name}]({self.base}sources/index.md#{slug(citation.source)})"
        if citation.quote:
            quote_lang = source.language if source is not None and source.language in LANGUAGES else self.lang
            link += f": “{self.other_lang(citation.quote, quote_lang)}”"
        return Markup(f'<span class="cb-cite">{link}</span>')

    def facts_of(self, outcome: DefendantOutcome) -> list[dict]:
        """The facts a decision's record states, each with its value in words and its citations."""
        return [
            {"name": name, "value": fact_value(name, fact, outcome.facts, self.L), "sources": fact.sources}
            for name, fact in stated_facts(outcome)
        ]

    def judgment_of(self, proc):
        """The decision's own judgment (a cited source of kind judgment with its case number)."""
        return own_judgment(proc, self.judgments)

    def applied_version(self, case: Case, count: CountRef) -> str:
        statute = self.statutes.get(count.statute)
        if statute is None:
            return ""
        if count.version:
            return count.version
        period = count.offence_period or case.offence_period
        if period is None:
            return ""
        start, end = period.from_.earliest(), (period.to or period.from_).latest()
        return ", ".join(v.id for v in versions_during(statute, start, end))

    def citation_court(self, statute: Statute, version: StatuteVersion, paragraph: int | None = None) -> str:
        return court_citation_ko(statute, version, paragraph)

    def citation_ko(self, statute: Statute, version: StatuteVersion) -> str:
        act = statute.act.short_title_ko or statute.act.title_ko
        e = version.effective
        if e is None:
            return f"{act} 제{article_ko(statute)}"
        return f"{act} 제{article_ko(statute)} ({e.year}. {e.month}. {e.day}. 시행)"

    def citation_en(self, statute: Statute, version: StatuteVersion) -> str:
        since = version.effective.isoformat() if version.effective else f"by {version.known_in_force_on}"
        return f"{statute.act.title_en}, Art. {statute.article} (version in force from {since})"

    def law_go_kr_links(self, version: StatuteVersion) -> list[str]:
        """law.go.kr addresses the version's record gives (its paragraphs' sources), never
        built from a title: a version whose sources hold none gets no link."""
        urls = []
        for c in [*version.sources, *(c for p in version.paragraphs for c in p.sources)]:
            source = self.sources.get(c.source)
            url = source.url if source is not None else None
            if is_law_go_kr(url) and url not in urls:
                urls.append(url)
        return urls

    def case_judgments(self, case: Case) -> list[dict]:
        """The judgments of a case that are on law.go.kr, by case number, in decision order."""
        out, seen = [], set()
        for proc in _in_decision_order(case):
            judgment = own_judgment(proc, self.judgments)
            if judgment is None or not is_law_go_kr(judgment.url) or judgment.id in seen:
                continue
            seen.add(judgment.id)
            out.append({"number": judgment.judgment.case_number, "url": judgment.url})
        return out

    def statute_page(self, statute: Statute) -> str:
        timeline = [{"version": v, "end": version_end(statute, i)} for i, v in enumerate(statute.versions)]
        cited_by = self.cited_by().get(statute.id, [])
        return self._render(
            "statute.md.j2",
            amendments=amendments(statute),
            today=self.today,
            para_citation=lambda v, p: Provision(statute, v, p).citation_ko(),
            para_citation_en=lambda v, p: Provision(statute, v, p).citation_en(),
            statute=statute,
            article_ko=article_ko(statute),
            current=version_in_force(statute, self.today),
            timeline=timeline,
            cited_by=sorted(cited_by, key=lambda c: c.id),
            citation_ko=lambda v: self.citation_ko(statute, v),
            citation_en=lambda v: self.citation_en(statute, v),
            citation_court=lambda v, p=None: self.citation_court(statute, v, p),
            search=self.search_fields("statute", statute.id),
            copyable=lambda text: copyable(text, self.L),
            anchor=paragraph_anchor,
            law_go_kr=self.law_go_kr_links,
            case_judgments=self.case_judgments,
        )

    def weighted_records(self) -> dict[tuple[str, str], dict]:
        """(kind, id) -> the search model's weighted fields of the record, worked out once."""
        if self._search_fields is None:
            # The same in both languages: worked out once per corpus (5 s at 10,000 cases).
            weighted = self.corpus.memo("weighted records", lambda: search_model.weighted_records(self.corpus))
            self._search_fields = {(r["kind"], r["id"]): r for r in weighted}
        return self._search_fields

    def search_fields(self, kind: str, record_id: str, outcomes: tuple[str, ...] = ()) -> dict:
        """What search_fields.md.j2 puts in a record's page for the site search: the search
        model's weighted fields (the same as the CLI's, casebook/search_model.py) at Pagefind's
        weights, and the kind and outcome filters in the page's language. Summaries, quotes and
        id words are left out: the page shows its summary, and the rest would only make the
        index bigger for little (they weigh 1.5 and less in the model)."""
        record = self.weighted_records().get((kind, record_id), {"fields": []})
        best: dict[str, dict] = {}  # a text written once, at its best field's weight
        for f in record["fields"]:
            if f["weight"] > SITE_SEARCH_MIN_WEIGHT and f["weight"] > best.get(f["text"], {"weight": 0})["weight"]:
                best[f["text"]] = f
        fields, concepts = [], []
        for text, f in best.items():
            weight = pagefind_weight(f["weight"])
            if f["name"] in CONCEPT_FIELDS.get(kind, ()):
                concepts += [text, *search_model.synonyms_of(text)]
            fields.append({"weight": weight, "text": text})
            # Pagefind cannot expand a query through the model's synonyms: the page carries
            # them, a little weaker, as the CLI counts a synonym's match.
            synonyms = search_model.synonyms_of(text)
            if f["name"] in ROMANISED_FIELDS:
                synonyms += search_model.romanised_variants(text)
            if synonyms:
                fields.append({"weight": round(weight * search_model.SYNONYM_QUALITY, 1), "text": " ".join(synonyms)})
        return {
            "fields": fields,
            # What a statute is the first answer for, as Pagefind metadata (CONCEPT_FIELDS).
            "concepts": " ".join(concepts),
            "kind": self.L.v("kind", kind),
            "outcomes": [self.L.v("outcome_short", o) for o in outcomes],
        }

    def cited_by(self) -> dict[str, list[Case]]:
        """Statute id -> the cases with a count under it (one pass over the cases, not one per statute)."""
        if self._cited_by is None:
            self._cited_by = {}
            for case in self.cases.values():
                cited = {c.statute for p in case.proceedings for o in p.outcomes for c in o.counts}
                for statute_id in cited:
                    self._cited_by.setdefault(statute_id, []).append(case)
        return self._cited_by

    def falls(self, case: Case, proc, outcome: DefendantOutcome) -> str:
        lawful = lawful_range(self.corpus, case, outcome)
        if lawful is None:
            return ""
        where = place_sentence(lawful, outcome)
        first = self._first_instance(case, proc)
        months = outcome.sentence.imprisonment_months if outcome.sentence else None
        if months is not None and first is not None:
            for match in guideline_tiers(self.corpus, first.indicted, outcome.counts):
                text = place_against_guideline(months, match)
                if text:
                    where.append(text)
        life = " or life" if lawful.life_available else ""
        span = f"{formatting.term(lawful.min_months)} to {formatting.term(lawful.max_months)}{life}"
        text = f"range {span}: " + "; ".join(where) if where else f"range {span}"
        return self.L.phrase(text)  # ranges.py words it in English

    @staticmethod
    def _first_instance(case: Case, proc):
        """Follow appeal_from down to the first instance (where the indictment date lives)."""
        by_id = {p.id: p for p in case.proceedings}
        seen = set()
        while proc is not None and proc.appeal_from and proc.id not in seen:
            seen.add(proc.id)
            proc = by_id.get(proc.appeal_from[0])
        return proc

    def case_page(self, case: Case) -> str:
        labels = {d.id: self.field(d, "label") for d in case.defendants}
        L = self.L
        rows = [
            {
                "defendant": labels.get(o.defendant, o.defendant),
                "level": L.v("level", p.level),
                "court": self.field(p, "court") or L.t("not_reported"),
                "decided": L.date(p.decided) or L.s("not_reported"),
                "outcome": outcome_text(o, L),
                "ancillary": ancillary_text(o, L),
                "falls": self.falls(case, p, o),
            }
            for d in case.defendants
            for p in case.proceedings
            for o in p.outcomes
            if o.defendant == d.id
        ]
        # Two figures disagree only when they count the same thing over the same scope.
        values: dict[tuple[str, str], set] = {}
        for count in case.reported_counts:
            if not count.defendants:
                values.setdefault((count.counted.value, count.scope_en or ""), set()).add(count.value)
        conflicting = sorted({L.v("counted", k[0]) for k, v in values.items() if len(v) > 1})
        timeline = _in_decision_order(case)
        return self._render(
            "case.md.j2",
            timeline=timeline,
            comparable=self.comparable_rows(case, timeline, labels),
            conflicting_counts=conflicting,
            case=case,
            sentence_rows=rows,
            label=lambda d: labels.get(d, d),
            search=self.search_fields("case", case.id, final_outcome_classes(case)),
        )

    def comparable_rows(self, case: Case, timeline: list, labels: dict) -> list[dict]:
        """Per decision of the case, in the order of the proceedings: its comparable decisions
        (casebook.comparable) and how each compares, in this language."""
        L, comparables = self.L, self.comparables
        rows = []
        for proc in timeline:
            for o in proc.outcomes:
                key = decision_key(case, proc, o)
                this = comparables.decisions[key]
                rows.append(
                    {
                        "anchor": decision_anchor(proc, o),
                        "heading": L.t(
                            "cmp.for_decision",
                            defendant=labels.get(o.defendant, o.defendant),
                            level=L.v("level", proc.level),
                            date=L.date(proc.decided) or L.s("case.date_not_reported"),
                        ),
                        "finder": Markup(f"../finder.html?like={urllib.parse.quote(key, safe='')}"),
                        "like": [
                            {
                                "comparable": c,
                                "defendant": self.field(c.decision.defendant, "label") or md(c.outcome.defendant),
                                "court": self.field(c.proc, "court") or L.t("not_reported"),
                                "points": Markup("<br>").join(points_text(c, this, L, self.statutes)),
                            }
                            for c in comparables.of(key)
                        ],
                    }
                )
        return rows

    def pages(
        self, shared: bool = True, unchanged: frozenset[str] = frozenset(), case_pages: bool = True
    ) -> dict[str, str]:
        """Relative path under the language's docs folder -> file text, for every generated
        page and (with `shared`) the downloads, which both languages link to; but no page for
        the cases in `unchanged`, whose pages from the last build are still right (page_inputs.py),
        and without `case_pages` none for any case (render_pages_later renders them).

        The pages are independent jobs over the same validated records; at scale they run on
        every core (case pages in batches, the big downloads and indexes beside them), and only
        the texts travel back from the workers.
        """
        self.comparables  # noqa: B018 - worked out before the workers fork, which inherit it
        self.search_fields("case", "")  # the model's fields once, before the workers fork
        jobs = self._jobs(shared, unchanged if case_pages else frozenset(self.cases))
        big = len(self.cases) >= parallel.MIN_ITEMS  # the indexes and downloads too grow with the corpus
        out: dict[str, str] = {}
        # Workers get job numbers (a job is a closure, which cannot travel); they inherit the jobs.
        for files in fork_map(lambda number: jobs[number](), range(len(jobs)), chunk_size=1, worth_it=big):
            out.update(files)
        return out

    def _jobs(self, shared: bool = True, unchanged: frozenset[str] = frozenset()) -> list:
        """Every page-writing job, the slowest first so that no worker is left with a long tail."""
        ids = sorted(set(self.cases) - unchanged)
        batch = 200

        def case_batch(start: int):
            return lambda: self.case_pages(ids[start : start + batch])

        return [
            *(partial(exports.kind_files, self.corpus, kind) for kind in exports.KIND_ORDER if shared),
            partial(tooldata.tool_files, self.corpus, self.L, shared),
            self._statute_pages,
            self._index_pages,
            self._root_pages,
            *([exports.schema_files] if shared else []),
            *(
                [lambda: search_words_file(list(self.weighted_records().values()), self.corpus.root / "docs")]
                if shared
                else []
            ),
            *(case_batch(start) for start in range(0, len(ids), batch)),
        ]

    def case_pages(self, ids: Sequence[str]) -> dict[str, str]:
        return {f"cases/{i}.md": self.case_page(self.cases[i]) for i in ids}

    def _statute_pages(self) -> dict[str, str]:
        return {f"statutes/{s.id}.md": self.statute_page(s) for s in self.statutes.values()}

    def _index_pages(self) -> dict[str, str]:
        out = {}
        L = self.L

        def in_force(s: Statute) -> str:
            current = version_in_force(s, self.today)
            if current is None:
                return L.s("statutes.none_in_force")
            if current.effective:
                return L.date(current.effective)
            return L.s("statute.in_force_by", date=L.date(current.known_in_force_on))

        out["statutes/index.md"] = self._render(
            "statutes_index.md.j2",
            title=L.s("index.statutes"),
            rows=[
                {
                    "act": md(s.act.short_title_ko or s.act.title_ko),
                    "article": L.article(s),
                    "heading": self.field(s, "heading"),
                    "id": s.id,
                    "versions": len(s.versions),
                    "in_force": in_force(s),
                }
                for s in sorted(self.statutes.values(), key=lambda s: (s.act.title_en, _article_key(s.article)))
            ],
        )
        rows = overview.case_rows(self.corpus, lambda s: sentence_text(s, L), L)
        groups: dict[str, list] = {}
        for row in rows:
            groups.setdefault(row["group"], []).append(row)
        out["cases/index.md"] = self._render(
            "cases_index.md.j2", rows=rows, groups=[(label, items) for (_, label), items in sorted(groups.items())]
        )
        out["sources/index.md"] = self._render(
            "sources.md.j2", sources=sorted(self.sources.values(), key=lambda s: s.id)
        )
        return out

    def _root_pages(self) -> dict[str, str]:
        """The pages at the site root (links from them need no ../)."""
        self.base = ""
        try:
            out = {}
            out["index.md"] = self._render("home.md.j2", **self._home_context())
            out["penalties.md"] = self._render(
                "penalties.md.j2", matrix=overview.penalty_matrix(self.corpus, self.today), today=self.today
            )
            L = self.L
            all_counts, n_all = overview.outcome_distribution(self.corpus)
            figure_search = {r.model.id: self.search_fields("figure", r.model.id) for r in self.corpus.typed("figure")}
            final_counts, n_final = overview.outcome_distribution(self.corpus, final_only=True)
            out["statistics.md"] = self._render(
                "statistics.md.j2",
                all_decisions=overview.outcome_chart(all_counts, n_all, L.s("stats.chart_all"), L),
                final_decisions=overview.outcome_chart(final_counts, n_final, L.s("stats.chart_final"), L),
                figures=overview.figure_views(self.corpus, L),
                # Each section's fields; the figures' names once for the page (CONCEPT_FIELDS).
                figure_search=lambda figure_id: figure_search[figure_id] | {"concepts": ""},
                figure_concepts=" ".join(f["concepts"] for f in figure_search.values()),
                breakdowns=overview.outcome_breakdowns(self.corpus, L),
                classes=[L.v("outcome_short", c) for c in OUTCOME_CLASSES],
                first_instance=overview.suspended_share_first_instance(self.corpus),
            )
            out["guidelines.md"] = self._render(
                "guidelines.md.j2",
                guidelines=[r.model for r in sorted(self.corpus.typed("guideline"), key=lambda r: r.model.id)],
                term=lambda months: L.term(months) if months is not None else "",
            )
            out["downloads.md"] = self._render(
                "downloads.md.j2",
                kinds=exports.KIND_ORDER,
                updated=overview.last_update(self.corpus),
                # The files are written once, beside the Korean pages at the site root.
                root="" if self.lang == DEFAULT_LANGUAGE else "../",
            )
            out["data-dictionary.md"] = self._render(
                "data_dictionary.md.j2",
                tables=exports.dictionary(L),
                root="" if self.lang == DEFAULT_LANGUAGE else "../",
            )
            out["coverage.md"] = self._render("coverage.md.j2", **self._coverage_context())
            out["changes.md"] = self._render("changes.md.j2", items=feed.recent(self.corpus, L))
            out["diagnostics.md"] = self._render("diagnostics.md.j2", codes=code_table())
            out["feed.xml"] = feed.atom(self.corpus, L)
            return out
        finally:
            self.base = "../"

    def _home_context(self) -> dict:
        npa = next((r.model for r in self.corpus.typed("figure") if r.model.id == "npa-deepfake-cases"), None)
        full_years = [
            o
            for o in (npa.observations if npa else [])
            if o.period.to
            and str(o.period.from_).endswith("01")
            and str(o.period.to).endswith("12")
            and o.period.from_.year == o.period.to.year
            and o.period.from_.month == 1
        ]
        latest = max(full_years, key=lambda o: o.period.from_.year, default=None)
        return {
            "updated": overview.last_update(self.corpus),
            "n_statutes": len(self.statutes),
            "n_cases": len(self.cases),
            "n_decisions": sum(len(p.outcomes) for c in self.cases.values() for p in c.proceedings),
            "n_figures": sum(1 for _ in self.corpus.typed("figure")),
            "n_sources": len(self.sources),
            "official_cases": latest,
            "official_agency": self.field(npa, "agency") if npa else "",
        }

    def _coverage_context(self) -> dict:
        deepfake = [c for c in self.cases.values() if c.relevance == "deepfake"]
        decided = [(p, o) for c in deepfake for p in c.proceedings for o in p.outcomes]

        def strengths(proc, outcome) -> set[str]:
            cited = [*outcome.sources, *proc.sources]
            return {self.sources[c.source].strength for c in cited if c.source in self.sources}

        judged = coverage(self.corpus)
        return {
            "n_judgment": judged.judgment_backed,
            "n_case_number": judged.case_numbers,
            "n_facts": judged.with_facts,
            "n_cases": len(self.cases),
            "n_deepfake": len(deepfake),
            "n_benchmark": len(self.cases) - len(deepfake),
            "n_decisions": sum(len(p.outcomes) for c in self.cases.values() for p in c.proceedings),
            "n_deepfake_decisions": len(decided),
            "n_exact_date": sum(1 for p, _ in decided if p.decided is not None and p.decided.is_exact),
            "n_no_date": sum(1 for p, _ in decided if p.decided is None),
            "n_only_c": sum(1 for p, o in decided if strengths(p, o) == {"C"}),
            "n_two_sources": sum(1 for p, o in decided if len({c.source for c in [*o.sources, *p.sources]}) >= 2),
            "classes": overview.outcome_distribution(self.corpus)[0],
            "outcome_labels": [(k, self.L.v("outcome", k)) for k in OUTCOME_CLASSES],
        }


def render_pages(corpus: Corpus, today, unchanged: frozenset[str] = frozenset()) -> dict[str, str]:
    """Every generated file of the bilingual site, in the i18n plugin's folder layout: ko/
    (the site root) and en/ (under /en/). The downloads are written once, with the Korean
    pages at the root, and both languages link there. No page for the cases in `unchanged`."""
    out = {}
    comparables_of(corpus)  # once for both languages and the finder's data
    for lang in LANGUAGES:
        renderer = Renderer(corpus, today, lang)
        for relative, text in renderer.pages(shared=lang == DEFAULT_LANGUAGE, unchanged=unchanged).items():
            out[f"{lang}/{relative}"] = text
    return out


LATER_BATCH = 50  # case pages per job: small, so that MkDocs waits little for the first ones


def render_pages_later(
    corpus: Corpus, today, unchanged: frozenset[str] = frozenset()
) -> tuple[dict[str, str], list[str], parallel.Ahead]:
    """What render_pages gives, in two parts, so that a build can run MkDocs while the case
    pages are rendered: every file but the case pages, now; the names of the case pages
    (both languages, none for the cases in `unchanged`); and the case pages themselves, in
    batches, rendered ahead in the order MkDocs reads them (Korean first, by file name).
    Close the batches when done with them (they may hold a worker process)."""
    comparables_of(corpus)
    renderers = [Renderer(corpus, today, lang) for lang in LANGUAGES]
    now = {}
    for renderer in renderers:  # this also works out what the workers below inherit
        pages = renderer.pages(shared=renderer.lang == DEFAULT_LANGUAGE, case_pages=False)
        now.update({f"{renderer.lang}/{relative}": text for relative, text in pages.items()})
    ids = sorted(set(corpus.by_id("case")) - unchanged, key=lambda case_id: f"{case_id}.md")
    names = [f"{renderer.lang}/cases/{case_id}.md" for renderer in renderers for case_id in ids]
    jobs = [(n, start) for n in range(len(renderers)) for start in range(0, len(ids), LATER_BATCH)]

    def batch(job: tuple[int, int]) -> dict[str, str]:
        renderer, start = renderers[job[0]], job[1]
        pages = renderer.case_pages(ids[start : start + LATER_BATCH])
        return {f"{renderer.lang}/{relative}": text for relative, text in pages.items()}

    return now, names, parallel.Ahead(batch, jobs, worth_it=len(ids) >= parallel.MIN_ITEMS)


def pagefind_weight(model_weight: float) -> float:
    """The model's field weight (0.5-10) as Pagefind's (0-10). Squared: Pagefind adds up every
    occurrence of a word, so a record whose title repeats a word (its heading, weighted 7 by
    Pagefind, and its title field) would outweigh the record whose concept it is (weight 9 in the
    model); spreading the weights keeps the model's order (measured on the relevance set)."""
    return round(min(10.0, model_weight * model_weight / PAGEFIND_WEIGHT_SCALE), 1)


def final_outcome_classes(case: Case) -> tuple[str, ...]:
    """The outcome classes of a case's latest decisions (the site search's outcome filter)."""
    found = {outcome_class(o) for _, o in final_decisions(case)}
    return tuple(c for c in OUTCOME_CLASSES if c in found)


def _in_decision_order(case: Case) -> list:
    """Proceedings by decision date; an undated one goes just before the appeal that names it."""
    appeals_of: dict[str, list] = {}
    for proc in case.proceedings:
        for ref in proc.appeal_from:
            appeals_of.setdefault(ref, []).append(proc)

    def key(proc, depth=0):
        if proc.decided is not None:
            return (proc.decided.earliest(), depth)
        later = [key(a, depth - 1) for a in appeals_of.get(proc.id, [])] if depth > -10 else []
        return min(later, default=(dt.date.max, depth))

    return sorted(case.proceedings, key=key)


def _article_key(article: str) -> tuple[int, int]:
    main, _, branch = article.partition("-")
    return (int(main), int(branch or 0))
