"""WARC and WARC.gz input (web archives): each HTTP response record holding an HTML or text
page is one article.

Discovery walks the archive once and keeps each record's offset; a worker reopens the file at
that offset and reads that record alone (a .warc.gz is a series of gzip members, one per
record, so the offset of a member is a valid place to start reading).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputNotFound, InputTooLarge, UnsupportedInput
from . import limits
from .compressed import is_gzip
from .raw import RawDocument
from .source import document_from_bytes

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True, slots=True)
class WarcItem:
    path: str
    offset: int
    url: str
    fingerprint: str

    @property
    def origin(self) -> str:
        return f"{self.path}#{self.url}"

    def load(self, *, allow_private: bool = False) -> RawDocument:
        with open(self.path, "rb") as stream:
            stream.seek(self.offset)
            record = next(iter(ArchiveIterator(stream)), None)
            if record is None:
                raise UnsupportedInput(f"{self.origin}: no WARC record at offset {self.offset}")
            content_type = (
                record.http_headers.get_header("Content-Type") if record.http_headers else None
            )
            data = record.content_stream().read(limits.MAX_INPUT_BYTES + 1)
        if len(data) > limits.MAX_INPUT_BYTES:
            raise InputTooLarge(
                f"{self.origin}: the page is larger than {limits.megabytes(limits.MAX_INPUT_BYTES)}"
            )
        media, charset = _media_type(content_type)
        return document_from_bytes(
            data,
            origin=self.origin,
            name=self.origin,
            url=self.url,
            charset=charset,
            kind="text" if media == "text/plain" else "html",
        )


def _media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _starts_as_warc(head: bytes) -> bool:
    # warcio reads almost anything as some record (it falls back to ARC), so look first.
    if is_gzip(head):
        head = zlib.decompressobj(wbits=31).decompress(head, 64)
    return head.startswith(b"WARC/")


def iter_warc(path: str | Path) -> Iterator[WarcItem]:
    """An item per successful (2xx) response record with an HTML or plain-text page."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 - a with block would hide which call failed
    except OSError as exc:
        raise InputNotFound(f"cannot read {path}: {exc.strerror or exc}; check the path") from exc
    with stream:
        if not _starts_as_warc(stream.read(4096)):
            raise UnsupportedInput(f"{path} is not a WARC file (no WARC/1.x header at its start)")
        stream.seek(0)
        archive = ArchiveIterator(stream)
        try:
            for record in archive:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode() or ""
                media, _ = _media_type(record.http_headers.get_header("Content-Type"))
                if not status.startswith("2") or media not in _PAGE_TYPES:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
                # The record id is unique per capture: the same page captured twice is two
                # inputs (and one article, when the text is the same).
                yield WarcItem(
                    str(path), archive.get_record_offset(), url, f"warc:{record_id or url}"
                )
        except ArchiveLoadFailed as exc:
            raise UnsupportedInput(f"{path} is not a readable WARC file ({exc})") from exc
