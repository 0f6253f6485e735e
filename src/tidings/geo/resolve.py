"""Toponym resolution in context: which of the places called "Paris" an article means.

Each candidate gets a prior -- its population, its kind (a country before a village of the same
name), how its name matched -- and then the article's context moves it: the countries and
first-level regions the other toponyms resolve to (leave-one-out, so that a name does not
vote for itself), nearness to those places, and an "X, Y" pattern naming a container
("Paris, Texas", "Austin, TX"). Resolution iterates a few times so that context settles. A
name resolves the same way at each of its mentions (one sense per discourse).

A bare well-known world city beats a small US namesake ("Rome", "Cambridge") unless the article
points at the town (a place near it, or its state dominating); a country's own name beats a
small town of that name unless a town of the article lies near it ("China", not China, Texas);
"Washington" is the capital unless the article cues the state ("Washington state", "Oregon or
Washington"). A place "X, Y" with no candidate inside region Y is one the gazetteer lacks and
resolves to Y ("Rockingham, Northamptonshire"), unless "X, Y" reads as a list ("Ohio, Texas",
"Copenhagen, Hamburg"). Candidate generation lives in ``candidates``, the context in
``context``. A name matching one of our landmarks exactly (``landmarks.tsv``:
airports, universities, arenas, government buildings, bases...) may resolve to it. An institution
named after its place resolves to that place ("Colchester Hospital", "Delhi High Court"); other
streets and buildings stay unresolved rather than land on a city they may not be in; so does
a name no gazetteer entry carries, a demonym that names no country, and a lower-case word
("industry").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .candidates import BUILT, DIRECTIONS, GENERIC, Candidates
from .context import COMMA_AFTER, Context, contains, distance_km
from .cues import disease_name, era
from .gazetteer import QUALITY_ABBREVIATION, QUALITY_ALIAS, QUALITY_NAME, Gazetteer, Place
from .names import normalise

__all__ = ["Context", "Resolver", "Toponym", "by_population", "distance_km"]

KIND_BONUS = {"continent": 4.0, "country": 4.0, "admin1": 1.0, "admin2": -0.5, "feature": 1.5,
              "city": 0.0, "landmark": 5.0}  # fmt: skip
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
KNOWN_CITY = 50_000  # a city this large is no place we lack: "X, Y" after it is a list
NAMESAKE_KM = 60.0
NAMESAKE_STATE_SHARE = 0.5
# A name both a US state and a city: the city unless the article cues the state ("Washington
# state", "the state of Washington") or names another place in the state.
STATE_NAMESAKES = {"washington": "US.WA"}
W_STATE = 10.0
_STATE_AFTER = re.compile(r"\s+(?:state|State)\b")
_STATE_BEFORE = re.compile(r"\b[Ss]tate\s+of\s+$")
_DC_AFTER = re.compile(r"\s*,?\s*D\.?\s?C\b")
_LIST_BEFORE = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,| and| or|, and|, or) $")
_LIST_AFTER = re.compile(r"(?:,| and| or|, and|, or) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_COMMA_BEFORE = re.compile(r"[A-Za-z]\s*,\s*$")


@dataclass(frozen=True, slots=True)
class Toponym:
    """One mention to resolve: ``text[start:end]`` of the article, with its NER label if any."""

    start: int
    end: int
    label: str | None = None  # GPE, LOC, FAC, NORP, or None when unknown


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
    nation: bool = False  # the name is a country's own name ("China", "Poland")
    fallback: list[Place] = field(default_factory=list)  # what all of "X, Y"'s Y may name
    fallback_towns: set[str] = field(default_factory=set)  # regions of the towns Y names
    state: str | None = None  # the US state a STATE_NAMESAKES name may also be
    pick: Place | None = None


class Resolver(Candidates):
    def __init__(self, gazetteer: Gazetteer, *, rounds: int = 4) -> None:
        super().__init__(gazetteer)
        self.rounds = rounds

    # -- scoring ------------------------------------------------------------------------

    def score(self, place: Place, name: _Name, ctx: Context | None) -> float:
        s = math.log10(place.population + 10) + KIND_BONUS.get(place.kind, 0.0)
        s -= QUALITY_PENALTY[min(place.quality, QUALITY_ABBREVIATION)]
        if name.preferred and place.kind in name.preferred:
            s += W_PREFERRED
        if name.after_comma and place.kind in ("country", "admin1"):
            s += 1.0
        if any(contains(c, place) for c in name.containers):
            s += W_CONTAINER
        if name.state is not None and place.kind == "admin1" and place.admin1_code == name.state:
            s += W_STATE if name.cue_state or self._state_context(name, ctx) else -W_STATE
        namesake = (
            name.world > 0 and place.country == "US" and place.kind in ("city", "admin2")
            and place.population * 5 < name.world and place.population < WORLD_CITY
            and not any(contains(c, place) for c in name.containers)
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
        if (
            name.nation and place.kind in ("city", "admin2") and place.population < WORLD_CITY
            and not any(contains(c, place) for c in name.containers)
            and not (ctx is not None and self._close(place, name, ctx))
        ):  # fmt: skip
            s -= W_NAMESAKE  # "China" is the country, not China, Texas, unless a town is near
        elif namesake and not (ctx is not None and (
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
        keys: list[str | None] = []
        for t in toponyms:
            if disease_name(text, t.end) or era(text, t.start, t.end):
                keys.append(None)  # "West Nile virus", "500 BC": no place meant
                continue
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
            after = COMMA_AFTER.match(text, t.end)
            if after and not name.containers and name.candidates:
                name.containers.extend(self._containers(after.group(1)))
            if after and not name.fallback and (name.candidates or self._unknown(surface)):
                name.fallback = self._fallbacks(after.group(1))
                name.fallback_towns = {
                    p.admin1_code for p in self.gazetteer.lookup(after.group(1).strip())
                    if p.kind == "city" and p.quality == QUALITY_NAME and p.admin1_code
                }  # fmt: skip
            if _COMMA_BEFORE.search(text, max(0, t.start - 40), t.start):
                name.after_comma = True
            if name.state is not None and (
                _STATE_AFTER.match(text, t.end)
                or _STATE_BEFORE.search(text, max(0, t.start - 20), t.start)
                or self._among_states(text, t, name.state)
            ):
                name.cue_state = True
        for name in names.values():
            self._fall_back(name)
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
        return [names[k].pick if k is not None else None for k in keys], ctx

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
        name.nation = any(
            p.kind == "country" and p.quality == QUALITY_NAME for p in name.candidates
        )

    def _margin(self, name: _Name) -> float:
        """How clearly the prior alone picks ``name``'s place (the gap to the runner-up)."""
        top = sorted((self.score(p, name, None) for p in name.candidates), reverse=True)[:2]
        if not top:
            return -math.inf
        return top[0] - top[1] if len(top) > 1 else 99.0

    def _among_states(self, text: str, t: Toponym, state: str) -> bool:
        """The name is listed with another state of its country that names no big city
        ("California or Washington", not "Washington, New York and Boston" or "Texas and
        Washington, D.C.")."""
        if _DC_AFTER.match(text, t.end):
            return False
        before = _LIST_BEFORE.search(text, max(0, t.start - 40), t.start)
        after = _LIST_AFTER.match(text, t.end)
        country = state.split(".")[0]
        for m in (before, after):
            if m is None:
                continue
            found = self.gazetteer.lookup(m.group(1))
            if any(p.kind == "city" and p.population >= KNOWN_CITY for p in found):
                continue
            if any(
                p.kind == "admin1" and p.country == country and p.quality == QUALITY_NAME
                and p.admin1_code != state
                for p in found
            ):  # fmt: skip
                return True
        return False

    @staticmethod
    def _unknown(surface: str) -> bool:
        """A capitalised name that is no street or building: a place the gazetteer may lack."""
        words = normalise(surface).split()
        return bool(words) and surface[:1].isupper() and words[-1] not in BUILT

    def _fallbacks(self, run: str) -> list[Place]:
        """The regions a whole "X, Y" run Y names, when Y is plainly a region: a country or
        first-level region that names no town ("Northamptonshire", "N.B.", "Oklahoma", not
        "Hamburg" or "Tulsa"), or a county by name ("Loudon County", our curated counties)."""
        run = run.strip().rstrip(",")
        words = normalise(run).split()
        if not words or words[-1] in DIRECTIONS or (len(words) == 1 and words[0] in GENERIC):
            return []
        towns = [
            p for p in self.gazetteer.lookup(run)
            if p.kind == "city" and p.quality <= QUALITY_ALIAS and p.population >= KNOWN_CITY
        ]  # fmt: skip
        if towns:
            return []
        county = any(w in ("county", "parish", "co") or w.endswith("shire") for w in words)
        return [
            c for c in self._containers(run, whole=True)
            if c.kind in ("country", "admin1") or county or c.id < 0
        ]  # fmt: skip

    def _fall_back(self, name: _Name) -> None:
        """A place named "X, Y" with no candidate inside Y is a place we lack ("Rockingham,
        Northamptonshire", "Estey's Bridge, N.B."): it resolves to Y."""
        if not name.fallback or name.demonym or name.inner:
            return
        if any(contains(c, p) for c in name.fallback for p in name.candidates):
            return
        if any(
            p.kind in ("country", "admin1", "continent")
            or (p.kind == "city" and p.population >= KNOWN_CITY)
            for p in name.candidates
        ):
            return  # a list ("Ohio, Texas", "Miami, New York"), not a place and its container
        countries = {c.country for c in name.fallback}
        if any(p.kind == "admin2" and p.country in countries for p in name.candidates):
            return  # a list of counties ("Becker, Clay, Douglas")
        if name.fallback_towns & {p.admin1_code for p in name.candidates}:
            return  # a list of towns of one state ("Crockett, Palestine")
        name.candidates = list(name.fallback)
        name.containers = []

    def _best(self, name: _Name, ctx: Context | None) -> Place | None:
        candidates = name.candidates
        if name.key.split(":", 1)[1] in DIRECTIONS:
            # "the West", "Central" (Bank): a region of that name only in a country the
            # article is about ("Western" province, among Kenya's "Nyanza" and "Rift Valley")
            candidates = [
                p for p in candidates
                if p.kind in ("admin1", "admin2", "feature") and ctx is not None
                and ctx.share(ctx.countries, p.country, name.key) > 0
            ]  # fmt: skip
        scored = [(self.score(p, name, ctx), p) for p in candidates]
        return max(scored, key=lambda sp: sp[0])[1] if scored else None

    def resolve_name(self, name: str, ctx: Context | None = None) -> Place | None:
        """One place name in an article's context (from ``resolve``): for later stages."""
        found, preferred = self.candidates(name)
        return self._best(_Name(f"False:{normalise(name)}", found, preferred, mentions=1), ctx)


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
