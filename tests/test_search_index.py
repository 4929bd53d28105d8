"""What the site search's indexer gives Pagefind (casebook/site/search_index.py): the pages'
Hangul decomposed, so that the Korean index splits into small pieces like the English one, and
the filters as written. In Chromium: tests/test_browser.py (results read as the pages do)."""

import unicodedata

from casebook.site.search_index import decomposed_hangul
from conftest import REPO


def test_hangul_is_decomposed_and_the_filters_are_kept_as_written():
    page = '<h1>서울대 딥페이크</h1><span data-pagefind-filter="종류">사건</span><p>Café 14조의2</p>'
    given = decomposed_hangul(page)
    assert given == unicodedata.normalize("NFD", page).replace(
        unicodedata.normalize("NFD", '"종류">사건<'), '"종류">사건<'
    )
    assert "서울대" not in given and unicodedata.normalize("NFD", "서울대 딥페이크") in given
    assert '<span data-pagefind-filter="종류">사건</span>' in given  # the filter as Pagefind shows it
    assert unicodedata.normalize("NFC", given) == page  # nothing else changes


def test_no_korean_index_piece_holds_every_korean_word(tmp_path):
    # Pagefind closes an index piece once its words occur 20,000 times; given composed Hangul it
    # counted none of them, and the real records' Korean index had one piece of every Korean word
    # (106 KB of 214, which any Korean query fetched; 0.38 MB at 10,000 cases).
    from casebook.site.build import build_site

    assert build_site(REPO, tmp_path / "site") == 0
    pieces = sorted(p.stat().st_size for p in (tmp_path / "site" / "pagefind" / "index").glob("ko_*.pf_index"))
    assert len(pieces) >= 5 and pieces[-1] < 0.25 * sum(pieces), pieces
