"""Rules that read the words around an expression: the day of a market report, the weekend,
clock times with their day, bare plural units, ranges and the month of "October of next year".

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


def test_the_day_of_a_market_report_is_the_last_day_named() -> None:
    got = found("Shares fell on Monday but recovered late in the day to end the day higher.")
    assert got["Monday"] == "DATE 2023-11-06"
    assert got["late in the day"] == "DATE 2023-11-06"
    assert got["the day"] == "DATE 2023-11-06"


def test_the_day_without_a_named_day_is_the_publication_day() -> None:
    assert found("The index closed the day 2 percent lower.") == {"the day": "DATE 2023-11-08"}


def test_the_day_skips_years_and_months_named_before() -> None:
    got = found("Its lowest level since October 1997 came as it ended the day down.")
    assert got["the day"] == "DATE 2023-11-08"


@pytest.mark.parametrize(
    "text", ["Seize the day.", "It was the day of the attack.", "He remembers the day when"]
)
def test_the_day_in_idioms_and_anaphora_is_left_alone(text: str) -> None:
    assert "the day" not in found(text)


@pytest.mark.parametrize(
    ("text", "anchor", "tense", "expected"),
    [
        ("Protesters gathered during the weekend.", WEDNESDAY, PAST, "DATE 2023-W44-WE"),
        ("Farmers will march over the weekend.", WEDNESDAY, FUTURE, "DATE 2023-W45-WE"),
        ("Talks went on over the weekend.", date(2023, 11, 12), PAST, "DATE 2023-W45-WE"),
    ],
)
def test_the_weekend_is_the_one_just_gone_or_the_coming_one(
    text: str, anchor: date, tense: str, expected: str
) -> None:
    assert found(text, anchor, tense)["the weekend"] == expected


def test_the_weekend_needs_a_preposition() -> None:
    assert "the weekend" not in found("The weekend edition sold out.")


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("GM filed at 12:00 UTC Monday in court.", "12:00 UTC Monday", "2023-11-06T12:00Z"),
        ("He will speak at 4 p.m. today.", "4 p.m. today", "2023-11-08T16:00"),
        ("They met at 16:15 UTC, November 1st, in Oslo.", "16:15 UTC", "2023-11-01T16:15Z"),
        ("The ferry docked at 9 a.m. on Tuesday.", "9 a.m.", "2023-11-07T09:00"),
    ],
)
def test_clock_times_take_the_day_written_with_them(
    text: str, expression: str, expected: str
) -> None:
    assert found(text, tense=PAST)[expression] == f"TIME {expected}"


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Prices are at their highest level in years.", "years", "PXY"),
        ("Markets lost it all in minutes.", "minutes", "PTXM"),
        ("The decades-long dispute is over.", "decades-long", "PXDE"),
        ("It had been decades in the making.", "decades", "PXDE"),
    ],
)
def test_bare_plural_units_in_duration_frames(text: str, expression: str, expected: str) -> None:
    assert found(text)[expression] == f"DURATION {expected}"


@pytest.mark.parametrize("text", ["In years of war, it grew.", "Years passed.", "in days to come"])
def test_bare_plural_units_elsewhere_are_not_durations(text: str) -> None:
    assert found(text) == {}


def test_the_first_count_of_a_range_takes_the_unit() -> None:
    got = found("The process would take between 60 and 90 days.")
    assert got == {"60": "DURATION P60D", "90 days": "DURATION P90D"}


def test_a_month_of_next_year_takes_that_year() -> None:
    got = found("Franchises will not be renewed after October of next year.", tense=FUTURE)
    assert got == {"October": "DATE 2024-10", "next year": "DATE 2024"}
    assert found("It rained in March last year.", tense=PAST)["March"] == "DATE 2022-03"


def test_the_entire_year_is_the_year_just_named() -> None:
    got = found(
        "It lost $4 billion in the fourth quarter of 2022 and $9 billion for the entire year."
    )
    assert got["the entire year"] == "DATE 2022"


def test_recent_is_a_past_reference_but_most_recent_is_not() -> None:
    assert found("The recent downturn hit sales.") == {"recent": "DATE PAST_REF"}
    assert found("Its most recent model sold well.") == {}


def test_hyphenated_now_and_soon_are_not_references() -> None:
    assert found("The now-cancelled deal and the soon-to-open terminal.") == {}


def test_september_11_attacks_is_2001() -> None:
    assert found("the worst fall since the September 11th attacks") == {
        "September 11th": "DATE 2001-09-11"
    }


def test_decimal_digits_are_not_a_year() -> None:
    assert found("The offer is $4.1556 per share.") == {}


def test_a_sentence_final_full_month_name_keeps_its_full_stop_out() -> None:
    got = found("Chrysler wants to cut dealers by early June.", tense=FUTURE)
    assert got == {"early June": "DATE 2024-06"}
