"""Titles, roles, kinship relations and cues read from the words around a PERSON mention.

Three places hold them in news prose:
- before the name: "former Vice President X", "Taliban spokesperson X", "the late commander X";
- an apposition after it: "X, the son of Y,", "X, a district relief coordinator,";
- an apposition before it: "The brother of Y, X, said", "Y's son, X, said"; with a pronoun
  owner ("His father, X,") the relation points at the nearest PERSON subject before it.
Coordinated appositions are separate titles ("X, the commander's brother and a former health
minister" -> "commander's brother", "former health minister"); no title keeps a leading article.
Everything is read from tokens near the mention (a bounded window), never from the whole text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon, lexicon

POSSESSIVE = frozenset({"'s", "'", "\u2019s", "\u2019"})
DETERMINERS = frozenset({"the", "a", "an"})
PRONOUN_POSSESSORS = frozenset({"his", "her", "their", "its"})
STOP = frozenset({",", ";", ".", ":", "(", ")", "\u2014", "\u2013", "--", '"', "\u201c", "\u201d"})
APPOSITION_MAX = 12  # tokens: an apposition longer than this is a clause, not a title
RELATED_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
# Verbs whose object or passive subject is dead: "the late X" is the other signal.
DEATH_LEMMAS = frozenset({"kill", "assassinate", "die", "murder", "execute", "slay"})


@dataclass(slots=True)
class MentionContext:
    """What the text says about one PERSON mention."""

    titles: list[str] = field(default_factory=list)
    # (relation word, the PERSON span it points to): "X, the son of Y" -> ("son", Y)
    relations: list[tuple[str, Span]] = field(default_factory=list)
    # the same, where a possessive pronoun names the other person: "His father, X" after a
    # sentence whose subject is Y -> ("father", Y); Y's mention is a mention like any other
    pronoun_relations: list[tuple[str, Span]] = field(default_factory=list)
    cues: set[str] = field(default_factory=set)  # "late", "elder", "younger"; "dead"
    honorific: str = ""  # the form of address right before the name, lower case ("ms")
    title_words: set[str] = field(default_factory=set)  # lower-case head words of the titles


def _words(lex: Lexicon) -> frozenset[str]:
    return frozenset(w for t in lex.titles for w in t.split())


def read_context(doc: Doc, span: Span, persons: dict[int, Span]) -> MentionContext:
    """The titles, relations and cues around ``span``; ``persons``: token index -> PERSON span."""
    lex = lexicon()
    ctx = MentionContext()
    if span.start > 0 and doc[span.start - 1].lower_ in lex.honorifics:
        ctx.honorific = doc[span.start - 1].lower_.rstrip(".")
    _before(doc, span, lex, ctx)
    _apposition_after(doc, span, lex, ctx, persons)
    _apposition_before(doc, span, lex, ctx, persons)
    root = span.root
    if root.head.lemma_ in DEATH_LEMMAS and root.dep_ in {"nsubjpass", "dobj"}:
        ctx.cues.add("dead")
    if "late" in ctx.cues:
        ctx.cues.add("dead")
    return ctx


def _before(doc: Doc, span: Span, lex: Lexicon, ctx: MentionContext) -> None:
    """Title words right before the name: "the late commander", "Taliban spokesperson"."""
    words = _words(lex)
    i = span.start - 1
    run: list[Token] = []
    sent_start = span.sent.start
    while i >= sent_start:
        tok = doc[i]
        low = tok.lower_
        if low in lex.cues:
            ctx.cues.add(low)
        elif (
            low in words
            or low in lex.modifiers
            or low in lex.honorifics
            or tok.ent_type_ in RELATED_LABELS
            and run
            or tok.text in POSSESSIVE
            and run
            or tok.pos_ in {"NOUN", "PROPN"}
            and run
            and (tok.dep_ == "compound" or (i + 1 < len(doc) and doc[i + 1].text in POSSESSIVE))
        ):
            run.append(tok)
        else:
            break
        i -= 1
    run.reverse()
    # The title is the run up to its last title word, without honorifics ("Mr") at its edges.
    while run and (run[-1].lower_ in lex.honorifics or run[-1].lower_ not in words):
        run.pop()
    while run and (run[0].lower_ in lex.honorifics or run[0].text in POSSESSIVE):
        run.pop(0)
    if not run:
        return
    _add_title(ctx, doc[run[0].i : run[-1].i + 1].text, run[-1].lower_)


def _add_title(ctx: MentionContext, text: str, head: str) -> None:
    if text not in ctx.titles:
        ctx.titles.append(text)
    ctx.title_words.update(w.lower() for w in text.split())
    ctx.title_words.add(head)


def _phrase(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int, int] | None:
    """Where a title-like noun phrase in doc[start:end] has its head: (start, head, end)."""
    words = _words(lex)
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].lower_ in lex.cues):
        start += 1
    for i in range(start, end):
        low = doc[i].lower_
        if low in lex.relations or low in words:
            nxt = doc[i + 1].lower_ if i + 1 < end else ""
            if nxt in words or nxt in lex.relations:
                continue  # "vice president", "deputy head": the head comes later
            return start, i, end
        if doc[i].pos_ in {"VERB", "AUX", "PRON"} and low not in PRONOUN_POSSESSORS:
            return None
    return None


def _apposition_after(
    doc: Doc, span: Span, lex: Lexicon, ctx: MentionContext, persons: dict[int, Span]
) -> None:
    """ "X, the son of Y," / "X, a former governor," -> titles and relations of X."""
    if span.end >= len(doc) - 1 or doc[span.end].text != ",":
        return
    start = span.end + 1
    end = start
    limit = min(len(doc), start + APPOSITION_MAX, span.sent.end)
    while end < limit and doc[end].text not in STOP and doc[end].lower_ not in {"who", "which"}:
        end += 1
    if end == limit and end < span.sent.end:
        return  # no closing comma within reach: a clause, not an apposition
    found = _phrase(doc, start, end, lex)
    if found is not None:
        _read_phrase(doc, *found, lex, ctx, persons)


def _apposition_before(
    doc: Doc, span: Span, lex: Lexicon, ctx: MentionContext, persons: dict[int, Span]
) -> None:
    """ "The brother of Y, X, said" / "Y's son, X," -> titles and relations of X."""
    first = span.start  # before the titles the name carries: "His father, Commander X"
    words = _words(lex)
    while first > span.sent.start and (
        doc[first - 1].lower_ in words
        or doc[first - 1].lower_ in lex.modifiers
        or doc[first - 1].lower_ in lex.honorifics
    ):
        first -= 1
    if first < 2 or doc[first - 1].text != ",":
        return
    end = first - 1
    start = end
    floor = max(span.sent.start, end - APPOSITION_MAX)
    while start > floor and doc[start - 1].text not in STOP:
        start -= 1
    if start > span.sent.start and doc[start - 1].text not in STOP:
        return
    # "Y's son": a possessor PERSON then a relation word.
    if (
        end - start >= 3
        and doc[end - 2].text in POSSESSIVE
        and doc[end - 1].lower_ in lex.relations
    ):
        other = persons.get(end - 3)
        if other is not None:
            ctx.relations.append((doc[end - 1].lower_, other))
            return
    found = _phrase(doc, start, end, lex)
    if found is None or found[0] > start + 1:
        return
    head = doc[found[1]]
    if (
        doc[found[0]].lower_ in {"his", "her"}
        and head.lower_ in lex.relations
        and found[1] == found[0] + 1
    ):
        other = _antecedent(doc, found[0], persons, span)
        if other is not None:
            ctx.pronoun_relations.append((head.lower_, other))
        return
    _read_phrase(doc, *found, lex, ctx, persons)


def _antecedent(doc: Doc, pronoun: int, persons: dict[int, Span], span: Span) -> Span | None:
    """The PERSON a possessive pronoun refers to: the nearest PERSON subject before it in its
    sentence, else the one PERSON subject of the previous sentence; None when that is ambiguous."""
    sent = doc[pronoun].sent
    subjects = _subjects(doc, sent.start, pronoun, persons, span)
    if subjects:
        return subjects[-1]
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    subjects = _subjects(doc, previous.start, previous.end, persons, span)
    if len({s.text for s in subjects}) == 1:
        return subjects[-1]
    if not subjects:
        # "The dead included Captain X. His son, Y, ...": the one person the sentence names
        named = {id(s): s for i in range(previous.start, previous.end) if (s := persons.get(i))}
        if len({s.text for s in named.values()}) == 1:
            return next(iter(named.values()))
    return None


def _subjects(doc: Doc, start: int, end: int, persons: dict[int, Span], span: Span) -> list[Span]:
    found = {id(s): s for i in range(start, end) if (s := persons.get(i)) is not None}
    return sorted(
        (
            s
            for s in found.values()
            if s.root.dep_ in {"nsubj", "nsubjpass"} and s.start != span.start
        ),
        key=lambda s: s.start,
    )


def _read_phrase(
    doc: Doc,
    start: int,
    head: int,
    end: int,
    lex: Lexicon,
    ctx: MentionContext,
    persons: dict[int, Span],
) -> None:
    parts = _coordinated(doc, start, end, lex)
    if len(parts) > 1:  # "the commander's brother and a former health minister": two titles
        for part in parts:
            _read_phrase(doc, *part, lex, ctx, persons)
        return
    low = doc[head].lower_
    if low in lex.relations:
        # "son of (the late commander) Y": the relation points at the first PERSON after "of".
        if head + 1 < end and doc[head + 1].lower_ == "of":
            for i in range(head + 2, end):
                other = persons.get(i)
                if other is not None:
                    ctx.relations.append((low, other))
                    return
        return
    _add_title(ctx, doc[start:end].text, low)


def _coordinated(doc: Doc, start: int, end: int, lex: Lexicon) -> list[tuple[int, int, int]]:
    """The title phrases of "the commander's brother and a former health minister", split on
    "and"; a single phrase when any part has no title or relation of its own ("minister of
    trade and industry")."""
    cuts = [i for i in range(start + 1, end - 1) if doc[i].lower_ == "and"]
    if not cuts:
        return []
    bounds = [start, *(c + 1 for c in cuts)]
    ends = [*cuts, end]
    parts = [_phrase(doc, s, e, lex) for s, e in zip(bounds, ends, strict=True)]
    if any(p is None for p in parts):
        return []
    return [p for p in parts if p is not None]


def relation_objects(contexts: dict[int, MentionContext]) -> set[int]:
    """Start tokens of PERSON mentions that are only the "of Y" in someone else's relation."""
    return {other.start for ctx in contexts.values() for _, other in ctx.relations}
