"""The statistics page splits the outcome distribution by year, Art. 14-2 version, minors and instance."""

import datetime as dt
import html

from casebook.site.render import Renderer
from conftest import validate


def test_outcomes_are_split_four_ways_with_n_and_the_suspended_share(valid_repo):
    page = html.unescape(Renderer(validate(valid_repo).corpus, dt.date(2026, 1, 1)).pages()["statistics.md"])
    # The fixture case: one defendant, suspended 2 years at first instance (2024) and on appeal (2025).
    assert "| first instance | 0 | 1 | 0 | 0 | 0 | 0 | 0 | **1** | 100 % |" in page
    assert "| appeal | 0 | 1 | 0 | 0 | 0 | 0 | 0 | **1** | 100 % |" in page
    assert "| 2024 | 0 | 1 |" in page and "| 2025 | 0 | 1 |" in page
    assert "#### By whether minors were among the victims" in page and "| not reported |" in page
    assert "Of\nthe 1 first-instance prison terms recorded here,\n1 were suspended (100 %)." in page


def test_each_figures_value_column_names_what_it_counts_in_the_pages_language():
    from conftest import REPO

    corpus = validate(REPO).corpus
    ko = html.unescape(Renderer(corpus, dt.date(2026, 12, 1), lang="ko").pages(shared=False)["statistics.md"])
    en = html.unescape(Renderer(corpus, dt.date(2026, 12, 1), lang="en").pages(shared=False)["statistics.md"])
    assert "| 값(피해자 수) |" in ko and "| 값(요청 건수) |" in ko and "| 값(건) |" in ko
    assert "값(victims)" not in ko and "값(cases)" not in ko
    assert "| Value (victims) |" in en and "| Value (requests) |" in en
