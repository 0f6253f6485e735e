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


@dataclass(slots=True)
class ResolvedCount:
    """A number tied to an event ("41 people"); ``role`` is actor|target|killed|injured|other."""

    value: int | None
    text: str
    of: str | None
    role: str


@dataclass(slots=True)
class ResolvedEvent:
    """One PLOVER event, before it becomes a ``model.Event``.

    ``actor``/``target``/``place`` are indices into ``doc._.tidings_entities``; ``quote`` is an
    index into ``doc._.tidings_quotes`` (the quotation it is reported in), or None.
    ``start``/``end`` index ``doc.text`` (the trigger).
    """

    type: str
    trigger: str
    start: int
    end: int
    mode: str | None = None
    actor: int | None = None
    target: int | None = None
    place: int | None = None
    date: str | None = None
    negated: bool = False
    modality: str | None = None
    counts: list[ResolvedCount] = field(default_factory=list)
    quote: int | None = None
    actor_code: str | None = None
    target_code: str | None = None
    content: int | None = None  # for THREATEN/REQUEST: index of the event threatened/requested
    sentence: int = 0  # start character of its sentence
