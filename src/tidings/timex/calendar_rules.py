"""Handlers for expressions that name the calendar: dates, months, years, decades, holidays,
clock times (seasons and quarters are in ``period_rules``). Each takes the rule's match and the
context and returns a ``Resolved``, or None to reject the match (the words were not a date after
all)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import direction, values
from .common import (
    Context,
    Handler,
    Resolved,
    TimexValue,
    clock_hour,
    every_before,
    is_full_name,
    month_number,
    next_word,
    ordinal,
    previous_words,
    safe_date,
)
from .lexicon import LEXICON
from .patterns import DAY, MONTH, SENTENCE_END, WEEKDAY, YEAR

# Words before a bare month or season that show it is one ("in May", not "May" the verb).
PREPOSITIONS = {
    "in", "since", "until", "till", "by", "from", "of", "during", "through", "to", "between",
    "and", "or", "before", "after", "early", "late", "mid", "last", "next", "this", "on", "for",
    "throughout", "into", "that", "every", "each", "the", "around",
}  # fmt: skip
# Nouns that follow a count, showing that "2000" or "1500" is a number and not a year.
_COUNT_NOUNS = re.compile(
    r"(?i:people|persons|troops|soldiers|residents|deaths|cases|jobs|workers|employees|homes"
    r"|houses|families|children|men|women|units|vehicles|cars|shares|barrels|tonnes|tons|meters"
    r"|metres|feet|miles|kilometres|kilometers|km|dollars|euros|pounds|points|votes|members"
    r"|students|refugees|migrants|words|pages|acres|hectares|square|calories|aircraft|planes"
    r"|jets|flights|passengers|staff|customers|users|of)$"
)
_NUMERIC_BEFORE = {"than", "about", "nearly", "almost", "approximately", "roughly", "some"}
# Words before a four-digit number that make it a name or a count: "flight 2012", "Russell 2000".
_NAMED_BY_NUMBER = {"no", "number", "flight", "russell", "windows", "route", "model"}


_ATTACKS = re.compile(r"[^\S\n]+(?i:(?:terrorist[^\S\n]+|terror[^\S\n]+)?attacks?)\b")


# Prepositions that order an event against the date without saying which side of the report
# the date lies on; a past or future verb decides that.
_ORDER_ONLY = frozenset({"before", "after"})


def _tense_way(m: re.Match[str], ctx: Context, cue: str | None = None) -> str | None:
    """Direction from an explicit cue, else from the word before ("since" looks back, "until"
    forward), else the tense; unknown tense in news means past."""
    if cue:
        return direction.direction(cue, ctx.tense)
    before = previous_words(ctx.text, m.start(), 1)
    if before and before[0] in _ORDER_ONLY and ctx.tense in (direction.PAST, direction.FUTURE):
        return ctx.tense  # "will finish before Christmas", "returned after Easter": the verb's
    if before and before[0] in LEXICON.past_cues | LEXICON.future_cues:
        return direction.direction(before[0], ctx.tense)
    return ctx.tense


def _day_value(d: date) -> Resolved:
    return Resolved(TimexValue("DATE", values.day(d)), point=d)


def iso_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day_value(d) if d else None


def numeric_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = int(m["y"])
    if year < 100:
        year += 2000 if year <= 50 else 1900
    d = safe_date(year, int(m["m"]), int(m["d"]))  # month first: the US convention of wires
    return _day_value(d) if d else None


def month_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = month_number(m["month"])
    day_number = int(re.match(r"\d+", m["day"]).group(0))  # type: ignore[union-attr]
    if m["year"]:
        d = safe_date(int(m["year"]), month, day_number)
        return _day_value(d) if d else None
    if safe_date(2000, month, day_number) is None:
        return None
    if m["day"].isdigit() and next_word(ctx.text, m.end()).lower() in ("percent", "per", "%"):
        return None
    if (month, day_number) == (9, 11) and _ATTACKS.match(ctx.text, m.end()):
        return _day_value(date(2001, 9, 11))  # "the September 11 attacks"
    every = every_before(ctx.text, m.start())
    if every and not m["wd"]:  # "every Nov. 14": the day in any year, a SET (TimeML XXXX-11-14)
        return Resolved(
            TimexValue("SET", f"XXXX-{month:02d}-{day_number:02d}"), span=(every.start(), m.end())
        )
    if ctx.anchor is None:
        return Resolved(TimexValue("DATE", None))
    year = None
    if not m["wd"] and ctx.tense == direction.PAST:
        year = narrated_year(ctx, m.start())
    if m["wd"]:  # "Sunday, August 22": the year in which that day is a Sunday, if near
        weekday = LEXICON.weekdays[m["wd"].rstrip(".")]
        for candidate in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1):
            d = safe_date(candidate, month, day_number)
            if d and d.isoweekday() == weekday:
                year = candidate
                break
    if year is None:
        year = direction.day_year(ctx.anchor, month, day_number, _tense_way(m, ctx))
    d = safe_date(year, month, day_number)
    return _day_value(d) if d else None


# "In 1987," / "in 1987": a year that frames the narration after it.
_YEAR_FRAME = re.compile(rf"(?<![\w-])[Ii]n[^\S\n]+(?P<year>{YEAR})(?![\w-])")
_ANY_YEAR = re.compile(rf"(?<![\w$.,-]){YEAR}")


def narrated_year(ctx: Context, start: int) -> int | None:
    """The year a feature is narrating at ``start``: "In 1987, the mill was ... On Nov. 14, a
    watchman smelled smoke" is Nov. 14, 1987, not the last one before publication. The frame
    ("in 1987") must be earlier in the same paragraph, before publication, with no other year
    written between it and ``start`` (one that intervenes leaves the frame unclear)."""
    assert ctx.anchor is not None
    paragraph = ctx.text.rfind("\n", 0, start) + 1
    frames = list(_YEAR_FRAME.finditer(ctx.text, paragraph, start))
    if not frames:
        return None
    frame = frames[-1]
    year = int(frame["year"])
    if year >= ctx.anchor.year:
        return None
    if any(int(y.group(0)) != year for y in _ANY_YEAR.finditer(ctx.text, frame.end(), start)):
        return None
    return year


def month_year(m: re.Match[str], ctx: Context) -> Resolved:
    year, month = int(m["year"]), month_number(m["month"])
    return Resolved(TimexValue("DATE", values.month(year, month)), point=date(year, month, 1))


def month(m: re.Match[str], ctx: Context) -> Resolved | None:
    name = m["month"]
    if not is_full_name(name, LEXICON.months):
        return None
    before = previous_words(ctx.text, m.start(), 1)
    has_context = bool(m["cue"]) or m.group(0) != name or (before and before[0] in PREPOSITIONS)
    if name == "May" and not has_context:
        return None
    following = next_word(ctx.text, m.end())
    if following[:1].isupper() and not has_context:  # "August Wilson", "March Madness"
        return None
    if ctx.anchor is None:
        return Resolved(TimexValue("DATE", None))
    number = month_number(name)
    cue = m["cue"]
    strict = bool(cue) and cue.lower() in ("last", "next", "past", "coming", "previous")
    way = _tense_way(m, ctx, cue)
    if cue and cue.lower() in ("this", "current"):
        way = None
    year = direction.month_year(ctx.anchor, number, way, strict)
    named = _YEAR_AFTER.match(ctx.text, m.end())
    if named:  # "October of next year": the year is a timex of its own, the month takes it
        year = ctx.anchor.year + _YEAR_STEP[" ".join(named["cue"].lower().split())]
    return Resolved(TimexValue("DATE", values.month(year, number)), point=date(year, number, 1))


_YEAR_AFTER = re.compile(
    r"[^\S\n]+(?:(?i:of)[^\S\n]+)?(?P<cue>(?i:next|last|this|the\s+following|the\s+previous))"
    r"[^\S\n]+(?i:year)(?!\w)"
)
_YEAR_STEP = {"next": 1, "last": -1, "this": 0, "the following": 1, "the previous": -1}


def week_of_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the last week of March": the ISO week holding most of that week of the month (the
    week of the 4th for the first, of the last day but three for the last)."""
    month = month_number(m["month"])
    if m["year"]:
        year = int(m["year"])
    elif ctx.anchor is None:
        return Resolved(TimexValue("DATE", None))
    else:
        year = direction.month_year(ctx.anchor, month, _tense_way(m, ctx), False)
    word = m["ord"].lower()
    if word in ("last", "final"):
        first_next = date(year + month // 12, month % 12 + 1, 1)
        d = first_next - timedelta(days=4)
    else:
        d = date(year, month, 4) + timedelta(days=7 * (LEXICON.ordinals[word] - 1))
    return Resolved(TimexValue("DATE", values.iso_week(d)), point=d)


def fiscal_year(m: re.Match[str], ctx: Context) -> Resolved:
    return Resolved(TimexValue("DATE", f"FY{m['year'] or m['fy']}"))


def year(m: re.Match[str], ctx: Context) -> Resolved | None:
    start = m.start("year")
    if ctx.text[max(0, start - 1) : start] in ("$", "€", "£", "#"):
        return None
    if re.match(r"\d[.,]$", ctx.text[max(0, start - 2) : start]):
        return None  # "$4.1556 per share"
    before = previous_words(ctx.text, start, 1)
    if before and (before[0] in _NUMERIC_BEFORE or before[0] in _NAMED_BY_NUMBER):
        return None
    if _COUNT_NOUNS.match(next_word(ctx.text, m.end())):
        return None
    value = int(m["year"])
    if value > 2100:
        return None
    return Resolved(TimexValue("DATE", f"{value:04d}"), point=date(value, 1, 1))


def short_year(m: re.Match[str], ctx: Context) -> Resolved:
    yy = int(m["yy"])
    now = ctx.anchor.year if ctx.anchor else 2030
    full = 2000 + yy if 2000 + yy <= now + 5 else 1900 + yy
    return Resolved(TimexValue("DATE", f"{full:04d}"), point=date(full, 1, 1))


def decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m["dec"]:
        first = int(m["dec"])
    elif m["dec2"]:
        tens = int(m["dec2"])
        now = ctx.anchor.year if ctx.anchor else 2030
        first = 2000 + tens if 2000 + tens <= now else 1900 + tens
    else:
        if not m.group(0).lower().startswith("the"):
            return None
        first = 1900 + 10 * LEXICON.decade_words[m["decw"].lower()]
    return Resolved(TimexValue("DATE", values.decade(first)))


def century(m: re.Match[str], ctx: Context) -> Resolved | None:
    n = ordinal(m["ord"])
    if n is None or n < 1:
        return None
    return Resolved(TimexValue("DATE", values.century((n - 1) * 100)))


def _movable_holiday(m: re.Match[str], ctx: Context, rule: str) -> Resolved | None:
    """Easter, Thanksgiving and the like: the named year's, else the one the tense points at
    (past: the last on or before the anchor; future: the next; otherwise the nearest)."""
    if m["year"]:
        return _day_value(values.movable_holiday(int(m["year"]), rule))
    if ctx.anchor is None:
        return Resolved(TimexValue("DATE", None))
    anchor = ctx.anchor
    days = [
        values.movable_holiday(y, rule) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    way = _tense_way(m, ctx)
    if way == direction.PAST:
        return _day_value(max(d for d in days if d <= anchor))
    if way == direction.FUTURE:
        return _day_value(min(d for d in days if d >= anchor))
    return _day_value(min(days, key=lambda d: abs((d - anchor).days)))


def holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    name = " ".join(m["name"].lower().split())
    if next_word(ctx.text, m.end())[:1].isupper():
        return None  # "Easter Island", "Labor Day Parade Committee" are names
    rule = next((v for k, v in LEXICON.movable_holidays.items() if k.lower() == name), None)
    if rule is not None:
        return _movable_holiday(m, ctx, rule)
    key = next(k for k in LEXICON.holidays if k.lower() == name)
    month_str, day_str = LEXICON.holidays[key].split("-")
    if m["year"]:
        d = safe_date(int(m["year"]), int(month_str), int(day_str))
        return _day_value(d) if d else None
    if ctx.anchor is None:
        return Resolved(TimexValue("DATE", None))
    y = direction.day_year(ctx.anchor, int(month_str), int(day_str), _tense_way(m, ctx))
    return _day_value(date(y, int(month_str), int(day_str)))


def event(m: re.Match[str], ctx: Context) -> Resolved | None:
    name = m["name"]
    if not re.search(r"\d|Day\b", name):  # "Hurricane Katrina" is an event, not a time
        return None
    key = next(k for k in LEXICON.events if k.lower() == " ".join(name.lower().split()))
    return _day_value(date.fromisoformat(LEXICON.events[key]))


_DAY_AFTER = re.compile(
    rf"(?:,[^\S\n]*|[^\S\n]+)(?:(?i:on)[^\S\n]+)?(?:(?P<wd>{WEEKDAY}),?[^\S\n]+)?"
    rf"(?:(?P<month>{MONTH})[^\S\n]+(?P<day>{DAY})|(?:(?i:the)[^\S\n]+)?(?P<day2>{DAY})"
    rf"[^\S\n]+(?:(?i:of)[^\S\n]+)?(?P<month2>{MONTH}))(?:,?[^\S\n]+(?P<year>{YEAR}))?(?!\w)"
    rf"|[^\S\n]+(?i:on)[^\S\n]+(?P<wd2>{WEEKDAY})(?!\w)"
)
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _day_after_clock(m: re.Match[str], ctx: Context) -> date | None:
    """The day written with a clock time: "4 p.m. today", "12:00 UTC Monday", "16:15 UTC,
    June 1st", "at noon on Friday"."""
    if ctx.anchor is None:
        return None
    word = m["dayword"]
    if word and word.lower().startswith("the"):  # "2 a.m. the next day": of the day last named
        base = ctx.ref_day or ctx.base
        step = -1 if word.lower().split()[1] in ("previous", "preceding") else 1
        return base + timedelta(days=step) if base else None
    if word:
        if word.lower() in _DAY_WORDS:
            return ctx.anchor + timedelta(days=_DAY_WORDS[word.lower()])
        iso = LEXICON.weekdays.get(word.rstrip("."))
        return direction.weekday(ctx.anchor, iso, None, ctx.tense) if iso else None
    after = _DAY_AFTER.match(ctx.text, m.end())
    if after is None:
        return None
    if after["wd2"]:
        iso = LEXICON.weekdays.get(after["wd2"].rstrip("."))
        return direction.weekday(ctx.anchor, iso, None, ctx.tense) if iso else None
    month = month_number(after["month"] or after["month2"])
    day_number = int(re.match(r"\d+", after["day"] or after["day2"]).group(0))  # type: ignore[union-attr]
    year = int(after["year"]) if after["year"] else None
    if year is None:
        year = direction.day_year(ctx.anchor, month, day_number, ctx.tense)
    return safe_date(year, month, day_number)


def _same_sentence_day(m: re.Match[str], ctx: Context) -> bool:
    """Whether the last expression was a whole day named earlier in this clock time's
    sentence."""
    if ctx.ref_day is None or ctx.ref != ctx.ref_day or not 0 <= m.start() - ctx.ref_end <= 300:
        return False
    return SENTENCE_END.search(ctx.text, ctx.ref_end, m.start()) is None


def clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    zone = m["tz"] or m["tz2"] or m["tz3"]
    if m["word"]:
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["word"].lower()]
    elif m["mil"]:
        hour, minute = int(m["mil"][:2]), int(m["mil"][2:])
        if hour > 24:
            return None
    elif m["h2"] is not None:
        hour, minute = int(m["h2"]), int(m["mi2"])
    elif m["oc"]:  # "at 4 o'clock", "four o'clock": the hour as written, on the hour
        hour, minute = clock_hour(m["oc"]), 0
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if hour > 12:
            return None
        pm = m["ampm"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    utc = bool(zone) and zone.upper() in ("GMT", "UTC")
    # The day: one written with it ("12:00 UTC Monday", "10 a.m. on June 1"), else one named
    # just before ("Friday at 10 a.m."), else the publication day.
    day = _day_after_clock(m, ctx)
    # A day written with the time ("at 3:12 a.m. Tuesday") is the day the story is telling:
    # "that afternoon" after it is Tuesday's, so it becomes the reference like "on Tuesday".
    point = day
    following = (m["dayword"] or "").lower().startswith("the")
    if following and hour < 6:
        point = None  # "by 2 a.m. the next day" ends the night of the day named: "that night"
        # after it is still that day's
    if day is None:
        day = ctx.ref if ctx.ref and 0 <= m.start() - ctx.ref_end <= 60 else ctx.anchor
        if day == ctx.anchor and _same_sentence_day(m, ctx):
            # "On Nov. 14, a watchman smelled smoke in the dye house at about 11:30 p.m.": a day
            # named earlier in the sentence is the clock time's, however far back
            day = ctx.ref_day
    if day is None:
        return Resolved(TimexValue("TIME", None))
    value = values.clock(day, hour, minute, "Z" if utc else None)
    return Resolved(TimexValue("TIME", value), point=point)


HANDLERS: dict[str, Handler] = {
    "iso_date": iso_date,
    "numeric_date": numeric_date,
    "month_day": month_day,
    "day_month": month_day,
    "month_year": month_year,
    "month": month,
    "fiscal_year": fiscal_year,
    "week_of_month": week_of_month,
    "year": year,
    "short_year": short_year,
    "decade": decade,
    "century": century,
    "holiday": holiday,
    "event": event,
    "clock": clock,
}
