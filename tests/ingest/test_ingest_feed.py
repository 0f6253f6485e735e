"""RSS/Atom feeds and OPML lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import UnsupportedInput
from tidings.ingest.feed import (
    FeedEntryItem,
    UrlItem,
    iter_feed,
    looks_like_feed,
    looks_like_opml,
    opml_feeds,
)

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "feeds"

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Pass Watch</title>
  <id>urn:pass-watch</id>
  <updated>2026-04-07T00:00:00Z</updated>
  <entry>
    <title>Short</title>
    <id>urn:1</id>
    <link href="https://pass-watch.example/short"/>
    <updated>2026-04-07T00:00:00Z</updated>
    <summary>Only a teaser.</summary>
  </entry>
</feed>"""


def test_full_text_entry_is_read_from_the_feed() -> None:
    data = (FEEDS / "herald.rss").read_bytes()
    assert looks_like_feed(data) and not looks_like_opml(data)
    items = list(iter_feed(data, origin="herald.rss"))
    full, teaser = items
    assert isinstance(full, FeedEntryItem) and isinstance(teaser, UrlItem)
    raw = full.load()
    assert "Engineers finished repairing the bridge at Rushan" in raw.text
    assert (raw.title, raw.source, raw.published) == (
        "Bridge at Rushan repaired",
        "River Herald",
        "2026-04-06",
    )
    assert raw.url == "https://river-herald.example/bridge-rushan"
    assert teaser.url == "https://river-herald.example/teaser"
    assert teaser.fingerprint == "url:https://river-herald.example/teaser"


def test_atom_teaser_is_fetched_from_its_link() -> None:
    (item,) = iter_feed(ATOM, origin="atom")
    assert isinstance(item, UrlItem) and item.url == "https://pass-watch.example/short"


def test_opml_lists_feeds() -> None:
    data = (FEEDS / "list.opml").read_bytes()
    assert looks_like_opml(data)
    assert opml_feeds(data, origin="list.opml") == ["herald.rss"]
    with pytest.raises(UnsupportedInput, match="OPML"):
        opml_feeds(b"<opml><body>", origin="broken.opml")


def test_not_a_feed() -> None:
    with pytest.raises(UnsupportedInput, match="not a readable RSS"):
        list(iter_feed(b"not xml at all <", origin="broken.rss"))
