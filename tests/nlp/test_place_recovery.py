"""tidings_places takes back the place mentions the NER model missed or mislabelled, when the
gazetteer and the article's context agree (``tidings.nlp.place_recovery``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tidings.geo.gazetteer import default_gazetteer
from tidings.geo.resolve import Context, Resolver
from tidings.nlp.place_recovery import PlaceRecovery


def places(nlp: Language, text: str) -> dict[str, tuple[str, str | None]]:
    """Each place mention's text -> (its entity's label, the country it resolved to)."""
    doc = nlp(text)
    out = {}
    for e in doc._.tidings_entities:
        if e.label in ("GPE", "LOC", "NORP", "FAC"):
            for s, t in e.mentions:
                out[text[s:t]] = (e.label, e.geo.country if e.geo else None)
    return out


def test_an_untagged_town_after_a_locative_word_is_a_place(nlp: Language) -> None:
    text = (
        "The fire broke out in Chattanooga on Friday, firefighters in Tennessee said. "
        "Residents of Knoxville and Nashville sent help."
    )
    assert places(nlp, text)["Chattanooga"] == ("GPE", "US")


def test_an_upper_case_dateline_is_a_place(nlp: Language) -> None:
    text = (
        "OKLAHOMA CITY The Latest on teachers rallying at the state Capitol in Oklahoma. "
        "Teachers from Tulsa and Norman joined."
    )
    assert places(nlp, text)["OKLAHOMA CITY"][1] == "US"


def test_a_hyphenated_pair_of_demonyms_is_split(nlp: Language) -> None:
    text = "Syrian-Turkish talks resumed on Monday. Officials in Ankara and Damascus met."
    got = places(nlp, text)
    assert got["Syrian"] == ("NORP", "SY") and got["Turkish"] == ("NORP", "TR")


def test_places_inside_organisation_names(nlp: Language) -> None:
    text = (
        "A delegation from the Embassy of Ukraine in Nigeria met traders in Lagos. "
        "The Allendale Woman's Club of New Jersey raised money for a shelter in Paterson, "
        "New Jersey."
    )
    got = places(nlp, text)
    assert got["Ukraine"][1] == "UA" and got["Nigeria"][1] == "NG"
    assert got["Allendale"] == ("GPE", "US")


@pytest.fixture(scope="module")
def recovery() -> PlaceRecovery:
    return PlaceRecovery(Resolver(default_gazetteer()))


def test_support_needs_the_article_context(recovery: PlaceRecovery) -> None:
    resolver = recovery.resolver
    text = "Officers in Medford, Oregon, and Eugene, Oregon, searched the area."
    from tidings.geo.resolve import Toponym

    spans = [Toponym(text.index(n), text.index(n) + len(n), "GPE") for n in ("Medford", "Eugene")]
    _, ctx = resolver.resolve(text, spans)
    place = recovery.supported("Grants Pass", ctx)
    assert place is not None and place.admin1_code == "US.OR"
    assert recovery.supported("Grants Pass", Context()) is None  # a small town, no context
    assert recovery.supported("Kazakhstan", Context()) is not None  # a country needs none
    assert recovery.supported("Zzyzxville", ctx) is None


def test_split_names_joined_by_a_hyphen(recovery: PlaceRecovery) -> None:
    text = "Amsterdam-London trains and anti-Russian protests"
    parts = recovery.split(text, 0, len("Amsterdam-London"))
    assert [text[s:e] for _, s, e in parts] == ["Amsterdam", "London"]
    start = text.index("anti-Russian")
    parts = recovery.split(text, start, start + len("anti-Russian"))
    assert [(label, text[s:e]) for label, s, e in parts] == [("NORP", "Russian")]


def test_a_given_name_tagged_gpe_gets_no_place(recovery: PlaceRecovery) -> None:
    from tidings.nlp.resolved import ResolvedEntity

    text = "Olivia said she would stay. Officials in Tyler, Texas, agreed."
    olivia = ResolvedEntity("GPE", "Olivia", [(0, 6)])
    tyler = ResolvedEntity("GPE", "Tyler", [(text.index("Tyler"), text.index("Tyler") + 5)])
    town = recovery.resolver.resolve_name("Olivia")
    assert town is not None and recovery.person_named(text, olivia, town)
    city = recovery.resolver.resolve_name("Tyler")
    assert city is not None and not recovery.person_named(text, tyler, city)


def test_datelines_after_a_headline_and_legislators_homes(recovery: PlaceRecovery) -> None:
    text = (
        "Council adjusts budget for snow removal. TORRINGTON — The city council met. "
        "Sponsors were Delegate Jane Roe, D-Kanawha, and John Doe, R-Monongalia. "
        "NATO (the alliance) said nothing."
    )
    found = {r.name: r for r in recovery.untagged(text, [], set(), Context())}
    assert "Torrington" in found and "Nato" not in found
    text = "Firefighters in Charleston, West Virginia, and " + text
    from tidings.geo.resolve import Toponym

    start = text.index("Charleston")
    _, ctx = recovery.resolver.resolve(text, [Toponym(start, start + 10, "GPE")])
    found = {r.name: r for r in recovery.untagged(text, [], set(), ctx)}
    assert {"Kanawha", "Monongalia"} <= set(found)


def test_the_place_an_organisation_is_based_in(nlp: Language) -> None:
    text = "The Britain-based Syrian Observatory for Human Rights said Turkish jets struck Afrin."
    assert places(nlp, text)["Britain"] == ("GPE", "GB")


def test_clubs_tagged_as_people_and_unplaced_buildings_name_their_town(nlp: Language) -> None:
    text = (
        "Burton Albion beat Bolton Wanderers 1-0 in Staffordshire on Saturday. "
        "A man was held in the Columbia County Detention Center in Appling, Georgia, after a "
        "robbery in Augusta, Georgia."
    )
    got = places(nlp, text)
    assert got["Burton"] == ("GPE", "GB") and got["Bolton"] == ("GPE", "GB")
    assert got["Columbia County"] == ("GPE", "US")


def test_a_short_form_of_an_organisation_that_is_its_town(recovery: PlaceRecovery) -> None:
    from tidings.geo.resolve import Toponym
    from tidings.nlp.resolved import ResolvedEntity

    text = "Fargo Police made an arrest. Fargo Mayor Tim Mahoney spoke in Moorhead, Minnesota."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Moorhead", "Minnesota")]
    _, ctx = recovery.resolver.resolve(text, [Toponym(s, e, "GPE") for s, e in spans])
    short = text.index("Fargo Mayor")
    police = ResolvedEntity("ORG", "Fargo Police", [(0, 12), (short, short + 5)], ["Fargo"])
    mayor = ResolvedEntity("PERSON", "Tim Mahoney", [(text.index("Tim"), text.index(" spoke"))])
    found = list(recovery.embedded(text, [police, mayor], ctx))
    assert ("GPE", (short, short + 5)) in found
    assert all(text[s:e] != "Tim" for _, (s, e) in found)  # a person's name has no town in it
