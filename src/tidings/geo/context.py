"""What an article says about where it is: the countries and first-level regions its resolved
toponyms vote for, and their points (``Context``); great-circle distance (``distance_km``);
whether one place lies inside another (``contains``), and the "X, Y" run after a name that may
name its container (``COMMA_AFTER``). Both the resolver and the recovery of missed place names
read these, so they live here rather than as private names of either."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .gazetteer import Place

# What follows a name and a comma, up to three capitalised words: "Paris, Texas", "Austin, TX".
COMMA_AFTER = re.compile(r"\s*,\s*((?:[A-Z][\w.'’-]*\s?){1,3})")
CONTAINED_ADMIN2_KM = 80.0  # a county's point is its centre; its towns lie within this of it


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


def contains(container: Place, place: Place) -> bool:
    """``place`` lies inside ``container`` (a country, first-level region or county)."""
    if container.id == place.id:
        return False
    if container.kind == "country":
        return place.country == container.country and place.kind != "country"
    if container.kind == "admin1":
        return place.admin1_code == container.admin1_code and place.kind in ("admin2", "city")
    if container.kind == "admin2":
        return (
            place.kind == "city"
            and distance_km(place.lat, place.lon, container.lat, container.lon)
            < CONTAINED_ADMIN2_KM
        )
    return False
