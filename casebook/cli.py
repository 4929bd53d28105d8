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
    validate.add_argument("--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS)

    build = sub.add_parser("build", parents=[common], help="validate, render and build the site into site/ (default)")
    build.add_argument("--strict", action="store_true", help="warnings stop the build too")
    build.add_argument("--site-dir", default="site", help="output folder (default: site)")

    serve = sub.add_parser("serve", parents=[common], help="build and preview the site at http://127.0.0.1:8000")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")

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
            scopes.append(absolute.resolve().relative_to(root.resolve()).as_posix().rstrip("."))
        except ValueError:
            print(f"build_site.py validate: {raw} is outside the repository", file=sys.stderr)
            return None
    return list(scopes)


def cmd_validate(args, root: Path) -> int:
    from casebook.validate.registry import describe_checks
    from casebook.validate.run import validate_repository

    if args.list_checks:
        for name, doc in describe_checks():
            print(f"{name}: {doc}")
        return 0
    scopes = _scopes(root, args.paths)
    if scopes is None:
        return 2
    scopes = [s for s in scopes if s]  # the repository root itself means everything
    report = validate_repository(root, today=args.today)
    shown = [d for d in report.diagnostics if _in_scope(d.path, scopes)]
    files = sum(1 for r in report.corpus.records if _in_scope(r.display, scopes))
    output = format_github(shown) if args.format == "github" else format_text(shown)
    if output:
        print(output)
    print(summary(shown, files), file=sys.stderr if args.format == "github" else sys.stdout)
    errors = any(d.is_error for d in shown)
    return 1 if errors or (args.strict and shown) else 0


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


def cmd_build(args, root: Path) -> int:
    from casebook.site.build import build_site

    return build_site(root, site_dir=root / args.site_dir, strict=args.strict)


def cmd_serve(args, root: Path) -> int:
    from casebook.site.build import serve_site

    return serve_site(root, dev_addr=args.dev_addr)


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
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
    handlers = {"validate": cmd_validate, "build": cmd_build, "serve": cmd_serve, "schema": cmd_schema}
    return handlers[args.command](args, root)
