"""Bare names to the people they stand for: a one-word name the entity stage left apart
("Kabongo", "Dwi", "OCHA"), a surname several people share ("Massoud said" after "the brother
of A, B Massoud"), a surname the model never tagged. Helpers of ``speakers.resolve``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .attribution import doc_text
from .persons import in_aside
from .speaker_nominals import recent

if TYPE_CHECKING:
    from .speakers import SpeakerContext

_NAMED = ("PERSON", "ORG", "NORP", "GPE")


def fullest(ctx: SpeakerContext, number: int, before: int) -> int:
    """A one-word name ("Kabongo") left apart by the entity stage goes to the person with the
    full name that ends in it, the latest mentioned before ``before`` (same-surname care)."""
    words = ctx.entities[number].name.split()
    if len(words) != 1:
        return number
    # "OCHA" after "the UN Office for the Coordination of Humanitarian Affairs (OCHA)"
    owners = [
        n
        for n, e in enumerate(ctx.entities)
        if n != number and words[0] in e.aliases and len(e.name.split()) > 1
    ]
    if len(owners) == 1:
        return owners[0]
    fuller = {
        n
        for n, e in enumerate(ctx.entities)
        if n != number
        and len(e.name.split()) > 1
        and e.name.split()[-1] == words[0]
        and e.label in _NAMED
    }
    if not fuller:
        # "Dwi added" after "Dwi Retno Wulandari": a given name alone, when one person has it
        first = {
            n
            for n, e in enumerate(ctx.entities)
            if n != number
            and e.label in ("PERSON",)
            and len(e.name.split()) > 1
            and e.name.split()[0] == words[0]
        }
        return first.pop() if len(first) == 1 else number
    latest = recent(ctx, before, fuller)
    return latest if latest is not None else min(fuller)


def same_surname(ctx: SpeakerContext, number: int, span: Span) -> int:
    """A bare surname shared by several people goes to the one named in full most recently
    ("the brother of A, B Massoud, ... Massoud said" is B Massoud)."""
    if len(span) != 1 or span.root.pos_ != "PROPN":
        return number
    word = span.root.text
    sharing = {
        n
        for n, e in enumerate(ctx.entities)
        if e.label in ("PERSON",) and len(e.name.split()) > 1 and e.name.split()[-1] == word
    }
    if len(sharing) < 2:
        return number
    full = [
        (s, e, n)
        for s, e, n in ctx.mentions
        if n in sharing and s < span.start_char and len(doc_text(ctx.doc)[s:e].split()) > 1
    ]
    # a name inside a relative clause is an aside about someone else ("said X Mamani, whose
    # brother Y Mamani is trapped. Mamani said": X), unless nobody else is named in full
    main = [m for m in full if not _aside(ctx, m[0], m[1])]
    return (main or full)[-1][2] if full else number


def _aside(ctx: SpeakerContext, start: int, end: int) -> bool:
    phrase = ctx.doc.char_span(start, end, alignment_mode="expand")
    return phrase is not None and in_aside(phrase)


def by_surname(ctx: SpeakerContext, head: Token) -> int | None:
    word = head.text
    matching = {
        n
        for n, e in enumerate(ctx.entities)
        if e.label in _NAMED
        and any(word in (name.split() or [""]) for name in [e.name, *e.aliases])
    }
    if not matching:
        return None
    return recent(ctx, head.idx, matching) or min(matching)
