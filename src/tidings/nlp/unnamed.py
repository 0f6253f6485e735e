"""Speakers the entity stage has no entity for, made into entities by the quotation stage.

Two kinds, asked only when nothing else resolved the speaker phrase:

- an untagged proper name at the head of the phrase ("Walhi, the Indonesian Forum for the
  Environment, said"): the model missed it, the cue says it speaks;
- an organisation named by a description ("the national disaster agency said", "the city's
  electoral commission said"; later "the commission said"): a definite organisation noun with a
  modifier, or one whose earlier mention in the article had a modifier.

The new entity is appended to ``doc._.tidings_entities`` (and to the mention index), as the
events stage does for its unnamed groups.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from .lexicon import lexicon
from .person_words import given_name_gender
from .quote_lexicon import quote_lexicon
from .resolved import ResolvedEntity

if TYPE_CHECKING:
    from .speakers import SpeakerContext

_MODIFIERS = ("amod", "compound")
# nouns too general to take a description from an earlier mention: "the government" is not
# always the "city government" named before
_TOO_GENERAL = frozenset({"government", "authorities", "authority", "police", "army", "military"})


def unnamed_speaker(ctx: SpeakerContext, span: Span) -> int | None:
    head = span.root
    if head.i in ctx.inside or ctx.overlapping(head.idx, head.idx + len(head)):
        return None
    if head.pos_ == "PROPN" and not head.is_lower:
        if ctx.overlapping(span.start_char, span.end_char):
            return None
        return _proper(ctx, head)
    lex = quote_lexicon()
    lemma = head.lemma_.lower()
    # ("ministry" after "China's foreign" is sometimes tagged a proper noun)
    if head.pos_ not in ("NOUN", "PROPN") or lemma not in lex.org_roles:
        return None
    if head.tag_ in ("NNS", "NNPS") or not any(
        c.lower_ == "the" or c.dep_ == "poss" for c in head.children
    ):
        return None
    name = _description(head, ctx.inside)
    if name is None and lemma not in _TOO_GENERAL:
        for token in reversed(ctx.doc[: head.i]):
            if token.lemma_.lower() == lemma and token.is_lower and token.i not in ctx.inside:
                name = _description(token, ctx.inside)
                if name is not None:
                    break
    if name is None:
        return None
    return _add(ctx, name, "ORG", (head.idx, head.idx + len(head)), span)


def unnamed_office_holder(ctx: SpeakerContext, words: list[Token]) -> int | None:
    """ "State Minister for Transport Dagmawit Haile" where the model tagged no name:
    ``words`` are those after the office's own ("Transport"); the last two of them are taken
    as the name (most names have two)."""
    name = words[-2:]
    if len(name) < 2 or any(t.i in ctx.inside for t in name):
        return None
    if any(ctx.overlapping(t.idx, t.idx + len(t)) for t in name):
        return None
    start, end = name[0].idx, name[-1].idx + len(name[-1])
    span = name[0].doc[name[0].i : name[-1].i + 1]
    return _add(ctx, span.text, "PERSON", (start, end), span)


def _description(head: Token, inside: set[int]) -> str | None:
    mods = [
        c
        for c in head.children
        if c.i < head.i
        and c.i not in inside
        and c.is_alpha
        and (c.dep_ in _MODIFIERS or c.dep_ == "poss" and c.pos_ == "NOUN" and c.is_lower)
    ]
    if any(m.dep_ in _MODIFIERS for m in mods):
        # "the city's electoral commission" is the electoral commission; "the chief adviser's
        # office" has only its owner to name it
        mods = [m for m in mods if m.dep_ in _MODIFIERS]
    if not mods:
        return None
    start = min(m.left_edge.i for m in mods)
    words = [t for t in head.doc[start : head.i + 1] if not t.is_punct]
    while words and words[0].pos_ == "DET":  # "the chief adviser's office"
        words = words[1:]
    if not words or any(t.i in inside or t.pos_ in ("DET", "PRON", "NUM") for t in words):
        return None
    return head.doc[words[0].i : _owner_end(head)].text


def _owner_end(head: Token) -> int:
    """The end of "the ethics committee of the Example Sports Federation": the body's name
    takes the named organisation it belongs to; else right after the head."""
    doc = head.doc
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != head.i + 1:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.ent_type_ != "ORG":
                continue
            end = obj.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if all(t.ent_type_ == "ORG" or t.lower_ == "the" for t in doc[prep.i + 1 : end]):
                return end
    return head.i + 1


def _proper(ctx: SpeakerContext, head: Token) -> int | None:
    """An untagged capitalised name, with the name words glued to it."""
    if not head.text[:1].isupper() or not head.is_alpha or head.lower_ in STOP_WORDS:
        return None  # "Several said", "Many told reporters": a quantifier, nobody named
    if (
        head.tag_ in ("NNS", "NNPS")
        and (head.is_sent_start or head.i == 0)
        and not any(c.dep_ in ("compound", "flat") for c in head.children)
    ):
        return None  # "Fishermen in the bay said": a plural noun alone, opening its sentence
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].dep_ in ("compound", "flat") and doc[start - 1].head == head:
        if not doc[start - 1].text[:1].isupper() or doc[start - 1].pos_ != "PROPN":
            break
        start -= 1
    lex = lexicon()
    titled = False
    while start < head.i and (
        doc[start].lower_ in lex.titles or doc[start].lower_ in lex.honorifics
    ):
        start, titled = start + 1, True  # "Mr Qadri", "General Zaw": the name, a person's
    words = doc[start : named_body_end(head)]
    if any(t.i in ctx.inside for t in words) or head.lower_ in lex.titles | lex.honorifics:
        return None
    given = given_name_gender(words[0].text) is not None and (len(words) > 1 or _described(head))
    label = "PERSON" if given or titled else "ORG"
    return _add(ctx, words.text, label, (words.start_char, words.end_char), words)


def named_body_end(head: Token) -> int:
    """Past a capitalised "for"/"of" name after ``head`` ("Coalition for Fair Harbours")."""
    end = head.i + 1
    doc = head.doc
    if end < len(doc) and doc[end].lower_ in ("for", "of") and doc[end].head == head:
        stop = end + 1
        while stop < len(doc) and (doc[stop].text[:1].isupper() or doc[stop].lower_ == "and"):
            stop += 1
        if stop > end + 1 and doc[stop - 1].text[:1].isupper():
            return stop
    return end


def _add(
    ctx: SpeakerContext, name: str, label: str, mention: tuple[int, int], span: Span
) -> int | None:
    entities = ctx.doc._.tidings_entities
    for number, entity in enumerate(ctx.entities):
        if entity.name == name and entity.label == label:
            entity.mentions = sorted({*entity.mentions, mention})
            _index(ctx, mention, number)
            return number
    if entities is None or len(entities) != len(ctx.entities):
        return None  # the list moved on since the context was built: leave it alone
    entity = ResolvedEntity(label=label, name=name, mentions=[mention])
    entities.append(entity)
    if ctx.entities is not entities:
        ctx.entities.append(entity)
    number = len(entities) - 1
    _index(ctx, mention, number)
    return number


def _index(ctx: SpeakerContext, mention: tuple[int, int], number: int) -> None:
    index = ctx.doc._.tidings_entity_index
    if index is not None:
        index[mention] = number
    at = bisect.bisect_left(ctx.mentions, (mention[0], mention[1], number))
    ctx.mentions.insert(at, (mention[0], mention[1], number))
    ctx.starts.insert(at, mention[0])


def _described(head: Token) -> bool:
    """A given name alone described as a person right after it ("Ousmane, a 40-year-old herder
    who asked not to be fully named,"): a source named by one name, not a charity ("Hope")."""
    doc = head.doc
    if head.i + 1 >= len(doc) or doc[head.i + 1].text != ",":
        return False
    roles = quote_lexicon().person_roles
    for token in doc[head.i + 2 : min(len(doc), head.i + 14)]:
        if token.text in (",", ".", ";"):
            return False
        if token.lower_ in ("who", "whose") or "year" in token.lower_ or token.lemma_ in roles:
            return True
    return False
