"""Shared helpers: copy a fixture corpus to a temporary repository and validate or edit it; the
built site served on localhost and Chromium, for the browser and layout tests."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from casebook.validate.run import Report, validate_repository

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
# Fixtures are judged as of a fixed day so that version statuses never change under the tests.
FIXTURE_TODAY = dt.date(2026, 1, 1)


@pytest.fixture(autouse=True)
def _own_cache_folder(tmp_path_factory, monkeypatch):
    """Each test gets an empty cache folder (validate and build cache there); never ~/.cache."""
    monkeypatch.setenv("CASEBOOK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def valid_repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", target)
    return target


@pytest.fixture
def site_repo(valid_repo: Path) -> Path:
    """The valid fixture corpus with the real site configuration and hand-written pages."""
    return with_site_files(valid_repo)


def with_site_files(repo: Path) -> Path:
    """Give a fixture corpus the real site configuration, hand-written pages and guides."""
    shutil.copy(REPO / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(REPO / "docs", repo / "docs")
    for guide in ("CONTRIBUTING.md", "CONTRIBUTING.ko.md"):
        shutil.copy(REPO / guide, repo / guide)
    return repo


def site_repo_at(target: Path) -> Path:
    """A fresh copy of the valid corpus with the site files, for module- or session-scoped builds."""
    shutil.copytree(FIXTURES / "valid", target)
    return with_site_files(target)


# The built site in Chromium (Debian's, driven by Playwright): one build and one browser for the
# whole session, shared by the browser and layout tests.
CHROMIUM = os.environ.get("CASEBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    from casebook.site.build import build_site

    site = tmp_path_factory.mktemp("built") / "site"
    assert build_site(REPO, site) == 0
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "run `python tests/ensure_browser.py` (README's test command does)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def penalty_json(*args: str) -> dict:
    """`build_site.py penalty ... --json` on the real records: the CLI's answer the site tool must give."""
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "penalty", *args, "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def validate(root: Path, today: dt.date = FIXTURE_TODAY) -> Report:
    return validate_repository(root, today=today)


def codes(report: Report) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.code) for d in report.diagnostics]


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact snippet of a fixture file (fails loudly if it is not there)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"snippet not found exactly once in {path.name}: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# Fuzzing: a bounded run in CI; `HYPOTHESIS_PROFILE=long python -m pytest tests/test_hostile.py` for more.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(__import__("os").environ.get("HYPOTHESIS_PROFILE", "ci"))


# How a WCAG contrast ratio is measured in the browser: an element's colour (or an SVG shape's
# fill) against the first opaque background behind it. Shared by the browser and layout tests.
_CONTRAST_JS = """(el) => {
    function rgb(text) { const m = text.match(/[\\d.]+/g).map(Number); return m.length > 3 ? m : [...m, 1]; }
    function background(node) {
        for (; node; node = node.parentElement) {
            const c = rgb(getComputedStyle(node).backgroundColor);
            if (c[3] > 0.5) return c;
        }
        return [255, 255, 255, 1];
    }
    function lum(c) {
        const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }
    const fg = lum(rgb(getComputedStyle(el)[PROPERTY])), bg = lum(background(el));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
}"""


def contrast_script(colour_property: str = "color") -> str:
    """The script giving an element's contrast ratio; `colour_property` is "color" or "fill"."""
    return _CONTRAST_JS.replace("[PROPERTY]", f"[{colour_property!r}]")
