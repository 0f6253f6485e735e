"""The events stage on an invented article: triggers, arguments, negation, modality, dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.convert import records_from_doc
from tidings.nlp.resolved import ResolvedEvent


@pytest.fixture(scope="module")
def doc(nlp: Language, fixtures: Path) -> Doc:
    text = (fixtures / "events" / "harbour_strike.txt").read_text(encoding="utf-8")
    d = nlp.make_doc(text)
    d._.tidings_published = "2026-05-12"
    for _name, component in nlp.pipeline:
        d = component(d)
    return d


def _event(doc: Doc, trigger: str) -> ResolvedEvent:
    found = [e for e in doc._.tidings_events if e.trigger == trigger]
    assert found, f"no event {trigger!r}: {[e.trigger for e in doc._.tidings_events]}"
    return found[0]


def _name(doc: Doc, index: int | None) -> str | None:
    return None if index is None else doc._.tidings_entities[index].name


def test_arrest_has_group_actor_count_place_and_date(doc: Doc) -> None:
    event = _event(doc, "arrested")
    assert event.type == "COERCE" and event.mode == "arrest"
    assert _name(doc, event.actor) == "Police"
    assert doc._.tidings_entities[event.actor].label == "GROUP"
    assert "miners" in (_name(doc, event.target) or "")
    assert [(c.value, c.role) for c in event.counts] == [(33, "target")]
    assert _name(doc, event.place) == "Port Salen"
    assert event.date == "2026-05-11"
    assert event.actor_code == "COP" and event.target_code == "LAB"


def test_threat_and_its_content(doc: Doc) -> None:
    threat = _event(doc, "threatened")
    assert threat.type == "THREATEN"
    assert _name(doc, threat.actor) == "union"
    stoppage = _event(doc, "stoppage")
    assert stoppage.type == "PROTEST" and stoppage.modality == "threatened"
    assert threat.content is not None
    assert doc._.tidings_events[threat.content] is stoppage


def test_no_fighting_yet_is_negated(doc: Doc) -> None:
    event = _event(doc, "fighting")
    assert event.type == "ASSAULT" and event.negated
    assert _name(doc, event.place) == "Port Salen"


def test_request_and_seeking_is_no_agreement(doc: Doc) -> None:
    request = _event(doc, "called on")
    assert request.type == "REQUEST"
    assert _name(doc, request.actor) == "Ilse Markov"
    # "seeking a peaceful solution": AGREE settle, an aim, not a realised agreement
    agreements = [e for e in doc._.tidings_events if e.type == "AGREE"]
    assert [(e.trigger, e.mode, e.modality) for e in agreements] == [
        ("peaceful solution", "settle", "intended")
    ]


def test_counts_and_historical_dates(doc: Doc) -> None:
    shot = _event(doc, "shot down")
    assert shot.type == "ASSAULT"
    assert [(c.value, c.of) for c in shot.counts if c.role == "target"] == [(5, "helicopters")]
    assert shot.date == "2026-W19"
    killing = _event(doc, "assassinated")
    assert killing.date == "2001-09-09"


def test_events_become_contract_records(doc: Doc) -> None:
    records = records_from_doc(doc)
    assert records.events
    ids = {e.id for e in records.entities}
    for number, event in enumerate(records.events, start=1):
        assert event.id == f"ev{number}"
        assert doc.text[event.start : event.end] == event.trigger
        for ref in (event.actor, event.target, event.place):
            assert ref is None or ref in ids
    assert [e.start for e in records.events] == sorted(e.start for e in records.events)
    quoted = [e for e in records.events if e.trigger == "attacked"]
    assert quoted and quoted[0].source is not None and quoted[0].source.startswith("q")
