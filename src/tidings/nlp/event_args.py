"""Who, whom, where, when and how many for an event: the arguments of a trigger, as entities.

Actors the article does not name ("police", "hundreds of its fighters", "the union") become
GROUP entities appended to ``doc._.tidings_entities`` so that an event can point at them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..events.agents import agent_code, group_noun, sector
from .event_coref import joint, named, org_like, reporter
from .misparse import dateline
from .resolved import ResolvedCount, ResolvedEntity

GROUP = "GROUP"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "at", "near", "across", "outside", "around", "into", "between", "inside"}
_SKIP_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_GROUP = {"they", "them", "it", "its", "their", "we", "our"}
_RELATIVE = {"who", "which", "that", "whom"}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_VAGUE = {"hundreds", "dozens", "thousands", "scores", "tens", "millions", "several", "many"}
_PLACE_HEADS = {"town", "city", "village", "district", "province", "region", "capital", "port"}


def number_value(text: str) -> int | None:
    low = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+", low):
        return int(low)
    return _NUMBER_WORDS.get(low)


class ArgContext:
    """One Doc's view for argument finding: token -> entity, group entities, agent codes."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        if doc._.tidings_entities is None:
            doc._.tidings_entities = []
        if doc._.tidings_entity_index is None:
            doc._.tidings_entity_index = {}
        self.entities: list[ResolvedEntity] = doc._.tidings_entities
        self.index: dict[tuple[int, int], int] = doc._.tidings_entity_index
        self.token_entity: dict[int, int] = {}
        for (start, end), number in self.index.items():
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self.token_entity.setdefault(token.i, number)
        self.groups: dict[str, int] = {}
        self.codes: dict[int, str | None] = {}
        self.last_actor: tuple[int, int] | None = None  # (sentence start, entity)
        self.last_pair: tuple[int, int] | None = None  # the latest (actor, target) of two parties
        self.acted: dict[int, int] = {}  # entity -> how many events it was the actor of

    # -- entities -----------------------------------------------------------------------------

    def _add_mention(self, number: int, start: int, end: int) -> None:
        entity = self.entities[number]
        if (start, end) not in entity.mentions:
            entity.mentions.append((start, end))
            entity.mentions.sort()
        self.index.setdefault((start, end), number)

    def _group(self, head: Token, name_tokens: list[Token]) -> int:
        name = " ".join(t.text for t in name_tokens)
        key = " ".join(t.lemma_.lower() for t in name_tokens)
        start = name_tokens[0].idx
        end = name_tokens[-1].idx + len(name_tokens[-1].text)
        if (
            key not in self.groups and len(name_tokens) == 1
        ):  # "the council" after "the regional council"
            key = next((k for k in self.groups if k.endswith(" " + key)), key)
        if key in self.groups:
            number = self.groups[key]
            if name not in self.entities[number].aliases and name != self.entities[number].name:
                self.entities[number].aliases.append(name)
        else:
            number = len(self.entities)
            self.entities.append(ResolvedEntity(label=GROUP, name=name))
            self.groups[key] = number
            self.codes[number] = self._group_code(head, name_tokens)
        self._add_mention(number, start, end)
        return number

    def _group_code(self, head: Token, name_tokens: list[Token]) -> str | None:
        country = None
        sector_code = sector(" ".join(t.text for t in name_tokens))
        for token in list(head.children) + name_tokens:
            number = self.token_entity.get(token.i)
            if number is None or token.i == head.i:
                continue
            entity = self.entities[number]
            if entity.geo is not None and entity.geo.country and country is None:
                country = entity.geo.country
            if token.dep_ == "poss" and sector_code is None:
                sector_code = sector(entity.name)
        return agent_code(sector_code, country)

    def code(self, number: int | None) -> str | None:
        if number is None:
            return None
        if number not in self.codes:
            entity = self.entities[number]
            sector_code = sector(entity.name, *entity.aliases, *entity.titles)
            country = entity.geo.country if entity.geo is not None else None
            if entity.label == "GPE" and sector_code is None and country:
                sector_code = "GOV"  # a state acting: "Pakistan expelled ..."
            self.codes[number] = agent_code(sector_code, country)
        return self.codes[number]

    def entity_of(self, token: Token | None) -> int | None:
        """The entity a noun phrase headed by ``token`` stands for, creating GROUP entities for
        unnamed groups; pronouns go to the latest fitting entity."""
        if token is None:
            return None
        if token.i in self.token_entity:
            return self.token_entity[token.i]
        low = token.lower_
        if low in _RELATIVE and token.head.dep_ == "relcl":
            return self.entity_of(token.head.head)
        if token.pos_ == "PRON":
            return reporter(self, token) or self.pronoun(token)
        counted = self.counted(token)
        if counted is not None and counted.i != token.i:
            return self.entity_of(counted)
        linked = named(self, token)
        if linked is not None:
            return linked
        for child in token.children:  # "The commander ..., Haidar al-Musawi,": the name
            if child.dep_ == "appos" and child.i in self.token_entity:
                return self.token_entity[child.i]
        if token.dep_ == "appos" and token.head.i != token.i:
            return self.entity_of(token.head)  # "the Coalition, an alliance of ..."
        if token.lemma_.lower() in ("officer", "policeman") and "police" in self.groups:
            return self.groups["police"]  # "Officers" of the police already in the article
        if token.pos_ in ("NOUN", "PROPN") and group_noun(token.lemma_) is not None:
            return self._group(token, self._name_tokens(token))
        for child in token.children:  # "His son, Davron Nazarov": the name in apposition
            if child.dep_ == "appos" and child.i in self.token_entity:
                return self.token_entity[child.i]
        if token.lemma_.lower() in _PLACE_HEADS:  # "the town of Orvan"
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.i in self.token_entity:
                            return self.token_entity[obj.i]
        for child in token.children:  # "Taliban spokesperson": the named part
            if child.dep_ in ("compound", "poss") and child.i in self.token_entity:
                return self.token_entity[child.i]
        return None

    def is_actor(self, token: Token) -> bool:
        """Whether a subject names a participant (an entity or a group), not "the strike"."""
        return self.entity_of(token) is not None

    def joint(self, token: Token | None) -> tuple[int, int | None] | None:
        return joint(self, token)

    def _name_tokens(self, head: Token) -> list[Token]:
        keep = [head]
        for child in reversed(list(head.lefts)):
            if child.dep_ in ("compound", "amod", "nmod") and child.pos_ != "NUM":
                keep.extend(
                    t
                    for t in child.subtree
                    if t.pos_ not in ("PUNCT", "DET", "CCONJ") or t.dep_ == "cc"
                )
            elif child.dep_ == "poss" and child.pos_ != "PRON":
                keep.extend(t for t in child.subtree if t.dep_ != "case")
            else:
                break
        keep.sort(key=lambda t: t.i)
        first = next((i for i, t in enumerate(keep) if t.dep_ != "cc"), 0)
        return keep[first:]

    def pronoun(self, token: Token) -> int | None:
        low = token.lower_
        labels = (
            {"PERSON"}
            if low in _PRONOUNS_PERSON
            else ({"ORG", GROUP, "NORP", "GPE"} if low in _PRONOUNS_GROUP else set())
        )
        if not labels:
            return None
        if low in _PRONOUNS_GROUP and self.last_actor is not None:
            sent_start, number = self.last_actor
            entity = self.entities[number]
            plural = entity.label == GROUP and entity.name.lower().endswith("s")
            singular = low in ("it", "its")
            if (
                token.sent.start_char - sent_start < 600
                and entity.label in labels
                and not (singular and plural)  # "it" is not "Villagers"
            ):
                return number
        best, best_end = None, -1
        for (_start, end), number in self.index.items():
            if end <= token.idx and end > best_end and self.entities[number].label in labels:
                best, best_end = number, end
        return best

    # -- counts -------------------------------------------------------------------------------

    def counted(self, token: Token) -> Token | None:
        """For "hundreds of fighters" / "41 of the miners", the noun counted; else the token."""
        if token.lower_ in _VAGUE or token.pos_ == "NUM":
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
        return token

    def count(self, token: Token | None, role: str) -> ResolvedCount | None:
        """The count in a phrase: "41 people", "hundreds of its fighters", "five helicopters"."""
        if token is None:
            return None
        head = token
        counted = self.counted(token)
        number: Token | None = None
        if counted is not None and counted.i != token.i:
            number, head = token, counted
        else:
            for child in token.children:
                if child.dep_ == "nummod" or (
                    child.dep_ in ("amod", "det") and child.lower_ in _VAGUE
                ):
                    number = child
                    break
        if number is None:
            return None
        start = min([number.i] + [t.i for t in number.subtree if t.i < number.i])
        text = self.doc[start : head.i + 1].text if start <= head.i else number.text
        digits = [t.text for t in self.doc[start : number.i + 1] if t.like_num]
        value = number_value(number.text) if not digits else number_value(digits[-1])
        if number.lower_ in _VAGUE:
            value = None
        return ResolvedCount(value=value, text=text, of=head.text, role=role)

    # -- place and date -----------------------------------------------------------------------

    def place_of(self, anchors: list[Token], sent: Span, exclude: set[int]) -> int | None:
        for anchor in anchors:
            for prep in anchor.children:
                if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
                    for obj in prep.children:
                        found = self._place_in(obj, exclude)
                        if found is not None:
                            return found
            for child in anchor.children:
                if child.dep_ in ("compound", "nmod", "poss"):
                    found = self._place_token(child, exclude)
                    if found is not None:
                        return found
        best, distance = None, 10**9
        trigger = anchors[0]
        for token in sent:
            number = self._place_token(token, exclude)
            if number is not None and abs(token.i - trigger.i) < distance:
                best, distance = number, abs(token.i - trigger.i)
        return best

    def _place_token(self, token: Token, exclude: set[int]) -> int | None:
        number = self.token_entity.get(token.i)
        if number is None or number in exclude:
            return None
        entity = self.entities[number]
        return number if entity.label in PLACE_LABELS and not org_like(entity) else None

    def _place_in(self, obj: Token, exclude: set[int]) -> int | None:
        found = self._place_token(obj, exclude)
        if found is not None:
            return found
        for token in obj.subtree:  # "in the village of Darra", "in Khorog and Rushan"
            found = self._place_token(token, exclude)
            if found is not None:
                return found
        return None

    def date_of(self, anchors: list[Token], sent: Span) -> str | None:
        """The value of the time expression governed by the trigger's clause, else of the only
        time expression in its sentence that no other verb governs; else None."""
        timexes = [
            t
            for t in (self.doc._.tidings_timexes or [])
            if sent.start_char <= t.start < sent.end_char
            and t.type in ("DATE", "TIME")
            and t.value
            and t.value not in _SKIP_VALUES
        ]
        if not timexes:
            return None
        anchor_ids = {a.i for a in anchors}
        free = []
        for timex in timexes:
            span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None or _in_dateline(span):
                continue  # "PORT SALEN, May 12 (Wire) -": when the story was filed
            token = span.root
            owner = None
            for _ in range(8):
                if token.i in anchor_ids:
                    return timex.value
                if token.pos_ in ("VERB", "AUX") and token.i not in {t.i for t in span}:
                    owner = token
                    break
                if token.head.i == token.i:
                    break
                token = token.head
            if owner is None:
                free.append(timex.value)
        return free[0] if len(free) == 1 else None


def _in_dateline(span: Span) -> bool:
    """Whether the expression follows a dateline's all-caps place ("PORT SALEN, May 12")."""
    doc = span.doc
    return any(dateline(t) for t in doc[max(0, span.start - 4) : span.start])
