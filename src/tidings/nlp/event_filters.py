"""Which event a verb trigger is, by its object, and which found events are not coded again.

``trigger_kind`` refines a verb's lexicon entry by its arguments: "fired tear gas" is COERCE,
"handed over its weapons" RETREAT disarm, "ordered 400 police officers to the area" MOBILIZE,
"ordered the brigades to hand over" REQUEST, "is being held by a militia" COERCE detain; verbs
that are events only with an object ("closed the road", "entered the town") need one.

``drop_uncoded`` removes what the coding conventions (docs/events.md) do not code again: the
results of a coded attack ("..., killing 41 people"; "another 60 people were wounded"),
anaphoric mentions of a coded event ("the strike was illegal", "the coalition's demands") and
the complement of a refusal or denial ("refused to meet": the REJECT carries it).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..events.lexicon import EMBED_ONLY, LIGHT, NounEntry, VerbEntry
from .resolved import ResolvedEvent

_NEEDS_OBJECT = {"enter", "cross", "move", "close", "stop", "fire", "return"}
_CROSSINGS = {"border", "bridge", "crossing", "road", "airport", "port", "airspace", "frontier"}
_GIVE = {"give", "provide", "grant", "donate", "deliver", "send", "contribute"}
_COMPLEMENT_DEPS = {"oprd", "ccomp", "xcomp", "acomp"}
_RIOT_GEAR = {"gas", "cannon", "canister", "bullet", "grenade"}
_WEAPONS = {"weapon", "arm", "gun", "rifle", "arsenal", "ammunition"}
_MONEY = {
    "dollar", "euro", "pound", "franc", "yen", "shilling", "aid", "assistance", "fund", "medicine",
    "food", "supplies", "supply", "grain",
}  # fmt: skip
_FORCES = {"soldier", "troop", "police", "officer", "policeman", "force", "reservist", "unit"}
_DETAINED = {"hostage", "prisoner", "captive", "detainee"}
_CIVIL = {
    "protester", "protestor", "demonstrator", "worker", "miner", "student", "striker",
    "activist", "farmer", "resident", "dockworker", "villager", "employee",
}  # fmt: skip
_KILL_HURT = {"kill", "wound", "injure"}
_ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}
_REFUSALS = {"refused", "denied"}
_FORCE_TYPES = {"COERCE", "MOBILIZE"}


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def _lemmas(tokens: list[Token]) -> set[str]:
    out = set()
    for token in tokens:
        out.add(token.lemma_.lower())
        for child in token.children:
            if child.dep_ == "compound":
                out.add(child.lemma_.lower())
            elif child.dep_ == "prep" and child.lower_ == "of":  # "700 kg of medicine"
                out.update(c.lemma_.lower() for c in child.children if c.dep_ == "pobj")
    return out


def trigger_kind(
    verb: Token, entry: VerbEntry, nouns: dict[str, NounEntry]
) -> tuple[str, str | None] | None:
    """(type, mode) for a verb trigger, or None when this use of the verb is no event."""
    lemma = entry.lemma
    objects = _objects(verb)
    obj_lemmas = _lemmas(objects)
    children = {c.dep_ for c in verb.children}
    if lemma == "order":  # "ordered X to hand over" / "ordered 5,000 soldiers into the streets"
        if "xcomp" in children:
            return "REQUEST", None
        if obj_lemmas & _FORCES:
            return "MOBILIZE", "police" if obj_lemmas & {"police", "policeman"} else "troops"
        return None
    if lemma == "hold":  # "is still being held by a militia", "held 12 hostages"
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        if (passive and "agent" in children) or obj_lemmas & _DETAINED:
            return "COERCE", "detain"
        return None
    if lemma == "open" and obj_lemmas & _CROSSINGS:
        return "RETREAT", None  # "opened its borders": allowing access
    if lemma in _GIVE and entry.type == LIGHT and obj_lemmas & _MONEY:
        return "AID", "economic"  # "gave the Ivory Coast 5.1 million dollars of aid"
    if entry.type in (LIGHT, EMBED_ONLY):
        return None
    if lemma in _NEEDS_OBJECT and not objects:
        return None
    if lemma == "leave" and (children & _COMPLEMENT_DEPS or "dobj" in children):
        return None  # "clashes left five guards dead"
    if lemma == "strike" and "dobj" not in children:
        return "PROTEST", "strike"  # "dockworkers strike", not "struck a convoy"
    if lemma.startswith("fire") and obj_lemmas & _RIOT_GEAR:
        return "COERCE", None  # "fired tear gas at protesters"
    if lemma == "hand over":
        if obj_lemmas & _WEAPONS:
            return "RETREAT", "disarm"
        if any(nouns.get(w) is not None and nouns[w].type == "AID" for w in obj_lemmas):
            return "AID", "humanitarian"
    if entry.type == "AGREE" and entry.embeds and "xcomp" not in children and obj_lemmas & _MONEY:
        return "AID", None  # "pledged a further 2 million dollars": a pledge of aid
    if lemma == "occupy":
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if _lemmas(subjects) & _CIVIL:  # "miners occupied the plant": a sit-in
            return "PROTEST", "obstruct"
    return entry.type, entry.mode


def _is_result(token: Token, earlier: list[ResolvedEvent]) -> ResolvedEvent | None:
    """The coded attack a "killing"/"wounding" participle reports the result of."""
    head = token
    for _ in range(3):
        if head.dep_ not in ("advcl", "conj", "xcomp") or head.head.i == head.i:
            return None
        head = head.head
        for event in reversed(earlier):
            if event.start == head.idx and event.type == "ASSAULT":
                return event
    return None


def drop_uncoded(
    event: ResolvedEvent,
    token: Token,
    governor: Token | None,
    earlier: list[ResolvedEvent],
    verbs: dict[str, VerbEntry],
) -> bool:
    """True when ``event`` is not coded (and, for attack results, pass its counts on)."""
    if event.modality in _REFUSALS:
        return True  # "refused to meet": the REJECT event carries it
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in _KILL_HURT:
        attack = _is_result(token, earlier) if token.tag_ == "VBG" else None
        if attack is not None:
            for count in event.counts:
                if count.role in ("killed", "injured") and count.value is not None:
                    attack.counts.append(count)
            return True
        passive = any(c.dep_ == "nsubjpass" for c in token.children)
        agentless = not any(c.dep_ == "agent" for c in token.children)
        if passive and agentless and any(e.type == "ASSAULT" for e in earlier):
            return True  # "another 60 people were wounded": a tally of the coded attack
    if token.pos_ in ("NOUN", "PROPN") and event.type not in _FORCE_TYPES:
        definite = any(
            (c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS)
            or (c.dep_ == "poss" and c.pos_ != "PROPN")
            for c in token.children
        )
        own_time = any(c.dep_ in ("nummod", "npadvmod") for c in token.children)
        if definite and not own_time and any(e.type == event.type for e in earlier):
            return True  # "the strike was illegal": the strike is already coded
    return False
