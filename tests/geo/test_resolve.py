"""Resolution in context: the article decides which of several namesakes it means."""

from __future__ import annotations

import re
from pathlib import Path

from tidings.geo.gazetteer import Place
from tidings.geo.resolve import Resolver, Toponym, distance_km


def spans(text: str, *names: str, label: str | None = "GPE") -> list[Toponym]:
    out = []
    for name in names:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            out.append(Toponym(m.start(), m.end(), label))
    return sorted(out, key=lambda t: t.start)


def resolve(resolver: Resolver, text: str, *names: str) -> dict[str, Place | None]:
    toponyms = spans(text, *names)
    picks, _ = resolver.resolve(text, toponyms)
    return {text[t.start : t.end]: p for t, p in zip(toponyms, picks, strict=True)}


def read(fixtures: Path, name: str) -> str:
    return (fixtures / "geo" / name).read_text(encoding="utf-8")


def test_tbilisi_makes_georgia_the_country(resolver: Resolver, fixtures: Path) -> None:
    text = read(fixtures, "georgia_tbilisi.txt")
    got = resolve(resolver, text, "Tbilisi", "Georgia", "Batumi", "Moscow")
    georgia = got["Georgia"]
    assert georgia is not None and georgia.kind == "country" and georgia.country == "GE"


def test_atlanta_makes_georgia_the_state(resolver: Resolver, fixtures: Path) -> None:
    text = read(fixtures, "georgia_atlanta.txt")
    got = resolve(resolver, text, "Atlanta", "Savannah", "Macon", "Georgia", "Augusta")
    georgia = got["Georgia"]
    assert georgia is not None and georgia.kind == "admin1" and georgia.country == "US"
    augusta = got["Augusta"]
    assert augusta is not None and augusta.admin1 == "Georgia"


def test_paris_texas(resolver: Resolver) -> None:
    text = "A tornado hit Paris, Texas, on Friday."
    paris = resolve(resolver, text, "Paris")["Paris"]
    assert paris is not None and paris.country == "US" and paris.admin1 == "Texas"
    text = "Paris was quiet on Friday as the talks went on."
    paris = resolve(resolver, text, "Paris")["Paris"]
    assert paris is not None and paris.country == "FR"


def test_a_texas_context_picks_paris_tx(resolver: Resolver) -> None:
    text = "Storms crossed Texas. In Dallas and Sherman, and in Paris, schools closed."
    paris = resolve(resolver, text, "Texas", "Dallas", "Sherman", "Paris")["Paris"]
    assert paris is not None and paris.admin1 == "Texas"


def test_state_abbreviation_after_a_comma(resolver: Resolver) -> None:
    text = "The plant in Springfield, Ill., closed."
    place = resolve(resolver, text, "Springfield")["Springfield"]
    assert place is not None and place.admin1 == "Illinois"


def test_bahrain_in_a_swat_valley_story_is_the_town(resolver: Resolver, fixtures: Path) -> None:
    text = read(fixtures, "swat_floods.txt")
    got = resolve(resolver, text, "MINGORA", "Pakistan", "Bahrain", "Swat", "Kalam", "Peshawar",
                  "Islamabad")  # fmt: skip
    bahrain = got["Bahrain"]
    assert bahrain is not None and bahrain.country == "PK"
    assert distance_km(bahrain.lat, bahrain.lon, 35.2, 72.55) < 20


def test_bahrain_alone_is_the_kingdom(resolver: Resolver) -> None:
    bahrain = resolve(resolver, "Bahrain hosted the summit.", "Bahrain")["Bahrain"]
    assert bahrain is not None and bahrain.country == "BH" and bahrain.kind == "country"


def test_province_valley_and_demonym(resolver: Resolver, fixtures: Path) -> None:
    text = read(fixtures, "panjshir.txt")
    toponyms = [*spans(text, "KABUL", "Panjshir valley", "Badakhshan", "Baghlan", "Charikar"),
                *spans(text, "Afghan", label="NORP")]  # fmt: skip
    toponyms.sort(key=lambda t: t.start)
    picks, ctx = resolver.resolve(text, toponyms)
    got = {text[t.start : t.end]: p for t, p in zip(toponyms, picks, strict=True)}
    assert all(p is not None and p.country == "AF" for p in got.values()), got
    assert got["Afghan"] is not None and got["Afghan"].kind == "country"
    assert got["Panjshir valley"] is not None and got["Panjshir valley"].feature == "T.VAL"
    assert got["Badakhshan"] is not None and got["Badakhshan"].kind == "admin1"
    assert ctx.country == "AF"


def test_streets_buildings_and_unknown_names_stay_unresolved(resolver: Resolver) -> None:
    text = "Shops on Main Street near the Xyzzy Hotel and in Xyzzyqua closed."
    got = resolve(resolver, text, "Main Street", "Xyzzy Hotel", "Xyzzyqua")
    assert got == {"Main Street": None, "Xyzzy Hotel": None, "Xyzzyqua": None}


def test_an_institution_lies_in_the_place_it_is_named_after(resolver: Resolver) -> None:
    text = "Flights at Kabul Airport resumed; the injured went to Kandahar Regional Hospital."
    got = resolve(resolver, text, "Kabul Airport", "Kandahar Regional Hospital")
    for name, lat, lon in (
        ("Kabul Airport", 34.53, 69.17),
        ("Kandahar Regional Hospital", 31.61, 65.71),
    ):
        place = got[name]
        assert place is not None and distance_km(place.lat, place.lon, lat, lon) < 50
    text = "Traffic on London Road near the Oxford House was slow."
    assert resolve(resolver, text, "London Road", "Oxford House") == {
        "London Road": None,
        "Oxford House": None,
    }


def test_demonyms(resolver: Resolver) -> None:
    text = "Afghans and Americans met European and Canadian diplomats."
    picks, _ = resolver.resolve(text, spans(text, "Afghans", "Americans", "European", "Canadian",
                                            label="NORP"))  # fmt: skip
    assert [p.country if p else None for p in picks] == ["AF", "US", None, "CA"]
    assert picks[2] is not None and picks[2].kind == "continent"
    nobody, _ = resolver.resolve(
        "Democrats met.", spans("Democrats met.", "Democrats", label="NORP")
    )
    assert nobody == [None]


def test_news_aliases(resolver: Resolver) -> None:
    text = "Officials in Kiev and the U.S. spoke."
    (kiev, us), _ = resolver.resolve(text, [Toponym(13, 17, "GPE"), Toponym(26, 30, "GPE")])
    assert kiev is not None and kiev.country == "UA"
    assert us is not None and us.kind == "country" and us.country == "US"


def test_resolve_name_uses_the_context(resolver: Resolver, fixtures: Path) -> None:
    text = read(fixtures, "georgia_atlanta.txt")
    _, ctx = resolver.resolve(text, spans(text, "Atlanta", "Savannah", "Macon"))
    place = resolver.resolve_name("Georgia", ctx)
    assert place is not None and place.kind == "admin1"
    assert resolver.resolve_name("Xyzzyqua", ctx) is None


def test_countries_and_states_sit_at_their_geonames_points(resolver: Resolver) -> None:
    # Gold geocodes score against GeoNames's own country point, not a centroid or the capital.
    for name, lat, lon in (("United States", 39.76, -98.5), ("Russia", 60.0, 100.0),
                           ("China", 35.0, 105.0), ("Iowa", 42.0, -93.5)):  # fmt: skip
        place = resolver.resolve_name(name)
        assert place is not None and distance_km(place.lat, place.lon, lat, lon) < 100, name


def test_namesakes_follow_the_other_places_of_the_article(resolver: Resolver) -> None:
    # Huntsville, Alabama is five times the size of Huntsville, Texas; the county settles it.
    text = "Walker County, Texas lifted its burn ban. Huntsville residents may burn again."
    spans = [Toponym(m.start(), m.end()) for m in re.finditer(r"Walker County|Huntsville", text)]
    picks, _ = resolver.resolve(text, spans)
    assert {p.admin1_code for p in picks if p is not None} == {"US.TX"}


def test_qualified_and_embedded_names(resolver: Resolver) -> None:
    wales = resolver.resolve_name("West Wales")
    assert wales is not None and wales.name == "Wales"
    europe = resolver.resolve_name("European Commission")
    assert europe is not None and europe.kind == "continent"
    kurds = resolver.resolve_name("Kurdish")
    assert kurds is not None and kurds.name == "Kurdistan"


def test_alias_rows_parse(resolver: Resolver) -> None:
    for key, alias in resolver.aliases.items():
        assert (alias.lat is None) == (alias.lon is None), key
        assert alias.feature is None or re.fullmatch(r"[A-Z]\.[A-Z0-9]+", alias.feature), key
