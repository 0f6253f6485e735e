"""Helpers the quote tests share: run an invented article through the real pipeline against a
publication date, pick a quotation by its words, name its speaker."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.resolved import ResolvedQuote


def run(nlp: Language, text: str, published: str | None = "2025-08-25") -> Doc:
    doc = nlp.make_doc(text)
    doc._.tidings_published = published
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def find(doc: Doc, words: str) -> ResolvedQuote:
    found = [q for q in doc._.tidings_quotes if words in q.text]
    assert found, f"no quote holds {words!r}: {[q.text for q in doc._.tidings_quotes]}"
    return found[0]


def speaker(doc: Doc, quote: ResolvedQuote) -> str | None:
    return doc._.tidings_entities[quote.speaker].name if quote.speaker is not None else None
