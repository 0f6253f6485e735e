"""Places resolved to coordinates with the offline gazetteer (``tidings.geo``).

Every GPE, LOC, FAC and NORP entity is resolved in the article's context (``tidings.geo.resolve``):
its ``geo`` is set, or left None when no gazetteer entry fits (a street, a building, a demonym
of no country). NORP entities resolve to the country they name ("Afghan" -> Afghanistan).
A well-known place or country demonym an ORG name embeds ("New York" in "New York Police
Department", "Canadian" in "Canadian government", "Malta" in "Central Bank of Malta") becomes a
place mention nested inside the ORG mention (``add_embedded``); an ORG named exactly like one of
our landmarks ("Barclays Center") is taken over as FAC. The article's focus -- the country,
first-level region and place it is mostly about -- goes to
``doc._.tidings_focus``; the resolution context goes to ``doc._.tidings_places_context`` so that
later stages can resolve a place name the same way (``resolve_place``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..geo.gazetteer import Gazetteer, Place, default_gazetteer
from ..geo.names import normalise
from ..geo.resolve import Context, Resolver, Toponym
from ..model import Geo
from .extensions import register_extensions
from .place_recovery import PlaceRecovery, well_known
from .resolved import ResolvedEntity

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
# Labels the model often gives a place ("Malta" ORG, "Tamil Nadu" PERSON), which this stage takes
# over when the name is a well-known place and nothing in the text marks a person.
TAKEN_OVER = frozenset({"ORG", "PERSON"})
MAX_EMBEDDED_WORDS = 3  # the longest place name looked for at the start of an ORG name
_WORD = re.compile(r"[^\s]+")
_LEAD = re.compile(r"(?:the|The|THE)\s+")
_OF_PLACE = re.compile(r"\s(?:of|for)\s+(?:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})$")
# A word before a mention that makes it a person ("Mr Jordan", "President Georgia ...").
_PERSON_CUE = re.compile(
    r"\b(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof|professor|president|senator|sen|rep|gov|"
    r"governor|judge|gen|general|col|capt|coach|minister|mayor|king|queen|prince|princess|saint|"
    r"st|pope|rev|father|brother|sister|uncle|aunt)\.?\s+$",
    re.IGNORECASE,
)


@spacy.registry.misc("tidings.gazetteer.v1")
def gazetteer_v1() -> Gazetteer:
    """The gazetteer over the installed GeoNames data, built into the user cache once."""
    return default_gazetteer()


@dataclass(frozen=True, slots=True)
class ResolvedFocus:
    """Where an article is mostly about; ``entity`` indexes ``doc._.tidings_entities``."""

    country: str | None
    admin1: str | None
    entity: int | None


@Language.factory(
    "tidings_places",
    requires=["doc._.tidings_entities"],
    assigns=["doc._.tidings_focus", "doc._.tidings_places_context"],
    default_config={"gazetteer": {"@misc": "tidings.gazetteer.v1"}},
)
def make_places(nlp: Language, name: str, gazetteer: Gazetteer) -> PlaceResolver:
    register_extensions()
    return PlaceResolver(gazetteer)


def to_geo(place: Place) -> Geo:
    return Geo(
        lat=round(place.lat, 5),
        lon=round(place.lon, 5),
        geonames_id=place.geonames_id,
        country=place.country,
        feature=place.feature,
        admin1=place.admin1,
    )


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.resolver = Resolver(gazetteer)
        self.recovery = PlaceRecovery(self.resolver)

    def __call__(self, doc: Doc) -> Doc:
        entities: list[ResolvedEntity] = list(doc._.tidings_entities or [])
        text = doc.text  # built from the tokens at each access: read it once
        for entity in entities:
            if entity.label in TAKEN_OVER:
                label = self.place_label(text, entity)
                if label is not None:
                    entity.label = label
        self.add_embedded(doc, entities, text)
        entities = doc._.tidings_entities
        order, toponyms, owners = _toponyms(entities)
        _, context = self.resolver.resolve(text, [toponyms[i] for i in order])
        if self.recover(doc, text, entities, context):
            order, toponyms, owners = _toponyms(entities)
        picks, context = self.resolver.resolve(text, [toponyms[i] for i in order])
        chosen: dict[int, list[tuple[str, Place]]] = {}
        for i, place in zip(order, picks, strict=True):
            if place is not None:
                t = toponyms[i]
                chosen.setdefault(owners[i], []).append((text[t.start : t.end], place))
        for index in [i for i, found in chosen.items()
                      if self.recovery.person_named(text, entities[i], found[0][1])]:  # fmt: skip
            del chosen[index]  # "said Noma": a person's name the model tagged GPE
        for index, found in chosen.items():
            entity = entities[index]
            named = [p for text, p in found if text == entity.name]
            top = Counter(p.id for _, p in found).most_common(1)[0][0]
            best = named[0] if named else next(p for _, p in found if p.id == top)
            entity.geo = to_geo(best)
        doc._.tidings_places_context = context
        doc._.tidings_focus = focus(entities, chosen, context)
        return doc

    def recover(
        self, doc: Doc, text: str, entities: list[ResolvedEntity], context: Context
    ) -> bool:
        """Take back the place mentions the model missed or mislabelled
        (``place_recovery``); True when anything changed."""
        changed = False
        for index, label in list(self.recovery.entities(text, entities, context, _PERSON_CUE)):
            entities[index].label = label
            changed = True
        by_name = {(e.label, e.name): i for i, e in enumerate(entities) if e.label in PLACE_LABELS}
        for number in range(len(entities)):
            entity = entities[number]
            if entity.label not in ("GPE", "NORP", "LOC"):
                continue
            for start, end in list(entity.mentions):
                surface = text[start:end]
                if "-" not in surface:
                    continue
                whole, _, embeds = self.resolver._candidates(surface, entity.label)
                if whole and not embeds:
                    continue
                for label, s, e in self.recovery.split(text, start, end):
                    self._attach(doc, text, entities, by_name, label, (s, e))
                    changed = True
        for label, span in list(self.recovery.embedded(text, entities, context)):
            self._attach(doc, text, entities, by_name, label, span)
            changed = True
        taken = sorted(span for e in entities for span in e.mentions)
        places = {end for e in entities if e.label in PLACE_LABELS for _, end in e.mentions}
        for found in self.recovery.untagged(text, taken, places, context):
            for span in found.spans:
                self._attach(doc, text, entities, by_name, found.label, span)
            changed = True
        return changed

    def _attach(
        self,
        doc: Doc,
        text: str,
        entities: list[ResolvedEntity],
        by_name: dict[tuple[str, str], int],
        label: str,
        span: tuple[int, int],
    ) -> None:
        """Record ``span`` as a mention of the article's place entity of that name and label,
        or of a new one appended to ``entities`` (so that no other entity's index changes)."""
        name = text[span[0] : span[1]]
        owner = by_name.get((label, name))
        if owner is None:
            owner = by_name[(label, name)] = len(entities)
            entities.append(ResolvedEntity(label, name))
        if span not in entities[owner].mentions:
            entities[owner].mentions.append(span)
            entities[owner].mentions.sort()
        index: dict[tuple[int, int], int] | None = doc._.tidings_entity_index
        if index is not None:
            index.setdefault(span, owner)

    def _landmark(self, form: str) -> bool:
        """``form`` is exactly the name of one of our landmarks ("Barclays Center")."""
        key = normalise(form)
        return bool(key) and bool(self.resolver.gazetteer.landmark(key))

    def add_embedded(
        self, doc: Doc, entities: list[ResolvedEntity], text: str | None = None
    ) -> None:
        """Record the place an ORG name starts with ("New York" in "New York Police Department",
        "Canadian" in "Canadian government") as a mention of a place entity nested inside the
        ORG mention: of the article's entity of that name and label when there is one, else of
        a new entity appended to ``entities`` (so that no other entity's index changes)."""
        text = doc.text if text is None else text
        by_name = {(e.label, e.name): i for i, e in enumerate(entities) if e.label in PLACE_LABELS}
        for number in range(len(entities)):
            entity = entities[number]
            if entity.label != "ORG" or entity.titles:
                continue
            for start, end in entity.mentions:
                found = self.embedded(text[start:end])
                if found is None:
                    continue
                label, offset, length = found
                span = (start + offset, start + offset + length)
                self._attach(doc, text, entities, by_name, label, span)
        doc._.tidings_entities = entities

    def embedded(self, text: str) -> tuple[str, int, int] | None:
        """(label, offset, length) of the well-known place or country demonym an ORG name
        starts with ("New York Police Department", "the Canadian government") or ends with
        after "of" ("the Central Bank of Malta"), when the name says more than the place;
        else None."""
        lead = _LEAD.match(text)
        offset = lead.end() if lead else 0
        body = text[offset:]
        words = list(_WORD.finditer(body))
        for n in range(min(len(words) - 1, MAX_EMBEDDED_WORDS), 0, -1):
            end = words[n - 1].end()
            if not all(w.group()[:1].isupper() for w in words[:n]):
                continue
            phrase = body[:end]
            if n == 1 and self.resolver._is_demonym(phrase):
                places, _ = self.resolver.candidates(phrase, "NORP")
                if places and places[0].kind == "country":
                    return "NORP", offset, end
                continue
            # Only the phrase's own name counts: the resolver's fallback reads "Kenya Union"
            # as the Kenya it embeds, which would nest "Kenya Union" as a place.
            found, _, embeds = self.resolver._candidates(phrase, "GPE")
            if found and not embeds and well_known(found[0]) and found[0].kind != "landmark":
                return "GPE", offset, end
        tail = _OF_PLACE.search(body)
        if tail:
            found, _ = self.resolver.candidates(tail.group(1), "GPE")
            if found and found[0].kind in ("country", "admin1") and well_known(found[0]):
                return "GPE", offset + tail.start(1), len(tail.group(1))
        return None

    def place_label(self, text: str, entity: ResolvedEntity) -> str | None:
        """GPE or LOC when an ORG or PERSON entity is a well-known place -- every form the
        article uses names a country, continent, first-level region, curated physical feature
        or city of 100,000 people, by its own name or a curated alias -- and no title or
        honorific marks it a person; else None."""
        if entity.titles:
            return None
        if any(_PERSON_CUE.search(text, max(0, s - 20), s) for s, _ in entity.mentions):
            return None
        forms = {entity.name, *entity.aliases}
        if entity.label == "ORG" and all(self._landmark(form) for form in forms):
            return "FAC"
        label: str | None = None
        for form in forms:
            if not form[:1].isupper() or (entity.label == "PERSON" and form.endswith("s")):
                return None
            found, _, embeds = self.resolver._candidates(form)
            if embeds:  # "Kabul Ledger" embeds Kabul but is no place: an outlet keeps ORG
                return None
            known = [p for p in found if well_known(p)]
            if not known:
                return None
            if label is None:
                label = "GPE" if known[0].kind in ("country", "admin1", "city") else "LOC"
        return label


def _toponyms(
    entities: list[ResolvedEntity],
) -> tuple[list[int], list[Toponym], list[int]]:
    """The place mentions of ``entities``: their order in the text, the toponyms, and the index
    of the entity each belongs to."""
    owners: list[int] = []
    toponyms: list[Toponym] = []
    for index, entity in enumerate(entities):
        if entity.label in PLACE_LABELS:
            for start, end in entity.mentions:
                owners.append(index)
                toponyms.append(Toponym(start, end, entity.label))
    order = sorted(range(len(toponyms)), key=lambda i: toponyms[i].start)
    return order, toponyms, owners


def focus(
    entities: list[ResolvedEntity], chosen: dict[int, list[tuple[str, Place]]], context: Context
) -> ResolvedFocus | None:
    """The country and region most of the article's places lie in, and its most-mentioned
    place there (the finest such place on a tie)."""
    country = context.country
    if country is None:
        return None
    admin1_code = context.admin1
    admin1: str | None = None
    best: tuple[int, int, int] | None = None
    fineness = {"city": 3, "feature": 3, "admin2": 2, "admin1": 1, "country": 0}
    for index, found in chosen.items():
        place = found[0][1]
        if place.country != country or entities[index].label == "NORP":
            continue
        if admin1_code and place.admin1_code == admin1_code and place.admin1:
            admin1 = place.admin1
        inside = admin1_code is None or place.admin1_code == admin1_code or place.kind == "country"
        if inside:
            rank = (len(entities[index].mentions), fineness.get(place.kind, 0), -index)
            if best is None or rank > best:
                best = rank
    return ResolvedFocus(country, admin1, -best[2] if best else None)


def resolve_place(doc: Doc, name: str) -> Geo | None:
    """``name`` resolved in the context of ``doc`` (after ``tidings_places`` has run)."""
    from .pipeline import load_pipeline

    component = load_pipeline().get_pipe("tidings_places")
    assert isinstance(component, PlaceResolver)
    place = component.resolver.resolve_name(name, doc._.tidings_places_context)
    return to_geo(place) if place else None
