"""Toponym resolution in context: which of the places called "Paris" an article means.

Each candidate gets a prior -- its population, its kind (a country before a village of the same
name), how its name matched -- and then the article's context moves it: the countries and
first-level regions the other toponyms resolve to (leave-one-out, so that a name does not
vote for itself), nearness to those places, and an "X, Y" pattern naming a container
("Paris, Texas", "Austin, TX"). Resolution iterates a few times so that context settles. A
name resolves the same way at each of its mentions (one sense per discourse).

A bare well-known world city beats a small US namesake ("Rome", "Cambridge") unless the article
points at the town (a place near it, or its state dominating); "Washington" is the capital unless
the article cues the state. A name matching one of our landmarks exactly (``landmarks.tsv``:
airports, universities, arenas, government buildings, bases...) may resolve to it. Other streets
and buildings stay unresolved rather than land on their city; so does a name no gazetteer entry
carries, a demonym that names no country, and a lower-case word ("industry").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .aliases import Alias, load_aliases, load_demonyms
from .gazetteer import QUALITY_ABBREVIATION, QUALITY_NAME, Gazetteer, Place
from .names import normalise

KIND_BONUS = {"continent": 4.0, "country": 4.0, "admin1": 1.0, "admin2": -0.5, "feature": 1.5,
              "city": 0.0, "landmark": 5.0}  # fmt: skip
# Labels under which a name may be one of our landmarks (None: a toponym of unknown label).
LANDMARK_LABELS = frozenset({None, "FAC", "ORG", "LOC", "GPE"})
_NO_LANDMARK = "-"  # a label for looking up a name's other candidates
QUALITY_PENALTY = (0.0, 0.3, 2.0, 6.0)
W_COUNTRY, W_ADMIN1, W_NEAR, W_CONTAINER, W_PREFERRED = 4.0, 6.0, 1.5, 8.0, 3.0
NEAR_KM = 250.0
# A curated physical feature near the article's other places beats a faraway namesake: our
# table lists it because news names it ("the bridge at Bahrain" in the Swat valley).
W_FEATURE_NEAR = 5.0
W_INNER = 0.25
# A bare name shared by a well-known world city and a small US town is the world city ("Rome",
# "Cambridge", "London") unless the article points at the town: its state, or a place near it.
W_NAMESAKE = 4.0
WORLD_CITY = 100_000
NAMESAKE_KM = 60.0
NAMESAKE_STATE_SHARE = 0.5
# A name both a US state and a city: the city unless the article cues the state ("Washington
# state", "the state of Washington") or names another place in the state.
STATE_NAMESAKES = {"washington": "US.WA"}
W_STATE = 10.0
_STATE_AFTER = re.compile(r"\s+(?:state|State)\b")
_STATE_BEFORE = re.compile(r"\b[Ss]tate\s+of\s+$")
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
    "province of": ("admin1",), "county of": ("admin2",), "lake": ("feature",),
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
# A first word that names part of a place ("West Wales", "Northern Europe").
_DIRECTION_WORDS = (
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern upstate downstate "
    "greater metro metropolitan downtown inner outer rural coastal mid upper lower"
)
DIRECTIONS = frozenset(_DIRECTION_WORDS.split())
_COMMA_AFTER = re.compile(r"\s*,\s*((?:[A-Z][\w.'’-]*\s?){1,3})")
_COMMA_BEFORE = re.compile(r"[A-Za-z]\s*,\s*$")


@dataclass(frozen=True, slots=True)
class Toponym:
    """One mention to resolve: ``text[start:end]`` of the article, with its NER label if any."""

    start: int
    end: int
    label: str | None = None  # GPE, LOC, FAC, NORP, or None when unknown


@dataclass(slots=True)
class Context:
    """What an article says about where it is: votes for countries and regions, and points."""

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1s: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    points: list[tuple[str, float, float]] = field(default_factory=list)  # (key, lat, lon)
    by_key: dict[str, dict[str, float]] = field(default_factory=dict)  # key -> its own votes
    picks: dict[str, Place] = field(default_factory=dict)  # key -> its current pick

    def support(self, code: str, key: str) -> float:
        """The votes for first-level region ``code`` from names other than ``key``."""
        return self.admin1s.get(code, 0.0) - self.by_key.get(key, {}).get(code, 0.0)

    def share(self, votes: dict[str, float], code: str | None, key: str) -> float:
        if code is None:
            return 0.0
        own = self.by_key.get(key, {})
        total = sum(votes.values()) - sum(v for c, v in own.items() if c in votes)
        if total <= 0:
            return 0.0
        return max(0.0, votes.get(code, 0.0) - own.get(code, 0.0)) / total

    def add(self, key: str, place: Place, weight: float) -> None:
        """Count ``place`` (the pick of name ``key``) as evidence for the other names."""
        own: dict[str, float] = defaultdict(float)
        if place.country:
            own[place.country] += weight
            self.countries[place.country] += weight
        if place.admin1_code and place.kind not in ("country", "continent"):
            own[place.admin1_code] += weight
            self.admin1s[place.admin1_code] += weight
        self.by_key[key] = own
        self.picks[key] = place
        if place.kind not in ("country", "continent"):
            self.points.append((key, place.lat, place.lon))

    def remove(self, key: str) -> None:
        """Take back what ``add`` counted for name ``key``."""
        own = self.by_key.pop(key, None)
        self.picks.pop(key, None)
        if own is None:
            return
        for code, weight in own.items():
            votes = self.admin1s if "." in code else self.countries
            votes[code] -= weight
            if votes[code] <= 1e-9:
                del votes[code]
        self.points = [p for p in self.points if p[0] != key]

    @property
    def country(self) -> str | None:
        return max(self.countries, key=lambda c: self.countries[c], default=None)

    @property
    def admin1(self) -> str | None:
        top = self.country
        inside = [a for a in self.admin1s if a.startswith(f"{top}.")]
        return max(inside, key=lambda a: self.admin1s[a], default=None)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(slots=True)
class _Name:
    """A distinct toponym of the article, with its candidates."""

    key: str
    candidates: list[Place]
    preferred: tuple[str, ...] = ()
    containers: list[Place] = field(default_factory=list)
    after_comma: bool = False
    mentions: int = 0
    demonym: bool = False
    inner: bool = False  # the candidates are those of a name it embeds ("Cambridge Analytica")
    cue_state: bool = False  # "Washington state", "the state of Washington"
    world: int = 0  # the population of the best-known non-US city of the name
    state: str | None = None  # the US state a STATE_NAMESAKES name may also be
    pick: Place | None = None


class Resolver:
    def __init__(self, gazetteer: Gazetteer, *, rounds: int = 4) -> None:
        self.gazetteer = gazetteer
        self.aliases = load_aliases()
        self.demonyms = load_demonyms()
        self.rounds = rounds

    # -- candidates ---------------------------------------------------------------------

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
        if words[-1] in BUILT and not any(p.kind == "feature" for p in found):
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
                if not phrase[:1].isupper():
                    continue
                found = [
                    p
                    for p in self.candidates(phrase)[0]
                    if p.kind in ("country", "admin1", "admin2", "continent")
                    or (i == 0 and p.population >= 1000)
                ]
                if found:
                    return found
        return []

    def _containers(self, text: str) -> list[Place]:
        """Regions or countries that ``text`` (what follows "X, ") may name."""
        words = text.split()
        for n in range(len(words), 0, -1):
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

    # -- scoring ------------------------------------------------------------------------

    def score(self, place: Place, name: _Name, ctx: Context | None) -> float:
        s = math.log10(place.population + 10) + KIND_BONUS.get(place.kind, 0.0)
        s -= QUALITY_PENALTY[min(place.quality, QUALITY_ABBREVIATION)]
        if name.preferred and place.kind in name.preferred:
            s += W_PREFERRED
        if name.after_comma and place.kind in ("country", "admin1"):
            s += 1.0
        if any(_contains(c, place) for c in name.containers):
            s += W_CONTAINER
        if name.state is not None and place.kind == "admin1" and place.admin1_code == name.state:
            s += W_STATE if name.cue_state or self._state_context(name, ctx) else -W_STATE
        namesake = (
            name.world > 0 and place.country == "US" and place.kind in ("city", "admin2")
            and place.population * 5 < name.world and place.population < WORLD_CITY
            and not any(_contains(c, place) for c in name.containers)
        )  # fmt: skip
        near = False
        if ctx is not None:
            region = 0.0 if self._shadowed(place, name) else 1.0
            s += W_COUNTRY * ctx.share(ctx.countries, place.country, name.key)
            if place.kind not in ("country", "continent"):
                s += region * W_ADMIN1 * ctx.share(ctx.admin1s, place.admin1_code, name.key)
            near = place.kind not in ("continent", "country") and any(
                k != name.key and distance_km(place.lat, place.lon, lat, lon) < NEAR_KM
                for k, lat, lon in ctx.points
            )
            if near:
                curated = place.kind in ("feature", "landmark") and place.id < 0
                s += W_FEATURE_NEAR if curated else W_NEAR
        if namesake and not (ctx is not None and (
            self._close(place, name, ctx)
            or ctx.share(ctx.admin1s, place.admin1_code, name.key) >= NAMESAKE_STATE_SHARE
        )):  # fmt: skip
            s -= W_NAMESAKE
        return s

    @staticmethod
    def _close(place: Place, name: _Name, ctx: Context) -> bool:
        """Another of the article's towns or features lies within NAMESAKE_KM of ``place``."""
        return any(
            k != name.key and ctx.picks[k].kind not in ("admin1", "admin2")
            and distance_km(place.lat, place.lon, lat, lon) < NAMESAKE_KM
            for k, lat, lon in ctx.points
        )  # fmt: skip

    @staticmethod
    def _shadowed(place: Place, name: _Name) -> bool:
        """A small city named like a region or country of its own country ("Wales", England):
        the article's votes for the country's regions do not single it out."""
        if name.preferred and place.kind in name.preferred:
            return False
        return place.kind in ("city", "admin2") and any(
            c.kind in ("country", "admin1") and c.country == place.country and c.quality == 0
            and c.population > 10 * place.population
            for c in name.candidates
        )  # fmt: skip

    @staticmethod
    def _state_context(name: _Name, ctx: Context | None) -> bool:
        if ctx is None or name.state is None:
            return False
        return ctx.support(name.state, name.key) > 0

    def _context(self, names: dict[str, _Name]) -> Context:
        ctx = Context()
        for key, name in names.items():
            if name.pick is not None:
                ctx.add(key, name.pick, self._weight(name))
        return ctx

    @staticmethod
    def _weight(name: _Name) -> float:
        # a name embedding a place ("Cambridge Analytica") says little about where the story is
        share = W_INNER if name.inner else 0.5 if name.demonym else 1.0
        return share * math.sqrt(name.mentions)

    # -- the article ----------------------------------------------------------------------

    def resolve(self, text: str, toponyms: list[Toponym]) -> tuple[list[Place | None], Context]:
        """Each toponym's place (None when unresolved), and the article's context."""
        names: dict[str, _Name] = {}
        keys: list[str] = []
        for t in toponyms:
            surface = text[t.start : t.end]
            head, _, tail = surface.partition(",")
            key = f"{t.label == 'NORP'}:{normalise(surface)}"
            keys.append(key)
            name = names.get(key)
            if name is None:
                found: list[Place] = []
                preferred: tuple[str, ...] = ()
                inner = False
                if any(c.isupper() for c in surface):  # "industry", "faith": not a place name
                    found, preferred, inner = self._candidates(
                        head if tail.strip() else surface, t.label
                    )
                name = names[key] = _Name(key, found, preferred, demonym=t.label == "NORP")
                name.inner = inner
                self._namesakes(name)
                if tail.strip():
                    name.containers.extend(self._containers(tail.strip()))
            name.mentions += 1
            after = _COMMA_AFTER.match(text, t.end)
            if after and not name.containers and name.candidates:
                name.containers.extend(self._containers(after.group(1)))
            if _COMMA_BEFORE.search(text, max(0, t.start - 40), t.start):
                name.after_comma = True
            if name.state is not None and (
                _STATE_AFTER.match(text, t.end)
                or _STATE_BEFORE.search(text, max(0, t.start - 20), t.start)
            ):
                name.cue_state = True
        # Names update one at a time against what the others currently say (their own votes
        # taken back first), the least ambiguous first, until no pick changes: updating all at
        # once lets two namesakes trade places for ever ("Walker County" <-> "Huntsville").
        ctx = Context()
        order = sorted(names.values(), key=self._margin, reverse=True)
        for _ in range(self.rounds):
            changed = False
            for name in order:
                ctx.remove(name.key)
                pick = self._best(name, ctx)
                if pick is not None:
                    ctx.add(name.key, pick, self._weight(name))
                changed = changed or pick != name.pick
                name.pick = pick
            if not changed:
                break
        return [names[k].pick for k in keys], ctx

    def _namesakes(self, name: _Name) -> None:
        """Note the world city a bare name may stand for, and the state it may also be."""
        if name.demonym or name.inner:
            return
        key = name.key.split(":", 1)[1]
        state = STATE_NAMESAKES.get(key)
        if state is not None:
            region = self.gazetteer.admin1(state)
            if region is not None:
                name.state = state
                if all(p.id != region.id for p in name.candidates):
                    name.candidates = [*name.candidates, region]
        world = max(
            (p.population for p in name.candidates
             if p.kind == "city" and p.country != "US" and p.quality == QUALITY_NAME
             and (p.population >= WORLD_CITY or p.feature in ("P.PPLC", "P.PPLA"))),
            default=0,
        )  # fmt: skip
        # a US city of the name as large says the name is not the world city's alone
        rival = any(p.country == "US" and p.kind == "city" and p.quality == QUALITY_NAME
                    and (p.population >= WORLD_CITY or p.population * 5 >= world)
                    for p in name.candidates)  # fmt: skip
        name.world = 0 if rival else world

    def _margin(self, name: _Name) -> float:
        """How clearly the prior alone picks ``name``'s place (the gap to the runner-up)."""
        top = sorted((self.score(p, name, None) for p in name.candidates), reverse=True)[:2]
        if not top:
            return -math.inf
        return top[0] - top[1] if len(top) > 1 else 99.0

    def _best(self, name: _Name, ctx: Context | None) -> Place | None:
        scored = [(self.score(p, name, ctx), p) for p in name.candidates]
        return max(scored, key=lambda sp: sp[0])[1] if scored else None

    def resolve_name(self, name: str, ctx: Context | None = None) -> Place | None:
        """One place name in an article's context (from ``resolve``): for later stages."""
        found, preferred = self.candidates(name)
        return self._best(_Name(f"False:{normalise(name)}", found, preferred, mentions=1), ctx)


def _contains(container: Place, place: Place) -> bool:
    if container.id == place.id:
        return False
    if container.kind == "country":
        return place.country == container.country and place.kind != "country"
    if container.kind == "admin1":
        return place.admin1_code == container.admin1_code and place.kind in ("admin2", "city")
    if container.kind == "admin2":
        return place.kind == "city" and distance_km(
            place.lat, place.lon, container.lat, container.lon) < 80  # fmt: skip
    return False


_BASELINE: dict[int, Resolver] = {}


def by_population(gazetteer: Gazetteer, name: str, label: str | None = None) -> Place | None:
    """The naive baseline: the most populous of the places the name may stand for. It sees the
    same candidates as the resolver -- countries, regions, our aliases ("U.S."), demonyms
    ("Syrian" -> Syria) -- and ignores context, kind and how the name matched."""
    resolver = _BASELINE.get(id(gazetteer))
    if resolver is None or resolver.gazetteer is not gazetteer:
        resolver = _BASELINE[id(gazetteer)] = Resolver(gazetteer, rounds=1)
    found, _ = resolver.candidates(name, label)
    return max(found, key=lambda p: p.population, default=None)
