"""'Recently changed' page and Atom feed, from the records' own `updated` dates.

Followers learn when a sentence is added or the law changes. Entries link to the record's
page; the feed is plain XML with every value escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup

from casebook.corpus import Corpus

FEED_SIZE = 50
_FEED_ORDER = ("case", "statute", "guideline", "figure", "source")
_PAGE = {
    "statute": "statutes/{id}.html",
    "case": "cases/{id}.html",
    "source": "sources/index.html#{id}",
    "figure": "statistics.html#{id}",
    "guideline": "guidelines.html#{id}",
}


def _title(record, lang: str = "en") -> str:
    """The record's title in `lang` where it has one, else in the other language."""
    m = record.model
    other = "en" if lang == "ko" else "ko"
    names = [f"{base}_{code}" for code in (lang, other) for base in ("title", "metric", "heading")] + ["title"]
    for attr in names:
        # Look the field up first: a missing attribute on a pydantic model raises, slowly.
        value = getattr(m, attr) if attr in type(m).model_fields else None
        if value:
            return (
                f"{value} ({m.act.short_title_ko or m.act.title_ko} {m.article})"
                if attr.startswith("heading")
                else value
            )
    return m.id


def recent(corpus: Corpus, L=None, limit: int = FEED_SIZE) -> list[dict]:
    from casebook.i18n import Lang

    L = L or Lang("en")
    items = [
        {
            "kind": r.kind.name,
            "kind_label": L.v("kind", r.kind.name),
            "id": r.model.id,
            "title": _title(r, L.code),
            "updated": r.model.updated,
            "href": _PAGE[r.kind.name].format(id=r.model.id),
            # Built from the kind and a validated id only: a link target, not record text.
            "href_md": Markup(_PAGE[r.kind.name].format(id=r.model.id).replace(".html", ".md")),
        }
        for r in corpus.records
        if r.model is not None
    ]
    # The latest first; on the same day cases first, then the law, then what they rest on (a
    # day's edit of many sources would otherwise push every case out of the feed).
    items.sort(key=lambda i: (-i["updated"].toordinal(), _FEED_ORDER.index(i["kind"]), i["id"]))
    return items[:limit]


# Characters XML 1.0 does not allow at all: one in a title would make the whole feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def atom(corpus: Corpus, L=None) -> str:
    from casebook.i18n import Lang

    L = L or Lang("en")
    items = recent(corpus, L)
    newest = items[0]["updated"] if items else dt.date.today()
    entries = "".join(
        "<entry>"
        f"<id>tag:casebook,{i['updated'].isoformat()}:{escape(i['kind'])}/{escape(i['id'])}</id>"
        f"<title>{_xml_text(i['title'])}</title>"
        f"<updated>{i['updated'].isoformat()}T00:00:00Z</updated>"
        f"<link href={quoteattr(i['href'])}/>"
        f"<summary>{_xml_text(L.s('feed.entry', kind=i['kind_label']))}</summary>"
        "</entry>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{L.code}">'
        f"<id>tag:casebook,2026:feed{'' if L.code == 'ko' else ':' + L.code}</id><title>{_xml_text(L.s('feed.title'))}</title>"
        f"<updated>{newest.isoformat()}T00:00:00Z</updated>"
        '<link rel="self" href="feed.xml"/><author><name>Casebook contributors</name></author>'
        f"{entries}</feed>\n"
    )
