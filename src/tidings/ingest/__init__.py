"""Sources to ``RawDocument``: files, stdin, gzip, HTML pages and URLs."""

from __future__ import annotations

from pathlib import Path

from .raw import RawDocument

__all__ = ["RawDocument", "read_source"]


def read_source(source: str, *, allow_private: bool = False) -> RawDocument:
    # Placeholder until the full ingest lands: plain UTF-8 text files only.
    text = Path(source).read_text(encoding="utf-8")
    return RawDocument(text=text, origin=source)
