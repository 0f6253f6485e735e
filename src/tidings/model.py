"""The data model: the JSON contract ``tidings/article@1`` as frozen dataclasses.

Everything downstream of the NLP stage (the CLI, the store, the API, Ray) sees these classes and
never a spaCy ``Doc``. ``as_dict()`` gives the contract's JSON shape; ``from_dict()`` reads it
back. ``docs/contract.md`` documents each field and ``resources/schema/article-1.schema.json``
validates it; a test keeps the three in step.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, Self

SCHEMA = "tidings/article@1"


def _plain(value: Any) -> Any:
    """Turn nested dataclasses and tuples into the dicts and lists JSON wants."""
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _field_values(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The values of ``cls``'s fields in ``data``; a missing optional field reads as None."""
    return {f.name: data.get(f.name) for f in fields(cls)}


class _Record:
    """``as_dict`` shared by every contract class: field order is the contract's order."""

    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Article(_Record):
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None  # YYYY-MM-DD
    language: str | None
    text: str
    author: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(**_field_values(cls, data))


def article_id(text: str) -> str:
    """The content hash that identifies an article: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Mention(_Record):
    start: int
    end: int
    text: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(start=data["start"], end=data["end"], text=data["text"])


@dataclass(frozen=True, slots=True)
class Geo(_Record):
    lat: float
    lon: float
    geonames_id: int | None
    country: str | None  # ISO 3166-1 alpha-2
    feature: str | None  # GeoNames feature class and code, e.g. "P.PPLA"
    admin1: str | None = None  # the first-level region's name, e.g. "Texas"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(**_field_values(cls, data))


@dataclass(frozen=True, slots=True)
class Entity(_Record):
    id: str
    type: str  # spaCy label: PERSON, ORG, GPE, LOC, FAC, NORP, ...
    name: str  # the fullest form the article uses
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    geo: Geo | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        geo = data.get("geo")
        return cls(
            id=data["id"],
            type=data["type"],
            name=data["name"],
            aliases=tuple(data.get("aliases", ())),
            titles=tuple(data.get("titles", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
            geo=Geo.from_dict(geo) if geo else None,
        )


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    id: str
    text: str
    kind: str  # direct | partial | indirect
    speaker: str | None  # an entity id
    speaker_text: str | None
    cue: str | None
    venue: str | None
    date: str | None  # YYYY-MM-DD
    start: int
    end: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(**_field_values(cls, data))


@dataclass(frozen=True, slots=True)
class Timex(_Record):
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value; None when it cannot be resolved
    start: int
    end: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(**_field_values(cls, data))


@dataclass(frozen=True, slots=True)
class Event(_Record):
    id: str
    type: str  # PLOVER event type
    mode: str | None
    actor: str | None  # entity id
    target: str | None  # entity id
    place: str | None  # entity id
    date: str | None
    negated: bool
    modality: str | None
    trigger: str
    start: int
    end: int
    # Added within version 1 (optional; readers of older records see the defaults):
    counts: tuple[Count, ...] = ()  # people, fighters, casualties or equipment counted
    source: str | None = None  # quote id when reported inside a quotation; None: the outlet
    actor_code: str | None = None  # CAMEO/PLOVER-style agent code, e.g. "AFGCOP", "REB"
    target_code: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        values = _field_values(cls, data)
        values["counts"] = tuple(Count.from_dict(c) for c in data.get("counts") or ())
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Count(_Record):
    """A number of people or things tied to an event: "41 people", "hundreds of its fighters"."""

    value: int | None  # the number; None for "hundreds", "dozens"
    text: str  # the phrase as written
    of: str | None  # what is counted: "people", "fighters", "helicopters"
    role: str  # actor | target | killed | injured | other

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(**_field_values(cls, data))


@dataclass(frozen=True, slots=True)
class Focus(_Record):
    """Where an article is mostly about."""

    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # the first-level region's name
    entity: str | None  # entity id of the place it is mostly about

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(**_field_values(cls, data))


@dataclass(frozen=True, slots=True)
class Extraction(_Record):
    """One article and everything extracted from it: the whole ``tidings/article@1`` document."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)
    focus: Focus | None = None

    def as_dict(self) -> dict[str, Any]:
        body = {"schema": SCHEMA}
        body.update({f.name: _plain(getattr(self, f.name)) for f in fields(self)})
        return body

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema is {data.get('schema')!r})")
        return cls(
            article=Article.from_dict(data["article"]),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            timexes=tuple(Timex.from_dict(t) for t in data.get("timexes", ())),
            events=tuple(Event.from_dict(e) for e in data.get("events", ())),
            warnings=tuple(data.get("warnings", ())),
            focus=Focus.from_dict(data["focus"]) if data.get("focus") else None,
        )

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)
