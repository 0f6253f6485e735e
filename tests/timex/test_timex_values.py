"""TIMEX3 value helpers and the dateline detector."""

from __future__ import annotations

from datetime import date

from tidings.timex import detect_dateline, values


def test_iso_week_at_the_year_boundary() -> None:
    assert values.iso_week(date(2021, 1, 1)) == "2020-W53"
    assert values.iso_week(date(2021, 8, 22)) == "2021-W33"


def test_durations() -> None:
    assert values.duration(6, "W") == "P6W"
    assert values.duration(30, "H") == "PT30H"
    assert values.duration(15, "MIN") == "PT15M"
    assert values.duration(2, "DE") == "P20Y"
    assert values.duration(None, "Y") == "PXY"
    assert values.duration(1.5, "Y") == "P1.5Y"


def test_shift_clamps_the_day_of_month() -> None:
    assert values.shift(date(2021, 3, 31), -1, "M") == date(2021, 2, 28)


def test_decade_and_century() -> None:
    assert values.decade(1987) == "198X"
    assert values.century(1900) == "19"


def test_wire_dateline_takes_the_story_year() -> None:
    text = "KABUL, Aug 22 (Reuters) - Crowds gathered, a scene unseen since 2001 and 2021."
    assert detect_dateline(text) == date(2021, 8, 22)


def test_dateline_with_a_full_date() -> None:
    assert detect_dateline("22 August 2021 — Flood waters rose again.") == date(2021, 8, 22)
    assert detect_dateline("Dam fails in the north\nMarch 01, 2008\nThe dam failed.") == date(
        2008, 3, 1
    )


def test_no_dateline() -> None:
    assert detect_dateline("Officials said on Monday that the dam held.") is None
    assert detect_dateline("KABUL, Aug 22 (Reuters) - No year is written anywhere here.") is None
