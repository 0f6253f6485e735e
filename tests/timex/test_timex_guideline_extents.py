"""TIMEX3 extent and value conventions (TimeML 1.2.1), checked against MEANTIME's practice:
"early"/"late" inside the extent of a day, ages and "-long" as one token, "every Monday" as a
SET, and "annual" results as a one-year DURATION.

The anchor is Wednesday 8 November 2023 (ISO week 2023-W45) unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest
from timex_helpers import timexes_by_text

from tidings.timex.direction import PAST

WEDNESDAY = date(2023, 11, 8)


def found(text: str, anchor: date | None = WEDNESDAY, tense: str | None = None) -> dict[str, str]:
    return timexes_by_text(text, anchor, tense)


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("Shelling resumed late Tuesday near the river.", "late Tuesday", "DATE 2023-11-07"),
        ("The vote was held early Monday.", "early Monday", "DATE 2023-11-06"),
        ("Fighting broke out late yesterday.", "late yesterday", "DATE 2023-11-07"),
        ("He spoke early Friday morning.", "early Friday morning", "TIME 2023-11-03TMO"),
    ],
)
def test_early_and_late_sit_inside_the_extent_without_changing_the_value(
    text: str, extent: str, value: str
) -> None:
    assert found(text, tense=PAST) == {extent: value}


def test_a_possessive_stays_outside_the_extent() -> None:
    assert found("Monday's meeting was cancelled.", tense=PAST) == {"Monday": "DATE 2023-11-06"}


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("A 45-year-old man was arrested.", "45-year-old", "DURATION P45Y"),
        ("The three-year-old girl was found.", "three-year-old", "DURATION P3Y"),
        ("The decades-long dispute ended.", "decades-long", "DURATION PXDE"),
    ],
)
def test_an_age_or_a_long_compound_is_one_token(text: str, extent: str, value: str) -> None:
    assert found(text) == {extent: value}


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("Ferries leave every Tuesday.", "every Tuesday", "SET XXXX-WXX-2"),
        ("The market opens each Friday morning.", "each Friday morning", "SET XXXX-WXX-5TMO"),
    ],
)
def test_every_weekday_is_a_set_whose_extent_takes_the_quantifier(
    text: str, extent: str, value: str
) -> None:
    assert found(text) == {extent: value}


def test_next_weekday_after_every_is_still_a_date() -> None:
    assert found("Every analyst expects a cut next Tuesday.") == {"next Tuesday": "DATE 2023-11-14"}


def test_annual_results_are_a_year_long_duration_and_annual_events_a_set() -> None:
    assert found("GM posted its first annual loss since 1992.")["annual"] == "DURATION P1Y"
    assert found("Ford reported annual revenue of $2 billion.")["annual"] == "DURATION P1Y"
    assert found("Jobs gave the keynote at the annual conference.")["annual"] == "SET P1Y"
