"""Places resolved to coordinates with the offline gazetteer (placeholder: resolves none yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("tidings_places", requires=["doc._.tidings_entities"])
def make_places(nlp: Language, name: str) -> PlaceResolver:
    return PlaceResolver()


class PlaceResolver:
    def __call__(self, doc: Doc) -> Doc:
        return doc
