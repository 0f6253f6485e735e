"""Within-article entity resolution (placeholder: one entity per distinct label and text)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .resolved import ResolvedEntity

RESOLVED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})


@Language.factory("tidings_entities", requires=["doc.ents"], assigns=["doc._.tidings_entities"])
def make_entities(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver()


class EntityResolver:
    def __call__(self, doc: Doc) -> Doc:
        groups: dict[tuple[str, str], ResolvedEntity] = {}
        for ent in doc.ents:
            if ent.label_ not in RESOLVED_LABELS:
                continue
            key = (ent.label_, ent.text)
            groups.setdefault(key, ResolvedEntity(label=ent.label_, name=ent.text))
            groups[key].mentions.append((ent.start_char, ent.end_char))
        doc._.tidings_entities = list(groups.values())
        return doc
