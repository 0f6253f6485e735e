"""Actor and target heads of a verb trigger, read off the dependency parse.

``verb_args`` gives the (actor, target) tokens of a verb: the subject (climbing xcomp chains,
coordinations, relative clauses and "after seizing them"), the object or prepositional target,
and for passives the "by" agent as actor and the passive subject as target. ``is_actor`` lets
the caller skip subjects that name no participant ("the strike was illegal and accused the
union": the accuser is the matrix subject, not "the strike").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

TARGET_PREPS = {"against", "on", "upon", "with", "at", "to", "toward", "towards"}
_MAX_DEPTH = 4

IsActor = Callable[[Token], bool]


def _any(_token: Token) -> bool:
    return True


def _own_subject(verb: Token, is_actor: IsActor) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    for subject in subjects:  # "The medical charity Frontline Care International said"
        if is_actor(subject):
            return subject
    return subjects[0] if subjects else None


def subject(verb: Token, is_actor: IsActor = _any, depth: int = 0) -> Token | None:
    """The subject a verb's event is done by, through control and coordination."""
    own = _own_subject(verb, is_actor)
    if own is not None and (is_actor(own) or verb.dep_ not in ("conj", "ccomp")):
        return own
    if depth > _MAX_DEPTH:
        return own
    head = verb.head
    if verb.dep_ == "relcl":
        return head
    if verb.dep_ == "xcomp":
        # object control: "urged the government to", "called on the Taliban to"
        for child in head.children:
            if child.dep_ == "dobj":
                return child
            if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        return subject(head, is_actor, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        found = subject(head, is_actor, depth + 1)
        passive = any(c.dep_ == "nsubjpass" for c in head.children)
        if (found is None or passive or not is_actor(found)) and head.dep_ in ("ccomp", "conj"):
            # "denied that the market had been targeted and accused X": the denier accuses
            upper = subject(head.head, is_actor, depth + 2)
            if upper is not None and is_actor(upper):
                return upper
        return found if found is not None else own
    if verb.dep_ == "advcl" and head.pos_ in ("VERB", "AUX"):
        return subject(head, is_actor, depth + 1) if verb.tag_ == "VBG" else own
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        if head.lower_ == "of":  # "accused the police of beating": the accused beat
            obj = next((c for c in head.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        return subject(head.head, is_actor, depth + 1)  # "freed them a week after seizing them"
    if verb.dep_ == "pcomp" and head.lower_ == "of" and head.head.dep_ == "dobj":
        return head.head  # the same, with "of" attached to the object
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return head
    if verb.dep_ == "acomp" and own is None:  # "it is willing to withdraw"
        return subject(head, is_actor, depth + 1)
    return own


def passive_subject(verb: Token) -> Token | None:
    found = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if found is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = verb.head  # "41 people killed in the attack"
    return found


def agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def verb_args(verb: Token, is_actor: IsActor = _any) -> tuple[Token | None, Token | None]:
    """(actor, target) heads for a verb: passive subjects are targets, "by" agents actors."""
    passive = passive_subject(verb)
    if passive is not None:
        return agent(verb), passive
    actor = subject(verb, is_actor)
    target = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if target is None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    target = objects[0]
                    break
    return actor, target
