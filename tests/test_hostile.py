"""Hostile input: every attack in docs/security.md, each proved here.

Bad records give one clear diagnostic at the right line (never a traceback, never a hang);
hostile text is never published as active content; nothing on disk is lost; and fuzzing
(random documents, random mutations of real records) never crashes the loader or validator.
"""

import datetime as dt
import random
import shutil
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casebook.diagnostic_codes import CODES
from casebook.loader import load_file, parse_text
from casebook.models import KINDS
from casebook.validate.run import validate_repository
from casebook.validate.schema import validate_schema
from conftest import FIXTURE_TODAY, REPO, codes, edit, validate

CASE = "cases/example-case.yaml"


def run_cli(*args, cwd=REPO, timeout=60):
    return subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


# --- Bad records -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"id: x\nt: !!python/object/apply:os.system ['touch /tmp/pwned']\n", ("E004", 2)),
        (
            b"id: x\na: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
            ("E005", 2),
        ),
        (b"id: x\na: " + b"[" * 10000 + b"]" * 10000 + b"\n", ("E008", 2)),
        (b"id: x\ntitle: \xc3\x28\n", ("E001", 2)),
        (b"id: x\ntitle: a\x00b\n", ("E007", 2)),
        (b"id: x\nid: y\n", ("E003", 2)),
        (b"id: x\n\ttitle: a\n", ("E002", 2)),
        (b"id: x\n[1, 2]: a\n", ("E003", 2)),
    ],
)
def test_bad_bytes_give_one_diagnostic_at_the_right_line(valid_repo, content, expected):
    (valid_repo / "cases" / "x.yaml").write_bytes(content)
    found = [(c, line) for path, line, c in codes(validate(valid_repo)) if path == "cases/x.yaml"]
    assert expected in found
    if expected[0] != "E003":  # a refused file gets exactly one line; a parsed one also gets its schema errors
        assert found == [expected]


def test_fifty_megabyte_file_is_refused_quickly(valid_repo):
    big = valid_repo / "cases" / "big.yaml"
    with big.open("wb") as f:
        f.write(b"id: big\nsummary_en: ")
        f.write(b"x" * (50 * 1024 * 1024))
    started = dt.datetime.now()
    found = [c for path, _, c in codes(validate(valid_repo)) if path == "cases/big.yaml"]
    assert found == ["E006"] and (dt.datetime.now() - started).total_seconds() < 10


def test_bom_and_decomposed_hangul_are_warnings_fixable_by_fix(valid_repo):
    path = valid_repo / CASE
    text = path.read_text(encoding="utf-8").replace("title_ko: 예시 사건", "title_ko: \u110b\u1168\u1109\u1175 사건")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert sorted(c for _, _, c in codes(validate(valid_repo))) == ["W001", "W002"]
    assert run_cli("validate", "--root", str(valid_repo), "--fix").returncode == 0
    assert codes(validate(valid_repo)) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("relevance: deepfake", "relevance: [deepfake]", ("E104", 4)),
        ("decided: 2024-10-30", "decided: yesterday", ("E105", 16)),
        ("decided: 2024-10-30", "decided: 2024-02-30", ("E105", 16)),
        (
            "imprisonment_months: 24\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
            "imprisonment_months: -5\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
            ("E103", 25),
        ),
        (
            "imprisonment_months: 24\n          suspended: {period_months: 36}\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
            "imprisonment_months: 3600\n        sources:\n          - source: news-a\n    sources:\n      - source: news-a\n  - id: appeal",
            ("E103", 25),
        ),
        ("  - id: lee-30", "  - id: ../../etc", ("E202", 8)),
        ("  - id: lee-30", "  - id: Lee 30", ("E202", 8)),
        ("  - id: lee-30", "  - id: lee/30", ("E202", 8)),
    ],
)
def test_wrong_types_dates_penalties_and_ids(valid_repo, old, new, expected):
    edit(valid_repo / CASE, old, new)
    found = [(c, line) for path, line, c in codes(validate(valid_repo)) if path == CASE]
    assert expected in found


def test_record_ids_and_file_names_with_traversal_are_refused(valid_repo):
    (valid_repo / "cases" / "..evil.yaml").write_text("id: ..evil\n", encoding="utf-8")
    found = {c for path, _, c in codes(validate(valid_repo)) if path == "cases/..evil.yaml"}
    assert found == {"E012"}


def test_symlink_out_of_the_repository_and_duplicate_ids(valid_repo, tmp_path):
    (tmp_path / "secret.yaml").write_text("id: secret\n", encoding="utf-8")
    (valid_repo / "sources" / "secret.yaml").symlink_to(tmp_path / "secret.yaml")
    (valid_repo / "cases" / "copy").mkdir()
    shutil.copy(valid_repo / CASE, valid_repo / "cases" / "copy" / "example-case.yaml")
    found = set(codes(validate(valid_repo)))
    assert ("sources/secret.yaml", 1, "E011") in found
    assert ("cases/example-case.yaml", 1, "E302") in found or ("cases/copy/example-case.yaml", 1, "E302") in found


# --- Hostile content ---------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    "{{ config }} {% raw %}",
    "<iframe src=//example.org></iframe>",
    "**bold** _it_ `code` | table |",
]


def active_content(html: str) -> dict:
    """What in a page could run or load: scripts, event handlers, script/data URLs, frames."""
    from html.parser import HTMLParser

    found = {"inline_scripts": 0, "handlers": [], "bad_urls": [], "frames": 0, "strong": 0}

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "script" and not dict(attrs).get("src") and dict(attrs).get("type") != "application/json":
                found["inline_scripts"] += 1
            if tag in ("iframe", "object", "embed"):
                found["frames"] += 1
            if tag == "strong":
                found["strong"] += 1
            for name, value in attrs:
                if name.startswith("on"):
                    found["handlers"].append(name)
                if (
                    name in ("href", "src", "action")
                    and value
                    and value.strip().lower().startswith(("javascript:", "data:"))
                ):
                    found["bad_urls"].append(value)

    Parser().feed(html)
    return found


def test_hostile_text_is_published_as_text(site_repo):
    from casebook.site.build import build_site

    page = site_repo / "site" / "cases" / "example-case.html"
    assert build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY) == 0
    clean = active_content(page.read_text(encoding="utf-8"))
    payload = " ".join(HOSTILE)
    edit(site_repo / CASE, "summary_en: An example.", f"summary_en: {payload!r}")
    edit(site_repo / CASE, "title_en: Example case", "title_en: '<b onmouseover=alert(1)>Example</b> case'")
    assert build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY) == 0
    html = page.read_text(encoding="utf-8")
    assert active_content(html) == clean  # nothing active was added by the record's text
    assert clean["handlers"] == [] and clean["bad_urls"] == [] and clean["frames"] == 0
    assert "{{ config }}" in html.replace("&#123;", "{").replace("&#125;", "}")  # shown, not evaluated


def test_hostile_text_of_a_comparable_decision_stays_text_on_the_page_listing_it(site_repo):
    # Another case's title, court and defendant's label reach this case's "Comparable decisions".
    from casebook.site.build import build_site

    source = (site_repo / CASE).read_text(encoding="utf-8").replace("id: example-case", "id: other-case", 1)
    other = site_repo / "cases" / "other-case.yaml"
    other.write_text(source.replace("title_en: Example case", "title_en: Plain words case"), encoding="utf-8")
    assert build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY) == 0
    pages = [
        site_repo / "site" / "cases" / "example-case.html",
        site_repo / "site" / "en" / "cases" / "example-case.html",
    ]
    clean = [active_content(p.read_text(encoding="utf-8")) for p in pages]
    assert "Plain words case" in pages[1].read_text(encoding="utf-8")  # it is listed
    title = "<b onmouseover=alert(1)>Other</b> [x](javascript:alert(1)) {{ config }} | case"
    hostile = source.replace("title_en: Example case", f"title_en: {title!r}").replace(
        "title_ko: 예시 사건", f"title_ko: {title!r}"
    )
    hostile = hostile.replace("court_en: Example District Court", "court_en: '<iframe src=//example.org></iframe>'")
    other.write_text(hostile, encoding="utf-8")
    assert build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY) == 0
    for page, before in zip(pages, clean, strict=True):
        html = page.read_text(encoding="utf-8")
        assert active_content(html) == before  # nothing active was added by the other record's text
        shown = __import__("html").unescape(html)  # the text a reader sees
        assert "{{ config }}" in shown and "<iframe src=//example.org></iframe>" in shown


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        'https://x.org/" onmouseover="alert(1)',
        "ftp://x.org/a",
    ],
)
def test_source_links_cannot_be_active(valid_repo, url):
    edit(valid_repo / "sources" / "news-a.yaml", "url: https://news.example.org/a", f"url: {url!r}")
    assert ("E103", "sources/news-a.yaml") in [(d.code, d.path) for d in validate(valid_repo).errors]


def test_quotes_in_an_accepted_url_cannot_leave_the_link():
    from casebook.site.render import urlsafe

    assert urlsafe('https://x.org/"onmouseover=alert(1)') == "https://x.org/%22onmouseover=alert%281%29"
    assert urlsafe("javascript:alert(1)") == "#"


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b"])
def test_invisible_direction_and_zero_width_characters_are_refused(valid_repo, char):
    edit(valid_repo / CASE, "title_en: Example case", f"title_en: Example{char} case")
    assert [c for _, _, c in codes(validate(valid_repo))] == ["E251"]


def test_extremely_long_strings_are_refused(valid_repo):
    edit(valid_repo / CASE, "summary_en: An example.", "summary_en: " + "a" * 30_000)
    assert [c for _, _, c in codes(validate(valid_repo))] == ["E252"]


# --- Nothing lost ------------------------------------------------------------------------


def test_interrupted_build_leaves_the_previous_site(site_repo, monkeypatch):
    from casebook.site import build as site_build

    assert site_build.build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY) == 0
    before = {p: p.read_bytes() for p in (site_repo / "site").rglob("*") if p.is_file()}
    records = {p: p.read_bytes() for p in site_repo.rglob("*.yaml") if "site" not in p.parts}

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(site_build, "run_mkdocs", interrupted)
    with pytest.raises(KeyboardInterrupt):
        site_build.build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY)
    assert {p: p.read_bytes() for p in (site_repo / "site").rglob("*") if p.is_file()} == before
    assert {p: p.read_bytes() for p in site_repo.rglob("*.yaml") if "site" not in p.parts} == records
    assert not list(site_repo.glob(".site-build-*"))


def test_validate_and_build_never_write_records(site_repo):
    before = {p: p.read_bytes() for p in site_repo.rglob("*.yaml")}
    assert run_cli("validate", "--root", str(site_repo)).returncode == 0
    built = run_cli("build", "--root", str(site_repo), timeout=300)
    assert built.returncode == 0, built.stderr  # a build that did run, and still wrote no record
    after = {p: p.read_bytes() for p in site_repo.rglob("*.yaml") if "site" not in p.relative_to(site_repo).parts}
    assert after == before


# --- Fuzzing -----------------------------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**12), 10**12), st.floats(allow_nan=False), st.text(max_size=40)
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=30,
)


@given(documents)
def test_random_documents_never_crash_the_loader_or_schema(doc):
    import yaml

    text = yaml.safe_dump(doc, allow_unicode=True)
    loaded, diags = parse_text(text, "fuzz.yaml")
    # Whatever the document, every problem is a catalogued code at a real position.
    assert all(d.code in CODES and d.line >= 1 and d.column >= 1 and d.message for d in diags)
    if loaded is not None:
        for kind in KINDS:
            validate_schema(loaded, kind.model)


@given(st.text(max_size=300))
def test_random_text_never_crashes_the_loader(text):
    loaded, diags = parse_text(text, "fuzz.yaml")
    assert loaded is not None or diags


REAL = sorted((REPO / "cases").glob("*.yaml"))[:8] + sorted((REPO / "statutes").glob("*.yaml"))[:4]


@given(
    st.sampled_from(REAL), st.integers(0, 10**6), st.sampled_from(["delete", "duplicate", "swap", "insert", "indent"])
)
def test_mutated_real_records_never_crash_validation(tmp_path_factory, record, seed, mutation):
    rng = random.Random(seed)
    lines = record.read_text(encoding="utf-8").splitlines(True)
    i = rng.randrange(len(lines))
    if mutation == "delete":
        del lines[i]
    elif mutation == "duplicate":
        lines.insert(i, lines[i])
    elif mutation == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif mutation == "insert":
        lines.insert(
            i,
            rng.choice(["\t", "- ", ": ", "&a ", "*a\n", "{", "]", "\u202e", "\x00", "!!python/name:os.system\n", "？"])
            + lines[i],
        )
    else:
        lines[i] = "   " + lines[i]
    root = tmp_path_factory.mktemp("fuzz")
    (root / record.parent.name).mkdir()
    (root / record.parent.name / record.name).write_text("".join(lines), encoding="utf-8")
    loaded, _ = load_file(root / record.parent.name / record.name)
    report = validate_repository(root, today=FIXTURE_TODAY)
    assert all(d.path and d.line >= 1 and d.code in CODES for d in report.diagnostics)


# --- Input that used to crash or hang the validator ----------------------------------------

DEEP = 30_000  # libyaml's composer overflows the C stack somewhere below this


@pytest.mark.parametrize(
    "value",
    [
        "[" * DEEP + "]" * DEEP,
        "[" * DEEP,  # never closed
        "{a: " * DEEP + "}" * DEEP,
        "\n  " + "- " * DEEP + "x",  # block sequences on one line
        "\n  " + "? " * DEEP + "x",
    ],
    ids=["brackets", "unclosed", "braces", "dashes", "question-marks"],
)
def test_thirty_thousand_nested_collections_are_refused_and_other_files_still_reported(valid_repo, value):
    # Run as a separate process: without the protection the validator dies of a segfault.
    (valid_repo / "cases" / "deep.yaml").write_text(f"id: deep\na: {value}\n", encoding="utf-8")
    edit(valid_repo / CASE, "summary_en: An example.", "summary_en: Call 010-1234-5678.")
    result = run_cli("validate", "--no-cache", "--root", str(valid_repo))
    assert result.returncode == 1, result.stderr[-500:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert [line.split(" ")[1] for line in lines if line.startswith("cases/deep.yaml:")] == ["E008"]
    assert any(line.startswith(f"{CASE}:5:") and " E241 " in line for line in lines)


@pytest.mark.parametrize(
    "value",
    [
        '"' + "[" * 200 + '"',
        "'" + "{" * 200 + "'",
        "text with " + "[" * 200 + " inside",
        "|\n  " + "[" * 200 + "\n  " + "{" * 200,
        ">-\n  " + "[" * 200,
        "ok # " + "[" * 200,
        "[" + ", ".join(["[1]"] * 200) + "]",  # many brackets, shallow nesting
    ],
    ids=["double-quoted", "single-quoted", "plain", "literal", "folded", "comment", "wide"],
)
def test_brackets_in_text_are_not_nesting(value):
    loaded, diags = parse_text(f"id: x\na: {value}\nb: 1\n", "x.yaml")
    assert [d.code for d in diags] == [] and loaded.data["b"] == 1


flow_scalars = st.one_of(
    st.sampled_from(["a", "1", "~", "''", '""', "'[{'", '"]}\\""', "x y", "#no-comment", "'it''s'"]),
    st.text(alphabet="ab[]{}'\"#, :-", max_size=6).map(lambda s: '"' + s.replace("\\", "").replace('"', "") + '"'),
)


def _nested(depth_and_leaves):
    flows = st.recursive(
        flow_scalars,
        lambda inner: (
            st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]")
            | st.lists(
                st.tuples(st.sampled_from(["k", "'j'", '"k:"']), inner), max_size=3, unique_by=lambda kv: kv[0]
            ).map(lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}")
        ),
        max_leaves=depth_and_leaves,
    )
    return flows


def _depth(node) -> int:
    """Levels from this node to its deepest node, both counted (as the loader counts them)."""
    children = node if isinstance(node, list) else list(node.values()) if isinstance(node, dict) else []
    return 1 + max((_depth(x) for x in children), default=0)


@given(_nested(20), st.integers(0, 70), st.sampled_from(["[", "{k: "]), st.booleans())
def test_nested_flow_collections_never_crash_and_deep_ones_get_e008(inner, wrap, opener, comment):
    """Random flow collections wrapped in up to 70 more levels: E008 exactly when deeper than
    the limit (the text scan agrees with the loader's own count), never a crash."""
    import yaml

    from casebook.loader import MAX_DEPTH

    closer = "]" if opener == "[" else "}"
    value = opener * wrap + inner + closer * wrap
    text = f"id: x\na: {value}" + (" # [[[{{{" if comment else "") + "\n"
    loaded, diags = parse_text(text, "fuzz.yaml")
    try:
        depth = _depth(yaml.safe_load(text)["a"])  # `a` itself is level 1 below the record
    except (yaml.YAMLError, RecursionError):
        assert diags  # not YAML (or too deep for PyYAML's own Python parser): a diagnostic
        return
    if depth > MAX_DEPTH:
        assert [d.code for d in diags] == ["E008"] and loaded is None
    else:
        assert "E008" not in [d.code for d in diags]


@given(st.integers(1, 60_000), st.sampled_from(["[", "{", "- ", "{a: ", "[a, ", "? "]), st.text("]}, x\n", max_size=5))
def test_any_depth_of_flow_or_block_nesting_never_crashes(depth, opener, tail):
    loaded, diags = parse_text("id: x\na:\n  " + opener * depth + tail + "\n", "fuzz.yaml")
    assert loaded is not None or diags


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs FIFOs")
def test_fifos_devices_and_folders_named_like_records_are_refused_not_opened(valid_repo):
    import os

    os.mkfifo(valid_repo / "cases" / "pipe.yaml")  # opening it would block for ever
    (valid_repo / "cases" / "folder.yaml").mkdir()
    (valid_repo / "sources" / "null.yaml").symlink_to("/dev/null")  # outside the repository: E011
    (valid_repo / "sources" / "target").mkdir()
    (valid_repo / "sources" / "dir-link.yaml").symlink_to(valid_repo / "sources" / "target")
    result = run_cli("validate", "--no-cache", "--root", str(valid_repo), timeout=30)
    found = [line.split(": ")[0:2] for line in result.stdout.splitlines() if not line.startswith(" ")][:-1]
    assert sorted((path, code.split()[0]) for path, code in found) == [
        ("cases/folder.yaml:1:1", "E013"),
        ("cases/pipe.yaml:1:1", "E013"),
        ("sources/dir-link.yaml:1:1", "E013"),
        ("sources/null.yaml:1:1", "E011"),
    ]


def test_near_miss_record_names_are_reported_not_skipped(valid_repo):
    record = (valid_repo / CASE).read_bytes()
    for name in ("loud.YAML", "short.yml", "SHORT2.YML", "trailing.yaml ", " leading.yaml", "dot.yaml.", "gap .yaml"):
        (valid_repo / "cases" / name).write_bytes(record)
    (valid_repo / "cases" / "notes.txt").write_text("not a record", encoding="utf-8")
    (valid_repo / "cases" / "backup.yaml~").write_bytes(record)
    found = sorted((path, code) for path, _, code in codes(validate(valid_repo)))
    assert found == [
        ("cases/ leading.yaml", "E014"),
        ("cases/SHORT2.YML", "E010"),
        ("cases/dot.yaml.", "E014"),
        ("cases/gap .yaml", "E014"),
        ("cases/loud.YAML", "E010"),
        ("cases/short.yml", "E010"),
        ("cases/trailing.yaml ", "E014"),
    ]


def test_a_docs_page_that_is_a_link_stops_the_build_and_publishes_nothing(site_repo, tmp_path):
    from casebook.site.build import build_site

    secret = tmp_path / "secret.md"
    secret.write_text("private notes of the machine's owner", encoding="utf-8")
    (site_repo / "docs" / "leak.md").symlink_to(secret)
    assert build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY) == 1
    assert not (site_repo / "site").exists() or not any(
        "private notes" in p.read_text(encoding="utf-8", errors="ignore") for p in (site_repo / "site").rglob("*.html")
    )
