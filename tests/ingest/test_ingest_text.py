"""Plain text: tidied, never rewritten; a headline only when it clearly is one."""

from __future__ import annotations

import pytest

from tidings.ingest.text import headline, read_plain_text, tidy_text

BODY = (
    "DOHA — Negotiators from the two sides met again in Doha on Thursday, the first "
    "face-to-face session in almost a month, mediators said."
)


def test_tidy_keeps_words_and_paragraphs() -> None:
    raw = "\n\nFirst line  \nsame paragraph\t\n\n\n\n  Second paragraph.\n\n"
    assert tidy_text(raw) == "First line\nsame paragraph\n\n  Second paragraph."


def test_headline_is_found_and_stays_in_the_text() -> None:
    result = read_plain_text(f"Ceasefire talks resume in Doha\n\n{BODY}\n")
    assert result.title == "Ceasefire talks resume in Doha"
    assert result.text.startswith("Ceasefire talks resume in Doha\n\n")


@pytest.mark.parametrize(
    "first",
    [
        BODY,  # a sentence, not a headline
        "By Amélie Durand",
        "DOHA",
        "Talks",  # too short
        "Negotiators met on Thursday.",  # ends like a sentence
        "Source: Harbour Wire",
    ],
)
def test_non_headlines_are_not_titles(first: str) -> None:
    assert headline(f"{first}\n\n{BODY}") is None


def test_no_title_without_a_body_after_it() -> None:
    assert headline("Ceasefire talks resume in Doha\n\nShort.") is None


def test_no_title_when_the_first_paragraph_spans_lines() -> None:
    assert headline(f"Ceasefire talks resume\nin Doha today\n\n{BODY}") is None
