"""The word list the site search mends a mistyped word to (casebook/site/search_words.py): every
Latin word of the records' searchable text and of the hand-written pages, the most frequent first.
In Chromium: tests/test_browser.py (a typo typed into the search box)."""

from casebook import search_model
from casebook.site.search_words import search_words
from conftest import REPO, validate


def test_the_list_holds_the_words_pages_have_and_the_commonest_first():
    records = search_model.weighted_records(validate(REPO).corpus)
    words = search_words(records, REPO / "docs")
    # From records: a romanised name, a court, a concept's synonym; from a hand-written page.
    assert {"nok", "wan", "incheon", "possession", "teacher"} <= set(words)
    assert "mkdocs" in set(words) and "mkdocs" not in search_words(records, None)
    # The search page is not indexed: its examples of typos would make them words pages have.
    assert "posession" in (REPO / "docs" / "search.md").read_text(encoding="utf-8") and "posession" not in words
    assert all(w.isascii() and w.isalpha() and w.islower() and len(w) >= 3 for w in words)
    assert len(words) == len(set(words))
    assert words.index("deepfake") < words.index("possession") < words.index("gwangju")
    assert search_words(records, REPO / "docs") == words  # the same file every build
