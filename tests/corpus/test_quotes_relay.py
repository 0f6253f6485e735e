"""A quote relayed by three outlets becomes one cluster with three sources."""

from __future__ import annotations

from tidings.corpus.quotes import cluster_quotes, same_text, venue_outlet


def test_same_text_tolerates_edits_and_truncation() -> None:
    full = "We will not let Khorog burn, whatever the cost to us, and we will say so in Dushanbe."
    assert same_text(full, "We will not let Khorog burn, whatever the cost to us.")
    assert same_text(full, "we will not let khorog burn whatever the cost to us and we will say so")
    assert not same_text(full, "The talks in Dushanbe will resume on Monday, whatever happens.")


def test_relayed_quote_is_one_cluster_with_the_original_outlet(corpus) -> None:
    clusters = cluster_quotes(list(corpus.values()))
    relayed = clusters[0]
    assert len(relayed.members) == 3
    assert relayed.outlets == ("Highland Wire", "Kabul Ledger", "Pamir Courier")
    # Pamir Courier published first, but says Massoud "told Highland Wire".
    assert relayed.original_outlet == "Highland Wire"
    assert relayed.text == "We will not let Khorog burn, whatever the cost to us,"
    assert relayed.speaker is not None


def test_venue_names_an_outlet() -> None:
    assert venue_outlet("told highland wire by telephone", {"highland wire": "Highland Wire"}) == (
        "Highland Wire"
    )
    assert venue_outlet("told Reuters by telephone", {}) == "Reuters"
    assert venue_outlet("in a statement", {}) is None
