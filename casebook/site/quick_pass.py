"""The preview's quick pass: an edited case's own pages, checked and written before the rest.

When a file changes, the preview's full rebuild (preview.restage, then MkDocs) brings every
page up to date; at 10,000 cases that takes minutes. Before it, the quick pass compares the
records with those of the last good build. If the only changes are to existing cases, which
keep their ids and decisions, it checks each changed case (parse, schema and record checks,
and the corpus checks over the case with the statutes, sources, guidelines and figures), renders
its page in both languages and writes them with the last build's MkDocs state
(page_sessions.py). The browser reloads, and the full rebuild follows while the site is
served: it rewrites every other page the edit reaches (the cases index, the finder's data,
other cases' comparable lists, the search index) and this case's pages again if they differ.

What the quick page cannot know yet, it shows as the last build had it: the decisions listed
as comparable to this case's (which the rest of the corpus decides). Anything else (a new,
removed or unreadable file, a change to a statute or source or to mkdocs.yml, an error, a
changed decision) skips the quick pass: the full rebuild reports it, as it always has.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path

from casebook.comparable import Comparables, comparables_of, decision_key
from casebook.corpus import Corpus, Record, discover
from casebook.i18n import LANGUAGES
from casebook.loader import decode_record_bytes
from casebook.site import page_sessions


@dataclass
class Baseline:
    """The last good build's records, as the quick pass compares the files with them."""

    root: Path
    docs: Path
    today: dt.date
    records: dict[str, Record]  # by path in the repository, in discovery order
    stats: dict[str, tuple[int, int]]  # path -> (modification time, size) when they were read
    comparables: Comparables
    site_config: bytes  # mkdocs.yml: if it changes, every page may (the last build's state is stale)


@dataclass
class QuickPages:
    cases: list[str]  # the cases whose pages were written
    pages: list[str]  # where in the site
    seconds: float


_baseline: Baseline | None = None


def remember(root: Path, docs: Path, today: dt.date, corpus: Corpus) -> None:
    """After a good full build: what the next quick pass compares the record files with."""
    global _baseline
    stats = {}
    for record in corpus.records:
        try:
            info = os.stat(record.file)
        except OSError:
            continue
        stats[record.display] = (info.st_mtime_ns, info.st_size)
    records = {record.display: record for record in corpus.records}
    _baseline = Baseline(root, docs, today, records, stats, comparables_of(corpus), _site_config(root))


def _site_config(root: Path) -> bytes:
    try:
        return (root / "mkdocs.yml").read_bytes()
    except OSError:
        return b""


def forget() -> None:
    global _baseline
    _baseline = None


def _decisions(case) -> set[str]:
    return {decision_key(case, proc, outcome) for proc in case.proceedings for outcome in proc.outcomes}


def _changed_cases(base: Baseline) -> list[Record] | None:
    """The edited cases, checked and typed; None if anything else changed or a case has an error."""
    from casebook.validate.run import check_record

    found, problems = discover(base.root)
    if problems or [r.display for r in found] != list(base.records):
        return None  # a file appeared, went or cannot be read as a record
    changed = []
    for record in found:
        try:
            info = os.stat(record.file)
            if base.stats.get(record.display) == (info.st_mtime_ns, info.st_size):
                continue
            raw = record.file.read_bytes()
        except OSError:
            return None
        old = base.records[record.display]
        text, _ = decode_record_bytes(raw, record.display)
        if old.loaded is not None and text == old.loaded.text:
            continue  # saved again unchanged
        if record.kind.name != "case" or old.model is None:
            return None
        if any(d.is_error for d in check_record(record, base.today)) or record.model is None:
            return None
        if record.model.id != old.model.id or _decisions(record.model) != _decisions(old.model):
            return None  # other pages and comparable lists name its decisions
        changed.append(record)
    return changed


def _corpus_errors(part: Corpus, today: dt.date) -> bool:
    """The corpus checks over the changed cases with every record that is not a case: what they
    say of a case depends on the statutes and sources it cites, and ids of cases do not change."""
    from casebook.validate.run import corpus_diagnostics

    return any(d.is_error for d in corpus_diagnostics(part, today))


def run() -> QuickPages | None:
    """Write the pages of the edited cases; None where the quick pass does not apply."""
    from casebook import search_model
    from casebook.site.render import Renderer

    base = _baseline
    if base is None:
        return None
    start = time.perf_counter()
    if _site_config(base.root) != base.site_config:
        return None
    changed = _changed_cases(base)
    if not changed:
        return None
    part = Corpus(base.root, [r for r in base.records.values() if r.kind.name != "case"] + changed)
    if _corpus_errors(part, base.today):
        return None
    by_path = {r.display: r for r in changed}
    corpus = Corpus(base.root, [by_path.get(path, r) for path, r in base.records.items()])
    # The search fields of a case depend on it and the statutes only (search_model.record_fields).
    weighted = search_model.weighted_records(part)
    texts = {}
    for lang in LANGUAGES:
        renderer = Renderer(corpus, base.today, lang, comparables=base.comparables, weighted=weighted)
        for record in changed:
            staged = f"{lang}/cases/{record.model.id}.md"
            if not page_sessions.can_write(staged):
                return None
            texts[staged] = renderer.case_page(record.model)
    pages = []
    for staged, text in texts.items():
        page_sessions.write_whole(text.encode("utf-8"), str(base.docs / staged))
        pages.append(page_sessions.write_page(staged))
    return QuickPages([r.model.id for r in changed], pages, time.perf_counter() - start)
