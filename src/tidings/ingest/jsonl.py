"""JSON Lines input: one article per line, ``{"text"|"html": ..., "url", "title", "source",
"published"}``.

Discovery reads the file once, hashing each line for its fingerprint; an item keeps only the
line's offset, so a file of thousands of articles is not held in memory, and a worker process
reads its own line back.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EmptyInput, InputNotFound, InputTooLarge, UnsupportedInput
from . import limits
from .raw import RawDocument
from .source import document_from_bytes

_METADATA = ("title", "source", "url", "published", "author", "language")


@dataclass(frozen=True, slots=True)
class JsonlItem:
    """Line ``line`` (1-based) of ``path``, which starts at byte ``offset``."""

    path: str
    offset: int
    line: int
    fingerprint: str

    @property
    def origin(self) -> str:
        return f"{self.path}:{self.line}"

    def load(self, *, allow_private: bool = False) -> RawDocument:
        with open(self.path, "rb") as stream:
            stream.seek(self.offset)
            data = stream.readline(limits.MAX_INPUT_BYTES + 1)
        return parse_line(data, origin=self.origin)


def iter_jsonl(path: str | Path) -> Iterator[JsonlItem]:
    """An item per non-blank line of ``path``."""
    offset = 0
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below; a with block would hide the OSError
    except OSError as exc:
        raise InputNotFound(f"cannot read {path}: {exc.strerror or exc}; check the path") from exc
    with stream:
        for number, data in enumerate(stream, start=1):
            start, offset = offset, offset + len(data)
            if not data.strip():
                continue
            digest = hashlib.sha256(data.strip()).hexdigest()[:32]
            yield JsonlItem(str(path), start, number, f"jsonl:{digest}")


def parse_line(data: bytes, *, origin: str) -> RawDocument:
    """The article one JSONL line describes; its metadata overrides what the content says."""
    if len(data) > limits.MAX_INPUT_BYTES:
        raise InputTooLarge(
            f"{origin}: the line is larger than {limits.megabytes(limits.MAX_INPUT_BYTES)}"
        )
    try:
        record = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UnsupportedInput(
            f"{origin}: not a JSON object ({exc.msg if hasattr(exc, 'msg') else exc})"
        ) from exc
    if not isinstance(record, dict):
        raise UnsupportedInput(f"{origin}: expected a JSON object with a text or html field")
    return document_from_record(record, origin=origin)


def document_from_record(record: dict[str, Any], *, origin: str) -> RawDocument:
    """A ``RawDocument`` from a dict with ``text`` or ``html`` and optional metadata."""
    html, text = record.get("html"), record.get("text")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str) or not body.strip():
        raise EmptyInput(f"{origin}: the record has no text or html; give the article body")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    raw = document_from_bytes(
        body.encode("utf-8"),
        origin=origin,
        name=origin,
        url=url,
        kind="html" if body is html else "text",
    )
    given = {
        key: value.strip()
        for key in _METADATA
        if isinstance(value := record.get(key), str) and value.strip()
    }
    if "published" in given:
        from ..extraction import check_date  # here: extraction imports the NLP pipeline

        value = given["published"]
        # A timestamp ("2026-03-04T10:00:00Z") is read as its day.
        given["published"] = check_date(value[:10] if value[10:11] in ("T", " ") else value)
    return dataclasses.replace(raw, **given)  # type: ignore[arg-type]
