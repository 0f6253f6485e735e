"""Handlers for expressions measured from a date: deictic ("yesterday", "last week", "two weeks
ago", "on Sunday", all relative to the publication date), anaphoric ("the next day", "two years
later", relative to the last date the text named) and anchored ("two days before the 9/11
attacks"). The anchor-free kinds (durations, sets, PRESENT/PAST/FUTURE_REF) are in
``measure_rules``; the narrative's parts of the day ("that night") in ``narrative_rules``."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import direction, values
from .common import (
    Context,
    Handler,
    Resolved,
    TimexValue,
    every_before,
    is_full_name,
    next_word,
    number,
    previous_words,
    safe_date,
    unit_code,
)
from .comparison_rules import comparison_back, opening_comparison
from .lexicon import LEXICON
from .narrative_rules import demonstrative, later_than, unnamed_part
from .patterns import DAY, MONTH, YEAR

_FULL_DATE = re.compile(
    rf"(?:(?P<month>{MONTH})\s+(?P<day>{DAY})\s*,?\s*(?P<year>{YEAR})"
    rf"|(?P<day2>{DAY})\s+(?:of\s+)?(?P<month2>{MONTH})\s*,?\s*(?P<year2>{YEAR}))"
)
_STEP = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "next": 1, "coming": 1}
_STEP |= {"following": 1, "this": 0, "current": 0, "same": 0, "that": 0, "prior": -1}
_ANAPHORIC = {"following", "previous", "preceding", "same", "that", "prior"}


def _unresolved(kind: str = "DATE") -> Resolved:
    return Resolved(TimexValue(kind, None))


def _at(d: date, unit: str) -> Resolved:
    return Resolved(TimexValue("DATE", values.at_granularity(d, unit)), point=d)


def _anchor_date(text: str) -> date | None:
    key = " ".join(text.lower().split())
    for name, iso in LEXICON.events.items():
        if name.lower() == key:
            return date.fromisoformat(iso)
    m = _FULL_DATE.fullmatch(text.strip())
    if not m:
        return None
    month_name = (m["month"] or m["month2"]).rstrip(".")
    day_text = re.match(r"\d+", m["day"] or m["day2"]).group(0)  # type: ignore[union-attr]
    return safe_date(int(m["year"] or m["year2"]), LEXICON.months[month_name], int(day_text))


def anchored(m: re.Match[str], ctx: Context) -> Resolved | None:
    amount, origin = number(m["n"]), _anchor_date(m["anchor"])
    if amount is None or origin is None or m["rel"].lower() == "since":
        return None
    unit = unit_code(m["unit"])
    sign = 1 if m["rel"].lower() == "after" else -1
    return _at(values.shift(origin, sign * amount, unit), unit)


def relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    cue, unit_word = m["cue"].lower(), m["unit"].lower()
    if unit_word == "night":
        return None  # "last night" is a deictic day; "that night" needs the narrative
    unit = {"day": "D", "fortnight": "FN"}.get(unit_word) or unit_code(unit_word)
    bare = m["the"] and m.start("cue") - m.end("the") <= 4  # "the past year", not "the end of"
    if bare and cue in ("past", "coming", "next") and unit not in ("D",):
        return Resolved(TimexValue("DURATION", values.duration(1, unit)))
    if cue == "that" and (m["the"] or not demonstrative(ctx.text, m.start("cue"))):
        return None  # "said that year-end sales ...": a conjunction, no time expression
    if cue == "that" and (unnamed := unnamed_part(ctx, unit)):
        return Resolved(TimexValue("DATE", unnamed))
    step = _STEP[cue]
    fiscal = previous_fiscal(ctx, m.start()) if unit == "Y" and step < 0 else None
    if fiscal and cue in _ANAPHORIC:
        return Resolved(TimexValue("DATE", fiscal))
    base = ctx.base if cue in _ANAPHORIC else ctx.anchor
    if base is None:
        return _unresolved()
    if unit == "WE" and step == 0 and base.isoweekday() < 6 and ctx.tense == direction.PAST:
        step = -1  # "this weekend" told on a weekday in the past tense: the one just gone
    return _at(values.shift(base, step, unit), unit)


def previous_fiscal(ctx: Context, start: int) -> str | None:
    """ "profit rose in fiscal 1998 ... up from $79 million the previous year": the year before
    a fiscal year named just before (within two sentences' reach) is the fiscal year before it,
    FY1997, not a calendar year."""
    if ctx.fiscal is None or not 0 <= start - ctx.fiscal_end <= 300:
        return None
    return f"FY{int(ctx.fiscal[2:]) - 1:04d}"


def period_of_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    unit = unit_code(m["unit"])
    # "the end of the day", "the entire year": the day/year the story is about at that point
    base = ctx.anchor
    if unit == "D":
        base = ctx.ref_day or ctx.anchor
    elif unit == "Y":
        base = ctx.near_ref(m.start())
    if base is None:
        return _unresolved()
    return _at(base, unit)


# Words before "the year/quarter/month/week" that make it the period the story is about.
_PERIOD_FRAMES = {"for", "in", "during", "through", "throughout", "over", "within", "into"}
_PERIOD_FRAMES |= {"ended", "ending", "closed", "finished", "end", "ends", "until", "by", "since"}
# Nouns before "of the year" that measure a part of it ("the first nine months of the year").
_PART_NOUNS = {"half", "part", "end", "beginning", "start", "rest", "remainder", "middle"}
_PART_NOUNS |= {"balance", "course", "close", "bulk"}
# Words after "the quarter" that make it something else ("the quarter point", "the year's X"
# stays a date; "the year of the tiger" does not).
_NOT_PERIOD_AFTER = {"of", "point", "points", "mile", "miles", "hour", "when", "in", "that"}


_ENDED = re.compile(
    rf"[^\S\n]+(?i:ended|ending|that\s+ended|which\s+ended)[^\S\n]+(?P<month>{MONTH})[^\S\n]+"
    rf"(?P<day>{DAY})(?:,?[^\S\n]+(?P<year>{YEAR}))?"
)


_SUPERLATIVE = re.compile(r"best|worst|first|last|most|least|\w{3,}est")
_SO_FAR = re.compile(r"[^\S\n]+(?i:so\s+far|to\s+date)\b")


def _framed_period(ctx: Context, start: int, end: int) -> bool:
    before = previous_words(ctx.text, start, 2)
    after = next_word(ctx.text, end).lower()
    if after in _NOT_PERIOD_AFTER:
        return False
    if not before:
        return False
    if before[-1] == "of":
        if len(before) > 1 and (before[0] in _PART_NOUNS or before[0] in LEXICON.units):
            return True
        # "the best opening of the year", "the highest level of the year so far"
        ranked = any(_SUPERLATIVE.fullmatch(w) for w in previous_words(ctx.text, start, 5)[:-1])
        return ranked or bool(_SO_FAR.match(ctx.text, end))
    return before[-1] in _PERIOD_FRAMES


def _reported_quarter(ctx: Context, latest: bool) -> str | None:
    """The quarter a story means by "the quarter": the first one it named, else the last one
    finished (results are reported after a quarter ends; past tense or "latest"), else the
    current one."""
    if ctx.story_quarter and not latest:
        return ctx.story_quarter
    if ctx.anchor is None:
        return None
    d = ctx.anchor
    if latest or ctx.tense != direction.FUTURE and ctx.tense != direction.PRESENT:
        d = values.shift_months(d, -3)
    return values.quarter(d.year, values.quarter_of(d))


def the_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "for the quarter", "earlier in the year", "by year-end", "the latest quarter", "ended
    the week higher": the period the story is about (TimeML: a DATE of that granularity)."""
    if m["end"]:
        base = ctx.near_ref(m.start())
        return _unresolved() if base is None else _at(base, "Y")
    unit = unit_code(m["unit"])
    latest = bool(m["latest"])
    ended = _ENDED.match(ctx.text, m.end())
    if ended and ctx.anchor is not None:  # "the week ended Feb. 13": the week of that day
        month_no = LEXICON.months[ended["month"].rstrip(".")]
        day_no = int(re.match(r"\d+", ended["day"]).group(0))  # type: ignore[union-attr]
        year_no = int(ended["year"]) if ended["year"] else None
        if year_no is None:
            year_no = direction.day_year(ctx.anchor, month_no, day_no, direction.PAST)
        last_day = safe_date(year_no, month_no, day_no)
        if last_day is not None:
            return _at(last_day, unit)
    if not latest and not _framed_period(ctx, m.start(), m.end()):
        return None
    if unit == "Q":
        value = _reported_quarter(ctx, latest)
        if value is None:
            return _unresolved()
        first = date(int(value[:4]), 3 * int(value[-1]) - 2, 1)
        return Resolved(TimexValue("DATE", value), point=first)
    base = ctx.near_ref(m.start())
    if base is None:
        return _unresolved()
    if latest and unit in ("M", "Y"):
        base = values.shift(base, -1, unit)  # the latest month's figures: last month's
    if unit == "W":
        base = ctx.ref_day or base
    return _at(base, unit)


def the_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "ended the day higher", "for the day", "late in the day": the last day named (market
    reports name it: "on Monday ... ended the day"), else the publication day."""
    before = previous_words(ctx.text, m.start(), 1)
    if before and before[0] in ("all", "to", "one", "some", "by", "save", "seize", "carry"):
        return None  # "all the day", "to the day", "seize the day", "carry the day"
    day = ctx.ref_day or ctx.anchor
    if day is None:
        return _unresolved()
    return Resolved(TimexValue("DATE", values.day(day)))


_WEEKEND_FRAMES = {"over", "during", "at", "on", "for", "through", "throughout", "across", "of"}
_WEEKEND_FRAMES |= {"until", "by", "before", "after", "since", "in", "from", "and"}


def the_weekend(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "over the weekend": the weekend just gone, or the coming one in the future tense (the
    anchor's own when it falls on a Saturday or Sunday)."""
    before = previous_words(ctx.text, m.start(), 1)
    if not before or before[0] not in _WEEKEND_FRAMES:
        return None
    if ctx.anchor is None:
        return _unresolved()
    anchor = ctx.anchor
    ahead = ctx.tense == direction.FUTURE or before[0] in ("until", "by")
    if anchor.isoweekday() < 6 and not ahead:
        anchor -= timedelta(days=7)  # told on a weekday: the ISO week's weekend is still to come
    return Resolved(TimexValue("DATE", values.weekend(anchor)))


def ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m["bare"]:  # "years ago": some time back, TimeML's PAST_REF
        return Resolved(TimexValue("DATE", "PAST_REF"))
    amount = number(m["n"])
    unit = unit_code(m["unit"])
    if amount is None:
        return Resolved(TimexValue("DATE", "PAST_REF"))
    if ctx.anchor is None:
        return _unresolved()
    if unit in ("H", "MIN", "S"):
        return Resolved(TimexValue("DATE", values.day(ctx.anchor)), point=ctx.anchor)
    compared = comparison_back(m, ctx, amount, unit)  # "in May ... up from a year ago"
    if compared:
        return Resolved(TimexValue("DATE", compared))
    # "a decade ago" is a year, not a decade: the count says how far back, not how coarse
    return _at(values.shift(ctx.anchor, -amount, unit), "Y" if unit in ("DE", "CE") else unit)


def later(m: re.Match[str], ctx: Context) -> Resolved | None:
    amount = number(m["n"])
    if amount is None:
        return None
    unit = unit_code(m["unit"])
    if unit in ("H", "MIN", "S"):
        return None  # leave "two hours later" to the duration rule
    if next_word(ctx.text, m.end()).lower() == "than":
        return later_than(m, ctx, amount, unit)
    base = ctx.base
    if base is None:
        return _unresolved()
    sign = -1 if m["dir"].lower() in ("earlier", "before", "previously", "prior") else 1
    compared = None
    if sign < 0:
        compared = comparison_back(m, ctx, amount, unit) or opening_comparison(m, ctx, amount, unit)
    if compared:  # "in the first quarter ... from $2 billion a year earlier"
        return Resolved(TimexValue("DATE", compared))
    return _at(values.shift(base, sign * amount, unit), unit)


def weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    name = m["wd"]
    if not is_full_name(name, LEXICON.weekdays):
        return None
    every = every_before(ctx.text, m.start())
    if every and not m["cue"]:  # "every Monday": a SET, whose extent takes the quantifier
        code = f"XXXX-WXX-{LEXICON.weekdays[name]}"
        if m["pod"]:
            code += "T" + LEXICON.parts_of_day[m["pod"].lower()]
        return Resolved(TimexValue("SET", code), span=(every.start(), m.end()))
    if ctx.anchor is None:
        return _unresolved("TIME" if m["pod"] else "DATE")
    cue = m["cue"]
    tense = ctx.tense
    if not cue:
        before = previous_words(ctx.text, m.start(), 1)
        if before and before[0] in ("since", "last"):
            tense = direction.PAST
        elif before and before[0] in _SPAN_ENDS and tense == direction.PAST:
            # A past verb with "through"/"until" either ran its course up to the day ("waited
            # through Wednesday night", told on Thursday) or, done, reaches ahead ("canceled
            # events through Wednesday", told on Tuesday): the nearer of the two days. Present
            # or unknown tense keeps looking ahead ("the road is closed until Friday").
            iso = LEXICON.weekdays[name]
            back = direction.weekday(ctx.anchor, iso, None, direction.PAST)
            ahead = direction.weekday(ctx.anchor, iso, "next", None)
            d = back if ctx.anchor - back < ahead - ctx.anchor else ahead
            return _weekday_value(m, d)
        elif before and (
            before[0] == "next"
            or before[0] in _SPAN_ENDS
            or before[0] == "by"
            and tense != direction.PAST
        ):
            # "will rule by Friday" looks ahead; "had seized the palace by Thursday evening"
            # stays in the past its verb tells ("closed until Friday" still looks ahead)
            tense = direction.FUTURE
    d = direction.weekday(ctx.anchor, LEXICON.weekdays[name], cue, tense)
    return _weekday_value(m, d)


def _weekday_value(m: re.Match[str], d: date) -> Resolved:
    if m["pod"]:
        code = LEXICON.parts_of_day[m["pod"].lower()]
        return Resolved(TimexValue("TIME", values.with_part_of_day(values.day(d), code)), point=d)
    return Resolved(TimexValue("DATE", values.day(d)), point=d)


# Words that end a span at the day named ("through Wednesday", "until Friday").
_SPAN_ENDS = {"through", "until", "till"}

_DEICTIC: dict[str, tuple[int, str | None]] = {
    "today": (0, None),
    "yesterday": (-1, None),
    "tomorrow": (1, None),
}
_DEICTIC |= {"tonight": (0, "NI"), "last night": (-1, "NI"), "this morning": (0, "MO")}
_DEICTIC |= {"this afternoon": (0, "AF"), "this evening": (0, "EV")}
_DEICTIC |= {"the day before yesterday": (-2, None), "the day after tomorrow": (2, None)}
_DEICTIC |= {"earlier today": (0, None), "later today": (0, None)}


def deictic_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    offset, code = _DEICTIC[" ".join(m["rel"].lower().split())]
    if m["pod"]:
        code = LEXICON.parts_of_day[m["pod"].lower()]
    kind = "TIME" if code else "DATE"
    if ctx.anchor is None:
        return _unresolved(kind)
    d = ctx.anchor + timedelta(days=offset)
    value = values.day(d) if code is None else values.with_part_of_day(values.day(d), code)
    return Resolved(TimexValue(kind, value), point=d)


def anaphoric_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    rel = (m["rel"] or m["rel2"] or "same").lower()
    base = ctx.base
    if base is None:
        return _unresolved()
    offset = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1}
    offset |= {"before": -1}
    return _at(base + timedelta(days=offset.get(rel, 0)), "D")


HANDLERS: dict[str, Handler] = {
    "anchored": anchored,
    "relative_unit": relative_unit,
    "period_of_year": period_of_year,
    "the_day": the_day,
    "the_period": the_period,
    "the_weekend": the_weekend,
    "ago": ago,
    "later": later,
    "weekday": weekday,
    "deictic_day": deictic_day,
    "anaphoric_day": anaphoric_day,
}
