"""A person's name the parser hung inside the name of an office: "State Minister for Finance
Jane Roe said" (the name the object of "for", after the office's own capitalised words)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import lexicon
from .quote_lexicon import quote_lexicon


def _title(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in lexicon().titles or lemma in quote_lexicon().person_roles


def office_holder_tokens(span: Span) -> list[Token]:
    """The words after the office in "Minister for Finance Jane Roe": the object of the
    office's "for"/"of" from its first word after the office's own capitalised ones, when the
    phrase's head is a capitalised title and the object ends the phrase."""
    head = span.root
    if not head.text[:1].isupper() or not _title(head):
        return []
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "PROPN" or obj.i != span.end - 1:
                continue
            words = list(span.doc[prep.i + 1 : obj.i + 1])
            if len(words) < 3 or not all(w.text[:1].isupper() for w in words):
                return []
            # the office's words first ("Finance"), then the name: at least one word each
            return words[1:]
    return []
