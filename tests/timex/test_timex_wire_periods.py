"""Periods that wire copy names by their role in the story rather than by the calendar: "for the
quarter", "earlier in the year", "by year-end", "the latest quarter", "the prior year", "the
year-earlier quarter", "the week ended Feb. 13", "the last week of March"; and the smaller rules
that came with them ("in a single day", "the last couple of years", "in the fall.").

The anchor is Wednesday 21 October 1998 (third-quarter results season) unless a test says
otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest
from timex_helpers import timexes_by_text

from tidings.timex.direction import FUTURE, PAST, PRESENT, month_year

OCTOBER = date(1998, 10, 21)


def found(text: str, anchor: date | None = OCTOBER, tense: str | None = None) -> dict[str, str]:
    return timexes_by_text(text, anchor, tense)


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Net income for the quarter rose 9%.", PAST, "DATE 1998-Q3"),
        ("The company expects a loss for the quarter.", PRESENT, "DATE 1998-Q4"),
        ("It will cut costs in the quarter.", FUTURE, "DATE 1998-Q4"),
    ],
)
def test_the_quarter_is_the_one_just_reported_or_the_current_one(
    text: str, tense: str, expected: str
) -> None:
    assert found(text, tense=tense)["the quarter"] == expected


def test_the_quarter_is_the_first_quarter_the_story_named() -> None:
    got = found("Second-quarter profit rose. For the quarter, sales rose 4%.", tense=PAST)
    assert got["the quarter"] == "DATE 1998-Q2"


def test_the_latest_quarter_is_the_last_one_finished_and_the_previous_one_before_it() -> None:
    got = found("Sales rose in the latest quarter, and fell in the previous quarter.", tense=PAST)
    assert got["the latest quarter"] == "DATE 1998-Q3"
    assert got["the previous quarter"] == "DATE 1998-Q2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For the year, the company earned $3 million.", "DATE 1998"),
        ("Sales fell earlier in the year.", "DATE 1998"),
        ("In the first nine months of the year, profit rose.", "DATE 1998"),
        ("Profit rose in 1996, and for the year it paid $2 a share.", "DATE 1996"),
    ],
)
def test_the_year_in_a_frame_is_the_year_the_story_is_about(text: str, expected: str) -> None:
    assert found(text, tense=PAST)["the year"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The car of the year won.",
        "It was the year of the tiger.",
        "He was named player of the year.",
        "Rates rose by a quarter point.",
        "The week was long.",
    ],
)
def test_the_year_or_quarter_outside_a_period_frame_is_no_timex(text: str) -> None:
    assert not {"the year", "the quarter", "the week"} & set(found(text))


def test_year_end_is_the_year_of_the_story() -> None:
    assert found("It expects to complete the sale by year-end.") == {"year-end": "DATE 1998"}


def test_the_period_ended_on_a_day_is_that_days_period() -> None:
    got = found(
        "The rate rose in the week ended Feb. 13 from the previous week.", date(1998, 2, 18)
    )
    assert got["the week"] == "DATE 1998-W07"
    assert got["Feb. 13"] == "DATE 1998-02-13"
    assert got["the previous week"] == "DATE 1998-W06"
    got = found("In the quarter ended Dec. 31, 1997, it lost money.", date(1998, 2, 18))
    assert got["the quarter"] == "DATE 1997-Q4"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rebounded in the last week of March 2009.", "DATE 2009-W13"),
        ("Sales rebounded in the first week of March 2009.", "DATE 2009-W10"),
        ("Talks resume in the second week of January, 1999.", "DATE 1999-W02"),
    ],
)
def test_a_week_of_a_month_is_the_iso_week_holding_most_of_it(text: str, expected: str) -> None:
    got = found(text)
    assert len(got) == 1  # one expression: the month is inside it
    assert next(iter(got.values())) == expected


def test_the_prior_year_and_quarter_count_back_like_the_previous_one() -> None:
    assert found("Profit in the prior year was lower.", tense=PAST) == {
        "the prior year": "DATE 1997"
    }
    got = found("Sales beat those of the prior quarter.", tense=PAST)
    assert got == {"the prior quarter": "DATE 1998-Q3"}


def test_the_year_earlier_quarter_is_the_story_quarter_a_year_back() -> None:
    got = found("Third-quarter profit rose 5% from the year-earlier quarter.", tense=PAST)
    assert got["the year-earlier quarter"] == "DATE 1997-Q3"
    got = found("Profit rose from the year-earlier quarter.", tense=PAST)  # none named
    assert got["the year-earlier quarter"] == "DATE 1997-Q3"


def test_a_comparison_does_not_count_back_from_another_comparison() -> None:
    got = found("In May, sales rose from the same period last year and the year-ago period.")
    assert got["May"] == "DATE 1998-05"
    assert got["the same period last year"] == "DATE 1997-05"
    assert got["the year-ago period"] == "DATE 1997-05"


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("The index fell 22.6% in a single day.", "a single day", "DURATION P1D"),
        ("Prices rose 5% in a full year.", "a full year", "DURATION P1Y"),
        ("Prices rose in the last couple of years.", "the last couple of years", "DURATION P2Y"),
    ],
)
def test_modified_and_paired_durations(text: str, expression: str, expected: str) -> None:
    assert found(text)[expression] == expected


def test_a_rate_after_a_number_is_still_no_duration() -> None:
    assert found("Sales grow 5 percent a year.") == {"a year": "SET P1Y"}


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("It will open 25 stores in the fall.", FUTURE, "DATE 1999-FA"),
        ("It opened 25 stores in the fall, the company said.", PAST, "DATE 1998-FA"),
    ],
)
def test_the_fall_after_a_preposition_and_before_punctuation_is_the_season(
    text: str, tense: str, expected: str
) -> None:
    assert found(text, date(1998, 12, 20), tense)["the fall"] == expected


@pytest.mark.parametrize(
    "text",
    ["Prices rose after the fall of the ruble.", "It was hurt by the fall in prices.", "The fall."],
)
def test_the_fall_of_something_is_no_season(text: str) -> None:
    assert "the fall" not in found(text)


def test_a_month_long_past_in_the_present_tense_is_next_years() -> None:
    november = date(1998, 11, 4)
    assert month_year(november, 1, PRESENT, False) == 1999  # "takes office in January"
    assert month_year(november, 9, PRESENT, False) == 1998  # "ends in September"
    assert month_year(november, 1, None, False) == 1998  # no tense: the anchor's year
    assert month_year(november, 1, PAST, False) == 1998


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("The pope will celebrate Mass on Easter Sunday.", date(2013, 3, 22), "2013-03-31"),
        ("Sales rose over Thanksgiving, retailers said.", date(1998, 12, 2), "1998-11-26"),
        ("Stores will open on Labor Day.", date(1998, 8, 20), "1998-09-07"),
        ("Markets were closed for Good Friday 2013.", date(2013, 4, 5), "2013-03-29"),
        ("Traffic was heavy on Memorial Day.", date(1998, 6, 1), "1998-05-25"),
        ("Voters go to the polls on Election Day.", date(2012, 10, 1), "2012-11-06"),
    ],
)
def test_movable_holidays_are_computed_for_the_year(text: str, anchor: date, expected: str) -> None:
    got = list(found(text, anchor).values())
    assert got[0] == f"DATE {expected}"


def test_a_holiday_before_a_capitalised_word_is_part_of_a_name() -> None:
    assert found("He flew to Easter Island.") == {}


def test_bare_plural_units_ago_and_coming() -> None:
    got = found("The village was abandoned years ago; more arrests may follow in coming weeks.")
    assert got == {"years ago": "DATE PAST_REF", "coming weeks": "DURATION PXW"}


def test_the_early_hours_of_a_day_are_no_duration() -> None:
    got = found("Police arrived in the early hours of Sunday.", tense=PAST)
    assert got == {"Sunday": "DATE 1998-10-18"}


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (date(2013, 3, 12), "2013-SU"),
        (date(2013, 10, 2), "2013-SU"),
        (date(2013, 1, 15), "2013-SU"),
    ],
)
def test_this_summer_is_the_summer_of_the_anchors_year(anchor: date, expected: str) -> None:
    assert found("It will unveil a phone this summer.", anchor, FUTURE)["this summer"] == (
        f"DATE {expected}"
    )


def test_this_winter_in_january_is_the_winter_under_way() -> None:
    assert found("Snow fell this winter.", date(2013, 1, 15), PAST)["this winter"] == "DATE 2012-WI"


@pytest.mark.parametrize(
    "text",
    [
        "It was the best opening of the year so far.",
        "Gold hit its highest level of the year.",
    ],
)
def test_the_year_after_a_superlative_is_the_story_year(text: str) -> None:
    assert found(text, date(2013, 3, 4))["the year"] == "DATE 2013"


def test_the_afternoon_is_of_the_day_named_before() -> None:
    got = found(
        "Gold fell on Tuesday morning before recovering in the afternoon.", date(2013, 2, 27)
    )
    assert got["Tuesday morning"] == "TIME 2013-02-26TMO"
    assert got["the afternoon"] == "TIME 2013-02-26TAF"
    got = found("Talks will resume in the evening.", date(2013, 2, 27), FUTURE)
    assert got == {"the evening": "TIME 2013-02-27TEV"}


@pytest.mark.parametrize(
    "text", ["He died in the night of the attack.", "The ceasefire held through the night."]
)
def test_the_night_of_something_or_through_the_night_is_left_alone(text: str) -> None:
    assert "the night" not in found(text)


def test_a_year_before_a_singular_unit_is_no_duration() -> None:
    got = found("FIFA World Cup 2018 day five: Sweden win.", date(2018, 6, 19))
    assert got == {"2018": "DATE 2018"}
    assert found("The wall stood for 2000 years.") == {"2000 years": "DURATION P2000Y"}
