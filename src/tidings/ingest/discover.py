"""Expanding ``tidings ingest`` SOURCE arguments into items to ingest.

A SOURCE is a file, a directory (walked recursively, hidden entries skipped), an http(s) URL
(an article page, an RSS/Atom feed or an OPML list, told apart by content) or ``-`` for stdin.
Each item has an ``origin`` for messages, a ``fingerprint`` that the store's ingest log keys
on, and ``load()``, which does the reading and parsing: it runs in a worker process, so items
are small and picklable. A source that cannot be expanded yields a ``FailedItem``, so that one
bad argument is logged as a failure and the others go on.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import InputError, InputNotFound, InputTooLarge, TidingsError
from . import limits
from .feed import (
    FeedEntryItem,
    UrlItem,
    iter_feed,
    looks_like_feed,
    looks_like_opml,
    opml_feeds,
)
from .fetch import fetch
from .jsonl import iter_jsonl
from .raw import RawDocument
from .source import STDIN, document_from_bytes, read_source
from .warc import iter_warc

# What a directory walk picks up; anything else in the folder is not ours to read.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".gz")
PICKED_SUFFIXES = (
    *ARTICLE_SUFFIXES,
    ".jsonl",
    ".warc",
    ".warc.gz",
    ".xml",
    ".rss",
    ".atom",
    ".opml",
)
_FEED_SUFFIXES = (".xml", ".rss", ".atom")


class Item(Protocol):
    @property
    def origin(self) -> str: ...

    @property
    def fingerprint(self) -> str | None: ...

    def load(self, *, allow_private: bool = False) -> RawDocument: ...


@dataclass(frozen=True, slots=True)
class FileItem:
    """An article file; its fingerprint is its path, size and modification time, so a rerun
    skips it without reading it, and an edited file is read again."""

    path: str
    fingerprint: str

    @property
    def origin(self) -> str:
        return self.path

    def load(self, *, allow_private: bool = False) -> RawDocument:
        return read_source(self.path)


@dataclass(frozen=True, slots=True)
class BytesItem:
    """An article already read during discovery (stdin, a URL fetched to see what it was)."""

    origin: str
    fingerprint: str
    data: bytes
    url: str | None = None
    charset: str | None = None

    def load(self, *, allow_private: bool = False) -> RawDocument:
        return document_from_bytes(
            self.data, origin=self.origin, name=self.origin, url=self.url, charset=self.charset
        )


@dataclass(frozen=True, slots=True)
class FailedItem:
    """A source that could not be expanded; loading it raises its reason."""

    origin: str
    reason: str
    fingerprint: None = None

    def load(self, *, allow_private: bool = False) -> RawDocument:
        raise InputError(self.reason)


def file_fingerprint(path: Path) -> str:
    stat = path.stat()
    key = f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}"
    return "file:" + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def expand(sources: Iterable[str], *, allow_private: bool = False) -> Iterator[Item]:
    """Every item the SOURCE arguments hold, in argument order (directories sorted)."""
    for source in sources:
        try:
            yield from _expand_one(source, allow_private=allow_private)
        except TidingsError as exc:
            yield FailedItem(source, str(exc))


def _expand_one(source: str, *, allow_private: bool) -> Iterator[Item]:
    if source == STDIN:
        data = _read_stdin()
        yield BytesItem("stdin", "stdin:" + hashlib.sha256(data).hexdigest()[:32], data)
        return
    if source.lower().startswith(("http://", "https://")):
        yield from _expand_url(source, allow_private=allow_private)
        return
    path = Path(source)
    if path.is_dir():
        yield from _expand_dir(path, allow_private=allow_private)
    elif path.exists():
        yield from _expand_file(path, allow_private=allow_private, named=True)
    else:
        raise InputNotFound(f"no such file or directory: {source}; check the path")


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputNotFound("there is no standard input to read; pipe the article in")
    data: bytes = stream.read(limits.MAX_INPUT_BYTES + 1)
    if len(data) > limits.MAX_INPUT_BYTES:
        raise InputTooLarge(f"stdin is larger than {limits.megabytes(limits.MAX_INPUT_BYTES)}")
    return data


def _expand_dir(root: Path, *, allow_private: bool) -> Iterator[Item]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(PICKED_SUFFIXES):
                continue
            path = Path(folder) / name
            try:
                yield from _expand_file(path, allow_private=allow_private, named=False)
            except TidingsError as exc:
                yield FailedItem(str(path), str(exc))


def _expand_file(path: Path, *, allow_private: bool, named: bool) -> Iterator[Item]:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        yield from iter_warc(path)
    elif name.endswith(".jsonl"):
        yield from iter_jsonl(path)
    elif name.endswith(".opml"):
        yield from _expand_opml(
            path.read_bytes(), origin=str(path), base=path.parent, allow_private=allow_private
        )
    elif name.endswith(_FEED_SUFFIXES):
        data = path.read_bytes()
        if looks_like_opml(data):
            yield from _expand_opml(
                data, origin=str(path), base=path.parent, allow_private=allow_private
            )
        elif looks_like_feed(data):
            yield from iter_feed(data, origin=str(path))
        else:  # an XHTML page saved as .xml
            yield FileItem(str(path), file_fingerprint(path))
    else:
        # .txt, .html, .gz, or any file the user named: read_source decides what it holds.
        yield FileItem(str(path), file_fingerprint(path))


def _expand_url(url: str, *, allow_private: bool) -> Iterator[Item]:
    # Fetched here, once, to tell a feed from an article; an article page is kept as read.
    page = fetch(url, allow_private=allow_private)
    if looks_like_opml(page.content):
        yield from _expand_opml(page.content, origin=url, base=None, allow_private=allow_private)
    elif looks_like_feed(page.content):
        yield from iter_feed(page.content, origin=url)
    else:
        yield BytesItem(url, f"url:{url}", page.content, url=page.url, charset=page.charset)


def _expand_opml(
    data: bytes, *, origin: str, base: Path | None, allow_private: bool
) -> Iterator[Item]:
    for address in opml_feeds(data, origin=origin):
        try:
            if address.lower().startswith(("http://", "https://")):
                page = fetch(address, allow_private=allow_private)
                yield from iter_feed(page.content, origin=address)
            elif base is not None:
                # A local OPML may list feed files beside it.
                feed_path = base / address
                yield from iter_feed(feed_path.read_bytes(), origin=str(feed_path))
            else:
                raise InputError(f"{origin}: the feed address {address!r} is not an http(s) URL")
        except (TidingsError, OSError) as exc:
            yield FailedItem(
                address, str(exc) if isinstance(exc, TidingsError) else f"{address}: {exc}"
            )


__all__ = [
    "BytesItem",
    "FailedItem",
    "FeedEntryItem",
    "FileItem",
    "Item",
    "UrlItem",
    "expand",
    "file_fingerprint",
]
