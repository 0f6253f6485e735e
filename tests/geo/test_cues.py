"""Cues in a name's wording and surroundings (``tidings.geo.cues``) and the resolver rules that
use them: disease names, eras, acronyms, lone direction words, "X-based"."""

from __future__ import annotations

import re

import pytest

from tidings.geo.context import COMMA_AFTER, contains
from tidings.geo.cues import BASED, acronym, disease_name, era
from tidings.geo.resolve import Resolver, Toponym


def spans(text: str, *names: str) -> list[Toponym]:
    out = [
        Toponym(m.start(), m.end(), "GPE")
        for name in names
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    ]
    return sorted(out, key=lambda t: t.start)


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("MoD", True), ("DBS", True), ("U.N.", True), ("NYC", True), ("Rome", False),
     ("ROME", False), ("KABUL", False), ("DeKalb", False), ("Iowa", False)],
)  # fmt: skip
def test_acronym_shapes(surface: str, expected: bool) -> None:
    assert acronym(surface) is expected


def test_disease_names_and_eras() -> None:
    text = "Birds carried West Nile virus to Ohio, a mound built in 500 BC near Vancouver, BC."
    end = text.index(" virus")
    assert disease_name(text, end)
    assert not disease_name(text, text.index(" near"))
    bc = text.index("BC")
    assert era(text, bc, bc + 2)
    last = text.rindex("BC")
    assert not era(text, last, last + 2)


def test_based_names_the_place() -> None:
    text = "The Britain-based Syrian Observatory and an Abu Dhabi-based agency"
    assert [m.group(1) for m in BASED.finditer(text)] == ["Britain", "Abu Dhabi"]


def test_public_context_helpers(resolver: Resolver) -> None:
    match = COMMA_AFTER.match("Paris, Texas, on Monday", len("Paris"))
    assert match is not None and match.group(1).strip() == "Texas"
    texas = resolver.gazetteer.admin1("US.TX")
    paris = next(p for p in resolver.gazetteer.lookup("Paris") if p.admin1_code == "US.TX")
    assert texas is not None and contains(texas, paris) and not contains(paris, texas)


def test_a_disease_name_resolves_to_no_place(resolver: Resolver) -> None:
    text = "Health officials in Arua confirmed two cases of West Nile virus."
    picks, _ = resolver.resolve(text, spans(text, "Arua", "West Nile"))
    assert picks[0] is not None and picks[1] is None


def test_an_era_is_not_british_columbia(resolver: Resolver) -> None:
    text = "The mound in Ohio dates from 500 BC, say researchers in Columbus."
    picks, _ = resolver.resolve(text, spans(text, "Ohio", "BC", "Columbus"))
    assert picks[1] is None and picks[0] is not None


def test_an_acronym_is_no_alternate_spelling(resolver: Resolver) -> None:
    text = "The MoD said troops in Basra were safe."
    picks, _ = resolver.resolve(text, spans(text, "MoD", "Basra"))
    assert picks[0] is None and picks[1] is not None
    assert resolver.candidates("USA")[0]  # a country's code still counts


def test_a_lone_direction_word_needs_a_region_in_the_article(resolver: Resolver) -> None:
    text = "Saudi Arabia wants to improve its image in the West, officials in Riyadh said."
    picks, _ = resolver.resolve(text, spans(text, "Saudi Arabia", "West", "Riyadh"))
    assert picks[1] is None
    text = "Officials in Kampala said the Central and Western regions of Uganda were hit."
    picks, _ = resolver.resolve(text, spans(text, "Kampala", "Central", "Uganda"))
    assert picks[1] is not None and picks[1].country == "UG" and picks[1].kind == "admin1"


def test_a_sheriffs_office_is_in_its_county(resolver: Resolver) -> None:
    text = (
        "Deputies of the Walker County Sheriff's Office arrested three men in LaFayette, Georgia."
    )
    name = "Walker County Sheriff's Office"
    start = text.index(name)
    toponyms = [Toponym(start, start + len(name), "FAC"), *spans(text, "LaFayette", "Georgia")]
    picks, _ = resolver.resolve(text, toponyms)
    assert picks[0] is not None and picks[0].admin1_code == "US.GA"
