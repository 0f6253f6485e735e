"""The normaliser, pattern by pattern, against a fixed publication date.

The anchor is Sunday 22 August 2021 (ISO week 2021-W33) unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from tidings.timex import TimexValue, find_timexes, normalise
from tidings.timex.direction import FUTURE, PAST

SUNDAY = date(2021, 8, 22)
THURSDAY = date(2025, 5, 15)


def value(text: str, anchor: date | None = SUNDAY, tense: str | None = None) -> str | None:
    result = normalise(text, anchor, tense=tense)
    assert result is not None, f"no time expression found in {text!r}"
    return result.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September 9, 2001", "2001-09-09"),
        ("on 19 August", "2021-08-19"),
        ("January 2023", "2023-01"),
        ("1 April", "2021-04-01"),
        ("in 1996", "1996"),
        ("the fire of 1916", "1916"),
        ("2021-08-20", "2021-08-20"),
        ("7/8/07", "2007-07-08"),
        ("the summer of 2014", "2014-SU"),
        ("the third quarter of 2009", "2009-Q3"),
    ],
)
def test_absolute_dates(text: str, expected: str) -> None:
    assert value(text) == expected


def test_absolute_date_inside_a_sentence_is_one_expression() -> None:
    found = find_timexes("The towers fell after September 9, 2001, as we know.", SUNDAY)
    assert [(f.text, f.value) for f in found] == [("September 9, 2001", "2001-09-09")]


@pytest.mark.parametrize(
    ("text", "anchor", "tense", "expected"),
    [
        ("On Sunday, the mayor said", date(2021, 8, 24), PAST, "2021-08-22"),
        ("next Monday", SUNDAY, None, "2021-08-23"),
        ("last Monday", SUNDAY, None, "2021-08-16"),
        ("on Thursday", THURSDAY, PAST, "2025-05-15"),  # same-day story
        ("on Thursday", date(2025, 5, 17), PAST, "2025-05-15"),
        ("will meet on Wednesday", SUNDAY, FUTURE, "2021-08-25"),
        ("since Tuesday", SUNDAY, None, "2021-08-17"),
    ],
)
def test_weekdays_take_direction_from_cue_and_tense(
    text: str, anchor: date, tense: str | None, expected: str
) -> None:
    assert value(text, anchor, tense) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("yesterday", SUNDAY, "2021-08-21"),
        ("tomorrow", SUNDAY, "2021-08-23"),
        ("last week", SUNDAY, "2021-W32"),
        ("last week", date(2021, 8, 25), "2021-W33"),
        ("next week", SUNDAY, "2021-W34"),
        ("last month", THURSDAY, "2025-04"),
        ("last year", THURSDAY, "2024"),
        ("this year", SUNDAY, "2021"),
        ("two weeks ago", SUNDAY, "2021-W31"),
        ("three years ago", SUNDAY, "2018"),
        ("since August", SUNDAY, "2021-08"),
        ("earlier this month", SUNDAY, "2021-08"),
        ("last weekend", SUNDAY, "2021-W32-WE"),
        ("the end of the year", SUNDAY, "2021"),
    ],
)
def test_relative_expressions(text: str, anchor: date, expected: str) -> None:
    assert value(text, anchor) == expected


def test_since_a_month_is_the_month_not_the_publication_day() -> None:
    assert value("Convoys have waited since August", SUNDAY, PAST) == "2021-08"
    assert value("since March", SUNDAY, PAST) == "2021-03"
    assert value("since October", SUNDAY, PAST) == "2020-10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 1980s", TimexValue("DATE", "198X")),
        ("the 1990s", TimexValue("DATE", "199X")),
        ("the nineties", TimexValue("DATE", "199X")),
        ("the 20th century", TimexValue("DATE", "19")),
        ("Friday morning", TimexValue("TIME", "2021-08-20TMO")),
        ("this morning", TimexValue("TIME", "2021-08-22TMO")),
        ("six weeks", TimexValue("DURATION", "P6W")),
        ("30 hours", TimexValue("DURATION", "PT30H")),
        ("90 days", TimexValue("DURATION", "P90D")),
        ("two and a half years", TimexValue("DURATION", "P2.5Y")),
        ("several years", TimexValue("DURATION", "PXY")),
        ("a decade", TimexValue("DURATION", "P10Y")),
        ("every year", TimexValue("SET", "P1Y")),
        ("twice a week", TimexValue("SET", "P1W")),
        ("at 14:30 GMT", TimexValue("TIME", "2021-08-22T14:30Z")),
        ("now", TimexValue("DATE", "PRESENT_REF")),
    ],
)
def test_decades_parts_of_day_durations_and_sets(text: str, expected: TimexValue) -> None:
    assert normalise(text, SUNDAY) == expected


def test_anchored_to_a_named_event() -> None:
    found = find_timexes("He left two days before the 9/11 attacks.", SUNDAY)
    assert [(f.text, f.type, f.value) for f in found] == [
        ("two days before the 9/11 attacks", "DATE", "2001-09-09")
    ]
    assert value("three weeks after March 3, 2020") == "2020-W13"


def test_anaphoric_expressions_follow_the_last_named_day() -> None:
    text = "Rebels took the town in 2016. Two years later the army returned. The strike began on"
    text += " Thursday. The following day, unions met."
    found = {f.text: f.value for f in find_timexes(text, SUNDAY)}
    assert found["Two years later"] == "2018"
    assert found["The following day"] == "2021-08-20"


@pytest.mark.parametrize(
    "text", ["yesterday", "last week", "on Sunday", "two weeks ago", "since August", "19 August"]
)
def test_relative_expressions_stay_unresolved_without_an_anchor(text: str) -> None:
    result = normalise(text, None)
    assert result is not None and result.value is None


def test_absolute_values_do_not_need_an_anchor() -> None:
    assert value("September 9, 2001", None) == "2001-09-09"
    assert value("six weeks", None) == "P6W"
    assert value("the 1980s", None) == "198X"


@pytest.mark.parametrize(
    "text",
    [
        "You may leave now that it is over.",
        "They march on the capital.",
        "The plane carried 2000 people.",
        "Sun and wind powered the camp.",
        "It cost $2010 in total.",
        "He came a second time.",
    ],
)
def test_non_dates_are_not_taken_for_dates(text: str) -> None:
    assert find_timexes(text, SUNDAY) == []


@pytest.mark.parametrize(
    "text",
    ["The cave was painted 8,000 years ago.", "The ice will last 9,000 years from now."],
)
def test_dates_outside_the_calendar_never_crash(text: str) -> None:
    # datetime.date stops at year 1 and 9999: such phrases get no calendar value, and the
    # rest of the text is still read.
    found = find_timexes(text + " It happened on 2 March 2021.", date(2021, 3, 4))
    assert [t.value for t in found if t.value == "2021-03-02"]
