"""Our regions table (UK counties, informal regions) and the rules that lean on it: "X, Y"
falls back to Y when the gazetteer lacks X, a country's name is the country, a state listed
with another is the state, and a generic word embedded in a name is no place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tidings.geo.build import ensure_built
from tidings.geo.gazetteer import (
    REGION_POPULATION,
    Gazetteer,
    Place,
    default_features,
    default_regions,
    load_regions,
)
from tidings.geo.resolve import Resolver, Toponym, distance_km


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    regions = default_regions()
    assert regions is not None
    return Resolver(Gazetteer(ensure_built(), default_features(), None, regions))


def resolve(resolver: Resolver, text: str, *names: str) -> dict[str, Place | None]:
    toponyms = sorted(
        (Toponym(m.start(), m.end(), "GPE") for n in names
         for m in re.finditer(rf"\b{re.escape(n)}\b", text)),
        key=lambda t: t.start,
    )  # fmt: skip
    picks, _ = resolver.resolve(text, toponyms)
    return {text[t.start : t.end]: p for t, p in zip(toponyms, picks, strict=True)}


def test_region_rows_take_their_kind_and_first_level_region(tmp_path: Path) -> None:
    table = tmp_path / "regions.tsv"
    table.write_text(
        "name\taliases\tfeature\tlat\tlon\tcountry\tgeonames_id\tnotes\n"
        "Testshire\tTests\tA.ADM2\t52.0\t-1.0\tGB.ENG\t\t\n"
        "Test Vale\t\tL.RGN\t51.0\t-2.0\tGB\t\t\n",
        encoding="utf-8",
    )
    rows = load_regions(table)
    county = rows["testshire"][0]
    assert county.kind == "admin2" and county.country == "GB" and county.admin1_code == "GB.ENG"
    assert rows["tests"][0].quality == 1 and county.population == REGION_POPULATION
    assert rows["test vale"][0].kind == "feature" and rows["test vale"][0].admin1_code is None


def test_english_counties_resolve(resolver: Resolver) -> None:
    text = "Flooding closed roads across Northamptonshire and Yorkshire after the storm in England."
    got = resolve(resolver, text, "Northamptonshire", "Yorkshire", "England")
    for name in ("Northamptonshire", "Yorkshire"):
        place = got[name]
        assert place is not None and place.country == "GB" and place.admin1 == "England"


def test_a_place_we_lack_falls_back_to_its_county(resolver: Resolver) -> None:
    text = "The race moves to Zzyzxbury, Northamptonshire, next month."
    place = resolve(resolver, text, "Zzyzxbury")["Zzyzxbury"]
    assert place is not None and place.name == "Northamptonshire"


def test_a_list_of_cities_is_no_place_and_container(resolver: Resolver) -> None:
    text = "The tour stops in Copenhagen, Hamburg and Vienna."
    place = resolve(resolver, text, "Copenhagen", "Hamburg", "Vienna")["Copenhagen"]
    assert place is not None and place.country == "DK"


def test_a_country_name_beats_a_small_namesake_in_its_context(resolver: Resolver) -> None:
    text = "Officials in Houston, Texas, said new tariffs on imports from China would hurt Texas."
    place = resolve(resolver, text, "Houston", "Texas", "China")["China"]
    assert place is not None and place.kind == "country" and place.country == "CN"


def test_washington_listed_with_another_state_is_the_state(resolver: Resolver) -> None:
    text = "Firms are leaving western states such as Oregon or Washington for cheaper places."
    place = resolve(resolver, text, "Oregon", "Washington")["Washington"]
    assert place is not None and place.kind == "admin1" and place.admin1_code == "US.WA"
    text = "Fans came from as far as Texas and Washington, D.C. to see him."
    place = resolve(resolver, text, "Texas", "Washington")["Washington"]
    assert place is not None and place.kind == "city"


def test_a_generic_word_embedded_in_a_name_is_no_place(resolver: Resolver) -> None:
    text = "Aid reached the Zzyzx Republic and Qwxyz Island last week."
    got = resolve(resolver, text, "Zzyzx Republic", "Qwxyz Island")
    assert got == {"Zzyzx Republic": None, "Qwxyz Island": None}


def test_informal_regions_and_short_names(resolver: Resolver) -> None:
    text = "Drought in Darfur spread across East Anglia while Perth, in WA, stayed dry."
    got = resolve(resolver, text, "Darfur", "East Anglia", "Perth", "WA")
    darfur, anglia, wa = got["Darfur"], got["East Anglia"], got["WA"]
    assert darfur is not None and darfur.country == "SD"
    assert anglia is not None and anglia.country == "GB"
    assert wa is not None and wa.country == "AU" and wa.kind == "admin1"
    assert distance_km(wa.lat, wa.lon, -25.0, 122.0) < 50
