"""The physical-features table (``resources/physical_features.tsv``): shape, uniqueness, codes,
and coordinates spot-checked against known positions."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest

TABLE = (
    Path(__file__).resolve().parents[2] / "src" / "tidings" / "resources" / "physical_features.tsv"
)


def _codes(text: str) -> set[str]:
    return set(text.split())


COLUMNS = ["name", "aliases", "feature", "lat", "lon", "country", "geonames_id", "notes"]
ALLOWED_FEATURES = _codes(
    "T.MTS T.MT T.VAL T.GRGE T.PLAT T.DSRT T.PEN T.ISL T.ISLS T.HLLS T.PASS T.DLTA L.RGN"
    " H.STM H.LK H.SEA H.GULF H.BAY H.STRT H.CHN H.CNL H.OCN"
)


def _read() -> tuple[list[str], list[list[str]]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


HEADER, ROWS = _read()


def _records() -> list[dict[str, str]]:
    return [dict(zip(COLUMNS, row, strict=True)) for row in ROWS]


def _aliases(record: dict[str, str]) -> list[str]:
    return record["aliases"].split("|") if record["aliases"] else []


def _find(name: str) -> dict[str, str]:
    key = name.casefold()
    for record in _records():
        if record["name"].casefold() == key or key in (a.casefold() for a in _aliases(record)):
            return record
    raise AssertionError(f"{name!r} is not in the table")


def _point(name: str) -> tuple[float, float]:
    record = _find(name)
    return float(record["lat"]), float(record["lon"])


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_haversine_helper() -> None:
    assert haversine_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.19, abs=0.1)
    assert haversine_km((51.5, -0.12), (48.86, 2.35)) == pytest.approx(343, abs=5)


def test_header_and_size() -> None:
    assert HEADER == COLUMNS
    assert len(ROWS) >= 340


def test_every_row_has_eight_fields() -> None:
    bad = [row[:1] for row in ROWS if len(row) != 8]
    assert not bad


def test_names_unique_and_nonempty() -> None:
    names = [r["name"].strip() for r in _records()]
    assert all(names)
    folded = [n.casefold() for n in names]
    duplicates = sorted({n for n in folded if folded.count(n) > 1})
    assert not duplicates


def test_no_alias_shared_between_rows() -> None:
    owner: dict[str, str] = {r["name"].casefold(): r["name"] for r in _records()}
    clashes = []
    for record in _records():
        seen_here: set[str] = set()
        for alias in _aliases(record):
            key = alias.casefold()
            assert alias.strip() == alias and alias, f"blank or padded alias in {record['name']}"
            assert key != record["name"].casefold(), f"{record['name']} aliases its own name"
            assert key not in seen_here, f"{record['name']} repeats alias {alias!r}"
            seen_here.add(key)
            if key in owner and owner[key] != record["name"]:
                clashes.append((alias, owner[key], record["name"]))
            owner[key] = record["name"]
    assert not clashes


def test_coordinates_in_range() -> None:
    for record in _records():
        lat, lon = float(record["lat"]), float(record["lon"])
        assert -90 <= lat <= 90, record["name"]
        assert -180 <= lon <= 180, record["name"]
        for value in (record["lat"], record["lon"]):
            assert re.fullmatch(r"-?\d{1,3}\.\d{2,4}", value), (record["name"], value)


def test_feature_codes_allowed() -> None:
    bad = sorted({r["feature"] for r in _records()} - ALLOWED_FEATURES)
    assert not bad


def test_country_codes_and_geonames_ids() -> None:
    for record in _records():
        if record["country"]:
            for code in record["country"].split("|"):
                assert re.fullmatch(r"[A-Z]{2}", code), (record["name"], code)
        assert re.fullmatch(r"\d*", record["geonames_id"]), record["name"]


# Countries wholly in one hemisphere: a point for a feature whose main country is one of
# these on the wrong side of the equator or meridian is a sign error.
WESTERN = _codes("US CA MX GT NI PA CU HT DO PR CO VE GY EC PE BO BR PY AR CL UY FK GS")
EASTERN = _codes("RU CN IN PK AF IR IQ SY TR UA JP KR KP ID PH VN TH MM AU NZ EG SA YE KZ TJ ET KE")
SOUTHERN = _codes("AU NZ AR CL ZA BO PY UY NA BW ZM ZW MW MZ FK GS AQ TZ")
NORTHERN = _codes("US CA MX RU CN IN PK AF IR IQ SY TR UA JP KR KP EG SA YE KZ FR DE IT ES GB GR")


def test_hemispheres_match_main_country() -> None:
    wrong = []
    for record in _records():
        main = record["country"].split("|")[0]
        lat, lon = float(record["lat"]), float(record["lon"])
        if (
            (main in WESTERN and lon >= 0)
            or (main in EASTERN and lon <= 0)
            or (main in SOUTHERN and lat >= 0)
            or (main in NORTHERN and lat <= 0)
        ):
            wrong.append((record["name"], main, lat, lon))
    assert not wrong


@pytest.mark.parametrize(
    ("name", "expected", "within_km"),
    [
        ("Panjshir Valley", (35.3, 69.5), 100),
        ("Hindu Kush", (35.5, 70.5), 300),
        ("Strait of Hormuz", (26.6, 56.3), 80),
        ("Bab-el-Mandeb", (12.6, 43.3), 80),
        ("Kerch Strait", (45.3, 36.5), 60),
        ("Dead Sea", (31.5, 35.5), 50),
        ("Lake Chad", (13.1, 14.5), 100),
        ("Golan Heights", (33.0, 35.75), 50),
        ("Bosphorus", (41.1, 29.05), 30),
        ("Suez Canal", (30.6, 32.3), 100),
        ("Mount Everest", (27.99, 86.93), 10),
        ("Kilimanjaro", (-3.07, 37.35), 20),
        ("Mount Hermon", (33.42, 35.86), 20),
        ("Snake Island", (45.25, 30.2), 20),
        ("Kodori Gorge", (43.1, 41.7), 80),
        ("Pankisi Gorge", (42.2, 45.25), 50),
        ("Lake Titicaca", (-15.8, -69.4), 80),
        ("Falklands", (-51.75, -59.5), 150),
    ],
)
def test_spot_check_position(name: str, expected: tuple[float, float], within_km: float) -> None:
    assert haversine_km(_point(name), expected) <= within_km


def test_continental_rivers_and_deserts() -> None:
    lat, lon = _point("Amazon River")
    assert lon < -35 and -20 <= lat <= 5
    lat, lon = _point("Rio Grande")
    assert -110 <= lon <= -95 and lat > 20
    _, lon = _point("Mekong")
    assert 95 <= lon <= 110
    lat, _ = _point("Sahara")
    assert 15 <= lat <= 30
    lat, lon = _point("Dnieper")
    assert 44 <= lat <= 56 and 28 <= lon <= 36


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Dnipro River", "Dnieper"),
        ("Bosporus", "Bosporus"),
        ("Istanbul Strait", "Bosporus"),
        ("Arabian Gulf", "Persian Gulf"),
        ("Panjsher Valley", "Panjshir Valley"),
        ("Diaoyu Islands", "Senkaku Islands"),
        ("Zmiinyi Island", "Snake Island"),
        ("Donbass", "Donbas"),
        ("Empty Quarter", "Rub' al Khali"),
    ],
)
def test_aliases_resolve(alias: str, name: str) -> None:
    assert _find(alias)["name"] == name


@pytest.mark.parametrize(
    "word", ["Jordan", "Congo", "Niger", "Georgia", "Dnipro", "Amazon", "Mississippi", "Colorado"]
)
def test_no_country_city_or_state_as_alias(word: str) -> None:
    """Bare names of countries, cities or states are never a feature's alias."""
    key = word.casefold()
    assert not [r["name"] for r in _records() if key in (a.casefold() for a in _aliases(r))]
