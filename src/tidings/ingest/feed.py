"""RSS/Atom feeds (feedparser) and OPML lists of feeds.

A feed entry that carries the full article (``content:encoded``, Atom ``content``) is ingested
from the feed itself; one that carries a summary only is fetched from its link with the guarded
fetcher, in a worker, like any URL.
"""

from __future__ import annotations

import hashlib
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import feedparser

from ..errors import UnsupportedInput
from .raw import RawDocument
from .source import document_from_bytes, read_source

# Below this many characters of text, an entry's content is taken for a teaser and the linked
# page is fetched instead.
FULL_TEXT_CHARS = 300
_TAG = re.compile(r"<[^>]*>")
_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)
_OPML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<opml\b", re.S)


@dataclass(frozen=True, slots=True)
class UrlItem:
    """A page to fetch; its fingerprint is its URL, so a page linked from two feeds (or given
    directly) is fetched once."""

    url: str

    @property
    def origin(self) -> str:
        return self.url

    @property
    def fingerprint(self) -> str:
        return f"url:{self.url}"

    def load(self, *, allow_private: bool = False) -> RawDocument:
        return read_source(self.url, allow_private=allow_private)


@dataclass(frozen=True, slots=True)
class FeedEntryItem:
    """An entry whose content is the full article."""

    origin: str
    fingerprint: str
    html: str
    url: str | None
    title: str | None
    source: str | None
    published: str | None

    def load(self, *, allow_private: bool = False) -> RawDocument:
        raw = document_from_bytes(
            self.html.encode("utf-8"),
            origin=self.origin,
            name=self.origin,
            url=self.url,
            kind="html",
        )
        return RawDocument(
            text=raw.text,
            title=self.title or raw.title,
            source=self.source or raw.source,
            author=raw.author,
            url=self.url or raw.url,
            published=self.published or raw.published,
            language=raw.language,
            origin=self.origin,
            warnings=raw.warnings,
        )


def looks_like_feed(data: bytes) -> bool:
    return _FEED_START.match(data[:4096]) is not None


def looks_like_opml(data: bytes) -> bool:
    return _OPML_START.match(data[:4096]) is not None


def iter_feed(data: bytes, *, origin: str) -> Iterator[FeedEntryItem | UrlItem]:
    """An item per entry of the RSS/Atom feed ``data``."""
    parsed = feedparser.parse(data)
    if not parsed.entries and parsed.get("bozo"):
        reason = parsed.get("bozo_exception")
        raise UnsupportedInput(f"{origin} is not a readable RSS or Atom feed ({reason})")
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or None
        html = _full_text(entry)
        if html is not None:
            key = entry.get("id") or link or f"{origin}#{number}"
            digest = hashlib.sha256(f"{key}\n{html}".encode()).hexdigest()[:32]
            yield FeedEntryItem(
                origin=f"{origin}#{link or number}",
                fingerprint=f"feed:{digest}",
                html=html,
                url=link,
                title=entry.get("title") or None,
                source=outlet,
                published=_day(entry.get("published_parsed") or entry.get("updated_parsed")),
            )
        elif link and link.startswith(("http://", "https://")):
            yield UrlItem(link)


def _full_text(entry: Any) -> str | None:
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if len(_TAG.sub(" ", value).strip()) >= FULL_TEXT_CHARS:
            # Wrapped so that the HTML reader sees a document, not a fragment.
            return f"<html><body><article>{value}</article></body></html>"
    return None


def _day(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def opml_feeds(data: bytes, *, origin: str) -> list[str]:
    """The feed addresses (``xmlUrl``) an OPML document lists, in order."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise UnsupportedInput(f"{origin} is not a readable OPML file ({exc})") from exc
    return [
        outline.attrib["xmlUrl"].strip()
        for outline in root.iter("outline")
        if outline.attrib.get("xmlUrl", "").strip()
    ]
