"""Who said it, read off the parse: the attribution cue and the speaker's noun phrase.

The cue is a speech verb from ``quote_cues.tsv`` ("said", "told", "warned", "called on") or the
phrase "according to". The speaker is the cue's subject (``nsubj``), the object of "according
to", or, for a participle that continues a clause ("..., adding that"), the subject of the verb
it hangs from (for a second cue the parser joined to the first one's reported clause, "He
acknowledged that ... but insisted that ...", the first cue's subject); "X was quoted as saying"
gives X; "according to a statement from Y" gives Y. Where the parse is wrong in a known way the
speaker is read back from the sentence's shape (``misparse.py``). Tokens inside quotation marks
never count as cue or speaker.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .misparse import (
    DASHES,
    after_quote_speaker,
    dateline,
    fronted_speaker,
    inverted_split,
    loose_subject,
    paragraph_opener,
    participle_subject,
    past_dateline,
    stranded_speaker,
)
from .quote_lexicon import quote_lexicon

# Dependents that are not part of a speaker's name: "Commander Rustam Nazarov, who has led ...,"
_PRUNE = {"relcl", "acl", "appos", "advcl", "parataxis", "punct", "cc", "conj", "prep", "dep"}
_PRUNE_DEEP = {"relcl", "acl", "appos", "advcl", "parataxis"}
_SUBJECTS = ("nsubj", "nsubjpass")
CONTENT_DEPS = ("ccomp", "xcomp")


@dataclass(slots=True)
class Attribution:
    cue: Token
    cue_text: str
    speaker: Span | None
    appositions: list[Span] = field(default_factory=list)


def is_cue(token: Token) -> bool:
    lex = quote_lexicon()
    lemma = token.lemma_.lower()
    if lemma == "accord" or token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to"
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBG", "VBN"):
        return False
    if lemma in lex.cue_verbs:
        # "continue" says something only right after a quotation ('"...," he continued')
        return lemma != "continue" or _after_quotation(token)
    particles = lex.particle_cues.get(lemma)
    return particles is not None and _particle(token, particles) is not None


def _particle(token: Token, particles: frozenset[str]) -> Token | None:
    for child in token.rights:
        if child.dep_ in ("prep", "prt") and child.lower_ in particles:
            return child
    # "called in a post on X for ...": the particle may hang lower, a few words on
    for right in token.doc[token.i + 1 : min(token.i + 10, sentence_of(token).end)]:
        if (
            right.lower_ in particles
            and right.dep_ == "prep"
            and token in right.ancestors
            and (right.lower_ == "for" or right.i == token.i + 1)
        ):
            return right
    return None


def _after_quotation(token: Token) -> bool:
    """A closing mark a few words before, and no clause of its own after it."""
    if any(c.dep_ in CONTENT_DEPS and c.i > token.i for c in token.children):
        return False
    return any(t.is_quote for t in token.doc[max(0, token.i - 4) : token.i])


def cue_text(token: Token) -> str:
    if token.lower_ == "according":
        return "according to"
    particles = quote_lexicon().particle_cues.get(token.lemma_.lower())
    if particles and token.lemma_.lower() not in quote_lexicon().cue_verbs:
        particle = _particle(token, particles)
        if particle is not None:
            return f"{token.text} {particle.text}"
    return token.text


def noun_phrase(head: Token, inside: set[int]) -> Span:
    """The speaker's words around ``head``: determiners, compounds, titles and possessors, but
    not relative clauses, appositions or anything inside quotation marks."""
    keep = {head.i}
    stack = [c for c in head.children if c.dep_ not in _PRUNE and c.i not in inside]
    # "a spokesman for the association": keep a "for"/"of" phrase on a role noun
    stack += [c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")]
    while stack:
        token = stack.pop()
        if token.i in inside:
            continue
        keep.add(token.i)
        stack.extend(c for c in token.children if c.dep_ not in _PRUNE_DEEP)
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = head.doc
    if dateline(doc[lo]):
        # "HONIARA (Pacific Tide) - Opposition leaders ...": the dateline is no part of it
        dash = next((t.i for t in doc[lo : head.i] if t.text in DASHES), None)
        lo = dash + 1 if dash is not None else lo
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo : hi + 1]


def appositions(head: Token, inside: set[int]) -> list[Span]:
    """Appositions on the speaker's head, then on the words of its phrase ("The brother of
    the late commander X, Y," where the parser hangs Y on X), nearest the head first."""
    own = [c for c in head.children if c.dep_ == "appos" and c.i not in inside]
    deeper = [
        t
        for t in head.subtree
        if t.dep_ == "appos"
        and t.head.i != head.i
        and t.i not in inside
        and t.head.i < t.i
        and not dateline(t.head)  # "HONIARA (Pacific Tide) - X": the dateline's outlet
    ]
    return [noun_phrase(c, inside) for c in own + sorted(deeper, key=lambda t: -t.i)]


def _subject(verb: Token, inside: set[int]) -> Token | None:
    """The verb's subject. Where the parser gave it several, pieces of a hyphenated word torn
    apart ("A co - author, Dr X, told") are none, and a first one set off by a comma belongs to
    a fronted phrase ("Under cross - examination, counsel X suggested"): the last one then."""
    doc = verb.doc
    every = []
    for c in verb.children:
        if c.dep_ not in _SUBJECTS or c.i in inside:
            continue
        if c.ent_type_ in ("DATE", "TIME"):
            # "ADDIS ABABA, Oct 16 (Wire) - Ethiopia's minister, X, told": past the dateline;
            # "relatives who had gathered since Sunday said": no date speaks
            c = past_dateline(c)
            if c.ent_type_ in ("DATE", "TIME"):
                continue
        every.append(c)
    subjects = [
        c
        for c in every
        if not c.is_punct
        and not (c.i + 1 < len(doc) and not c.whitespace_ and doc[c.i + 1].text == "-")
    ]
    if not subjects and len(every) == 1 and not every[0].is_punct:
        subjects = every  # "The federation's secretary-general, X, stressed": the only one
    first = subjects[0] if subjects else None
    if first is None:
        return None
    if dateline(first):
        # "CUENCA, Ecuador (Wire) - Hundreds of farmers have blocked": the parser may give the
        # verb both; the subject after the dash is the real one
        after_dash = [c for c in subjects[1:] if any(t.text in DASHES for t in doc[first.i : c.i])]
        return after_dash[0] if after_dash else past_dateline(first)
    if first.pos_ == "VERB":
        # "Aid workers at the shelter said": the noun compound's first word read as a verb
        # with the plural noun as its object; the object is who spoke
        follows = [c for c in first.children if c.dep_ == "dobj" and c.i == first.i + 1]
        if follows and follows[0].tag_ == "NNS":
            return follows[0]
    if (
        len(subjects) > 1
        and first.pos_ != "PROPN"  # "X, a spokesman for Y, wrote": an apposition follows
        and not first.left_edge.is_sent_start
        and any(t.text == "," for t in doc[first.i : subjects[-1].left_edge.i])
    ):
        return subjects[-1]
    named = subjects[1] if len(subjects) > 1 else None
    if (
        named is not None
        and first.pos_ == "NOUN"
        and named.pos_ == "PROPN"
        and named.left_edge.i == first.i + 1
    ):
        return named  # "The environmental group Acción Páramo wrote": the name the noun heads
    return first


def speaker_head(cue: Token, inside: set[int]) -> Token | None:
    if cue.lower_ == "according":
        to = cue.nbor(1)
        objects = [c for c in to.children if c.dep_ == "pobj" and c.i not in inside]
        if not objects:
            objects = [c for c in cue.children if c.dep_ == "pobj" and c.i not in inside]
        if not objects:
            return None
        found = objects[0]
        if found.lemma_.lower() in quote_lexicon().venue_nouns:
            # "according to a statement from the Ombudsman's Office": who issued it
            issuers = [
                g
                for c in found.children
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                for g in c.children
                if g.dep_ == "pobj" and g.i not in inside
            ]
            return issuers[0] if issuers else None
        return found
    subject = _subject(cue, inside)
    comma = inverted_split(cue, inside)
    if subject is not None and comma is not None and subject.i < comma:
        # "Floods destroyed 3,000 homes in Niger, the agency said": "homes" taken for the
        # subject, "the agency" for an apposition; the speaker is the phrase after the comma
        for token in cue.doc[comma + 1 : cue.i]:
            if not comma < token.head.i < cue.i and token.pos_ in ("NOUN", "PROPN"):
                return token
        return None
    if subject is not None and dateline(subject):
        # "OUAGADOUGOU, March 3 (Wire) - Burkina Faso's government said": the parser took the
        # dateline for the subject; the noun right before the cue is the speaker
        before = cue.doc[cue.i - 1] if cue.i > 0 else None
        ok = before is not None and before.pos_ in ("NOUN", "PROPN") and before.i not in inside
        return before if ok else None
    if (
        subject is not None
        and subject.tag_ == "WDT"
        and cue.dep_ == "relcl"
        and cue.head.pos_ in ("NOUN", "PROPN")
        and cue.head.i not in inside
    ):
        return cue.head  # "X, which says it has ...": the relative pronoun stands for X
    if subject is not None:
        if subject.dep_ == "nsubjpass" and cue.lemma_.lower() == "quote":
            return subject  # "X was quoted (by the paper) as saying": X spoke
        if subject.dep_ == "nsubjpass":
            # "X was quoted as saying" / "was told by X": the agent, if any
            agents = [c for c in cue.children if c.dep_ == "agent"]
            objects = [g for a in agents for g in a.children if g.dep_ == "pobj"]
            return objects[0] if objects else None
        return subject
    if cue.dep_ == "advcl" and cue.tag_ == "VBG" and cue.head.dep_ == "ccomp":
        # "X denied that ..., saying ...": the participle hangs on the report; X says it
        outer = cue.head.head
        subject = _subject(outer, inside) if is_cue(outer) else None
        if subject is not None:
            return subject
    opener = paragraph_opener(cue, inside)
    if opener is not None:
        return opener
    verb = cue
    for _ in range(2):  # "..., adding that" / "and warned": the subject of the governing verb
        if verb.dep_ not in ("conj", "advcl", "xcomp", "dep") or verb.head.i == verb.i:
            break
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and is_cue(verb.head.head):
            # "He acknowledged that prices would rise but insisted that ...": the parser joins
            # the second cue to the first one's reported clause; its speaker is the first's
            verb = verb.head
        verb = verb.head
        if verb.i in inside:
            break
        subject = _subject(verb, inside) or loose_subject(verb, inside)
        if subject is not None:
            return subject
    fronted = (
        fronted_speaker(cue, inside)
        or loose_subject(cue, inside)
        or stranded_speaker(cue, inside)
        or participle_subject(cue, inside)
        or after_quote_speaker(cue, inside)
    )
    if fronted is not None:
        return fronted
    for child in cue.lefts:  # "The 76-year-old added": the age parsed as the verb's modifier
        if child.lower_ == "old" and any(t.lower_ == "year" for t in child.subtree):
            return child
    # '"...," said Y': Y sometimes parsed as an object or a loose dependent of "said"
    for child in cue.rights:
        if child.i in inside or child.is_punct:
            continue
        if (
            child.dep_ in ("dobj", "attr", "npadvmod", "dep", "appos", "oprd")
            and child.pos_ in ("PROPN", "NOUN", "PRON")
            and child.i - cue.i <= 4
            and cue.lemma_ == "say"
        ):
            return child
        break
    return None


def attribution_for(cue: Token, inside: set[int]) -> Attribution:
    head = speaker_head(cue, inside)
    if head is None:
        return Attribution(cue=cue, cue_text=cue_text(cue), speaker=None)
    extra: list[Span] = []
    if head.dep_ == "appos" and not any(c.dep_ in _SUBJECTS for c in cue.children):
        # a fronted speaker's later appositions are its own: "Suparno, a fisherman,"
        extra = [
            noun_phrase(c, inside)
            for c in head.head.children
            if c.dep_ == "appos" and c.i > head.i and c.i not in inside
        ]
    return Attribution(
        cue=cue,
        cue_text=cue_text(cue),
        speaker=noun_phrase(head, inside),
        appositions=appositions(head, inside) + extra,
    )


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (the property joins every token on each call)."""
    cached = doc.user_data.get("tidings_text")
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), doc.text)
        doc.user_data["tidings_text"] = cached
    return str(cached[1])


def sentence_of(token: Token) -> Span:
    """``token.sent``, from sentence bounds worked out once per Doc (``Token.sent`` walks the
    whole Doc on every call)."""
    doc = token.doc
    bounds = doc.user_data.get("tidings_sentence_bounds")
    if bounds is None or bounds[0] != len(doc):
        starts = [s.start for s in doc.sents]
        bounds = (len(doc), starts, [*starts[1:], len(doc)])
        doc.user_data["tidings_sentence_bounds"] = bounds
    _, starts, ends = bounds
    number = bisect.bisect_right(starts, token.i) - 1
    return doc[starts[number] : ends[number]]


def cues_in(tokens: Iterable[Token], inside: set[int]) -> list[Token]:
    return [t for t in tokens if t.i not in inside and is_cue(t)]


def window_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that lie wholly inside characters ``start:end``."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []
