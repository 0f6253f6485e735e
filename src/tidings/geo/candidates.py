"""Candidate generation: the places a toponym's wording may name, before any context.

A name's candidates come from the gazetteer (its own name, our aliases and GeoNames alternate
names), our landmarks (exact matches only), demonyms ("Syrian" -> Syria), a kind word around it
("Badakhshan province", "the city of Paris"), and, when nothing matches the whole, the region or
place it embeds ("West Wales", "Tipperary County Council"). An institution's candidates are
those of the place its name starts with ("Colchester Hospital"); other street and building
names stay without candidates. ``_containers`` reads what follows "X, " as a region or country.
"""

from __future__ import annotations

from .aliases import Alias, load_aliases, load_demonyms
from .cues import acronym, acronym_places
from .gazetteer import QUALITY_ABBREVIATION, QUALITY_ALIAS, Gazetteer, Place
from .names import normalise

# Labels under which a name may be one of our landmarks (None: a toponym of unknown label).
LANDMARK_LABELS = frozenset({None, "FAC", "ORG", "LOC", "GPE"})
_NO_LANDMARK = "-"  # a label for looking up a name's other candidates
BROAD_KINDS = ("country", "continent", "admin1", "feature")  # what a demonym may name

# A trailing or leading word that says what kind of place a name is.
SUFFIX_KINDS: dict[str, tuple[str, ...]] = {
    "province": ("admin1", "admin2"), "state": ("admin1",), "governorate": ("admin1",),
    "region": ("admin1", "feature"), "oblast": ("admin1",), "prefecture": ("admin1",),
    "county": ("admin2",), "parish": ("admin2",), "district": ("admin2", "admin1"),
    "city": ("city",), "town": ("city",), "village": ("city",), "township": ("city",),
    "valley": ("feature", "admin1", "admin2", "city"), "river": ("feature",),
    "mountains": ("feature",), "island": ("feature", "city"), "islands": ("feature", "admin1"),
}  # fmt: skip
PREFIX_KINDS: dict[str, tuple[str, ...]] = {
    "city of": ("city",), "town of": ("city",), "state of": ("admin1",),
    "province of": ("admin1",), "county of": ("admin2",), "county": ("admin2",),
    "co": ("admin2",), "lake": ("feature",),
    "mount": ("feature",),
}  # fmt: skip
# A last word that makes the name a street or a building, which the gazetteer does not hold.
_BUILT_WORDS = (
    "street st road rd avenue ave boulevard blvd lane ln highway hwy drive dr way bridge "
    "building tower hall hospital clinic school university college academy church mosque temple "
    "cathedral airport airfield station stadium arena hotel mall market prison jail park square "
    "plaza center centre base court courthouse library museum office embassy consulate palace "
    "house home headquarters hq factory plant mine port terminal campus club theatre theater "
    "zoo garden gardens cemetery complex"
)
BUILT = frozenset(_BUILT_WORDS.split())
# Last words of an institution that lies in the place its name starts with ("Colchester
# Hospital", "Delhi High Court", "Kabul Airport"); a street or a house may be named after a
# faraway place ("London Road", "Texas House"), so those stay unresolved.
_INSTITUTION_WORDS = (
    "hospital clinic university college school academy court courthouse airport airfield "
    "station stadium arena prison jail hall library museum cathedral"
)
INSTITUTIONS = frozenset(_INSTITUTION_WORDS.split())
MIN_INSTITUTION_TOWN = 1000  # a village smaller than this is rarely what an institution names
# An office that serves the place its name starts with ("Walker County Sheriff's Office"), unlike
# an office at large, which may be a firm's anywhere ("London Office").
OFFICE_HOLDERS = frozenset({"sheriffs", "sheriff", "coroners", "clerks", "assessors", "attorneys"})
# A first word that names part of a place ("West Wales", "Northern Europe").
_DIRECTION_WORDS = (
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern upstate downstate "
    "greater metro metropolitan downtown inner outer rural coastal mid upper lower"
)
DIRECTIONS = frozenset(_DIRECTION_WORDS.split())
# Words that, alone, are the generic part of a name rather than a place: what a name embeds is
# never one of these ("Republic" County, "Island" County, "Lake" County).
_GENERIC_WORDS = (
    "republic federation kingdom union democratic united national federal islamic people "
    "peoples state states bay lake sea gulf coast island islands point cape mount new saint "
    "port fort sector area zone territory territories region district county province city "
    "hill hills bend river valley lagoon beach creek falls springs heights park lakes ocean"
)
GENERIC = frozenset(_GENERIC_WORDS.split()) | BUILT | DIRECTIONS


class Candidates:
    """The candidate places of a name; ``Resolver`` ranks them in context."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.aliases = load_aliases()
        self.demonyms = load_demonyms()

    def _alias_places(self, alias: Alias, key: str) -> list[Place]:
        if alias.lat is not None and alias.lon is not None:
            return [
                Place(-1 - (hash(key) & 0xFFFF), None, alias.target, "feature", alias.feature,
                      alias.country, None, None, alias.lat, alias.lon, 0, 1)
            ]  # fmt: skip
        target = self.aliases.get(normalise(alias.target))
        if target is not None and target is not alias and target.lat is not None:
            return self._alias_places(target, normalise(alias.target))  # a place we define
        kinds = (alias.kind,) if alias.kind and alias.kind != "demonym" else BROAD_KINDS
        found = [
            p
            for p in self.gazetteer.lookup(alias.target)
            if (alias.country is None or p.country == alias.country)
            and (alias.kind is None or p.kind in kinds)
        ]
        found.sort(key=lambda p: BROAD_KINDS.index(p.kind) if p.kind in BROAD_KINDS else 9)
        kind = "country" if alias.kind == "demonym" and alias.country else alias.kind
        if not found and kind == "country" and alias.country:
            country = self.gazetteer.country(alias.country)
            found = [country] if country else []
        if alias.country is not None and alias.kind is not None:  # a redirect names one place
            found = sorted(found, key=lambda p: (p.quality, -p.population))[:1]
        return found

    def _is_demonym(self, text: str) -> bool:
        word = text.strip()
        for form in (word, word[:-1] if word.endswith("s") else ""):
            alias = self.aliases.get(normalise(form)) if form else None
            if form in self.demonyms or (alias is not None and alias.kind == "demonym"):
                return True
        return False

    def _demonym(self, text: str) -> list[Place]:
        words = text.strip()
        for form in (words, words[:-1] if words.endswith("s") else None):
            if not form:
                continue
            alias = self.aliases.get(normalise(form))
            if alias is not None and alias.kind == "demonym":
                return self._alias_places(alias, normalise(form))
            place = self.demonyms.get(form)
            if place is not None:
                defined = self.aliases.get(normalise(place))
                if defined is not None and defined.lat is not None:
                    return self._alias_places(defined, normalise(place))
                found = [p for p in self.gazetteer.lookup(place) if p.kind in BROAD_KINDS]
                found.sort(key=lambda p: BROAD_KINDS.index(p.kind))
                return found[:1]
        return []

    def candidates(
        self, text: str, label: str | None = None
    ) -> tuple[list[Place], tuple[str, ...]]:
        """Places ``text`` may name, and the kinds its wording prefers."""
        found, preferred, _ = self._candidates(text, label)
        return found, preferred

    def _candidates(
        self, text: str, label: str | None = None
    ) -> tuple[list[Place], tuple[str, ...], bool]:
        """``candidates``, and whether they are those of a name ``text`` embeds."""
        if label == "NORP" or (text[:1].isupper() and self._is_demonym(text)):
            return self._demonym(text), ("country",), False
        key = normalise(text)
        if not key:
            return [], (), False
        landmarks = self.gazetteer.landmark(key) if label in LANDMARK_LABELS else []
        if landmarks:  # an exact match only; the town of the same name stays a candidate
            others = self._candidates(text, _NO_LANDMARK)
            return [*landmarks, *others[0]], others[1], False
        alias = self.aliases.get(key)
        if alias is not None and alias.kind != "demonym":
            found = self._alias_places(alias, key)
            if found:
                return found, (), False
        words = key.split()
        found = self.gazetteer.lookup_key(key)
        if acronym(text):  # "MoD", "DBS": not Modesto, nor a village called Bov
            found = acronym_places(found)
        if words[-1] in BUILT and not any(p.kind == "feature" for p in found):
            office = words[-1] == "office" and len(words) > 2 and words[-2] in OFFICE_HOLDERS
            if words[-1] in INSTITUTIONS or office:  # "Colchester General Hospital": in Colchester
                return self._institution(text), (), True
            return [], (), False
        preferred: tuple[str, ...] = ()
        if len(words) > 1 and words[-1] in SUFFIX_KINDS:
            preferred = SUFFIX_KINDS[words[-1]]
            if not found:
                found = self.gazetteer.lookup_key(" ".join(words[:-1]))
        for prefix, kinds in PREFIX_KINDS.items():
            if key.startswith(prefix + " ") and not found:
                preferred = kinds
                found = self.gazetteer.lookup_key(key[len(prefix) + 1 :])
        if not found and words[-1] == "co" and len(words) > 1:  # "Loudon Co."
            found, preferred = (
                self.gazetteer.lookup_key(" ".join([*words[:-1], "county"])),
                ("admin2",),
            )
        if not found:
            demonym = self._demonym(text)
            if demonym:
                return demonym, ("country",), False
        if not found and len(words) > 1:
            return self._inner(text, words), preferred, True
        return found, preferred, False

    def _inner(self, text: str, words: list[str]) -> list[Place]:
        """For a name nothing matched: the region it qualifies ("West Wales", "South Florida",
        "East of England") or the country, region or continent it embeds ("European
        Commission", "Tipperary County Council"), or the place it starts with ("Nenagh MDC")."""
        if words[0] in DIRECTIONS:
            rest = words[2:] if words[1] == "of" else words[1:]
            if rest:
                found = self.candidates(" ".join(rest))[0]
                if found:
                    return found
        raw = text.split()
        for n in range(len(raw) - 1, 0, -1):
            for i in range(len(raw) - n + 1):
                phrase = " ".join(raw[i : i + n])
                if not phrase[:1].isupper() or (n == 1 and normalise(phrase) in GENERIC):
                    continue  # "Republic" in "Republic of Congo" names no place
                found = [
                    p
                    for p in self.candidates(phrase)[0]
                    if p.kind in ("country", "admin1", "admin2", "continent")
                    or (i == 0 and p.population >= 1000)
                ]
                if found:
                    return found
        return []

    def _institution(self, text: str) -> list[Place]:
        """The town or county an institution's name starts with (up to three capitalised
        words, the longest first), or nothing: a state or a country is too large to place it
        ("Florida Atlantic University")."""
        raw = [w for w in text.split() if w[:1].isupper()]
        for n in range(min(3, len(raw) - 1), 0, -1):
            phrase = " ".join(raw[:n])
            if normalise(phrase) in GENERIC:
                continue
            found = [
                p for p in self.gazetteer.lookup(phrase)
                if p.quality <= QUALITY_ALIAS and p.kind in ("city", "admin2")
                and (p.kind != "city" or p.population >= MIN_INSTITUTION_TOWN)
            ]  # fmt: skip
            if found:
                return found
        return []

    def _containers(self, text: str, *, whole: bool = False) -> list[Place]:
        """Regions or countries that ``text`` (what follows "X, ") or, with ``whole``, all
        of it may name."""
        words = text.split()
        for n in range(len(words), 0 if not whole else len(words) - 1, -1):
            phrase = " ".join(words[:n]).rstrip(",")
            alias = self.aliases.get(normalise(phrase))
            if alias is not None and alias.kind in ("country", "admin1", "admin2", None):
                found = self._alias_places(alias, normalise(phrase))
            else:
                found = self.gazetteer.lookup(phrase, max_quality=QUALITY_ABBREVIATION)
            found = [p for p in found if p.kind in ("country", "admin1", "admin2")]
            if found:
                return found
        return []
