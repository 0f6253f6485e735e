"""tidings_places: place entities get ``geo`` in context, the article gets a focus."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
from spacy.language import Language
from spacy.tokens import Doc

from tidings.model import Article, Extraction
from tidings.nlp.convert import records_from_doc
from tidings.nlp.places import resolve_place


def load(nlp: Language, fixtures: Path, name: str) -> Doc:
    return nlp((fixtures / "geo" / name).read_text(encoding="utf-8"))


def geo_of(doc: Doc, name: str):  # noqa: ANN201 - Geo | None
    entity = next(e for e in doc._.tidings_entities if e.name == name)
    return entity.geo


def test_places_are_resolved_in_context(nlp: Language, fixtures: Path) -> None:
    doc = load(nlp, fixtures, "panjshir.txt")
    kabul = geo_of(doc, "KABUL")
    assert kabul is not None and kabul.country == "AF" and kabul.admin1 is not None
    afghan = geo_of(doc, "Afghan")
    assert afghan is not None and afghan.country == "AF" and afghan.feature == "A.PCLI"
    badakhshan = geo_of(doc, "Badakhshan")
    assert badakhshan is not None and badakhshan.feature == "A.ADM1"
    for entity in doc._.tidings_entities:
        if entity.label in ("PERSON", "ORG"):
            assert entity.geo is None, entity


def test_unresolvable_places_leave_geo_null_and_the_rest_intact(
    nlp: Language, fixtures: Path
) -> None:
    doc = load(nlp, fixtures, "panjshir.txt")
    names = {e.name: e for e in doc._.tidings_entities}
    assert "Reuters" in names and names["Reuters"].geo is None
    unresolved = [e for e in doc._.tidings_entities if "Xyzzyqua" in e.name or "Street" in e.name]
    assert unresolved and all(e.geo is None for e in unresolved)
    assert sum(e.geo is not None for e in doc._.tidings_entities) >= 4


def test_georgia_follows_the_article(nlp: Language, fixtures: Path) -> None:
    country = geo_of(load(nlp, fixtures, "georgia_tbilisi.txt"), "Georgia")
    assert country is not None and country.country == "GE" and country.feature == "A.PCLI"
    state = geo_of(load(nlp, fixtures, "georgia_atlanta.txt"), "Georgia")
    assert state is not None and state.country == "US" and state.feature == "A.ADM1"


def test_focus_and_contract(nlp: Language, fixtures: Path) -> None:
    doc = load(nlp, fixtures, "georgia_atlanta.txt")
    records = records_from_doc(doc)
    assert records.focus is not None
    assert records.focus.country == "US" and records.focus.admin1 == "Georgia"
    focused = next(e for e in records.entities if e.id == records.focus.entity)
    assert focused.geo is not None and focused.geo.admin1 == "Georgia"
    extraction = Extraction(
        article=Article("0123456789abcdef", None, None, None, None, "en", doc.text),
        entities=records.entities,
        timexes=records.timexes,
        focus=records.focus,
    )
    body = extraction.as_dict()
    schema = json.loads(
        resources.files("tidings")
        .joinpath("resources/schema/article-1.schema.json")
        .read_text(encoding="utf-8")
    )
    jsonschema.validate(body, schema)
    assert Extraction.from_dict(json.loads(json.dumps(body))) == extraction


def test_no_places_no_focus(nlp: Language) -> None:
    doc = nlp("The committee met on Tuesday and adjourned.")
    assert doc._.tidings_focus is None
    assert records_from_doc(doc).focus is None


def test_resolve_place_for_later_stages(nlp: Language, fixtures: Path) -> None:
    doc = load(nlp, fixtures, "georgia_atlanta.txt")
    geo = resolve_place(doc, "Columbus")
    assert geo is not None and geo.admin1 == "Georgia"
    assert resolve_place(doc, "Xyzzyqua") is None


def test_a_place_nested_in_an_organisation_name_is_the_place_alone(nlp) -> None:
    text = (
        "Doctors at the Kenya Union of Hospital Doctors said the strike would go on. "
        "The union met in Nairobi on Monday."
    )
    doc = nlp(text)
    nested = [
        doc.text[s:e]
        for entity in doc._.tidings_entities
        if entity.label in ("GPE", "NORP")
        for s, e in entity.mentions
        if 14 <= s < 50
    ]
    assert "Kenya Union" not in nested


def test_an_organisation_named_after_a_place_stays_an_organisation(nlp) -> None:
    text = (
        "Fighting flared near Rushan on Sunday. \u201cWe want calm,\u201d the governor told "
        "the Kabul Ledger on Monday."
    )
    doc = nlp(text)
    outlet = [e for e in doc._.tidings_entities if e.name.endswith("Kabul Ledger")]
    assert outlet
    assert all(e.label == "ORG" and e.geo is None for e in outlet)
