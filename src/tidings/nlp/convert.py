"""The boundary: a processed spaCy ``Doc`` becomes contract dataclasses here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..model import Entity, Mention, Quote, Timex
from .resolved import ResolvedEntity, ResolvedQuote


@dataclass(frozen=True, slots=True)
class DocRecords:
    """What one Doc yields for the contract; the article metadata is added by the caller."""

    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    timexes: tuple[Timex, ...]


def records_from_doc(doc: Doc) -> DocRecords:
    entities, entity_ids = _entities(doc)
    return DocRecords(
        entities=entities,
        quotes=_quotes(doc, entity_ids),
        timexes=tuple(sorted(doc._.tidings_timexes or [], key=lambda t: (t.start, t.end))),
    )


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


def _quotes(doc: Doc, entity_ids: dict[int, str]) -> tuple[Quote, ...]:
    """Quotes in text order, with ids ``q1``, ``q2``, ... and speakers as entity ids."""
    resolved: list[ResolvedQuote] = sorted(
        doc._.tidings_quotes or [], key=lambda q: (q.start, q.end)
    )
    return tuple(
        Quote(
            id=f"q{number}",
            text=q.text,
            kind=q.kind,
            speaker=entity_ids.get(q.speaker) if q.speaker is not None else None,
            speaker_text=q.speaker_text,
            cue=q.cue,
            venue=q.venue,
            date=q.date,
            start=q.start,
            end=q.end,
        )
        for number, q in enumerate(resolved, start=1)
    )


def entities_from_doc(doc: Doc) -> tuple[Entity, ...]:
    """Only the entities, for callers that need nothing else."""
    return _entities(doc)[0]
