"""Speakers named by a description: role nominals ("the judge", "the federation", "the
company") and the organisations they stand for. Helpers of ``speakers.resolve``."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .attribution import doc_text, sentence_of
from .lexicon import lexicon
from .person_words import PERSON_NOUNS
from .quote_lexicon import quote_lexicon
from .resolved import ResolvedEntity

if TYPE_CHECKING:
    from .speakers import SpeakerContext, Spoken

_COLLECTIVE = ("ORG", "NORP", "GPE")
# nouns for a business: "the company" is the business of the article that spoke last
CORPORATE = frozenset(
    {
        "company", "firm", "carmaker", "automaker", "manufacturer", "bank", "lender", "airline",
        "retailer", "insurer", "miner", "operator", "conglomerate", "supplier", "producer",
        "chain", "developer", "brewer", "shipbuilder", "shipyard", "maker", "utility", "group",
        "business", "employer", "startup", "yard", "plant",
    }
)  # fmt: skip


def recent(ctx: SpeakerContext, before: int, numbers: set[int] | None = None) -> int | None:
    """The entity (among ``numbers``) mentioned last before character ``before``."""
    hi = bisect.bisect_left(ctx.starts, before)
    for _s, _e, n in reversed(ctx.mentions[:hi]):
        if numbers is None or n in numbers:
            return n
    return None


def is_definite(head: Token) -> bool:
    return any(
        c.lower_ == "the" and c.dep_ == "det" or c.dep_ == "poss" and c.pos_ != "PRON"
        for c in head.children
    )


def nominal_subjects(ctx: SpeakerContext) -> list[tuple[int, int]]:
    """Definite common-noun subjects that name a titled person or an organisation of the
    article ("the judge" -> Judge X; "the federation" -> the X Federation)."""
    out = []
    for token in ctx.doc:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "NOUN":
            continue
        if token.i in ctx.inside or not is_definite(token):
            continue
        if any(
            c.dep_ == "appos"
            and ctx.overlapping(c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            for c in token.children
        ):
            # "Ukraine's deputy minister, X,", "The summit's president, Y's minister X,": the
            # apposition names this one
            continue
        found = by_role(ctx, token.doc[token.i : token.i + 1], token.lemma_.lower())
        if found is None:
            found = org_by_name(ctx, token.lemma_.lower(), token.idx)
        if found is not None:
            out.append((token.idx, found))
    return out


def org_by_name(ctx: SpeakerContext, lemma: str, before: int) -> int | None:
    """The latest organisation whose name holds the noun ("the federation")."""
    named = {
        n
        for n, e in enumerate(ctx.entities)
        if e.label in _COLLECTIVE and lemma in e.name.lower().split()
    }
    return recent(ctx, before, named) if named else None


def fits_description(entity: ResolvedEntity, span: Span) -> bool:
    """Whether an organisation found for a described one ("the national disaster agency")
    shares a word of the description: "Agency" named elsewhere is another agency."""
    head = span.root
    if head.pos_ != "NOUN" or head.lemma_.lower() not in quote_lexicon().org_roles:
        return True
    mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.is_alpha}
    if not mods or entity.label not in _COLLECTIVE:
        return True
    names = " ".join([entity.name, *entity.aliases]).lower().split()
    return bool(mods & set(names))


def described_apart(ctx: SpeakerContext, span: Span, number: int) -> bool:
    """Whether a described organisation only has another entity among its modifiers: "the UN
    refugee agency" is no "UN"."""
    head = span.root
    if head.pos_ != "NOUN" or not head.is_lower:
        return False
    if head.lemma_.lower() not in quote_lexicon().org_roles:
        return False
    if number in ctx.overlapping(head.idx, head.idx + len(head)):
        return False
    return any(
        c.dep_ in ("amod", "compound") and c.is_alpha and c.is_lower and c.i < head.i
        for c in head.children
    )


def lede_organisation(ctx: SpeakerContext, span: Span) -> int | None:
    """ "X will cut 1,200 jobs, the company said": the organisation named before the speaker
    in its own sentence."""
    sentence = sentence_of(span.root)
    text = doc_text(ctx.doc)
    for s, e, n in ctx.mentions:
        if (
            sentence.start_char <= s < span.start_char
            and ctx.entities[n].label == "ORG"
            and not ctx.quoted(s, e)
            and text[s - 1 : s] != "("  # not the outlet of a dateline, "LIMA (Andes Post) -"
        ):
            return n
    return None


def by_role(ctx: SpeakerContext, span: Span, lemma: str) -> int | None:
    lex = quote_lexicon()
    before = span.start_char
    # the title's head word, not its "of" phrase or its modifiers: "chief executive of the X
    # Hospice" is no "hospice", an "army spokesman" no "army"
    titled = {
        n
        for n, e in enumerate(ctx.entities)
        if any(lemma in t.lower().split(" of ")[0].split()[-1:] for t in e.titles)
    }
    if titled:
        found = recent(ctx, before, titled)
        if found is None and len(titled) == 1 and is_definite(span.root):
            return titled.pop()  # a lede's "the judge", named further down
        return found
    if lemma in lex.org_roles or lemma in lex.group_roles:
        named = {
            n
            for n, e in enumerate(ctx.entities)
            if e.label in _COLLECTIVE and lemma in e.name.lower()
        }
        if named:
            return recent(ctx, before, named)
    if lemma in lex.group_roles:
        orgs = {n for n, e in enumerate(ctx.entities) if e.label == "ORG"}
        return recent(ctx, before, orgs)
    return None


def described_person(span: Span) -> bool:
    """A definite phrase for someone just named: an age ("the 52-year-old"), a person noun or a
    relation ("the trader", "the mother of three"); not a title ("the minister")."""
    head = span.root
    if head.lower_ == "old" and any(t.lower_ == "year" for t in head.subtree):
        return True
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or not any(c.lower_ == "the" for c in head.children):
        return False
    if lemma in quote_lexicon().person_roles or lemma in lexicon().titles:
        return False
    return lemma in PERSON_NOUNS or lemma in lexicon().relations


def person_described(ctx: SpeakerContext, span: Span, history: list[Spoken]) -> int | None:
    """The person named last, in this paragraph or the one before, unless an unnamed speaker
    of the same kind spoke since ("A nurse said ... The nurse added": nobody named)."""
    people = {n for n, e in enumerate(ctx.entities) if e.label == "PERSON"}
    latest = recent(ctx, span.start_char, people)
    if latest is None:
        return None
    mention = max(s for s, _e, n in ctx.mentions if n == latest and s < span.start_char)
    if ctx.paragraph_of(span.start_char) - ctx.paragraph_of(mention) > 1:
        return None
    lemma = span.root.lemma_.lower()
    for spoken in history:
        if spoken.entity is not None or spoken.start < mention:
            continue
        phrase = ctx.doc.char_span(spoken.start, max(spoken.end, spoken.start + 1), "expand")
        if phrase is not None and phrase.root.lemma_.lower() == lemma:
            return None
    return latest


_NAME_NOUNS = frozenset({"name", "surname", "forename"})


def self_named(ctx: SpeakerContext, head: Token) -> int | None:
    """ "A student who gave only his surname, Kim, said": the source's relative clause names
    the person after all; the name, set off by commas right after "name"."""
    text = doc_text(ctx.doc)
    for clause in head.children:
        if clause.dep_ != "relcl":
            continue
        for token in clause.subtree:
            if token.lemma_.lower() not in _NAME_NOUNS:
                continue
            after = token.idx + len(token)
            if text[after : after + 2] != ", ":
                continue
            for s, e, n in ctx.mentions:
                if s == after + 2 and ctx.entities[n].label == "PERSON" and text[e : e + 1] == ",":
                    return n
    return None
