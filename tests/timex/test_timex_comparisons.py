"""Reported speech ("said ... would"), comparisons with a year back ("the same period last
year", "from a year earlier" after a quarter), "the year before", quarters without a tense,
trading sessions and modified relative years ("the start of next year").

The anchor is Thursday 14 March 2013 (first quarter) unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest
from timex_helpers import timexes_by_text

from tidings.timex import guess_tense
from tidings.timex.direction import FUTURE_IN_PAST, PAST

THURSDAY = date(2013, 3, 14)


def found(text: str, anchor: date | None = THURSDAY, tense: str | None = None) -> dict[str, str]:
    return timexes_by_text(text, anchor, tense)


def test_would_alone_is_the_future_of_a_report() -> None:
    text = "The minister said the talks would resume in April."
    assert guess_tense(text, text.index("April"), text.index("April") + 5) == FUTURE_IN_PAST


def test_would_points_a_bare_month_forward_from_publication() -> None:
    got = found("The minister said the talks would resume in April.", date(2013, 11, 20))
    assert got["April"] == "DATE 2014-04"


def test_would_points_forward_from_the_said_date() -> None:
    text = "The company said in January it would finish the plant in February."
    got = found(text, tense=FUTURE_IN_PAST)
    assert got["January"] == "DATE 2013-01"  # the report's own date looks back
    assert got["February"] == "DATE 2013-02"  # after January, not after publication


def test_would_weekday_follows_the_day_of_the_report() -> None:
    text = "On Monday, the ministry said the vote would take place on Friday."
    got = found(text, date(2013, 12, 5), tense=FUTURE_IN_PAST)
    assert got["Friday"] == "DATE 2013-12-06"


def test_a_date_unrelated_to_the_report_is_not_its_time() -> None:
    text = "The firm, which lost money in 2012, would open a plant in February."
    got = found(text, date(2013, 11, 20), tense=FUTURE_IN_PAST)
    assert got["February"] == "DATE 2014-02"


def test_past_perfect_still_looks_back() -> None:
    got = found("He had said the plant was finished in November.", tense=PAST)
    assert got["November"] == "DATE 2012-11"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        (
            "Sales rose 5 percent in February compared with the same period last year.",
            "the same period last year",
            "DATE 2012-02",
        ),
        (
            "Profit fell in the first quarter from the same quarter a year earlier.",
            "the same quarter a year earlier",
            "DATE 2012-Q1",
        ),
        (
            "Revenue in the second half of 2012 rose compared with the year-earlier period.",
            "the year-earlier period",
            "DATE 2011-H2",
        ),
        (
            "Fourth-quarter profit rose to $2 billion from $1.5 billion a year earlier.",
            "a year earlier",
            "DATE 2011-Q4",
        ),
        ("Sales in February rose 5 percent from a year ago.", "a year ago", "DATE 2012-02"),
        ("Sales rose compared with the same period last year.", "the same period last year",
         "DATE 2012"),
        ("Profit was $3 billion, up from $2 billion a year earlier.", "a year earlier",
         "DATE 2012"),
    ],
)  # fmt: skip
def test_comparisons_take_the_period_of_the_sentence_a_year_back(
    text: str, expr: str, value: str
) -> None:
    assert found(text, tense=PAST)[expr] == value


def test_a_period_in_an_earlier_sentence_is_not_compared() -> None:
    got = found("Sales fell in February. They were up from a year ago.", tense=PAST)
    assert got["a year ago"] == "DATE 2012"


def test_a_year_ago_without_a_comparison_is_the_year() -> None:
    got = found("In February, a year ago, the plant closed.", tense=PAST)
    assert got["a year ago"] == "DATE 2012"


def test_the_year_before_and_previous_step_back_from_the_last_date() -> None:
    got = found("It shipped 4,000 tonnes in 2010, more than the year before.")
    assert got["the year before"] == "DATE 2009"
    got = found("Costs were $118 billion last year, less than the year previous.")
    assert got["the year previous"] == "DATE 2011"


def test_the_year_before_an_event_is_left_alone() -> None:
    assert "the year before" not in found("It reopened the year before the election.")


@pytest.mark.parametrize(
    ("anchor", "value"),
    [(date(2006, 8, 19), "DATE 2006-Q4"), (date(2007, 2, 10), "DATE 2006-Q4")],
)
def test_a_quarter_without_tense_is_the_nearer_one(anchor: date, value: str) -> None:
    text = "Ford has cut output, resulting in the closure of plants during the fourth quarter."
    assert found(text, anchor, tense="none")["the fourth quarter"] == value


def test_a_past_quarter_ahead_of_the_current_one_is_last_years() -> None:
    got = found("Output fell in the fourth quarter.", date(2006, 8, 19), tense=PAST)
    assert got["the fourth quarter"] == "DATE 2005-Q4"


def test_morning_trading_is_the_morning_of_the_last_day_named() -> None:
    got = found("Shares rose on Wednesday in morning trading before falling back.", tense=PAST)
    assert got["Wednesday"] == "DATE 2013-03-13"
    assert got["morning"] == "TIME 2013-03-13TMO"


def test_the_start_of_next_year_is_next_year_not_a_duration() -> None:
    assert found("The terminal should open at the start of next year.") == {
        "the start of next year": "DATE 2014"
    }
    assert found("Prices rose over the past year.")["the past year"] == "DURATION P1Y"


def test_an_index_named_by_a_number_is_not_a_year() -> None:
    assert found("The Russell 2000 index of small companies fell.") == {}


def test_a_date_after_would_is_the_event_even_before_said() -> None:
    text = "The plant would open in February, officials said."
    got = found(text, date(2013, 11, 20), tense=FUTURE_IN_PAST)
    assert got["February"] == "DATE 2014-02"
