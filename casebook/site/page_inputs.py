"""What each case page is rendered from, as one fingerprint per case, so that a build or the
preview renders again only the case pages whose inputs changed.

A case page shows the case itself, the statutes, sources, guidelines and figures it draws
on (ranges, citations, law.go.kr links), the date it is built on (the law in force), and
its comparable decisions, which name other cases (their labels, courts and facts). So its
fingerprint covers: Casebook's code and the site's tools (incremental.code_fingerprint),
the date, every record that is not a case, the case's own text, and the comparable
decisions of each of its decisions with those cases' texts. Everything else a build writes
(indexes, statistics, the finder's data, statute pages) is rendered every time: those pages
depend on many records and are few. `tests/test_page_inputs.py` checks that reusing the
unchanged pages gives the pages of a full render, for edits of each kind.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from casebook.comparable import Comparables, decision_key
from casebook.corpus import Corpus


def _digest(*parts: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))  # no two sequences of parts hash alike
        digest.update(part)
    return digest.digest()


def _text(record) -> bytes:
    return record.loaded.text.encode("utf-8") if record.loaded is not None else b""


def case_fingerprints(corpus: Corpus, comparables: Comparables, today: dt.date, code: str) -> dict[str, str]:
    """Case id -> the fingerprint of what its pages (both languages) are rendered from."""
    shared = _digest(
        code.encode(),
        today.isoformat().encode(),
        *(
            part
            for record in sorted(corpus.records, key=lambda r: r.display)
            if record.kind.name != "case"
            for part in (record.display.encode(), _text(record))
        ),
    )
    cases = corpus.by_id("case")
    own = {case_id: _digest(record.display.encode(), _text(record)) for case_id, record in cases.items()}
    out = {}
    for case_id, record in cases.items():
        case = record.model
        parts = [shared, own[case_id]]
        for proc in case.proceedings:
            for outcome in proc.outcomes:
                for like in comparables.of(decision_key(case, proc, outcome)):
                    parts += [like.key.encode(), own.get(like.case.id, b"")]
        out[case_id] = _digest(*parts).hex()
    return out


def case_pages(case_id: str) -> list[str]:
    """The staged files of a case's pages (the i18n plugin's layout)."""
    from casebook.i18n import LANGUAGES

    return [f"{lang}/cases/{case_id}.md" for lang in LANGUAGES]
