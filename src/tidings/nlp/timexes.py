"""Time expressions, normalised against the publication date (placeholder: finds none yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("tidings_timexes", assigns=["doc._.tidings_timexes"])
def make_timexes(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger()


class TimexTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_timexes = []
        return doc
