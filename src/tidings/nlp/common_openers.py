"""Capitalised common words opening a sentence that the tagger took for names.

A plural person noun ("Farmers say ...", "Residents said ...") or the modifier of one ("Lorry
drivers said ...") opening a sentence is capitalised only because it opens the sentence; the
tagger may still label it ORG or PERSON, and a quotation would then be handed to a "named"
speaker the text never names. Such a one-word entity is dropped when the word is not a known
given name and the article never writes it capitalised away from a sentence's start.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .person_words import first_names, is_person_noun
from .quote_lexicon import quote_lexicon

NAME_LABELS = ("PERSON", "ORG", "NORP")


def _opens(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text_with_ws


def _person_noun(word: str, lex: Lexicon) -> bool:
    quotes = quote_lexicon()
    return (
        is_person_noun(word, lex)
        or word in quotes.anonymous_nouns
        or word in quotes.anonymous_always
    )


def _plural_people(token: Token, lex: Lexicon) -> bool:
    """A plural common noun for people: "farmers", "drivers", "residents"."""
    low = token.lower_
    lemma = token.lemma_.lower()
    if token.tag_ in ("NNS", "NNPS") or (low.endswith("s") and lemma != low):
        return lemma != low and _person_noun(lemma, lex)
    return False


def _capitalised_inside(doc: Doc, token: Token) -> bool:
    """The word written capitalised somewhere other than a sentence's or line's start."""
    return any(t.text == token.text and t.i != token.i and not _opens(doc, t.i) for t in doc)


def common_opener(doc: Doc, span: Span, lex: Lexicon) -> bool:
    """Whether a one-word name at a sentence's start is a capitalised common word: a plural
    person noun, or the modifier of one that follows it ("Lorry drivers")."""
    if len(span) != 1 or span.label_ not in NAME_LABELS or not _opens(doc, span.start):
        return False
    token = doc[span.start]
    if not token.is_alpha or not token.text[:1].isupper() or token.text.isupper():
        return False
    if token.lower_ in first_names() or _capitalised_inside(doc, token):
        return False
    if _plural_people(token, lex):
        return True
    if span.end < len(doc):
        nxt = doc[span.end]
        return (
            nxt.is_lower
            and token.head.i == nxt.i
            and token.dep_ in ("compound", "amod", "nmod")
            and _plural_people(nxt, lex)
        )
    return False


def drop_common_openers(doc: Doc, spans: list[Span], lex: Lexicon) -> list[Span]:
    return [s for s in spans if not common_opener(doc, s, lex)]
