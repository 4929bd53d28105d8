"""Command line: `python build_site.py [build|validate|schema|serve] ...`.

Exit codes: 0 success, 1 invalid records (or a failed build), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from casebook.diagnostics import format_github, format_text, summary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_site.py",
        description="Casebook: validate the records and build the static site.",
        epilog="Exit codes: 0 success, 1 invalid records or failed build, 2 usage error.",
    )
    sub = parser.add_subparsers(dest="command")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, help="repository holding the record folders (default: this one)")

    validate = sub.add_parser("validate", parents=[common], help="check records and print every problem")
    validate.add_argument("paths", nargs="*", help="only report problems in these files or folders")
    validate.add_argument(
        "--format", choices=("text", "github"), default="text", help="github: pull-request annotations"
    )
    validate.add_argument("--strict", action="store_true", help="warnings fail too")
    validate.add_argument("--list-checks", action="store_true", help="list the checks and exit")
    validate.add_argument(
        "--fix",
        action="store_true",
        help="make safe mechanical edits (key order, versions order, whitespace, final newline, BOM, NFC); never values",
    )
    validate.add_argument("--diff", action="store_true", help="show what --fix changes (without --fix: show only)")
    validate.add_argument(
        "--no-cache",
        action="store_true",
        help="ignore the caches (in ~/.cache/casebook or $CASEBOOK_CACHE_DIR) and check everything afresh",
    )
    validate.add_argument("--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS)

    build = sub.add_parser("build", parents=[common], help="validate, render and build the site into site/ (default)")
    build.add_argument("--strict", action="store_true", help="warnings stop the build too")
    build.add_argument("--site-dir", default="site", help="output folder (default: site)")

    serve = sub.add_parser("serve", parents=[common], help="build and preview the site at http://127.0.0.1:8000")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")

    from casebook.models.vocabulary import CONDUCTS, MATERIALS, MENTAL_ELEMENTS

    penalty = sub.add_parser("penalty", parents=[common], help="which provisions punish a conduct on a date")
    penalty.add_argument("--conduct", required=True, help=f"one of: {', '.join(CONDUCTS)}")
    penalty.add_argument("--victim", required=True, choices=("adult", "child"))
    penalty.add_argument("--on", type=dt.date.fromisoformat, help="offence date YYYY-MM-DD")
    penalty.add_argument(
        "--from", dest="from_", type=dt.date.fromisoformat, help="first day of a period of conduct (with --to)"
    )
    penalty.add_argument("--to", type=dt.date.fromisoformat, help="last day of the period (possession kept until then)")
    penalty.add_argument("--judged", type=dt.date.fromisoformat, help="judgment date: apply Criminal Act Art. 1")
    penalty.add_argument("--material", default="synthetic", help=f"one of: {', '.join(MATERIALS)} (default synthetic)")
    penalty.add_argument(
        "--lacks",
        action="append",
        default=[],
        metavar="ELEMENT",
        help=f"a purpose or intent the facts do not have: {', '.join(MENTAL_ELEMENTS)}",
    )
    penalty.add_argument("--json", action="store_true")

    ranged = sub.add_parser(
        "range", parents=[common], help="the statutory range (법률상 처단형) for counts, with each step in words"
    )
    ranged.add_argument(
        "--count",
        action="append",
        required=True,
        metavar="STATUTE_ID[:PARAGRAPH][@YYYY-MM-DD]",
        help="one count as charged, e.g. youth-protection-act-11:5@2023-07-25 (a habitual count: :1,5); repeat for each",
    )
    ranged.add_argument("--on", type=dt.date.fromisoformat, help="offence date of counts that give none")
    ranged.add_argument(
        "--mitigation",
        action="append",
        default=[],
        choices=("discretionary", "statutory"),
        help="discretionary: 정상참작감경 (Arts. 53, 55(1)); statutory: 법률상 감경 of every count (Art. 55(1))",
    )
    ranged.add_argument("--repeat", action="store_true", help="repeat offence (누범, Criminal Act Art. 35)")
    ranged.add_argument(
        "--guideline",
        action="append",
        default=[],
        metavar="LOW:HIGH",
        help="a crime's recommended range in months, heaviest first (repeat): combined by the multiple-offence rule",
    )
    ranged.add_argument("--json", action="store_true")

    new = sub.add_parser("new", parents=[common], help="write an annotated template for a new record")
    new.add_argument("kind", choices=("case", "statute", "source", "figure", "guideline"))
    new.add_argument("--id", help="the record id = file name, e.g. busan-2025-03-friend-deepfakes (asked if omitted)")
    new.add_argument("--title-en", help="(case) English title")
    new.add_argument("--title-ko", help="(case) Korean title")
    new.add_argument("--url", help="(source) the document's web address")

    changed = sub.add_parser(
        "changed-records", parents=[common], help="summarise the records changed since a git revision"
    )
    changed.add_argument("--base", required=True, help="git revision to compare with, e.g. origin/main")

    find = sub.add_parser(
        "search", parents=[common], help="fuzzy search in Korean or English, with the reason for each match"
    )
    find.add_argument("query", nargs="+", help="e.g. 14조의2, 'SNU deepfake', 'Cho Joo-bin', 2024도17801")
    find.add_argument("--kind", choices=("case", "statute", "figure", "source"))
    find.add_argument("--limit", type=int, default=10)
    find.add_argument("--json", action="store_true")

    version = sub.add_parser("version", parents=[common], help="which version of an article was in force on a date")
    version.add_argument("statute", help="statute id, e.g. sexual-crimes-act-14-2")
    version.add_argument("--on", required=True, type=dt.date.fromisoformat, help="date YYYY-MM-DD")

    changes = sub.add_parser("changes", parents=[common], help="what each amendment of an article changed")
    changes.add_argument("statute", help="statute id, e.g. sexual-crimes-act-14-2")
    changes.add_argument("--json", action="store_true")

    sub.add_parser(
        "stats",
        parents=[common],
        help="count the recorded decisions: full dates, case numbers, judgment-backed, facts coded",
    )

    schema = sub.add_parser("schema", parents=[common], help="regenerate schemas/*.schema.json from the models")
    schema.add_argument("--check", action="store_true", help="exit 1 if the committed schemas are stale")
    return parser


def _in_scope(display: str, scopes: list[str]) -> bool:
    return not scopes or any(display == s or display.startswith(s.rstrip("/") + "/") for s in scopes)


def _scopes(root: Path, paths: list[str]) -> list[str] | None:
    scopes = []
    for raw in paths:
        path = Path(raw)
        absolute = path if path.is_absolute() else Path.cwd() / path
        if not path.is_absolute() and not (absolute.exists() and absolute.resolve().is_relative_to(root)):
            absolute = root / path  # paths may also be given relative to --root
        if not absolute.exists():
            print(f"build_site.py validate: no such file or folder: {raw}", file=sys.stderr)
            return None
        try:
            relative = absolute.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            print(f"build_site.py validate: {raw} is outside the repository", file=sys.stderr)
            return None
        scopes.append("" if relative == "." else relative)  # the repository itself: everything
    return scopes


def cmd_validate(args, root: Path) -> int:
    # The checks (and pydantic) are imported only when something must be checked: an
    # unchanged repository is answered from the cache, and the import would be most of that.
    if args.list_checks:
        from casebook.diagnostic_codes import code_table
        from casebook.validate import run  # noqa: F401  (registers every check)
        from casebook.validate.registry import describe_checks

        for name, doc in describe_checks():
            print(f"{name}: {doc}")
        print("\nCodes (also on the site's Diagnostic codes page):")
        for code, c in code_table():
            print(f"{code}  {c.rule}  Fix: {c.hint}  e.g. {c.example}")
        return 0
    scopes = _scopes(root, args.paths)
    if scopes is None:
        return 2
    scopes = [s for s in scopes if s]  # the repository root itself means everything
    if args.fix or args.diff:
        _apply_fixes(root, scopes, write=args.fix, show=args.diff)
    diagnostics, displays = _validate_cached(root, args.today, use_cache=not args.no_cache)
    shown = [d for d in diagnostics if _in_scope(d.path, scopes)]
    files = sum(1 for display in displays if _in_scope(display, scopes))
    output = format_github(shown) if args.format == "github" else format_text(shown)
    if output:
        print(output)
    print(summary(shown, files), file=sys.stderr if args.format == "github" else sys.stdout)
    errors = any(d.is_error for d in shown)
    return 1 if errors or (args.strict and shown) else 0


def _apply_fixes(root: Path, scopes: list[str], *, write: bool, show: bool) -> None:
    from casebook.corpus import discover
    from casebook.fix import fix_file

    records, _ = discover(root)
    changed = 0
    for record in records:
        if not _in_scope(record.display, scopes) or record.file.is_symlink():
            continue
        result = fix_file(record.file, record.kind.model, record.display)
        if result.problem:
            print(f"{record.display}: {result.problem}", file=sys.stderr)
            continue
        if not result.changed:
            continue
        changed += 1
        if show:
            print(result.diff(), end="")
        if write:
            record.file.write_text(result.new, encoding="utf-8")
    verb = "fixed" if write else "would be fixed"
    print(f"{changed} file(s) {verb}.", file=sys.stderr)


def _validate_cached(root: Path, today: dt.date | None, *, use_cache: bool):
    """Diagnostics and the record files checked; an unchanged repository is answered from cache."""
    from casebook.validate import cache

    today = today or dt.date.today()
    if use_cache:
        key, displays = cache.corpus_key(root, today)
        cached = cache.load(root, key)
        if cached is not None:
            return cached, displays
    from casebook.validate.run import validate_repository

    report = validate_repository(root, today=today, use_cache=use_cache)
    if use_cache:
        cache.store(root, key, report.diagnostics)
    return report.diagnostics, [r.display for r in report.corpus.records]


def cmd_schema(args, root: Path) -> int:
    from casebook.schemas import stale_schemas, write_schemas

    if args.check:
        stale = stale_schemas(root)
        for name in stale:
            print(f"schemas/{name} is out of date; run `python build_site.py schema`")
        return 1 if stale else 0
    written = write_schemas(root)
    print(f"{len(written)} schema file(s) rewritten" if written else "schemas are up to date")
    return 0


def _typed_corpus(root: Path, needs: tuple[str, ...] = ("statute",)):
    """The validated corpus, refused only when the record folders a command reads have errors.

    A contributor's half-written case must not stop `penalty` or `version`, which read the
    statutes alone; it is mentioned in one line.
    """
    from casebook.models import KIND_BY_NAME
    from casebook.validate.run import validate_repository

    report = validate_repository(root)
    folders = tuple(KIND_BY_NAME[kind].folder + "/" for kind in needs)
    blocking = [d for d in report.errors if d.path.startswith(folders)]
    if blocking:
        print(format_text(blocking), file=sys.stderr)
        print(
            f"The {' and '.join(needs)} records have errors; fix them (see `build_site.py validate`) first.",
            file=sys.stderr,
        )
        return None
    others = {d.path for d in report.errors} - {d.path for d in blocking}
    if others:
        print(
            f"(Not read for this answer: {len(others)} file(s) with errors, e.g. {sorted(others)[0]}.)",
            file=sys.stderr,
        )
    return report.corpus


def cmd_stats(args, root: Path) -> int:
    from casebook.precedents import coverage

    corpus = _typed_corpus(root, needs=("case", "source"))
    if corpus is None:
        return 1
    print("Deepfake decisions with a known outcome")
    for line in coverage(corpus).lines():
        print(f"  {line}")
    return 0


def _refuse(value: str, kind: str, valid) -> int:
    print(f"build_site.py: unknown {kind} '{value}'; valid: {', '.join(valid)}", file=sys.stderr)
    return 2


def _penalty_dates_problem(args) -> str | None:
    """The reason the dates asked about make no question, or None."""
    if (args.on is None) == (args.from_ is None):
        return "give either --on DATE or --from DATE --to DATE"
    if args.from_ is not None and args.to is None:
        return "--from needs --to (the last day of the period)"
    if args.to is not None and args.from_ is None:
        return "--to needs --from"
    if args.from_ is not None and args.to < args.from_:
        return f"--to {args.to} is before --from {args.from_}"
    last = args.on or args.to
    if args.judged and args.judged < last:
        return f"the judgment date {args.judged} is before the offence date {last}: --judged must not be before it"
    return None


def cmd_penalty(args, root: Path) -> int:
    from casebook.law_report import penalty_answer, period_answer
    from casebook.models.vocabulary import CONDUCTS, MATERIALS, MENTAL_ELEMENTS
    from casebook.penalties import governing_law
    from casebook.penalty_timeline import findings_on, is_continuing, timeline

    if args.conduct not in CONDUCTS:
        return _refuse(args.conduct, "conduct", CONDUCTS)
    if args.material not in MATERIALS:
        return _refuse(args.material, "material", MATERIALS)
    for element in args.lacks:
        if element not in MENTAL_ELEMENTS:
            return _refuse(element, "element", MENTAL_ELEMENTS)
    problem = _penalty_dates_problem(args)
    if problem:
        print(f"build_site.py penalty: {problem}", file=sys.stderr)
        return 2
    corpus = _typed_corpus(root)
    if corpus is None:
        return 1
    lacking = frozenset(args.lacks)
    question = {
        "conduct": args.conduct,
        "material": args.material,
        "victim": args.victim,
        "on": args.on.isoformat() if args.on else None,
        "from": args.from_.isoformat() if args.from_ else None,
        "to": args.to.isoformat() if args.to else None,
        "judged": args.judged.isoformat() if args.judged else None,
        "lacks": args.lacks,
    }
    if args.on is not None:
        found = findings_on(corpus, args.conduct, args.victim, args.on, args.material, lacking)
        later = timeline(corpus, args.conduct, args.victim, args.on, None, args.material, lacking)
        governing = [governing_law(corpus, f.provision, args.judged) for f in found] if args.judged else None
        print(penalty_answer(question, found, governing, later, args.json))
        return 0
    segments = timeline(corpus, args.conduct, args.victim, args.from_, args.to, args.material, lacking)
    governing = (
        [governing_law(corpus, f.provision, args.judged) for f in segments[-1].findings] if args.judged else None
    )
    print(period_answer(question, segments, is_continuing(args.conduct), governing, args.json))
    return 0


def cmd_range(args, root: Path) -> int:
    from casebook.guideline_range import clip, combine
    from casebook.range_report import parse_count, parse_guideline, range_answer
    from casebook.statutory_range import RangeError, statutory_range

    try:
        specs = [parse_count(text, args.on) for text in args.count]
        guideline_ranges = [parse_guideline(text) for text in args.guideline]
    except ValueError as exc:
        print(f"build_site.py range: {exc}", file=sys.stderr)
        return 2
    missing = [s.describe() for s in specs if s.on is None]
    if missing:
        print(
            f"build_site.py range: no offence date for {', '.join(missing)}; add @YYYY-MM-DD or --on", file=sys.stderr
        )
        return 2
    corpus = _typed_corpus(root)
    if corpus is None:
        return 1
    statutes = {k: r.model for k, r in corpus.by_id("statute").items()}
    try:
        result = statutory_range(
            statutes,
            specs,
            repeat=args.repeat,
            statutory_mitigation="statutory" in args.mitigation,
            discretionary_mitigation="discretionary" in args.mitigation,
        )
    except RangeError as exc:
        print(f"build_site.py range: {exc}", file=sys.stderr)
        return 2
    guideline = None
    if guideline_ranges:
        rule = next((r.model.multiple_offences for r in corpus.typed("guideline") if r.model.multiple_offences), None)
        if rule is None:
            print("build_site.py range: no guideline record gives the multiple-offence rule", file=sys.stderr)
            return 1
        guideline = clip(combine(rule, guideline_ranges), result.term.low or 0, result.term.high)
    print(range_answer(result, guideline, args.json))
    return 0


def cmd_new(args, root: Path) -> int:
    import json

    from casebook.models import KIND_BY_NAME
    from casebook.models.common import SLUG_RE
    from casebook.scaffold import template

    record_id = args.id
    if not record_id and sys.stdin.isatty():
        record_id = input("id (lowercase-words-with-hyphens, becomes the file name): ").strip()
    if not record_id or not SLUG_RE.match(record_id):
        print(
            "build_site.py new: give --id as lowercase letters, digits and single hyphens, "
            "e.g. daejeon-2025-03-junior-deepfakes",
            file=sys.stderr,
        )
        return 2
    kind = KIND_BY_NAME[args.kind]
    path = root / kind.folder / f"{record_id}.yaml"
    if path.exists():
        print(f"build_site.py new: {path.relative_to(root)} already exists; it was not changed", file=sys.stderr)
        return 1
    values = {}
    for key, flag in (("title_en", args.title_en), ("title_ko", args.title_ko), ("url", args.url)):
        if flag:
            values[key] = json.dumps(flag, ensure_ascii=False)  # a JSON string is a valid YAML string
    path.parent.mkdir(exist_ok=True)
    path.write_text(template(args.kind, record_id, values), encoding="utf-8")
    print(
        f"Wrote {path.relative_to(root)}. Replace every TODO, then run: python build_site.py validate {path.relative_to(root)}"
    )
    return 0


def cmd_changed_records(args, root: Path) -> int:
    import subprocess

    from casebook.record_diff import changed_records, markdown

    try:
        print(markdown(changed_records(root, args.base)))
    except subprocess.CalledProcessError as exc:
        print(f"build_site.py changed-records: git failed: {exc.stderr.strip()}", file=sys.stderr)
        return 2
    return 0


def cmd_search(args, root: Path) -> int:
    import json

    from casebook.search import SearchIndex, build_entries

    corpus = _typed_corpus(root)
    if corpus is None:
        return 1
    query = " ".join(args.query)
    hits = SearchIndex(build_entries(corpus)).search(query, args.kind, args.limit)
    if args.json:
        rows = [
            {
                "kind": h.entry.kind,
                "id": h.entry.id,
                "title": h.entry.title,
                "url": h.entry.url,
                "score": round(h.score, 1),
                "matched_field": h.field,
                "matched_text": h.matched,
            }
            for h in hits
        ]
        print(json.dumps({"query": query, "results": rows}, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"No record matches '{query}'.")
    for rank, h in enumerate(hits, 1):
        print(f"{rank:>2}. [{h.entry.kind}] {h.entry.title} ({h.entry.id})")
        print(f"    score {h.score:.0f}: matched {h.field} “{h.matched[:90]}”")
    return 0


def _statute_or_exit_code(root: Path, statute_id: str):
    """The typed statute record, or the exit code after saying what is wrong."""
    corpus = _typed_corpus(root)
    if corpus is None:
        return 1
    statutes = corpus.by_id("statute")
    if statute_id not in statutes:
        return _refuse(statute_id, "statute", sorted(statutes))
    return statutes[statute_id].model


def cmd_version(args, root: Path) -> int:
    from casebook.law import explain_in_force

    statute = _statute_or_exit_code(root, args.statute)
    if isinstance(statute, int):
        return statute
    _, reason = explain_in_force(statute, args.on)
    print(f"{args.statute} on {args.on}: {reason}")
    return 0


def cmd_changes(args, root: Path) -> int:
    from casebook.changes import amendments
    from casebook.law_report import changes_answer

    statute = _statute_or_exit_code(root, args.statute)
    if isinstance(statute, int):
        return statute
    print(changes_answer(amendments(statute), args.json))
    return 0


def cmd_build(args, root: Path) -> int:
    from casebook.site.build import build_site

    return build_site(root, site_dir=root / args.site_dir, strict=args.strict, one_shot=True)


def cmd_serve(args, root: Path) -> int:
    from casebook.site.build import serve_site

    return serve_site(root, dev_addr=args.dev_addr)


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    from casebook.setup_check import setup_problem

    problem = setup_problem()
    if problem:  # before the parser: building it imports the models (pydantic)
        print(problem, file=sys.stderr)
        return 1
    root = Path(root or Path.cwd()).resolve()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["build", *argv]
    args = _parser().parse_args(argv)
    if args.root is not None:
        if not args.root.is_dir():
            print(f"build_site.py: --root {args.root} is not a folder", file=sys.stderr)
            return 2
        root = args.root.resolve()
    handlers = {
        "validate": cmd_validate,
        "build": cmd_build,
        "serve": cmd_serve,
        "schema": cmd_schema,
        "stats": cmd_stats,
        "penalty": cmd_penalty,
        "range": cmd_range,
        "changes": cmd_changes,
        "version": cmd_version,
        "search": cmd_search,
        "new": cmd_new,
        "changed-records": cmd_changed_records,
    }
    try:
        return handlers[args.command](args, root)
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: not an error of ours.
        sys.stderr.close()
        return 0
