"""Story clustering and figures over the invented records."""

from __future__ import annotations

from tidings.corpus.figures import figures_in, parse_number
from tidings.corpus.stories import WITHIN_TOPIC, cluster_stories


def test_similar_events_in_different_places_and_dates_are_two_stories(corpus) -> None:
    floods = [corpus[k] for k in ("monitor-0320", "courier-0321", "ledger-0302")]
    stories = cluster_stories(floods, params=WITHIN_TOPIC)
    groups = sorted(sorted(s.articles) for s in stories)
    murghab = sorted(corpus[k].article.id for k in ("monitor-0320", "courier-0321"))
    assert murghab in groups
    assert [corpus["ledger-0302"].article.id] in groups


def test_story_of_the_clashes_has_conflicting_figures_side_by_side(corpus) -> None:
    stories = cluster_stories(list(corpus.values()), params=WITHIN_TOPIC)
    clashes = next(s for s in stories if corpus["courier-0302"].article.id in s.articles)
    assert set(clashes.articles) == {
        corpus[k].article.id for k in ("courier-0302", "wire-0303", "ledger-0304")
    }  # noqa: E501
    assert clashes.corroboration == 3
    assert (clashes.first_date, clashes.last_date) == ("2026-03-02", "2026-03-04")
    killed = {(f.outlet, f.value, f.qualifier) for f in clashes.figures if f.kind == "killed"}
    assert killed == {
        ("Pamir Courier", 3, None),
        ("Highland Wire", 41, "at least"),
        ("Kabul Ledger", 50, "more than"),
    }


def test_figures_with_evidence(corpus) -> None:
    record = corpus["courier-0302"]
    figures = figures_in(record)
    assert [(f.kind, f.value) for f in figures] == [("killed", 3), ("wounded", 44)]
    for f in figures:
        assert record.article.text[f.start : f.end] == f.text
    ledger = figures_in(corpus["ledger-0304"])
    assert ("displaced", 2000, "about") in {(f.kind, f.value, f.qualifier) for f in ledger}


def test_parse_number() -> None:
    assert parse_number("1,200") == 1200
    assert parse_number("forty-one") == 41
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("two hundred") == 200
    assert parse_number("many") is None
