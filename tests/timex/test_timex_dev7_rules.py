"""Rules added after the seventh dev set: clock times in o'clock, the middle of a part of the
day, the narrated day an anaphor takes, years of a narrated past. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from timex_helpers import timexes_by_text


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("Snow has fallen since about 3 o'clock this morning.", "about 3 o'clock this morning",
         "TIME 2003-01-15T03:00"),
        ("The polls close at eight o'clock tonight.", "eight o'clock tonight",
         "TIME 2003-01-15T20:00"),
        ("The ferry leaves at 9 o'clock Thursday.", "9 o'clock Thursday", "TIME 2003-01-16T09:00"),
        ("Guests arrived at around 7 p.m. for the dinner.", "around 7 p.m.",
         "TIME 2003-01-15T19:00"),
    ],
)  # fmt: skip
def test_oclock_and_an_approximate_hour_are_clock_times(text: str, extent: str, value: str) -> None:
    assert timexes_by_text(text, date(2003, 1, 15), "future")[extent] == value


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("Shares had slipped 2 percent by midafternoon.", "midafternoon", "TIME 2003-01-15TAF"),
        ("Crews worked until mid-morning to clear the road.", "mid-morning",
         "TIME 2003-01-15TMO"),
    ],
)  # fmt: skip
def test_the_middle_of_a_part_of_the_day_after_a_preposition(
    text: str, extent: str, value: str
) -> None:
    assert timexes_by_text(text, date(2003, 1, 15), "past")[extent] == value


def test_a_midmorning_modifier_is_no_time() -> None:
    assert timexes_by_text("They stopped for a midmorning snack.", date(2003, 1, 15)) == {}


def test_a_day_after_since_does_not_date_the_midafternoon() -> None:
    found = timexes_by_text(
        "The index hit its lowest level since Dec. 30. It had been down 40 points by midafternoon.",
        date(2003, 1, 15),
        "past",
    )
    assert found["midafternoon"] == "TIME 2003-01-15TAF"


def test_a_day_written_with_a_clock_time_anchors_that_afternoon() -> None:
    # Told on Thursday 16 January 2003: "yesterday" is Wednesday, but the landing on Monday,
    # written with its clock time, is the day "that afternoon" belongs to.
    found = timexes_by_text(
        "Engineers said yesterday that the lander touched down at 4:05 a.m. EST Monday."
        " The first pictures arrived that afternoon.",
        date(2003, 1, 16),
        "past",
    )
    assert found["4:05 a.m. EST Monday"] == "TIME 2003-01-13T04:05"
    assert found["that afternoon"] == "TIME 2003-01-13TAF"


def test_a_year_framing_the_paragraph_dates_the_narrated_day_and_its_chain() -> None:
    text = (
        "In 1994, the ferry was the island's only link to the mainland. On March 3, a deckhand"
        " noticed water in the engine room at about 10:15 p.m. By 3 a.m. the next day, the"
        " ship had sunk.\n\nThat night the harbor lights stayed on. The owner promised the next"
        " morning to replace her, but the following summer the company folded."
    )
    found = timexes_by_text(text, date(2001, 5, 2), "past")
    assert found["March 3"] == "DATE 1994-03-03"
    assert found["about 10:15 p.m."] == "TIME 1994-03-03T22:15"
    assert found["3 a.m. the next day"] == "TIME 1994-03-04T03:00"
    assert found["That night"] == "TIME 1994-03-03TNI"
    assert found["the next morning"] == "TIME 1994-03-04TMO"
    assert found["the following summer"] == "DATE 1994-SU"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # future tense: the coming one, whatever year the paragraph narrates
        ("In 1994, the ferry sank. A memorial will open on March 3.", "DATE 2002-03-03"),
        # another year written in between leaves the frame unclear: the default reading
        ("In 1994, the ferry sank; by 1997 a new one ran. On March 3, it ran aground.",
         "DATE 2001-03-03"),
        # a frame in another paragraph does not reach
        ("In 1994, the ferry sank.\n\nOn March 3, the new one ran aground.", "DATE 2001-03-03"),
    ],
)  # fmt: skip
def test_the_narrated_year_needs_a_past_verb_and_an_unbroken_frame(text: str, value: str) -> None:
    tense = "future" if "will" in text else "past"
    assert timexes_by_text(text, date(2001, 5, 2), tense)["March 3"] == value


def test_news_clock_times_without_a_narrated_day_stay_on_publication() -> None:
    found = timexes_by_text("Police closed the bridge at 11:30 p.m.", date(2001, 5, 2), "past")
    assert found["11:30 p.m."] == "TIME 2001-05-02T23:30"


def test_every_month_day_is_a_set() -> None:
    found = timexes_by_text("He lays flowers there every Nov. 14.", date(2001, 5, 2), "present")
    assert found["every Nov. 14"] == "SET XXXX-11-14"


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("The board meets quarterly to review the budget.", "quarterly", "SET P3M"),
        ("The chain posted a quarterly loss of $3 million.", "quarterly", "DURATION P3M"),
        ("She trains about four days a week.", "about four days a week", "SET P1W"),
        ("Nurses worked 12 hours a day during the outbreak.", "12 hours a day", "SET P1D"),
        ("Harvests now begin weeks earlier than they once did.", "weeks", "DURATION PXW"),
    ],
)
def test_rates_and_vague_gaps(text: str, extent: str, value: str) -> None:
    assert timexes_by_text(text, date(2001, 5, 2))[extent] == value


def test_the_previous_year_after_a_fiscal_year_is_the_fiscal_year_before() -> None:
    text = (
        "The grocer said its sales rose 6 percent in fiscal 2003, which ended Feb. 28. It"
        " earned $12 million, against $9 million the previous year."
    )
    found = timexes_by_text(text, date(2003, 4, 9), "past")
    assert found["the previous year"] == "DATE FY2002"
    found = timexes_by_text("It earned $9 million the previous year.", date(2003, 4, 9), "past")
    assert found["the previous year"] == "DATE 2002"


def test_a_sentence_opened_by_a_year_earlier_compares_with_the_quarter_reported() -> None:
    text = (
        "The bank earned $40 million in the second quarter, which ended June 30. A year"
        " earlier it earned $52 million."
    )
    found = timexes_by_text(text, date(2004, 7, 21), "past")
    assert found["A year earlier"] == "DATE 2003-Q2"
    # far from any quarter, it is the year before the last date named
    found = timexes_by_text("The mill closed in May 2001. A year earlier it had 90 workers.", None)
    assert found["A year earlier"] == "DATE 2000"
