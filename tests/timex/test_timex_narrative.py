"""The narrative's own times (TimeML 1.2.1): "that night" and "the next morning" as parts of the
day last named, "that year" as a demonstrative (not the conjunction after "said"), "that week"
after a bare year left unspecified, "8 tonight" as one clock time, "this past week", seasonal
sets, open references ("the foreseeable future"), "week-long", "over" as a preposition outside
the extent, and "three days later than planned".

The anchor is Wednesday 8 November 2023 (ISO week 2023-W45) unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest
from timex_helpers import timexes_by_text

from tidings.timex.direction import FUTURE, PAST

WEDNESDAY = date(2023, 11, 8)


def found(text: str, anchor: date | None = WEDNESDAY, tense: str | None = None) -> dict[str, str]:
    return timexes_by_text(text, anchor, tense)


def test_that_night_and_the_next_morning_are_parts_of_the_day_last_named() -> None:
    got = found("The quake struck on Nov. 2. That night, families slept outside; the next morning")
    assert got["That night"] == "TIME 2023-11-02TNI"
    assert got["the next morning"] == "TIME 2023-11-03TMO"


def test_later_that_evening_keeps_its_modifier_and_takes_the_day_named() -> None:
    got = found("The ferry sank on Monday and divers went down later that evening.", tense=PAST)
    assert got["later that evening"] == "TIME 2023-11-06TEV"


def test_that_night_with_no_day_named_is_the_publication_day() -> None:
    assert found("Crowds gathered that night.", tense=PAST) == {"that night": "TIME 2023-11-08TNI"}


def test_that_year_after_a_year_is_that_year() -> None:
    got = found("The plant opened in 2004. That year, it hired 300 people.", tense=PAST)
    assert got["That year"] == "DATE 2004"


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said that week-long strikes had hurt output.",
        "Officials believe that year-end bonuses will shrink.",
        "The report showed that month after month sales fell.",
    ],
)
def test_that_after_a_reporting_or_thinking_verb_is_a_conjunction(text: str) -> None:
    assert not any(k.lower().startswith("that") for k in found(text, tense=PAST))


def test_a_finer_period_than_the_year_named_is_left_unspecified() -> None:
    got = found("Voters went to the polls in 2010; that week, turnout hit a record.", tense=PAST)
    assert got["that week"] == "DATE 2010-WXX"
    got = found("The firm was founded in 1999, and that month it won a contract.", tense=PAST)
    assert got["that month"] == "DATE 1999-XX"


def test_that_month_after_a_month_named_is_that_month() -> None:
    got = found("The deal was announced in June 1996. Later that month, regulators objected.")
    assert got["Later that month"] == "DATE 1996-06"


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("The speech is at 8 tonight.", "8 tonight", "TIME 2023-11-08T20:00"),
        ("Polls close at 9 p.m. tonight.", "9 p.m. tonight", "TIME 2023-11-08T21:00"),
        ("They met at 10:30 this morning.", "10:30 this morning", "TIME 2023-11-08T10:30"),
        ("The vote is at 7:30 this evening.", "7:30 this evening", "TIME 2023-11-08T19:30"),
    ],
)
def test_a_clock_time_with_tonight_is_one_time_on_the_publication_day(
    text: str, extent: str, value: str
) -> None:
    assert found(text) == {extent: value}


def test_a_bare_number_before_tonight_needs_a_clock_preposition() -> None:
    assert found("The top 8 tonight will advance.") == {"tonight": "TIME 2023-11-08TNI"}


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("This past week, shares rose.", "This past week", "DATE 2023-W44"),
        ("Traders will watch this coming week.", "this coming week", "DATE 2023-W46"),
        ("The band plays this coming weekend.", "this coming weekend", "DATE 2023-W45-WE"),
        ("Crowds marched this past weekend.", "this past weekend", "DATE 2023-W44-WE"),
    ],
)
def test_this_past_and_this_coming_take_this_into_the_extent(
    text: str, extent: str, value: str
) -> None:
    assert found(text) == {extent: value}


def test_this_coming_weekend_told_on_a_saturday_is_the_next_one() -> None:
    saturday = date(2023, 11, 11)
    assert found("The fair opens this coming weekend.", saturday) == {
        "this coming weekend": "DATE 2023-W46-WE"
    }


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("The fair is held every summer.", "every summer", "SET XXXX-SU"),
        ("A market opens each winter.", "each winter", "SET XXXX-WI"),
        ("Leaves are raked each fall.", "each fall", "SET XXXX-FA"),
    ],
)
def test_every_season_is_a_set(text: str, extent: str, value: str) -> None:
    assert found(text) == {extent: value}


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("It will stay open for the foreseeable future.", "the foreseeable future", "FUTURE_REF"),
        ("Floods were common in the distant past.", "the distant past", "PAST_REF"),
        ("Prices rose in the recent past.", "the recent past", "PAST_REF"),
    ],
)
def test_open_references_to_the_past_and_future(text: str, extent: str, value: str) -> None:
    assert found(text) == {extent: f"DATE {value}"}


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("A week-long strike ended.", "week-long", "DURATION P1W"),
        ("The yearlong inquiry closed.", "yearlong", "DURATION P1Y"),
        ("A day-long hearing followed.", "day-long", "DURATION P1D"),
    ],
)
def test_a_unit_long_compound_is_one_unit(text: str, extent: str, value: str) -> None:
    assert found(text) == {extent: value}


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("Jobs will go over the next four years.", "the next four years", "DURATION P4Y"),
        ("Over the past three years the city grew.", "the past three years", "DURATION P3Y"),
        ("Over the years the policy changed.", "the years", "DURATION PXY"),
        ("Volume was the highest in over a year.", "over a year", "DURATION P1Y"),
    ],
)
def test_over_as_a_preposition_stays_outside_the_extent(text: str, extent: str, value: str) -> None:
    assert found(text, tense=FUTURE) == {extent: value}


def test_later_than_planned_after_a_date_names_that_date() -> None:
    got = found("The plane lands on November 11, three days later than originally planned.")
    assert got["three days later"] == "DATE 2023-11-11"


def test_later_than_planned_alone_is_the_gap() -> None:
    got = found("The bridge opened two years later than planned.", tense=PAST)
    assert got == {"two years later": "DURATION P2Y"}


@pytest.mark.parametrize(
    ("text", "extent"),
    [
        ("The speech is at 9 p.m. ET.", "9 p.m. ET"),
        ("Trading opens at 6:30 a.m. PT.", "6:30 a.m. PT"),
    ],
)
def test_a_us_time_zone_without_daylight_letter_is_in_the_extent(text: str, extent: str) -> None:
    assert list(found(text)) == [extent]


def test_that_season_is_the_season_of_the_year_last_named() -> None:
    got = found("The rebels took the town in 2011. That summer, thousands fled.", tense=PAST)
    assert got["That summer"] == "DATE 2011-SU"


def test_that_season_after_said_is_no_time_expression() -> None:
    assert found("Officials said that summer jobs were scarce.", tense=PAST) == {}


def test_the_night_before_is_the_night_before_the_day_last_named() -> None:
    got = found("The verdict came on Tuesday. The night before, crowds gathered.", tense=PAST)
    assert got["The night before"] == "TIME 2023-11-06TNI"


def test_the_night_before_an_event_is_left_alone() -> None:
    assert "the night before" not in found("Crowds gathered the night before the vote.")
