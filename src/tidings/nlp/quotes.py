"""Quotations and reported speech with speaker, venue and date (placeholder: finds none yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory(
    "tidings_quotes",
    requires=["doc._.tidings_entities", "doc._.tidings_timexes"],
    assigns=["doc._.tidings_quotes"],
)
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor()


class QuoteExtractor:
    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_quotes = []
        return doc
