"""The boundary: a processed spaCy ``Doc`` becomes contract dataclasses here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..model import Count, Entity, Event, Focus, Mention, Quote, Timex
from .resolved import ResolvedEntity, ResolvedEvent, ResolvedQuote


@dataclass(frozen=True, slots=True)
class DocRecords:
    """What one Doc yields for the contract; the article metadata is added by the caller."""

    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    timexes: tuple[Timex, ...]
    focus: Focus | None = None
    events: tuple[Event, ...] = ()


def records_from_doc(doc: Doc) -> DocRecords:
    entities, entity_ids = _entities(doc)
    quote_ids = _quote_ids(doc)
    return DocRecords(
        entities=entities,
        quotes=_quotes(doc, entity_ids, quote_ids),
        timexes=tuple(sorted(doc._.tidings_timexes or [], key=lambda t: (t.start, t.end))),
        focus=_focus(doc, entity_ids),
        events=_events(doc, entity_ids, quote_ids),
    )


def _focus(doc: Doc, entity_ids: dict[int, str]) -> Focus | None:
    found = doc._.tidings_focus
    if found is None:
        return None
    entity = entity_ids.get(found.entity) if found.entity is not None else None
    return Focus(country=found.country, admin1=found.admin1, entity=entity)


def _entities(doc: Doc) -> tuple[tuple[Entity, ...], dict[int, str]]:
    """Entities in order of first mention, with ids ``e1``, ``e2``, ...

    Also returns the map from an index into ``doc._.tidings_entities`` to the id it got, so
    that quotes and events, which point at entities by index inside the pipeline, can be
    given ids.
    """
    resolved: list[ResolvedEntity] = list(doc._.tidings_entities or [])
    order = sorted(
        (i for i, r in enumerate(resolved) if r.mentions), key=lambda i: min(resolved[i].mentions)
    )
    out = []
    ids: dict[int, str] = {}
    for number, index in enumerate(order, start=1):
        r = resolved[index]
        ids[index] = f"e{number}"
        mentions = tuple(
            Mention(start=s, end=e, text=doc.text[s:e]) for s, e in sorted(set(r.mentions))
        )
        out.append(
            Entity(
                id=ids[index],
                type=r.label,
                name=r.name,
                aliases=tuple(a for a in dict.fromkeys(r.aliases) if a != r.name),
                titles=tuple(dict.fromkeys(r.titles)),
                mentions=mentions,
                geo=r.geo,
            )
        )
    return tuple(out), ids


def _quote_ids(doc: Doc) -> dict[int, str]:
    """Index into ``doc._.tidings_quotes`` -> ``q1``, ``q2``, ... in text order; the one
    numbering that quotes and the events reported in them share."""
    quotes: list[ResolvedQuote] = doc._.tidings_quotes or []
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, quotes[i].end))
    return {index: f"q{number}" for number, index in enumerate(order, start=1)}


def _quotes(doc: Doc, entity_ids: dict[int, str], quote_ids: dict[int, str]) -> tuple[Quote, ...]:
    """Quotes in text order, with their ids and speakers as entity ids."""
    quotes: list[ResolvedQuote] = doc._.tidings_quotes or []
    out = []
    for index, quote_id in quote_ids.items():
        q = quotes[index]
        speaker = entity_ids.get(q.speaker) if q.speaker is not None else None
        out.append(
            Quote(
                id=quote_id,
                text=q.text,
                kind=q.kind,
                speaker=speaker,
                speaker_text=q.speaker_text,
                cue=q.cue,
                venue=q.venue,
                date=q.date,
                start=q.start,
                end=q.end,
            )
        )
    return tuple(out)


def entities_from_doc(doc: Doc) -> tuple[Entity, ...]:
    """Only the entities, for callers that need nothing else."""
    return _entities(doc)[0]


def _events(doc: Doc, entity_ids: dict[int, str], quote_ids: dict[int, str]) -> tuple[Event, ...]:
    """Events in text order, with ids ``ev1``, ``ev2``, ...; entities and quotes by id."""
    resolved: list[ResolvedEvent] = sorted(
        doc._.tidings_events or [], key=lambda e: (e.start, e.end)
    )

    def ref(index: int | None) -> str | None:
        return entity_ids.get(index) if index is not None else None

    return tuple(
        Event(
            id=f"ev{number}",
            type=e.type,
            mode=e.mode,
            actor=ref(e.actor),
            target=ref(e.target),
            place=ref(e.place),
            date=e.date,
            negated=e.negated,
            modality=e.modality,
            trigger=e.trigger,
            start=e.start,
            end=e.end,
            counts=tuple(Count(c.value, c.text, c.of, c.role) for c in e.counts),
            source=quote_ids.get(e.quote) if e.quote is not None else None,
            actor_code=e.actor_code,
            target_code=e.target_code,
        )
        for number, e in enumerate(resolved, start=1)
    )
