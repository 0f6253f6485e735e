"""Dates a reader places by nearness and by the verb: a day named a few weeks away is that one
whatever the tense, a season in a present-tense forecast is the nearer one, "would be announced
Monday" is the event's day (not the report's), "by Thursday evening" after a past perfect stays
in the past, and bare plural units after "take"/"last" are vague durations. Invented sentences."""

from __future__ import annotations

from datetime import date

from timex_helpers import timexes_by_text


def test_a_day_a_week_ahead_is_this_years_even_in_the_past_tense() -> None:
    found = timexes_by_text(
        "The storm hit a week before the election on Nov. 6.", date(2012, 10, 30), "past"
    )
    assert found["Nov. 6"] == "DATE 2012-11-06"


def test_a_day_months_back_in_the_past_tense_stays_last_years() -> None:
    found = timexes_by_text("The plant closed on Nov. 6.", date(2012, 3, 30), "past")
    assert found["Nov. 6"] == "DATE 2011-11-06"


def test_a_present_tense_forecast_takes_the_nearer_season() -> None:
    found = timexes_by_text(
        "Economists expect another rate rise in the summer.", date(2007, 5, 10), "present"
    )
    assert found["the summer"] == "DATE 2007-SU"


def test_until_the_season_looks_ahead() -> None:
    found = timexes_by_text(
        "Lawyers asked the judge to delay the trial until the fall, saying they needed time.",
        date(2006, 2, 14),
        "past",
    )
    assert found["the fall"] == "DATE 2006-FA"


def test_before_the_season_says_nothing_about_its_year() -> None:
    found = timexes_by_text(
        "An accord was not expected before the summer.", date(1998, 5, 20), "future"
    )
    assert found["the summer"] == "DATE 1998-SU"


def test_would_be_announced_monday_is_the_events_day() -> None:
    found = timexes_by_text(
        "The palace said details of the funeral would be announced Monday.", date(1997, 8, 31)
    )
    assert found["Monday"] == "DATE 1997-09-01"


def test_by_a_weekday_after_a_past_perfect_stays_in_the_past() -> None:
    found = timexes_by_text(
        "Troops had seized the palace by Thursday evening.", date(1990, 8, 3), "past"
    )
    assert found["Thursday evening"] == "TIME 1990-08-02TEV"


def test_through_a_weekday_looks_ahead() -> None:
    found = timexes_by_text(
        "Both campaigns canceled events through Wednesday.", date(2012, 10, 30), "past"
    )
    assert found["Wednesday"] == "DATE 2012-10-31"


def test_bare_plural_units_after_take_and_in_the_years_ahead() -> None:
    found = timexes_by_text(
        "It could take months to reopen the bridge, and the firm must invest in the years ahead.",
        date(1989, 10, 18),
    )
    assert found["months"] == "DURATION PXM"
    assert found["the years ahead"] == "DURATION PXY"


def test_a_plural_unit_in_other_frames_is_no_expression() -> None:
    found = timexes_by_text("Officials counted the hours and minutes lost.", date(2010, 1, 5))
    assert "minutes" not in found and "hours" not in found


def test_through_a_weekday_after_a_past_verb_takes_the_nearer_day() -> None:
    # Told on Friday 12 March 1999: the crowd that "stayed through Thursday" stayed until the
    # day before; a present or unknown tense still looks ahead.
    anchor = date(1999, 3, 12)
    found = timexes_by_text("Fans camped outside through Thursday night.", anchor, "past")
    assert found["Thursday night"] == "TIME 1999-03-11TNI"
    found = timexes_by_text("The shelter stayed open until Tuesday.", anchor, "past")
    assert found["Tuesday"] == "DATE 1999-03-09"
    found = timexes_by_text("The shelter stays open until Tuesday.", anchor, "present")
    assert found["Tuesday"] == "DATE 1999-03-16"
