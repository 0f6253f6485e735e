"""Which resolved entity a character span belongs to: the question later stages ask."""

from __future__ import annotations

from spacy.tokens import Doc

from .resolved import ResolvedEntity


def entity_at(doc: Doc, start: int, end: int) -> ResolvedEntity | None:
    """The entity with a mention at exactly (start, end); else the one whose mention overlaps it
    most (a quote stage may hold "President Ghani" where the mention is "Ghani")."""
    entities: list[ResolvedEntity] = doc._.tidings_entities or []
    index: dict[tuple[int, int], int] = doc._.tidings_entity_index or {}
    if (start, end) in index:
        return entities[index[(start, end)]]
    best, best_overlap = None, 0
    for (s, e), number in index.items():
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = entities[number], overlap
    return best
