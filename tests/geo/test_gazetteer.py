"""The gazetteer index: names fold together, every kind of place is there, builds are atomic."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.geo import build as build_module
from tidings.geo.gazetteer import QUALITY_ALTERNATE, Gazetteer, cache_dir, load_features
from tidings.geo.names import is_latin, normalise


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Kābul", "kabul"),
        ("St. Louis", "saint louis"),
        ("Saint-Louis", "saint louis"),
        ("U.S.", "us"),
        ("the West Bank", "west bank"),
        ("Mazar-i-Sharif", "mazar i sharif"),
        ("Côte d’Ivoire", "cote divoire"),
    ],
)
def test_normalise(text: str, key: str) -> None:
    assert normalise(text) == key


def test_is_latin() -> None:
    assert is_latin("kabul")
    assert not is_latin(normalise("کابل"))


def test_lookup_finds_each_kind(gazetteer: Gazetteer) -> None:
    kabul = gazetteer.lookup("Kabul")
    kinds = {p.kind for p in kabul}
    assert {"city", "admin1"} <= kinds
    city = next(p for p in kabul if p.kind == "city" and p.country == "AF")
    assert city.geonames_id == 1138958
    assert city.admin1 is not None and city.admin1_code == "AF.13"
    assert abs(city.lat - 34.53) < 0.1 and abs(city.lon - 69.17) < 0.1
    texas = [p for p in gazetteer.lookup("Texas") if p.kind == "admin1"]
    assert texas and texas[0].country == "US" and texas[0].feature == "A.ADM1"
    assert any(p.kind == "country" and p.country == "GE" for p in gazetteer.lookup("Georgia"))
    assert any(p.kind == "continent" for p in gazetteer.lookup("Africa"))
    assert any(p.kind == "admin2" for p in gazetteer.lookup("Rapides Parish"))


def test_alternate_names_and_country_centroids(gazetteer: Gazetteer) -> None:
    kiev = gazetteer.lookup("Kiev")
    assert kiev and kiev[0].country == "UA" and kiev[0].quality == QUALITY_ALTERNATE
    us = gazetteer.country("US")
    assert us is not None and abs(us.lat - 39.76) < 0.5  # from geo_centroids.tsv
    af = gazetteer.country("AF")
    assert af is not None and 29 < af.lat < 39 and 60 < af.lon < 75


def test_features_table_is_read_beside_the_index(gazetteer: Gazetteer, features: Path) -> None:
    table = load_features(features)
    assert "panjshir valley" in table and "panjsher valley" in table
    valley = gazetteer.lookup("Panjshir Valley")
    assert valley[0].feature == "T.VAL" and valley[0].geonames_id == 1132580
    assert gazetteer.lookup("Xyzzyqua") == []


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path / "a"))
    assert cache_dir() == tmp_path / "a"
    monkeypatch.delenv("TIDINGS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "tidings"
    assert build_module.index_path().parent == tmp_path / "xdg" / "tidings"


def test_a_failed_build_leaves_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(writer: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "_fill", broken)
    target = tmp_path / "gazetteer-v1-test.sqlite"
    with pytest.raises(KeyboardInterrupt):
        build_module.build(target)
    assert list(tmp_path.iterdir()) == []


def test_an_unusable_index_fails_at_once(tmp_path: Path) -> None:
    with pytest.raises(Exception):  # noqa: B017 - sqlite3 raises on a missing file
        Gazetteer(tmp_path / "missing.sqlite").lookup("Kabul")
