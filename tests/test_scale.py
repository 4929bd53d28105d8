"""What makes validation fast at 10,000 records must not change a single answer.

The worker pool, the lazily built position map and the leaner YAML tag resolver are each
compared with the plain way of doing the same thing.
"""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from casebook import parallel
from casebook.loader import _Loader, parse_text
from casebook.validate import run
from conftest import FIXTURE_TODAY, FIXTURES, REPO


def _answer(report):
    typed = {r.display: r.model for r in report.corpus.records}
    return report.diagnostics, typed


def test_worker_pool_gives_the_same_diagnostics_and_records_as_one_process(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    for corpus in (FIXTURES / "broken", FIXTURES / "valid", REPO):
        serial = run.validate_repository(corpus, FIXTURE_TODAY, workers=1)
        pooled = run.validate_repository(corpus, FIXTURE_TODAY, workers=2)
        assert _answer(pooled) == _answer(serial), corpus
    assert serial.corpus.records and all(r.model is not None for r in serial.corpus.records)


def test_casebook_workers_setting(monkeypatch):
    monkeypatch.setenv("CASEBOOK_WORKERS", "1")
    assert parallel.default_workers() == 1
    monkeypatch.setenv("CASEBOOK_WORKERS", "not a number")
    assert parallel.default_workers() >= 1


def test_positions_are_found_when_a_diagnostic_needs_them():
    text = "id: x\ntitle: A\nnested:\n  list:\n    - one\n    - two: 2\n"
    loaded, diags = parse_text(text, "x.yaml")
    assert diags == [] and loaded._source_map is None  # a valid record never builds it
    assert loaded.source_map.locate(("nested", "list", 1, "two")) == (6, 12)
    assert loaded.source_map.locate(("nested", "list", 1, "two"), prefer_key=True) == (6, 7)
    assert loaded.source_map.locate(("title",)) == (2, 8)


def _tags(node):
    yield node.tag
    if isinstance(node.value, list):
        for item in node.value:
            for part in item if isinstance(item, tuple) else (item,):
                yield from _tags(part)


TRICKY = ["", "~", "null", "Null", "yes", "No", "on", "OFF", "12", "-3", "+4", "0x1f", "0o7", "1_000", "1.5",
          ".inf", "-.Inf", ".nan", "2024-10-16", "2024-10-16T10:00:00Z", "<<", "=", "abc", "'12'", '"yes"',
          "!!str 12", "[1, a, ~]", "{a: 1, on: 2}", "a:", "- -1\n- b"]  # fmt: skip


def test_lean_resolver_gives_libyaml_tags_for_tricky_scalars_and_every_fixture():
    texts = TRICKY + [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.yaml"))]
    checked = 0
    for text in texts:
        try:
            expected = list(_tags(yaml.compose(text, Loader=yaml.CSafeLoader)))
        except (yaml.YAMLError, AttributeError):  # broken fixtures, empty documents
            continue
        assert list(_tags(yaml.compose(text, Loader=_Loader))) == expected, text
        checked += 1
    assert checked > 40


@given(st.text(alphabet=st.sampled_from("0123456789.-+_:eExXoO~nulyesNoTrfaFT "), max_size=12))
def test_lean_resolver_agrees_on_random_plain_scalars(value):
    try:
        expected = yaml.compose(f"k: {value}", Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return
    assert list(_tags(yaml.compose(f"k: {value}", Loader=_Loader))) == list(_tags(expected))


def test_pages_rendered_by_workers_are_the_pages_rendered_in_one_process(monkeypatch):
    from casebook.site.render import Renderer

    corpus = run.validate_repository(REPO, FIXTURE_TODAY).corpus
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setenv("CASEBOOK_WORKERS", "1")
    serial = Renderer(corpus, FIXTURE_TODAY).pages()
    monkeypatch.setenv("CASEBOOK_WORKERS", "2")
    pooled = Renderer(corpus, FIXTURE_TODAY).pages()
    assert pooled == serial and sum(p.startswith("cases/") for p in serial) > 20
