"""Handlers for expressions that compare with the period the sentence is about: "the same period
last year", "the same quarter a year earlier", "from a year ago" after "in February", "the year
before", and parts of a trading day ("in morning trading").

TimeML practice (TimeBank, MEANTIME): "sales rose in February from the same period last year"
dates the comparison to the *same* period one year back (``2012-02``), not to the whole year;
without a period named earlier in the sentence the year itself is the value.
"""

from __future__ import annotations

import re
from datetime import date

from . import values
from .common import (
    Context,
    Handler,
    Resolved,
    TimexValue,
    next_word,
    number,
    previous_words,
    unit_code,
)
from .lexicon import LEXICON
from .patterns import SENTENCE_END

# A value naming a part of a year: a month, quarter, half or season ("2013-02", "2013-Q1").
_PART_OF_YEAR = re.compile(r"(\d{4})(-(?:0[1-9]|1[0-2]|Q[1-4]|H[12]|SP|SU|FA|WI))$")
# Words after which "a year ago/earlier" is the other side of a comparison ("up from ...").
_COMPARING = {"from", "than", "with", "over", "to", "versus", "vs"}


def period_year_back(ctx: Context, start: int, years: int) -> str | None:
    """The part of a year named last in this sentence (before ``start``), ``years`` back:
    "in February ... the same period last year" -> ``2012-02``; None when there is none."""
    if ctx.last_value is None or ctx.last_end > start:
        return None
    if SENTENCE_END.search(ctx.text, ctx.last_end, start):
        return None
    m = _PART_OF_YEAR.match(ctx.last_value)
    if not m:
        return None
    return f"{int(m[1]) - years:04d}{m[2]}"


def comparison_back(m: re.Match[str], ctx: Context, amount: float, unit: str) -> str | None:
    """ "up from $2 billion a year earlier" after "in the first quarter": that quarter, a year
    back. Only whole years, only after a comparing word, only within the sentence."""
    if unit != "Y" or amount != int(amount) or amount < 1:
        return None
    before = previous_words(ctx.text, m.start(), 5)  # "from $1.5 billion a year earlier"
    if not any(w in _COMPARING for w in before):
        return None
    return period_year_back(ctx, m.start(), int(amount))


_OPENS_SENTENCE = re.compile(r"(?:^|[.!?][\"'”]?\s+|\n\s*)$")


def opening_comparison(m: re.Match[str], ctx: Context, amount: float, unit: str) -> str | None:
    """ "It earned $18 million in the quarter, which ended Sept. 30. A year earlier it earned
    $31 million": a sentence opened by "a year earlier" compares with the quarter or half the
    sentence before reported (within 150 characters), one year back."""
    if unit != "Y" or amount != int(amount) or amount < 1 or ctx.period is None:
        return None
    if not 0 <= m.start() - ctx.period_end <= 150:
        return None
    if not _OPENS_SENTENCE.search(ctx.text, max(0, m.start() - 4), m.start()):
        return None
    return f"{int(ctx.period[:4]) - int(amount):04d}{ctx.period[4:]}"


def same_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m["year"]:
        year = int(m["year"])
        named = period_year_back(ctx, m.start(), 0)
        value = f"{year:04d}{named[4:]}" if named else f"{year:04d}"
        return Resolved(TimexValue("DATE", value))
    amount = number(m["n"]) if m["n"] else 1.0
    if amount is None or amount != int(amount):
        return None
    shifted = period_year_back(ctx, m.start(), int(amount))
    if shifted:
        return Resolved(TimexValue("DATE", shifted))
    unit = (m["unit"] or m["unit2"] or "").lower()
    if unit == "quarter" and ctx.story_quarter:  # "the year-earlier quarter": the story's one
        return Resolved(
            TimexValue(
                "DATE", f"{int(ctx.story_quarter[:4]) - int(amount):04d}" + ctx.story_quarter[4:]
            )
        )
    if ctx.anchor is None:
        return Resolved(TimexValue("DATE", None))
    if unit == "quarter":  # none named: the last quarter finished, a year back
        d = values.shift_months(ctx.anchor, -3 - 12 * int(amount))
        return Resolved(TimexValue("DATE", values.quarter(d.year, values.quarter_of(d))))
    return Resolved(TimexValue("DATE", f"{ctx.anchor.year - int(amount):04d}"))


def unit_before(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the year before", "the year previous", "the month prior": one unit back from the last
    date the text named (else from publication)."""
    base = ctx.base
    if base is None:
        return Resolved(TimexValue("DATE", None))
    unit = unit_code(m["unit"])
    d = values.shift(base, -1, unit)
    return Resolved(TimexValue("DATE", values.at_granularity(d, unit)), point=d)


def trading_session(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "rose in morning trading": that part of the day last named (market reports name it:
    "on Tuesday ... in morning trading"), else of the publication day."""
    day: date | None = ctx.ref_day or ctx.anchor
    code = LEXICON.parts_of_day[m["pod"].lower()]
    span = (m.start("part"), m.end("part"))
    if day is None:
        return Resolved(TimexValue("TIME", None), span=span)
    return Resolved(TimexValue("TIME", values.with_part_of_day(values.day(day), code)), span=span)


# Words after "in the morning" that make it another morning ("the night of the attack", "the
# morning after", "in the evening when he left").
_NOT_THE_DAYS = {"of", "when", "after", "before", "that", "hours", "news", "paper", "papers"}


def part_of_the_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "recovering in the afternoon", "by the evening": that part of the day named last
    ("on Tuesday morning ... in the afternoon"), else of the publication day."""
    if next_word(ctx.text, m.end()).lower() in _NOT_THE_DAYS:
        return None
    day: date | None = ctx.anchor
    if ctx.ref_day is not None and ctx.ref == ctx.ref_day:
        day = ctx.near_ref(m.start(), 200)
    code = LEXICON.parts_of_day[m["pod"].lower()]
    span = (m.start("part"), m.end("part"))
    if day is None:
        return Resolved(TimexValue("TIME", None), span=span)
    return Resolved(TimexValue("TIME", values.with_part_of_day(values.day(day), code)), span=span)


# Prepositions that make "midafternoon" a time ("by midafternoon", "until midmorning"), not a
# modifier ("a midafternoon snack", "midmorning coffee").
_MID_FRAMES = {"by", "until", "till", "at", "around", "about", "in", "from", "since", "before"}
_MID_FRAMES |= {"after", "through", "toward", "towards", "near", "past"}


def mid_part(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "by midafternoon", "until mid-morning": that part of the day (TimeML's TAF, TMO) of the
    day named last, like "in the afternoon"; only after a preposition that makes it a time."""
    before = previous_words(ctx.text, m.start(), 1)
    if not before or before[0] not in _MID_FRAMES:
        return None
    day: date | None = ctx.anchor
    # A day named after "since" is where a span starts ("the lowest close since Nov. 24"),
    # not the day the story is telling.
    since = previous_words(ctx.text, ctx.ref_start, 1) == ["since"]
    if ctx.ref_day is not None and ctx.ref == ctx.ref_day and not since:
        day = ctx.near_ref(m.start(), 200)
    code = LEXICON.parts_of_day[m["pod"].lower()]
    if day is None:
        return Resolved(TimexValue("TIME", None))
    return Resolved(TimexValue("TIME", values.with_part_of_day(values.day(day), code)))


HANDLERS: dict[str, Handler] = {
    "mid_part": mid_part,
    "part_of_the_day": part_of_the_day,
    "same_period": same_period,
    "unit_before": unit_before,
    "trading_session": trading_session,
}
