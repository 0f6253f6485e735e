"""The boundary: a processed spaCy ``Doc`` becomes contract dataclasses here and nowhere else."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Entity, Mention, Timex
from .resolved import ResolvedEntity


def entities_from_doc(doc: Doc) -> tuple[Entity, ...]:
    """Entities in order of first mention, with ids ``e1``, ``e2``, ..."""
    resolved: list[ResolvedEntity] = list(doc._.tidings_entities or [])
    resolved = [r for r in resolved if r.mentions]
    resolved.sort(key=lambda r: min(r.mentions))
    out = []
    for number, r in enumerate(resolved, start=1):
        mentions = tuple(
            Mention(start=s, end=e, text=doc.text[s:e]) for s, e in sorted(set(r.mentions))
        )
        out.append(
            Entity(
                id=f"e{number}",
                type=r.label,
                name=r.name,
                aliases=tuple(a for a in dict.fromkeys(r.aliases) if a != r.name),
                titles=tuple(dict.fromkeys(r.titles)),
                mentions=mentions,
            )
        )
    return tuple(out)


def timexes_from_doc(doc: Doc) -> tuple[Timex, ...]:
    """Time expressions in text order."""
    return tuple(sorted(doc._.tidings_timexes or [], key=lambda t: (t.start, t.end)))
