"""The words the site search can mend a mistyped word to: `data/search-words.json`.

Pagefind matches a word as written or as the beginning of a longer one, so "posession" or
"Natonal" finds nothing, where the CLI's search (casebook/search.py) allows a typo. The site's
search page (docs/assets/javascripts/search.js) loads this list and replaces a query word that
no page has, and that begins no word of the list, with the nearest word of the list (one edit
away, two for words of eight letters or more). Only words in the Latin alphabet: romanised names
and English words are where typos were seen (tests/relevance_queries.yaml); a Hangul word is
matched by its syllables, which a one-letter edit table would not help.

The list holds every such word of every record's searchable text (casebook/search_model.py,
every field at every weight, and the synonyms the pages carry) and of the indexed hand-written
pages, so a word any page has is never "mended" away; the most frequent first, so that of two
words equally near, the commoner wins.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from casebook import search_model
from casebook.site.search_index import is_listing

WORD = re.compile(r"[a-z]{3,}")  # shorter words are too near too many others to mend


def latin_words(texts) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(WORD.findall(text.lower()))
    return counts


def search_words(records: list[dict], docs: Path | None) -> list[str]:
    """The words of `records` (search_model.weighted_records, which the renderer has already
    worked out) and of the pages in `docs`, the most frequent first (ties alphabetical, so the
    file is the same each build)."""
    texts = [f["text"] for r in records for f in r["fields"]]
    texts += [" ".join(group) for group in search_model.synonym_groups()]  # pages carry them too
    if docs is not None and docs.is_dir():
        for page in sorted(docs.rglob("*.md")):
            # Pages left out of the index (the search page, whose examples include typos) do not count.
            if not is_listing(re.sub(r"(\.ko)?\.md$", ".html", page.relative_to(docs).as_posix())):
                texts.append(page.read_text(encoding="utf-8"))
    counts = latin_words(texts)
    return sorted(counts, key=lambda w: (-counts[w], w))


def search_words_file(records: list[dict], docs: Path | None) -> dict[str, str]:
    return {"data/search-words.json": json.dumps(search_words(records, docs), separators=(",", ":"))}
