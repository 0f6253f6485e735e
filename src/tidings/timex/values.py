"""TIMEX3 value strings: ISO weeks, months, decades, centuries, durations, parts of day.

Pure helpers over ``datetime.date``; they know nothing about text. TimeML writes values in
ISO 8601 with its own extensions: ``2021-W33`` (ISO week), ``2021-W33-WE`` (that week's weekend),
``198X`` (the 1980s), ``19`` (the 1900s, i.e. the 20th century), ``2021-Q3``, ``2021-SU`` (summer),
``2021-08-20TMO`` (Friday morning), ``P6W`` / ``PT30H`` (durations).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# Units whose duration is written after the T of an ISO duration.
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
# Units TimeML writes as multiples of a base unit.
_SCALED = {"DE": (10, "Y"), "CE": (100, "Y"), "FN": (2, "W")}


def day(d: date) -> str:
    return d.isoformat()


def month(year: int, month_number: int) -> str:
    return f"{year:04d}-{month_number:02d}"


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def weekend(d: date) -> str:
    return iso_week(d) + "-WE"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def quarter(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def decade(first_year: int) -> str:
    """``1980`` -> ``198X``: the decade as TimeML's three digits plus X."""
    return f"{first_year // 10:03d}X"


def century(first_year: int) -> str:
    """``1900`` -> ``19``: the hundred years 1900-1999 (the 20th century)."""
    return f"{first_year // 100:02d}"


def with_part_of_day(value: str, code: str) -> str:
    return f"{value}T{code}"


def clock(d: date | None, hour: int, minute: int, zone: str | None = None) -> str:
    prefix = d.isoformat() if d is not None else "XXXX-XX-XX"
    return f"{prefix}T{hour:02d}:{minute:02d}" + ("Z" if zone else "")


def shift_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the target month's length."""
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    last = calendar.monthrange(y, m + 1)[1]
    return date(y, m + 1, min(d.day, last))


def shift(d: date, amount: float, unit: str) -> date:
    """``d`` moved by ``amount`` units (negative: back). Fractions round to whole days."""
    if unit in ("D",):
        return d + timedelta(days=round(amount))
    if unit in ("W", "WE"):
        return d + timedelta(days=round(7 * amount))
    if unit == "FN":
        return d + timedelta(days=round(14 * amount))
    if unit == "M":
        return shift_months(d, round(amount))
    if unit == "Q":
        return shift_months(d, round(3 * amount))
    if unit == "Y":
        return shift_months(d, round(12 * amount))
    if unit == "DE":
        return shift_months(d, round(120 * amount))
    if unit == "CE":
        return shift_months(d, round(1200 * amount))
    return d  # hours, minutes and seconds do not move the day


def at_granularity(d: date, unit: str) -> str:
    """The value naming the ``unit``-sized period that contains ``d`` (week -> ISO week...)."""
    if unit in ("W", "FN"):
        return iso_week(d)
    if unit == "WE":
        return weekend(d)
    if unit == "M":
        return month(d.year, d.month)
    if unit == "Q":
        return quarter(d.year, quarter_of(d))
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return decade(d.year)
    if unit == "CE":
        return century(d.year)
    return day(d)


def _number(amount: float) -> str:
    if amount == int(amount):
        return str(int(amount))
    return f"{amount:g}"


def duration(amount: float | None, unit: str) -> str:
    """``(6, "W")`` -> ``P6W``; ``(30, "H")`` -> ``PT30H``; ``(None, "Y")`` -> ``PXY``."""
    if unit == "WE":
        return f"P{'X' if amount is None else _number(amount)}WE"
    if unit in _SCALED:
        factor, base = _SCALED[unit]
        if amount is None:
            return f"PX{unit}" if unit != "FN" else "PXW"
        return f"P{_number(amount * factor)}{base}"
    count = "X" if amount is None else _number(amount)
    if unit in _TIME_UNITS:
        return f"PT{count}{_TIME_UNITS[unit]}"
    return f"P{count}{unit}"


def season_start(year: int, code: str) -> date:
    """First day of a meteorological season (winter ``year`` starts in December ``year``)."""
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    return date(year, first_month, 1)


def season_of(d: date) -> tuple[int, str]:
    """The (year, code) of the season containing ``d``; January-February count as the previous
    year's winter."""
    if d.month in (12, 1, 2):
        return (d.year if d.month == 12 else d.year - 1, "WI")
    return (d.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA"))


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    r = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * r) // 451
    month_number, day_number = divmod(h + r - 7 * m + 114, 31)
    return date(year, month_number, day_number + 1)


def movable_holiday(year: int, rule: str) -> date:
    """The day of a movable holiday in ``year`` from its lexicon rule: ``easter:-2`` (Good
    Friday), ``11:4:4`` (the fourth Thursday of November), ``5:1:-1`` (the last Monday of May),
    ``11:1:1:+1`` (the day after the first Monday of November)."""
    parts = rule.split(":")
    if parts[0] == "easter":
        return easter(year) + timedelta(days=int(parts[1]))
    month_number, iso_weekday, nth = int(parts[0]), int(parts[1]), int(parts[2])
    after = int(parts[3]) if len(parts) > 3 else 0
    if nth > 0:
        first = date(year, month_number, 1)
        d = first + timedelta(days=(iso_weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        last = date(year, month_number, calendar.monthrange(year, month_number)[1])
        d = last - timedelta(days=(last.isoweekday() - iso_weekday) % 7)
    return d + timedelta(days=after)
