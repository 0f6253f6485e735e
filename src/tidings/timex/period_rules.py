"""Handlers for the periods of a year: seasons ("in the fall", "this summer") and quarters and
halves ("the fourth quarter", "Q3 2021", "the first half"), placed by their cue, else by the
tense, else the nearer one."""

from __future__ import annotations

import re
from datetime import date

from . import direction, values
from .calendar_rules import PREPOSITIONS
from .common import Context, Handler, Resolved, TimexValue, next_word, ordinal, previous_words
from .lexicon import LEXICON


def _the_fall(m: re.Match[str], ctx: Context) -> bool:
    """ "in the fall," is the season; "the fall of Kabul", "the fall in prices" are not: a
    preposition before it and nothing but punctuation after it."""
    before = previous_words(ctx.text, m.start(), 1)
    return (
        m.group(0).lower().startswith("the")
        and bool(before)
        and before[0] in _SEASON_FRAMES
        and next_word(ctx.text, m.end()) == ""
        and bool(re.match(r"[^\S\n]*[.,;:!?)]", ctx.text[m.end() :]))
    )


_ANAPHORIC_CUES = {"following", "previous"}
_SEASON_FRAMES = {"in", "during", "by", "until", "till", "through", "since", "before", "after"}
_SEASON_FRAMES |= {"throughout", "into", "for"}


def season(m: re.Match[str], ctx: Context) -> Resolved | None:
    code = LEXICON.seasons[m["season"].lower()]
    if m["year"]:
        return Resolved(TimexValue("DATE", f"{m['year']}-{code}"))
    before = previous_words(ctx.text, m.start(), 1)
    framed = m.group(0).lower() != m["season"].lower() or (before and before[0] in PREPOSITIONS)
    if not framed or (m["season"].lower() == "fall" and not m["cue"] and not _the_fall(m, ctx)):
        return None
    if ctx.anchor is None:
        return Resolved(TimexValue("DATE", None))
    cue = (m["cue"] or "").lower()
    # "the following spring", "the previous winter" count from the time the story last named
    # ("after the fire in November 1987 ... the following spring": 1988), not from publication
    base = ctx.base if cue in _ANAPHORIC_CUES and ctx.base else ctx.anchor
    current = values.season_start(*values.season_of(base))
    starts = [values.season_start(y, code) for y in range(base.year - 2, base.year + 2)]
    way = direction.direction(cue, ctx.tense) if cue else ctx.tense
    if not cue and before and before[0] in ("until", "till"):
        way = direction.FUTURE  # "delay the trial until the fall": ahead ("before" says nothing)
    if cue in ("last", "past", "previous"):
        chosen = max(s for s in starts if s < current)
    elif cue in ("next", "coming", "following"):
        chosen = min(s for s in starts if s > current)
    elif cue in ("this", "current"):  # "this summer" told in March: the summer of that year
        year = ctx.anchor.year - 1 if code == "WI" and ctx.anchor.month <= 2 else ctx.anchor.year
        chosen = values.season_start(year, code)
    elif way == direction.FUTURE:
        chosen = min(s for s in starts if s >= current)
    elif way == direction.PAST:
        chosen = max(s for s in starts if s <= current)
    else:  # "economists expect a rise in the summer", told in May: the nearer summer
        chosen = min(starts, key=lambda s: abs((s - ctx.anchor).days))  # type: ignore[operator]
    return Resolved(TimexValue("DATE", f"{chosen.year}-{code}"))


def quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    raw = m["ord"]
    is_half = m["half"].lower() == "half"
    q = int(raw[1]) if raw.upper().startswith("Q") else ordinal(raw)
    limit = 2 if is_half else 4
    letter = "H" if is_half else "Q"
    if q is None or q > limit or q == 0:
        return None
    relative_last = q == -1
    explicit_year = None
    if m["year"]:
        explicit_year = int(m["year"])
    elif m["ycue"] or m.group(0).lower().endswith("the year"):
        if ctx.anchor is None:
            return Resolved(TimexValue("DATE", None))
        shift = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}
        explicit_year = ctx.anchor.year + shift.get((m["ycue"] or "").lower(), 0)
    if explicit_year is not None:
        q = limit if relative_last else q
        first = date(explicit_year, (q - 1) * (6 if is_half else 3) + 1, 1)
        return Resolved(TimexValue("DATE", f"{explicit_year:04d}-{letter}{q}"), point=first)
    if ctx.anchor is None:
        return Resolved(TimexValue("DATE", None))
    current = values.quarter_of(ctx.anchor) if not is_half else (ctx.anchor.month - 1) // 6 + 1
    y = ctx.anchor.year
    if relative_last:  # "the last quarter": the one before the current
        q, y = (current - 1, y) if current > 1 else (limit, y - 1)
    elif ctx.tense == direction.FUTURE:
        y = y if q >= current else y + 1
    elif ctx.tense == direction.PAST or (q - current) % limit >= limit / 2:
        y = y if q <= current else y - 1
    else:  # no tense: the nearer one ("the fourth quarter" told in August is this year's)
        y = y if q >= current else y + 1
    first = date(y, (q - 1) * (6 if is_half else 3) + 1, 1)
    return Resolved(TimexValue("DATE", f"{y:04d}-{letter}{q}"), point=first)


def q_year(m: re.Match[str], ctx: Context) -> Resolved:
    return Resolved(TimexValue("DATE", f"{m['year']}-{m['q'].upper()}"))


HANDLERS: dict[str, Handler] = {"season": season, "quarter": quarter, "q_year": q_year}
