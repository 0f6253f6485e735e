"""Queries over a small hand-made store: filters, ordering, FTS ranking and snippets."""

from __future__ import annotations

import pytest

from tidings.store import Store, StoreError
from tidings.store.queries import fts_query


def test_stats_has_the_documented_keys(store: Store) -> None:
    stats = store.stats()
    for key in ("articles", "entities", "quotes", "events", "stories", "failures"):
        assert key in stats


def test_timeline_is_in_date_order_with_every_kind(store: Store) -> None:
    rows = store.timeline()
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {r["kind"] for r in rows} == {"event", "quote", "article"}
    assert len(rows) == 3 + 3 + 1  # articles, quotes, events


def test_timeline_filters(store: Store) -> None:
    assert {r["date"] for r in store.timeline(since="2026-04-02")} == {"2026-04-02", "2026-04-03"}
    assert {r["date"] for r in store.timeline(until="2026-04-01")} == {"2026-04-01"}
    by_place = store.timeline(place="khorog")
    assert {r["date"] for r in by_place} == {"2026-04-01", "2026-04-03"}
    by_person = store.timeline(entity="Sabina Rahimova")
    assert {r["kind"] for r in by_person} == {"event", "quote", "article"}
    assert store.timeline(entity="Nobody Atall") == []
    assert len(store.timeline(limit=2)) == 2


def test_quotes_filters(store: Store) -> None:
    assert len(store.quotes()) == 3
    assert len(store.quotes(speaker="sabina rahimova")) == 3
    assert {q["source"] for q in store.quotes(source="river herald")} == {"River Herald"}
    assert store.quotes(speaker="Someone Else") == []


def test_entities_count_articles_and_mentions(store: Store) -> None:
    rows = store.entities()
    top = rows[0]
    assert (top["name"], top["articles"], top["mentions"]) == ("Sabina Rahimova", 3, 3)
    places = store.entities(type="gpe")
    assert [(p["name"], p["articles"], p["lat"]) for p in places] == [("Khorog", 2, 37.49)]


def test_events_carry_names_and_coordinates(store: Store) -> None:
    (event,) = store.events()
    assert (event["type"], event["actor"], event["place"], event["lat"]) == (
        "ASSAULT",
        "Sabina Rahimova",
        "Khorog",
        37.49,
    )
    assert store.events(type="protest") == []
    assert len(store.events(actor="Sabina Rahimova", place="Khorog")) == 1


def test_search_ranks_and_snippets(store: Store) -> None:
    hits = store.search("landslide")
    assert hits and hits[0]["kind"] == "article"
    assert hits[0]["title"] == "Landslide near Khorog"  # the title weighs more
    assert "[landslide]" in hits[0]["snippet"].lower()
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    quote_hits = [h for h in store.search("clear") if h["kind"] == "quote"]
    assert quote_hits and "[clear]" in quote_hits[0]["snippet"]
    assert store.search("Khorog-Rushan") == []  # punctuation is not FTS syntax
    assert store.search("land*")


def test_fts_query_quotes_words() -> None:
    assert fts_query('U.N. "ceasefire" talk*') == '"U" "N" "ceasefire" "talk"*'
    with pytest.raises(StoreError):
        fts_query("--- ...")
