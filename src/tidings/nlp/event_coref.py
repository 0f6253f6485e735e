"""Which entity a mention stands for when the resolver did not link it.

Organisation names and their members ("fighters of the March Patriots Front", "Transitional
Defence Forces aircraft", "its fighters"), definite anaphors ("the bloc", "the movement"), joint
subjects ("Delegations from X and Y", "the two sides") and pronoun subjects of reported clauses
("X said it had withdrawn"). Used by ``event_args.ArgContext.entity_of``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..events.agents import group_noun
from .resolved import ResolvedEntity

if TYPE_CHECKING:
    from .event_args import ArgContext

GROUP = "GROUP"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
# "the bloc", "the movement": a definite mention of an organisation named before
_ORG_ANAPHORS = {
    "group", "movement", "bloc", "agency", "charity", "league", "organisation", "organization",
    "alliance", "coalition", "company", "firm", "network", "foundation", "fund",
}  # fmt: skip
_NAMED_ANAPHORS = _ORG_ANAPHORS | {
    "insurgent", "rebel", "militant", "jihadist", "guerrilla",
    "union", "council", "authority", "front", "federation", "army", "brigade", "party",
    "association", "ministry", "militia", "commission", "government",
}  # fmt: skip
# members of a named organisation are coded as it: "fighters of the March Patriots Front"
_MEMBERS = {
    "fighter", "member", "militant", "gunman", "supporter", "soldier", "troop", "force",
    "officer", "activist", "delegation", "representative", "official", "leader", "worker",
}  # fmt: skip
_JOINT = {"side", "party"}
_IRREGULARS = {"fighter", "militant", "gunman", "supporter", "member"}
# last words that make a "place" the entity resolver labelled GPE/LOC an organisation
_ORG_WORDS = {
    "front", "army", "brotherhood", "union", "league", "brigade", "movement", "council",
    "coalition", "alliance", "association", "force", "party", "group", "federation",
    "foundation", "fund", "logistics", "holdings", "company", "network", "organisation",
    "organization", "commission", "authority", "ministry", "agency", "initiative", "link",
    "international", "institute", "committee", "corporation", "bank", "militia",
}  # fmt: skip


def org_like(entity: ResolvedEntity) -> bool:
    """An organisation, including names the resolver took for places ("Juba Valley Front")."""
    if entity.label == "ORG":
        return True
    words = entity.name.lower().split()
    return entity.label != "PERSON" and len(words) > 1 and words[-1].rstrip("s") in _ORG_WORDS


def named(ctx: ArgContext, token: Token) -> int | None:
    """A named organisation behind a common-noun mention: "Transitional Defence Forces
    aircraft", "fighters of the March Patriots Front", "its fighters", "the bloc"."""
    compounds = [
        t
        for c in token.lefts
        if c.dep_ == "compound" and c.pos_ == "PROPN"
        for t in c.subtree
        if t.pos_ != "DET"
    ]
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN":  # "the March Patriots Front" the resolver did not tag here
        compounds = sorted([*compounds, token], key=lambda t: t.i)
    if compounds:
        text = " ".join(t.text for t in compounds).lower()
        headed = lemma in _ORG_WORDS or lemma == "gang" or group_noun(lemma) is not None
        for index, entity in enumerate(ctx.entities):
            names = [entity.name, *entity.aliases]
            fits = org_like(entity) or entity.label not in PLACE_LABELS | {"NORP"}
            if (fits or (headed and entity.label not in ("PERSON", "NORP"))) and any(
                n.lower() == text for n in names
            ):
                return index
    if lemma in _MEMBERS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for obj in child.children:
                    number = ctx.token_entity.get(obj.i)
                    if number is None and obj.dep_ == "pobj":
                        number = named(ctx, obj)  # "members of the Los Centinelas gang"
                        if number is not None:
                            return number
                    if obj.dep_ == "pobj" and number is not None and org_like(ctx.entities[number]):
                        return number
            if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                number = ctx.pronoun(child)
                if number is not None and ctx.entities[number].label != GROUP:
                    return number
            if child.dep_ == "poss" and child.lower_ in ("his", "her") and lemma in _IRREGULARS:
                return antecedent(ctx, token, "group")  # "his fighters": the leader's group
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    modified = any(c.dep_ in ("compound", "amod", "poss", "nummod") for c in token.children)
    if dets == ["the"] and not modified and lemma in _NAMED_ANAPHORS:
        return antecedent(ctx, token, lemma)
    return None


def antecedent(ctx: ArgContext, token: Token, lemma: str) -> int | None:
    """The organisation "the bloc" refers to: the latest one whose name has the noun, else
    (for generic nouns) the most mentioned one so far, the first on ties."""
    best, best_end = None, -1
    mentions: dict[int, list[int]] = {}
    for (start, end), number in ctx.index.items():
        if end > token.idx or not org_like(ctx.entities[number]):
            continue
        if (ctx.code(number) or "").endswith("MED"):
            continue  # a newspaper the article quotes is not "the group"
        mentions.setdefault(number, []).append(start)
        words = {w.rstrip("s") for w in re.findall(r"\w+", ctx.entities[number].name.lower())}
        if lemma.rstrip("s") in words and end > best_end:
            best, best_end = number, end
    if best is not None:
        return best
    if lemma not in _ORG_ANAPHORS or not mentions:
        return None
    return max(
        mentions,
        key=lambda n: (len(mentions[n]), ctx.acted.get(n, 0), -min(mentions[n])),
    )


def joint(ctx: ArgContext, token: Token | None) -> tuple[int, int | None] | None:
    """(actor, target) for a joint subject: "Delegations from X and Y", "the two sides"."""
    if token is None:
        return None
    if token.lemma_.lower() in _JOINT and any(c.lower_ in ("two", "both") for c in token.children):
        return ctx.last_pair
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            conj = [c for c in objects[0].children if c.dep_ == "conj"] if objects else []
            if conj:
                first, second = ctx.entity_of(objects[0]), ctx.entity_of(conj[0])
                if first is not None and second is not None:
                    return first, second
    return None


def reporter(ctx: ArgContext, token: Token) -> int | None:
    """ "X said it had withdrawn": the pronoun subject of a reported clause is the reporter."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ccomp":
        return None
    speech = token.head.head
    if speech.lemma_.lower() not in ("say", "announce", "state", "insist", "tell", "add"):
        return None
    low = token.lower_
    for subject in (c for c in speech.children if c.dep_ == "nsubj"):
        number = ctx.token_entity.get(subject.i)
        if number is None and subject.pos_ != "PRON":
            number = named(ctx, subject)
        if number is None:
            continue
        label = ctx.entities[number].label
        if (low in _PRONOUNS_PERSON) == (label == "PERSON"):
            return number
    return None
