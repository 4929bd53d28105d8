"""The site's search index: Pagefind over the built pages, written into site/pagefind/.

Pagefind splits the index into small compressed pieces and the browser fetches only those a
query needs (at 10,000 cases on the bilingual site, at most 0.29 MB for an English first query
and 0.64 MB for a Korean one, against 53 MB for Material's whole-site index; docs/performance.md
"Site search"). Only each page's article is indexed, so the navigation and footer do not match
every query, and of a record page only what the search model says is searchable.

`SearchIndexer` feeds each page to a Pagefind process as MkDocs writes it, so indexing runs
on another core while MkDocs works, instead of as a pass over the whole site afterwards. It
speaks Pagefind's service protocol (base64 JSON messages ending in ",") directly: the
`pagefind.index` wrapper polls for each reply after a 0.1 s sleep, which at 10,000 pages
would take 17 minutes.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import shutil
import subprocess
import threading
import unicodedata
from pathlib import Path

# What Pagefind leaves out of a record page (theme/main.html wraps its content): a case page is
# indexed by its title, its other-language title and aliases, its summary and the search model's
# weighted fields (templates/search_fields.md.j2), not by its tables, lists and section headings,
# whose words ("징역", "피고인", court names) are on every case page and would make the index
# pieces for those words, which a first query fetches, grow with the number of cases
# (docs/performance.md); a statute page without the list of every case citing it.
RECORD_IGNORED = [
    ".cb-page-case > h2",
    ".cb-page-case > h3",
    ".cb-page-case > table",
    ".cb-page-case > ul",
    ".cb-page-case > ol",
    ".cb-page-case > p:nth-of-type(n+3)",
    ".cb-page-statute > ul",
    ".cb-page-case .cb-other-lang-note",  # "(no Korean summary)": on most synthetic pages
]
# Other cases' titles in a case page's comparable decisions would make every page listing a
# case a search hit for it: the list is left out of the index.
CONFIG = {"root_selector": "article", "exclude_selectors": [".headerlink", ".cb-comparable", *RECORD_IGNORED]}
# Pages that only list other pages' titles: indexed, they outrank the pages they list, and at
# 10,000 cases the cases index alone would hold every case's title. Paths inside a language
# folder too. The Sources list is indexed: a source has no page of its own, and search.js
# names a result on it by the row (the source) its words are in.
LISTINGS = frozenset({"changes.html", "search.html", "cases/index.html", "statutes/index.html"})


def is_listing(site_path: str, listings=LISTINGS) -> bool:
    parts = site_path.split("/", 1)
    return site_path in listings or (len(parts) == 2 and len(parts[0]) == 2 and parts[1] in listings)


_FILTER_SPANS = re.compile(r'data-pagefind-filter="[^"]*">[^<]*<')


def decomposed_hangul(html: str) -> str:
    """The page as Pagefind is given it: its Hangul decomposed into letters (NFD), the filters'
    names and values as written.

    Pagefind 1.5.2 stores each word under its form without diacritics (NFD, marks removed) and
    the written form as a variant when the two differ. A Hangul syllable decomposes into its
    letters, so every Korean word is stored as a variant, and the indexer, which closes an index
    piece once the words in it occur 20,000 times, counts only a word's main form: every Korean
    word of the site ends up in one piece, which any Korean query fetches whole (0.38 MB at
    10,000 cases; docs/performance.md "Site search"). Given already decomposed, a Korean word
    is its own main form and the pieces split as they do for English. A query is decomposed the
    same way by Pagefind's search, so it still matches; search.js composes (NFC) what a result
    shows. Filters are shown as Pagefind stores them, so they keep their written form.
    """
    nfd = unicodedata.normalize("NFD", html)
    return _FILTER_SPANS.sub(lambda m: unicodedata.normalize("NFC", m.group(0)), nfd)


class SearchIndexError(RuntimeError):
    pass


def _executable() -> str:
    from pagefind.service import get_executable  # the binary shipped in pagefind[extended]

    found = get_executable()
    if found is None:
        raise SearchIndexError("Pagefind could not run: its binary is not installed (pip install pagefind[extended])")
    return str(found)


class SearchIndexer:
    """One Pagefind index built from pages handed over one at a time.

    add() only writes to Pagefind's input; a thread collects the replies. finish() waits for
    every page, writes the index and raises SearchIndexError if any page or the process failed.
    """

    def __init__(self, executable: str | None = None, config: dict | None = None, listings=LISTINGS):
        self._listings = listings
        try:
            self._process = subprocess.Popen(
                [executable or _executable(), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise SearchIndexError(f"Pagefind could not run: {exc}") from exc
        self._replies: dict[int, dict] = {}
        self._arrived = threading.Condition()
        self._last_id = 0
        self._failures: list[str] = []
        self._indexed = 0
        self._sending = threading.Lock()
        self.pages = 0
        self._reader = threading.Thread(target=self._read_replies, daemon=True)
        self._reader.start()
        reply = self._wait(self._send({"type": "NewIndex", "config": CONFIG if config is None else config}))
        self._index_id = reply.get("index_id", 0)

    def _send(self, payload: dict) -> int:
        with self._sending:  # pages may come from two threads (see mkdocs_plugin.py)
            self._last_id += 1
            message = json.dumps({"message_id": self._last_id, "payload": payload}, ensure_ascii=False)
            try:
                self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
                self._process.stdin.flush()
            except (BrokenPipeError, OSError, ValueError) as exc:
                raise SearchIndexError(f"Pagefind stopped while indexing: {exc}") from exc
            if payload["type"] == "AddFile":
                self.pages += 1
            return self._last_id

    def _read_replies(self) -> None:
        pending = b""
        while chunk := self._process.stdout.read1(1 << 16):
            pending += chunk
            *messages, pending = pending.split(b",")
            for message in messages:
                reply = json.loads(base64.b64decode(message))
                payload = reply.get("payload") or {}
                with self._arrived:
                    if payload.get("type") == "Error":
                        self._failures.append(str(payload.get("message", "unknown error")))
                    if payload.get("type") == "IndexedFile":
                        self._indexed += 1  # page replies are only counted: 10,000 of them
                    else:
                        self._replies[reply.get("message_id") or 0] = payload
                    self._arrived.notify_all()
        with self._arrived:  # the process is gone: nothing more will arrive
            self._replies[-1] = {"type": "Error", "message": "Pagefind exited"}
            self._arrived.notify_all()

    def _wait(self, message_id: int) -> dict:
        with self._arrived:
            self._arrived.wait_for(lambda: message_id in self._replies or -1 in self._replies)
            reply = self._replies.get(message_id, self._replies.get(-1))
        if reply.get("type") == "Error":
            raise SearchIndexError(f"Pagefind failed to index the site: {reply.get('message')}")
        return reply

    def add(self, site_path: str, html: str) -> None:
        """Index one page; `site_path` is where it is written in the site (e.g. cases/x.html)."""
        if is_listing(site_path, self._listings):
            return
        self._send(
            {
                "type": "AddFile",
                "index_id": self._index_id,
                "file_path": site_path,
                "url": None,
                "file_contents": decomposed_hangul(html),
            }
        )

    def finish(self, output: Path) -> None:
        """Wait for every page, then write the index into `output` (a site's pagefind/ folder)."""
        try:
            with self._arrived:  # replies may come in any order: wait until every page has one
                self._arrived.wait_for(lambda: self._indexed + len(self._failures) >= self.pages or -1 in self._replies)
            if -1 in self._replies:
                raise SearchIndexError("Pagefind stopped while indexing")
            if self._failures:
                raise SearchIndexError("Pagefind failed to index the site: " + " / ".join(self._failures[:3]))
            # Pagefind's own WriteFiles was seen to answer before its files were complete
            # (pagefind-entry.json empty, pagefind.js cut at 32 KB, the search page broken):
            # the index is asked for as data and written here, whole, into a fresh folder.
            reply = self._wait(self._send({"type": "GetFiles", "index_id": self._index_id}))
            shutil.rmtree(output, ignore_errors=True)
            for file in reply.get("files", []):
                target = output / file["path"]
                if output.resolve() not in target.resolve().parents:
                    raise SearchIndexError(f"Pagefind named a file outside its folder: {file['path']}")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(base64.b64decode(file["content"]))
        finally:
            self.close()
        if not (output / "pagefind-ui.js").is_file():
            raise SearchIndexError("Pagefind wrote no index")

    def abandon(self) -> None:
        """Stop Pagefind at once, from any thread: its index is not wanted (finish() then fails)."""
        with contextlib.suppress(OSError):
            self._process.kill()

    def close(self) -> None:
        if self._process.poll() is None:
            with contextlib.suppress(OSError):  # Pagefind may already have closed its end
                self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._reader.join(timeout=10)  # it stops at the end of Pagefind's output
        self._process.stdout.close()


def index_site(site_dir: Path, config: dict | None = None, listings=LISTINGS) -> None:
    """Index every page of an already built site (the preview server's rebuilds use this;
    bench/reindex.py tries other options on a built site)."""
    indexer = SearchIndexer(config=config, listings=listings)
    try:
        for page in sorted(site_dir.rglob("*.html")):
            indexer.add(page.relative_to(site_dir).as_posix(), page.read_text(encoding="utf-8"))
    except BaseException:
        indexer.close()
        raise
    indexer.finish(site_dir / "pagefind")
