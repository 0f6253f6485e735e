"""Pairing quotation marks without a parser: apostrophes, nesting, odd counts, paragraphs."""

from __future__ import annotations

from tidings.nlp.quote_marks import find_quotes


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_and_curly_pairs_keep_inner_punctuation() -> None:
    text = '"We have buried enough," he said. “The council signed it.”'
    assert _texts(text) == ["We have buried enough,", "The council signed it."]


def test_nested_single_quotes_stay_inside_the_double_quote() -> None:
    text = "He said: “She told me: ‘Never give up.’ And I did not.”"
    assert _texts(text) == ["She told me: ‘Never give up.’ And I did not."]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "The employers' association said 90 days' notice was fine; they don't miss the '90s."
    assert _texts(text) == []


def test_odd_count_never_aborts_and_the_open_quote_ends_with_its_paragraph() -> None:
    text = 'He said "the road is closed.\n\nLater, "We will open it," she said.'
    assert _texts(text) == ["the road is closed.", "We will open it,"]
    assert find_quotes(text)[0].close_mark is None


def test_a_quote_left_open_continues_in_the_next_paragraph() -> None:
    text = '"First paragraph of it.\n\n"Second paragraph," he said.'
    first, second = find_quotes(text)
    assert first.close_mark is None and not first.continues
    assert second.continues and second.paragraph == 1
