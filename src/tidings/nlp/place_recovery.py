"""Place mentions the NER model missed or mislabelled, recovered with the gazetteer in context.

The small model tags many a town PERSON or ORG ("in Klamath Falls", "at Coggeshall") and
leaves others untagged ("captured in Chattanooga"). Once the article's confident places have
been resolved (``tidings.geo.resolve``), this module takes such names back as places, but only
when the gazetteer and the article agree:

- the name's own gazetteer entry (not an alternate spelling, not a name it embeds) resolves, in
  the article's context, to a well-known place (a country, first-level region, curated feature
  or city of 100,000), or to a place in the article's main country that lies in a region
  other places of the article vote for or near one of them;
- for a PERSON entity, nothing marks a person (a title, an honorific before it, a possessive
  plural), the name is no part of another person's name, and a given name first ("Beverly
  Hills") needs a locative word before one of its mentions ("in", "at", "from", ...);
- an untagged capitalised name needs such a locative word before it; an upper-case line opening
  ("OKLAHOMA CITY -", "NEW DELHI:") is a dateline.

- an untagged name also counts after a place and a comma or "and" ("in Zilina, Nitra and
  Presov"), and a country's own name counts anywhere;
- a NORP entity that is no demonym but a place ("Tunis") becomes GPE.

Inside ORG names: the place an organisation's name starts with, when the context supports it
and the next word is an organisation's ("Allendale Woman's Club", "Beverly Hills Police
Department") or the town is large, a country's own name anywhere ("HSBC Bank Malta"), and the
place it is based in ("The Britain-based Syrian Observatory"). The same start-of-name place
counts in a PERSON-tagged club ("Burton Albion") and in a place-tagged name that names no
place as a whole ("the Columbia County Detention Center"), when an organisation's word
follows it; a short form of an organisation's name that stands as a place ("Fargo Mayor ..."
for "Fargo Police") becomes a place mention.
A hyphenated place mention of two names ("Syrian-Turkish", "Amsterdam-London") is split, and a
demonym after a prefix ("anti-Russian") keeps its country: each part becomes its own mention,
nested inside the original one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..geo.candidates import DIRECTIONS
from ..geo.context import COMMA_AFTER, Context, contains, distance_km
from ..geo.cues import BASED, LOCATIVE, ORG_AFTER_PLACE, PLACE_AFTER, WORDS_NOT_PLACES
from ..geo.gazetteer import QUALITY_ALIAS, QUALITY_NAME, Place
from ..geo.resolve import NEAR_KM, Resolver
from .person_words import first_names
from .resolved import ResolvedEntity

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]+"
# A capitalised name of one to three words (not after a sentence-internal capitalised word).
_CAPITALISED = re.compile(rf"(?<![\w'’.-])({_CAP}(?:\s+{_CAP}){{0,2}})(?![\w'’-])")
# An upper-case dateline at the start of a line: "OKLAHOMA CITY -", "NEW DELHI:", "KABUL (AP)".
_UPPER = r"[A-Z][A-Z.'’-]{2,}(?:[ \t]+[A-Z][A-Z.'’-]+){0,2}"
_DATELINE = re.compile(
    rf"(?m)^[ \t]*({_UPPER})(?=\s*(?:[-–—:,]|\([A-Z]{{2,8}}\)|$))"  # at a line's start
    rf"|\A\s*({_UPPER})(?=\s)"  # the article's first words: "OKLAHOMA CITY The Latest"
    rf"|(?<![\w'’-])({_UPPER})(?=\s+[-–—]{{1,2}}\s|\s*\([A-Z]{{2,8}}\)|,\s+[A-Z][a-z]+\.?\s*\()"
)  # the last: "... Event. IMMOKALEE - Congressman", "MOUNT GILEAD (AP)", "COLUMBUS, Ohio (AP)"
# A US legislator's party and home: "Rep. Jane Roe, D-Braxton".
_DISTRICT = re.compile(r"(?<=\b[DRI]-)([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?![\w-])")
_WORD_END = re.compile(r"\S+")
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|asked|explained)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|added|asked)\s+$")
# The place an organisation's name ends with after "in" or "of" ("Products of Wallingford").
_IN_PLACE = re.compile(r"\s(?:in|of)\s+([A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?)$")
MAX_TITLE_WORDS = 3
MIN_CITY_POPULATION = 100_000  # a city name the places stage takes over from ORG or PERSON
MIN_DATELINE_TOWN = 1000
_POSSESSIVE = re.compile(r"['’]s\b")
# What joins a name to the place before it: "Zilina, Nitra", "Coggeshall and Marks Tey".
_JOINED = re.compile(r"(?:,|\s+and|\s+or|,\s+and)\s+$")
_CAP_WORD = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*")
_SPACED = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*")
_LEAD = re.compile(r"(?:the|The|THE)\s+")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
# Entities whose mentions may have a place inside them (``PlaceRecovery.embedded``).
HOSTS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC"})
ORG_PLACE_POPULATION = 10_000  # a town this large may start any organisation's name
_PREFIXES = ("anti", "pro", "ex", "non", "pan", "post", "pre", "neo", "mid")
_PERSON_AFTER = re.compile(r"\s*(?:[A-Z]\.|said|says|told|added|who)\b")


@dataclass(slots=True)
class Recovered:
    """A name taken back as a place: its label and the spans that mention it."""

    label: str
    name: str
    spans: list[tuple[int, int]]


class PlaceRecovery:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.given = first_names()

    # -- what counts as a place ---------------------------------------------------------

    def supported(self, name: str, ctx: Context, after: str = "") -> Place | None:
        """The place ``name`` stands for when its own gazetteer entry fits the article;
        ``after`` is the text that follows a mention (", Oregon" names its container)."""
        found, _, embeds = self.resolver._candidates(name, "GPE")
        if embeds or not found:
            return None
        own = [p for p in found if p.quality <= QUALITY_ALIAS and p.kind != "landmark"]
        if not own:
            return None
        comma = COMMA_AFTER.match(after)
        containers = self.resolver._containers(comma.group(1)) if comma else []
        inside = [p for p in own if any(contains(c, p) for c in containers)]
        if inside:
            return max(inside, key=lambda p: p.population)
        place = self.resolver.resolve_name(name, ctx)
        if place is None or place.quality > QUALITY_ALIAS or place.kind == "landmark":
            return None
        if well_known(place):
            return place
        if ctx.country is None or place.country != ctx.country:
            return None
        if place.admin1_code and ctx.admin1s.get(place.admin1_code, 0.0) > 0:
            return place
        near = any(
            distance_km(place.lat, place.lon, lat, lon) < NEAR_KM for _, lat, lon in ctx.points
        )
        return place if near else None

    def _person_like(self, text: str, entity: ResolvedEntity, others: set[str]) -> bool:
        if (" " not in entity.name and entity.name.endswith("s")) or entity.name in others:
            return True
        for _start, end in entity.mentions:
            if _PERSON_AFTER.match(text, end):
                return True
        first = entity.name.split()[0].lower()
        if first in self.given:
            return not any(  # "in Alexandria", "Alexandria police"
                LOCATIVE.search(text, max(0, s - 25), s) or PLACE_AFTER.match(text, e)
                for s, e in entity.mentions
            )
        return False

    # -- the three sources --------------------------------------------------------------

    def entities(
        self, text: str, entities: list[ResolvedEntity], ctx: Context, person_cue: re.Pattern[str]
    ) -> Iterator[tuple[int, str]]:
        """(index, label) of the PERSON and ORG entities that are places in this article."""
        person_words = {
            w for e in entities if e.label == "PERSON" and " " in e.name for w in e.name.split()
        }
        for index, entity in enumerate(entities):
            if entity.label == "NORP" and not self._adjectival(entity.name):
                place = self.supported(entity.name, ctx)  # "Tunis" tagged NORP
                if place is not None and place.kind != "country":
                    yield index, "LOC" if place.kind == "feature" else "GPE"
                continue
            # a long "title" is an apposition ("home to Honolulu"), not a person's title
            titled = any(len(t.split()) <= MAX_TITLE_WORDS for t in entity.titles)
            if entity.label not in ("PERSON", "ORG") or titled or entity.aliases:
                continue
            if not entity.name[:1].isupper() or entity.name.lower() in WORDS_NOT_PLACES:
                continue
            if any(person_cue.search(text, max(0, s - 20), s) for s, _ in entity.mentions):
                continue
            if entity.label == "PERSON" and self._person_like(text, entity, person_words):
                continue
            if entity.label == "ORG" and not any(
                (LOCATIVE.search(text, max(0, s - 25), s) and not _POSSESSIVE.match(text, e))
                or PLACE_AFTER.match(text, e)
                for s, e in entity.mentions
            ):
                continue  # "at Coggeshall", "Fargo police"; not "at McDonald's"
            after = text[entity.mentions[0][1] : entity.mentions[0][1] + 40]
            place = self.supported(entity.name, ctx, after)
            if place is not None:
                yield index, "LOC" if place.kind == "feature" else "GPE"

    def untagged(
        self, text: str, taken: list[tuple[int, int]], places: set[int], ctx: Context
    ) -> list[Recovered]:
        """Capitalised names no entity covers, after a locative word, after a place and a
        comma or "and" ("in Zilina, Nitra and Presov", "New Quay, Ceredigion"), or as a
        dateline; a country's own name anywhere."""
        found: dict[str, Recovered] = {}
        seen: dict[tuple[str, bool], Place | None] = {}

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in taken)

        def take(start: int, end: int, name: str, dateline: bool = False) -> bool:
            if not free(start, end) or name.lower() in WORDS_NOT_PLACES or self._adjectival(name):
                return False
            if (name, dateline) not in seen:
                place = self.supported(name, ctx, text[end : end + 40])
                seen[(name, dateline)] = place or (self._town(name, ctx) if dateline else None)
            place = seen[(name, dateline)]
            if place is None:
                return False
            label = "LOC" if place.kind == "feature" else "GPE"
            found.setdefault(name, Recovered(label, name, [])).spans.append((start, end))
            return True

        for m in _DATELINE.finditer(text):
            group = next(g for g in (1, 2, 3) if m.group(g))
            name = m.group(group)  # an acronym ("NATO:", "OPEC -") is no dateline
            take(m.start(group), m.end(group), name.title(), " " in name or len(name) > 4)
        for m in _DISTRICT.finditer(text):  # "Rep. Jane Roe, D-Braxton": her home county
            take(m.start(1), m.end(1), m.group(1))
        ends = set(places)
        for m in _CAPITALISED.finditer(text):
            start = m.start(1)
            words = list(_WORD_END.finditer(m.group(1)))
            joined = _JOINED.search(text, max(0, start - 8), start)
            cued = (joined is not None and joined.start() in ends) or (
                LOCATIVE.search(text, max(0, start - 25), start) is not None
            )
            for n in range(len(words), 0, -1):  # "Kazakhstan Arystan Kakikenov": "Kazakhstan"
                end = start + words[n - 1].end()
                name = text[start:end]
                if (cued or self._country(name)) and take(start, end, name):
                    ends.add(end)
                    break
        for name, rec in found.items():  # its other bare mentions (one sense per discourse)
            pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])")
            for m in pattern.finditer(text):
                span = (m.start(), m.end())
                if span not in rec.spans and free(*span):
                    rec.spans.append(span)
            rec.spans.sort()
        return list(found.values())

    def embedded(
        self, text: str, entities: list[ResolvedEntity], ctx: Context
    ) -> Iterator[tuple[str, tuple[int, int]]]:
        """(label, span) of places an ORG mention names that no place mention covers yet: the
        place it starts with when the article's context supports it ("Allendale Woman's
        Club", "Beverly Hills Police Department"), and a country's own name anywhere in it
        ("HSBC Bank Malta", "the Embassy of Ukraine in Nigeria")."""
        nested = [span for e in entities if e.label in PLACE_LABELS for span in e.mentions]
        for entity in entities:
            if entity.label not in HOSTS:
                continue
            for start, end in entity.mentions:
                if not self._host(text, entity, start, end):
                    continue
                inside = [
                    (s, e) for s, e in nested if start <= s and e <= end and (s, e) != (start, end)
                ]
                for m in BASED.finditer(text, start, end):  # "The Britain-based Syrian Observatory"
                    if not any(s < m.end(1) and m.start(1) < e for s, e in inside) and (
                        self.supported(m.group(1), ctx) is not None
                    ):
                        inside.append(m.span(1))
                        yield "GPE", m.span(1)
                if self._cued_alias(text, entity, start, end, ctx):  # "Fargo" of "Fargo Police"
                    inside.append((start, end))
                    yield "GPE", (start, end)
                    continue
                span = None if inside else self._leading_place(text, entity, start, end, ctx)
                if span is not None:
                    inside.append(span)
                    yield "GPE", span
                if entity.label != "ORG":
                    continue  # a person's or a place's name: no country inside it
                tail = _IN_PLACE.search(text, start, end)  # "Lutheran School in Lombard"
                if (
                    tail is not None
                    and not any(s < tail.end(1) and tail.start(1) < e for s, e in inside)
                    and self.supported(tail.group(1), ctx) is not None
                ):
                    inside.append(tail.span(1))
                    yield "GPE", tail.span(1)
                for m in _CAP_WORD.finditer(text, start, end):
                    span = (m.start(), m.end())
                    if any(s < span[1] and span[0] < e for s, e in inside):
                        continue
                    if m.end() < end and text[m.end()] == "-":
                        continue
                    if self._country(m.group()):
                        inside.append(span)
                        yield "GPE", span

    def _leading_place(
        self, text: str, entity: ResolvedEntity, start: int, end: int, ctx: Context
    ) -> tuple[int, int] | None:
        """The span of the place a mention starts with, when the context supports it and the
        next word is an organisation's ("Allendale Woman's Club") or, in an organisation's name,
        the place is large ("Boston Dynamics"); a park or a street may be named after a faraway
        city ("Centennial Park")."""
        lead = _LEAD.match(text, start, end)
        first = lead.end() if lead else start
        words = list(_CAP_WORD.finditer(text, first, end))
        if not words or words[0].start() != first or len(words) < 2:
            return None
        for n in range(min(3, len(words) - 1), 0, -1):
            span = (first, words[n - 1].end())
            phrase = text[span[0] : span[1]]
            if not _SPACED.fullmatch(phrase) or self._adjectival(phrase):
                continue
            if phrase.split()[0].lower().rstrip(".") in ("st", "saint", "san", "santa"):
                continue  # "St. Francis School" is named after the saint
            place = self.supported(phrase, ctx)
            after = _POSSESSIVE.sub("", words[n].group().lower())
            large = place is not None and place.population >= ORG_PLACE_POPULATION
            if place is not None and (
                after in ORG_AFTER_PLACE or (large and entity.label == "ORG")
            ):
                return span
        return None

    def _host(self, text: str, entity: ResolvedEntity, start: int, end: int) -> bool:
        """A mention that may start with or name a place inside it: an organisation's, a
        person-tagged one ("Burton Albion": its place needs an organisation word after it),
        or a place-tagged one whose whole names no place ("the Douglas County Sheriff's
        Office Detention Center", "Otter Tail County Road" tagged GPE)."""
        if entity.label in ("ORG", "PERSON"):
            return True
        found, _, embeds = self.resolver._candidates(text[start:end], entity.label)
        return not found and not embeds

    def _cued_alias(
        self, text: str, entity: ResolvedEntity, start: int, end: int, ctx: Context
    ) -> bool:
        """A shorter form of an organisation's name that, where it stands, is the place the
        organisation is named after: "Fargo" of "Fargo Police" in "Fargo Mayor Dennis Walaker"
        or "in Fargo" (entity linking joined the town to the police)."""
        surface = text[start:end]
        if entity.label != "ORG" or surface == entity.name or surface not in entity.aliases:
            return False
        cued = PLACE_AFTER.match(text, end) or (
            LOCATIVE.search(text, max(0, start - 25), start) and not _POSSESSIVE.match(text, end)
        )
        return bool(cued) and self.supported(surface, ctx) is not None

    def person_named(self, text: str, entity: ResolvedEntity, place: Place) -> bool:
        """A one-word GPE entity that is rather a person: it resolves only to a small town,
        no "X, Y" places it, and it is a given name or stands by a speech verb ("said Noma",
        "Olivia said")."""
        if entity.label != "GPE" or " " in entity.name or well_known(place):
            return False
        if any(COMMA_AFTER.match(text, e) for _, e in entity.mentions):
            return False
        if entity.name.lower() in self.given:
            return True
        return any(
            _SPEECH_AFTER.match(text, e) or _SPEECH_BEFORE.search(text, max(0, s - 12), s)
            for s, e in entity.mentions
        )

    def _town(self, name: str, ctx: Context) -> Place | None:
        """A dateline's place: the name's own town or region of 1,000 people or more."""
        place = self.resolver.resolve_name(name, ctx)
        if place is None or place.quality != QUALITY_NAME or place.kind == "landmark":
            return None
        return place if place.population >= MIN_DATELINE_TOWN or place.kind != "city" else None

    def _adjectival(self, name: str) -> bool:
        """A demonym or a direction word ("Western") rather than a place's name."""
        return self.resolver._is_demonym(name) or name.split()[0].lower() in DIRECTIONS

    def _country(self, name: str) -> bool:
        """``name`` is a country's own name ("Kazakhstan")."""
        found = self.resolver.gazetteer.lookup(name)
        return any(p.kind == "country" and p.quality == QUALITY_NAME for p in found)

    def split(self, text: str, start: int, end: int) -> list[tuple[str, int, int]]:
        """(label, start, end) of the names a hyphenated mention joins ("Syrian-Turkish")."""
        surface = text[start:end]
        if "-" not in surface or " " in surface:
            return []
        parts: list[tuple[str, int, int]] = []
        offset = 0
        pieces = surface.split("-")
        for i, piece in enumerate(pieces):
            s = start + offset
            offset += len(piece) + 1
            if i == 0 and piece.lower() in _PREFIXES and len(pieces) == 2:
                continue
            if not piece[:1].isupper():
                return []
            if self.resolver._is_demonym(piece):
                places, _ = self.resolver.candidates(piece, "NORP")
                if places and places[0].kind == "country":
                    parts.append(("NORP", s, s + len(piece)))
                    continue
                return []
            found, _, embeds = self.resolver._candidates(piece, "GPE")
            if not embeds and any(well_known(p) and p.kind != "landmark" for p in found):
                parts.append(("GPE", s, s + len(piece)))
            else:
                return []
        return parts


def well_known(place: Place) -> bool:
    """A place a name may be taken to mean without more context."""
    if place.quality > QUALITY_ALIAS:
        return False
    if place.kind in ("country", "continent"):
        return True
    if place.kind in ("admin1", "feature"):
        return place.kind == "feature" or place.quality == QUALITY_NAME
    return (
        place.kind == "city"
        and place.quality == QUALITY_NAME
        and (place.population >= MIN_CITY_POPULATION or place.feature == "P.PPLC")
    )
