"""Expanding SOURCE arguments: folders, suffixes, hidden files, feeds, OPML, bad arguments."""

from __future__ import annotations

import os
from pathlib import Path

from tidings.ingest.discover import FailedItem, FileItem, expand, file_fingerprint
from tidings.ingest.feed import FeedEntryItem, UrlItem
from tidings.ingest.jsonl import JsonlItem

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def test_directory_walk_picks_article_files_and_skips_hidden(tmp_path: Path) -> None:
    items = list(expand([str(CORPUS / "articles")]))
    names = [Path(i.origin).name for i in items]
    assert names == [
        "2026-04-01-valley-post-landslide.txt",
        "2026-04-02-river-herald-relief.txt",
        "2026-04-03-valley-post-reopen.txt",
        "empty.txt",
    ]  # .hidden.txt and notes.md are not picked
    assert all(isinstance(i, FileItem) for i in items)


def test_whole_corpus_expands_every_kind() -> None:
    kinds = {type(i) for i in expand([str(CORPUS)])}
    assert {FileItem, JsonlItem, FeedEntryItem, UrlItem} <= kinds


def test_opml_expands_to_its_feeds_entries() -> None:
    items = list(expand([str(CORPUS / "feeds" / "list.opml")]))
    assert [type(i) for i in items] == [FeedEntryItem, UrlItem]


def test_missing_source_is_a_failed_item_and_the_rest_go_on() -> None:
    items = list(expand(["/no/such/place", str(CORPUS / "articles.jsonl")]))
    assert isinstance(items[0], FailedItem) and "no such file" in items[0].reason
    assert items[0].fingerprint is None
    assert len(items) == 4


def test_file_fingerprint_changes_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one", encoding="utf-8")
    first = file_fingerprint(path)
    assert file_fingerprint(path) == first
    path.write_text("two!", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert file_fingerprint(path) != first


def test_named_file_with_any_suffix_is_read(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text("A short article about a road.\n", encoding="utf-8")
    (item,) = expand([str(path)])
    assert isinstance(item, FileItem) and "road" in item.load().text
