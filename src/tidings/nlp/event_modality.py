"""Negation and modality of an event trigger, read off the parse.

"there had been no fighting yet" is negated; "threatened a week-long stoppage" makes the
stoppage ``threatened``; "called on the Taliban to form" makes the forming ``requested``;
"are seeking a peaceful solution" is ``intended``. The verbs that give a modality are the
``embeds`` column of ``resources/plover_verbs.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..events.lexicon import LIGHT, VerbEntry

_NEG_WORDS = {"not", "n't", "never", "no"}
_NO_DETS = {"no", "neither"}
# Complement and argument links an embedded event hangs from its embedding verb by.
_UP_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "advcl", "attr", "nsubjpass", "pcomp"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_POSSIBLE_AUX = {"may", "might", "could"}
_REPORTING = {"say", "tell", "report", "announce", "add", "state", "claim", "confirm"}


def verb_entry(token: Token, verbs: dict[str, VerbEntry]) -> VerbEntry | None:
    """The lexicon entry for a verb, a phrasal entry ("call on") before the bare lemma."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("prt", "prep", "dobj", "compound:prt", "advmod"):
            entry = verbs.get(f"{lemma} {child.lower_}") or verbs.get(
                f"{lemma} {child.lemma_.lower()}"
            )
            if entry is not None:
                return entry
    return verbs.get(lemma)


def is_negated(trigger: Token, clause: Token | None) -> bool:
    """A negation on the trigger, on the verb its noun hangs from, or "no" before the noun."""
    for token in {trigger, clause} - {None}:
        assert token is not None
        if any(
            c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in token.children
        ):
            return True
    if trigger.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "det" and c.lower_ in _NO_DETS for c in trigger.children):
            return True
        if trigger.head.lower_ == "without" and trigger.dep_ == "pobj":
            return True
    return False


def modality(
    trigger: Token, clause: Token | None, verbs: dict[str, VerbEntry]
) -> tuple[str | None, Token | None]:
    """The modality an embedding verb gives the event and that verb; else the one its auxiliary
    gives ("will attack": planned, "could attack": possible); else (None, None)."""
    token = clause if clause is not None else trigger
    if clause is not None:  # the noun's own support or embedding verb: "called for talks"
        entry = verb_entry(clause, verbs)
        if entry is not None and entry.embeds:
            return entry.embeds, clause
    for _ in range(5):
        if token.dep_ not in _UP_DEPS or token.head.i == token.i:
            break
        if token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
            break  # "threatened a stoppage if the company refused": the refusal is a condition
        head = token.head
        if head.pos_ in ("VERB", "AUX"):
            entry = verb_entry(head, verbs)
            if entry is not None and entry.embeds:
                return entry.embeds, head
            if head.lemma_.lower() in _REPORTING:
                break
            if entry is None or entry.type != LIGHT:
                break
        token = head
    verb = clause if clause is not None else (trigger if trigger.pos_ in ("VERB", "AUX") else None)
    if verb is not None:
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX:
            return "planned", None
        if aux & _POSSIBLE_AUX:
            return "possible", None
    return None, None
