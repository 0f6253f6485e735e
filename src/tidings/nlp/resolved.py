"""The working form of an entity inside the pipeline, before it becomes a ``model.Entity``."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Geo


@dataclass(slots=True)
class ResolvedEntity:
    """One real-world referent in one article.

    ``mentions`` are (start_char, end_char) pairs into ``doc.text``, in text order. ``name`` is
    the fullest form the article uses; ``aliases`` are the other surface forms.
    """

    label: str
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    geo: Geo | None = None  # set by tidings_places for places it resolves


@dataclass(slots=True)
class ResolvedQuote:
    """One quotation or piece of reported speech, before it becomes a ``model.Quote``.

    ``speaker`` is an index into ``doc._.tidings_entities`` (entity ids are only assigned at
    the boundary, in ``convert.py``), or None for an anonymous or unresolved speaker.
    ``start``/``end`` index ``doc.text``; ``text`` is the quoted words without their marks.
    """

    text: str
    kind: str  # direct | partial | indirect
    start: int
    end: int
    speaker: int | None = None
    speaker_text: str | None = None
    cue: str | None = None
    venue: str | None = None
    date: str | None = None  # YYYY-MM-DD
