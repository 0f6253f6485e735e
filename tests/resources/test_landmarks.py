"""The landmarks table (``resources/landmarks.tsv``): shape, uniqueness, codes, coordinates
spot-checked against known positions, and how the resolver uses it (exact matches only)."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest

from tidings.geo.gazetteer import Gazetteer, load_landmarks
from tidings.geo.names import normalise

TABLE = Path(__file__).resolve().parents[2] / "src" / "tidings" / "resources" / "landmarks.tsv"
COLUMNS = ["name", "aliases", "feature", "lat", "lon", "country", "geonames_id", "notes"]
_FEATURES = "S.AIRP S.AIRB S.SCH S.STDM S.BLDG S.SQR S.PRN S.DAM S.PS S.MILB S.BDG S.PSTB S.HTL"
ALLOWED_FEATURES = frozenset(f"{_FEATURES} S.HSP S.RLG S.SPCE S.PRT L.PRK".split(" "))


def _read() -> tuple[list[str], list[list[str]]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


HEADER, ROWS = _read()
RECORDS = [dict(zip(COLUMNS, row, strict=True)) for row in ROWS]


def _forms(record: dict[str, str]) -> list[str]:
    return [record["name"], *(a for a in record["aliases"].split("|") if a)]


def _point(name: str) -> tuple[float, float]:
    key = normalise(name)
    for record in RECORDS:
        if key in (normalise(f) for f in _forms(record)):
            return float(record["lat"]), float(record["lon"])
    raise AssertionError(f"{name!r} is not in the table")


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_header_and_size() -> None:
    assert HEADER == COLUMNS
    assert len(ROWS) >= 400


def test_every_row_has_eight_fields() -> None:
    assert [row[:1] for row in ROWS if len(row) != 8] == []


def test_features_countries_and_coordinates_are_valid() -> None:
    for record in RECORDS:
        assert record["feature"] in ALLOWED_FEATURES, record
        lat, lon = float(record["lat"]), float(record["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, record
        assert all(re.fullmatch(r"[A-Z]{2}", c) for c in record["country"].split("|")), record


def test_geonames_ids_are_never_guessed() -> None:
    assert all(record["geonames_id"] == "" for record in RECORDS)


def test_no_name_or_alias_names_two_rows() -> None:
    seen: dict[str, str] = {}
    for record in RECORDS:
        for form in _forms(record):
            key = normalise(form)
            assert key, record
            assert seen.setdefault(key, record["name"]) == record["name"], (form, seen[key])


@pytest.mark.parametrize(
    ("name", "where", "km"),
    [
        ("Heathrow", (51.47, -0.45), 5),
        ("JFK", (40.64, -73.78), 5),
        ("Schiphol", (52.31, 4.76), 5),
        ("Dulles", (38.95, -77.45), 5),
        ("UCLA", (34.07, -118.44), 5),
        ("MIT", (42.36, -71.09), 5),
        ("Oxford University", (51.75, -1.25), 5),
        ("White House", (38.90, -77.04), 3),
        ("Kremlin", (55.75, 37.62), 3),
        ("Pentagon", (38.87, -77.06), 3),
        ("Downing Street", (51.50, -0.13), 3),
        ("Tahrir Square", (30.04, 31.24), 3),
        ("Maidan", (50.45, 30.52), 3),
        ("Guantanamo Bay", (19.90, -75.10), 20),
        ("Rafah crossing", (31.25, 34.26), 10),
        ("Torkham", (34.12, 71.08), 10),
        ("Wagah", (31.60, 74.57), 10),
        ("Zaporizhzhia nuclear plant", (47.51, 34.59), 10),
        ("Chernobyl nuclear plant", (51.39, 30.10), 10),
        ("Fukushima Daiichi", (37.42, 141.03), 10),
        ("Bagram", (34.95, 69.27), 10),
        ("Ramstein", (49.44, 7.60), 10),
        ("Barclays Center", (40.68, -73.98), 3),
        ("Brands Hatch", (51.36, 0.26), 5),
        ("Hoover Dam", (36.02, -114.74), 5),
    ],
)
def test_spot_checks(name: str, where: tuple[float, float], km: float) -> None:
    assert haversine_km(_point(name), where) <= km


def test_loaded_as_landmarks_with_their_own_ids() -> None:
    table = load_landmarks(TABLE)
    (heathrow,) = table["heathrow"]
    assert heathrow.kind == "landmark" and heathrow.feature == "S.AIRP"
    assert heathrow.country == "GB" and heathrow.geonames_id is None
    ids = {p.id for places in table.values() for p in places}
    assert all(i < -1_000_000 for i in ids) and len(ids) == len(RECORDS)


def test_the_resolver_matches_landmarks_exactly() -> None:
    from tidings.geo.build import ensure_built
    from tidings.geo.resolve import Resolver

    resolver = Resolver(Gazetteer(ensure_built(), None, TABLE))
    heathrow = resolver.resolve_name("Heathrow")
    assert heathrow is not None and heathrow.country == "GB"  # not Heathrow, Florida
    found, _ = resolver.candidates("Heathrow Airport Terminal", "FAC")
    assert all(p.kind != "landmark" for p in found)  # never inside a longer name
    assert not any(p.kind == "landmark" for p in resolver.candidates("Heathrow", "NORP")[0])
