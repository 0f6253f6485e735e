"""The one thing every ingest path produces."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Clean article text and what the source said about it, before any NLP.

    ``text`` is the body the pipeline reads: boilerplate already stripped, paragraphs separated
    by a blank line. Metadata fields are ``None`` when the source did not say.
    """

    text: str
    title: str | None = None
    source: str | None = None  # the outlet (site name, or a trailing "Source: X" credit)
    author: str | None = None
    url: str | None = None  # canonical URL when the page gives one, else where it came from
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None  # ISO 639-1 code, e.g. "en"
    origin: str = "-"  # the path or URL the user gave, for messages
    warnings: tuple[str, ...] = field(default=())
