"""Anonymous sources that a name near them must not capture.

- "A Fenmoor Rail engineer said": one unnamed person among the company's people, not the
  company (an indefinite common-noun head whose only name is a modifier that is no person);
- "a spokesman for the Danish culture ministry": the nationality or place names an unnamed
  body, it does not speak (a nationality or place on a modifier of the object, not its head);
- "The spokesman added" after "according to a trust spokesman": the same anonymous voice, not
  the last named speaker before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from .speakers import SpeakerContext, Spoken

SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_ONE_OF = frozenset({"a", "an", "one", "another"})
_PLACES = frozenset({"NORP", "GPE", "LOC"})


def one_of_theirs(ctx: SpeakerContext, span: Span, named: int) -> bool:
    """``span`` ("A Fenmoor Rail engineer") is an unnamed member of entity ``named``."""
    head = span.root
    if head.pos_ not in ("NOUN", "PROPN") or not head.is_lower:
        return False
    if not any(c.dep_ == "det" and c.lower_ in _ONE_OF for c in head.children):
        return False
    return named not in ctx.overlapping(head.idx, head.idx + len(head))


def body_spoken_for(ctx: SpeakerContext, found: int | None, objects: list[Token]) -> int | None:
    """Entity ``found`` among the words after "a spokesman for", unless it is only a nationality
    or place modifying the unnamed body spoken for ("the Danish culture ministry")."""
    if found is None or ctx.entities[found].label not in _PLACES:
        return found
    heads = [t for t in objects if t.dep_ == "pobj"]
    # (a lower-case head the tagger may call a proper noun: "the culture ministry")
    if any(
        t.is_lower
        and t.pos_ in ("NOUN", "PROPN")
        and found not in ctx.overlapping(t.idx, t.idx + len(t))
        for t in heads
    ):
        return None
    return found


def same_voice(ctx: SpeakerContext, history: list[Spoken]) -> int | None:
    """For "the spokesman" ("A spokeswoman for the Red Cross said ... The spokeswoman said"):
    the entity of the latest spokesperson phrase among the last three
    attributions (None: an anonymous one), else the latest speaker with an entity."""
    for spoken in reversed(history[-3:]):
        end = spoken.end if spoken.end > spoken.start else spoken.start + 1
        phrase = ctx.doc.char_span(spoken.start, end, alignment_mode="expand")
        if phrase is not None and any(t.lemma_.lower() in SPOKES for t in phrase):
            return spoken.entity
    return next((h.entity for h in reversed(history[-3:]) if h.entity is not None), None)


def anonymous_between(ctx: SpeakerContext, pronoun: Token, after: int, plural: bool) -> bool:
    """Whether an anonymous person ("a patient's relative who asked not to be named") opens a
    report outside quotation marks between char ``after`` and ``pronoun``, in the pronoun's
    paragraph: its subject of a cue that follows it in its sentence, or the only noun before a
    cue with no subject of its own (a misparse). "She said" then stands for that source."""
    from .attribution import is_cue, noun_phrase
    from .speakers import is_anonymous

    lo = max(after, ctx.paragraphs[ctx.paragraph_of(pronoun.idx)][0])
    for token in ctx.doc[: pronoun.i]:
        if token.idx <= lo or token.i in ctx.inside or token.pos_ != "NOUN":
            continue
        if (token.tag_ == "NNS") != plural or not token.is_lower:
            continue
        cues = [
            t
            for t in token.sent
            if token.i < t.i < pronoun.i
            and t.i not in ctx.inside
            and token not in t.ancestors  # not its own "who asked not to be named"
            and is_cue(t)
        ]
        if not cues:
            continue
        subjects = [c for c in cues[0].children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0] != token:
            continue
        if asked_anonymity(token) or is_anonymous(noun_phrase(token, ctx.inside)):
            return True
    return False


def asked_anonymity(head: Token) -> bool:
    """ "a relative who asked not to be named", "one driver, who spoke on condition of
    anonymity": an unnamed person who said so."""
    for clause in head.children:
        if clause.dep_ not in ("relcl", "acl"):
            continue
        words = {t.lemma_.lower() for t in clause.subtree}
        if "anonymity" in words or (words & {"name", "identify"} and words & {"not", "n't"}):
            return True
    return False


def named_body(span: Span) -> bool:
    """ "The Coalition for Fair Harbours": a capitalised head with a capitalised "for"/"of"
    name after it is a body's own name, not a role noun pointing back ("the coalition")."""
    head = span.root
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("for", "of")
        and any(
            o.dep_ == "pobj" and o.pos_ == "PROPN" and o.text[:1].isupper() for o in prep.children
        )
        for prep in head.rights
    )
