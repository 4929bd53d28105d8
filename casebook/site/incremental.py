"""Rebuild only the pages whose Markdown changed: MkDocs' dirty build over a copy of the last site.

After each successful build a manifest (in the cache folder, see validate/cache.py) records
a hash of every staged file and a fingerprint of everything else a page depends on:
Casebook's code and templates, mkdocs.yml, the versions of MkDocs, the theme and Markdown
extensions. The next build, when the fingerprint matches and site/ is still the site that
manifest describes, starts from a copy of site/ and lets MkDocs rebuild only the staged files
whose hash changed (MkDocs compares modification times, so unchanged files are dated back).
Pages of deleted files are removed from the copy. Anything else means a clean build.

This is safe because Casebook's navigation names every entry's title in mkdocs.yml (part of
the fingerprint), so a page never shows another page's content; `tests/test_incremental.py`
checks that a rebuilt site is the clean build, file for file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib import metadata
from pathlib import Path

from casebook.validate.cache import PACKAGE, cache_dir

_TOOLS = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "Markdown",
    "pymdown-extensions",
    "pagefind",
    "Jinja2",
    "pydantic",
)
_MANIFEST = "site-manifest.json"
STAMP_FILE = "sitemap.xml"  # rewritten by every build: its size and time identify the build


def code_fingerprint(root: Path) -> str:
    """Everything a page depends on besides the records: Casebook's code and templates, the
    site's tools and their versions, mkdocs.yml and the site's address."""
    digest = hashlib.blake2b(digest_size=20)
    for name in _TOOLS:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    for source in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(source.relative_to(PACKAGE).as_posix().encode() + b"\0" + source.read_bytes())
    config = root / "mkdocs.yml"
    digest.update(config.read_bytes() if config.is_file() else b"")
    # mkdocs.yml reads the site's address from the environment (site_url): every page's
    # canonical link and the sitemap change with it, so a build with another one starts clean.
    digest.update(b"\0site_url=" + os.environ.get("CASEBOOK_SITE_URL", "").encode())
    return digest.hexdigest()


def _file_hashes(docs: Path) -> dict[str, str]:
    hashes = {}
    for folder, _, names in os.walk(docs):
        for name in names:
            path = Path(folder, name)
            with open(path, "rb") as handle:
                hashes[path.relative_to(docs).as_posix()] = hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    return hashes


def _stamp(site_dir: Path) -> list[int] | None:
    try:
        info = (site_dir / STAMP_FILE).stat()
    except OSError:
        return None
    return [info.st_mtime_ns, info.st_size]


def outputs_of(staged: str) -> list[str]:
    """Where MkDocs writes a staged file (use_directory_urls is off: page.md -> page.html).

    Staged files are in the i18n plugin's folder layout: ko/ is written at the site root, en/
    under en/, and a file outside both (assets/) into each language's output.
    """
    output = staged[:-3] + ".html" if staged.endswith(".md") else staged
    lang, _, rest = output.partition("/")
    if lang == "ko":
        return [rest]
    if lang == "en":
        return [output]
    return [output, f"en/{output}"]


class Plan:
    """What one build does: clean, or dirty over a copy of the previous site."""

    def __init__(self, root: Path, site_dir: Path, docs: Path):
        """Decided before the docs are staged: a clean build may stage some pages while MkDocs
        runs (build.py), a dirty one must have them all before `prepare`."""
        self.root, self.site_dir, self.docs = root, site_dir, docs
        self.fingerprint = code_fingerprint(root)
        self.previous = self._previous()
        self.dirty = self.previous is not None
        self.hashes: dict[str, str] | None = None  # of the staged docs, once they are complete
        self.changed: list[str] = []  # the staged files a dirty build rebuilds

    def _previous(self) -> dict[str, str] | None:
        try:
            manifest = json.loads((cache_dir(self.root) / _MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        same = (
            isinstance(manifest, dict)
            and manifest.get("fingerprint") == self.fingerprint
            and manifest.get("site") == str(self.site_dir.resolve())
            and manifest.get("stamp") is not None
            and manifest.get("stamp") == _stamp(self.site_dir)
            and isinstance(manifest.get("files"), dict)
        )
        return manifest["files"] if same else None

    def prepare(self, new_site: Path) -> None:
        """For a dirty build: copy the last site and date back the staged files that did not change."""
        if not self.dirty:
            return
        self.hashes = _file_hashes(self.docs)
        self.changed = sorted(k for k, v in self.hashes.items() if self.previous.get(k) != v)
        # The search index is written afresh from every page; everything else is kept.
        shutil.copytree(
            self.site_dir, new_site, ignore=lambda folder, names: ["pagefind"] if Path(folder) == self.site_dir else []
        )
        for staged, digest in self.hashes.items():
            if self.previous.get(staged) == digest:
                os.utime(self.docs / staged, ns=(0, 0))  # older than its output: MkDocs skips it
        for gone in set(self.previous) - set(self.hashes):
            for output in outputs_of(gone):
                (new_site / output).unlink(missing_ok=True)

    def remember(self) -> None:
        """After the new site is in place: the manifest the next build compares with."""
        manifest = {
            "fingerprint": self.fingerprint,
            "site": str(self.site_dir.resolve()),
            "stamp": _stamp(self.site_dir),
            "files": self.hashes if self.hashes is not None else _file_hashes(self.docs),
        }
        folder = cache_dir(self.root)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{_MANIFEST}.tmp"
            tmp.write_text(json.dumps(manifest), encoding="utf-8")
            tmp.replace(folder / _MANIFEST)
        except OSError:
            pass  # no cache folder: the next build is a clean one


def forget(root: Path) -> None:
    """A build failed or wrote site/ some other way: the next build starts clean."""
    (cache_dir(root) / _MANIFEST).unlink(missing_ok=True)
