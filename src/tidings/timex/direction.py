"""Which way a name points: the Sunday before or after the anchor, this year's March or last.

News is written relative to its publication date, and most of it reports what already
happened, so a bare weekday in a past-tense sentence is the most recent one on or before the
anchor (the anchor itself when it is that weekday: "on Thursday" in a Thursday story).
"""

from __future__ import annotations

from datetime import date, timedelta

from .lexicon import LEXICON

PAST = "past"
FUTURE = "future"
PRESENT = "present"
# "would" in reported speech: later than the time of the report ("said in January it would
# finish by March"), which is the said-date when the sentence names one, else publication.
FUTURE_IN_PAST = "future_in_past"


def direction(cue: str | None, tense: str | None) -> str | None:
    """``past``/``future`` from a cue word ("last", "next", "since") first, else from tense."""
    if cue:
        word = cue.lower().split()[-1]
        if word in LEXICON.past_cues:
            return PAST
        if word in LEXICON.future_cues:
            return FUTURE
        if word in ("this", "current", "same"):
            return PRESENT
    return tense


def weekday(anchor: date, iso_weekday: int, cue: str | None, tense: str | None) -> date:
    """The date of a weekday named relative to ``anchor``.

    ``last``: strictly before; ``next``/``coming``/``following``: strictly after; ``this``: in
    the anchor's ISO week; otherwise past tense (and no tense) looks back, including the anchor
    day itself, and future tense looks forward, including the anchor day.
    """
    offset = iso_weekday - anchor.isoweekday()
    word = (cue or "").lower()
    if word == "this":
        return anchor + timedelta(days=offset)
    if word in ("last", "past", "previous"):
        back = (anchor.isoweekday() - iso_weekday) % 7 or 7
        return anchor - timedelta(days=back)
    if word in ("next", "coming", "following"):
        ahead = offset % 7 or 7
        return anchor + timedelta(days=ahead)
    if tense == FUTURE:
        return anchor + timedelta(days=offset % 7)
    return anchor - timedelta(days=(anchor.isoweekday() - iso_weekday) % 7)


def month_year(anchor: date, month_number: int, way: str | None, strict: bool) -> int:
    """The year of a month named without one.

    Past: the most recent such month (this month counts unless ``strict``); future: the next
    one; present or unknown: the anchor's year (HeidelTime's default for news), except that in
    the present tense a month more than half a year behind is next year's ("who takes office
    in January", told in November: a schedule, not last winter).
    """
    if way == PAST:
        if month_number < anchor.month or (month_number == anchor.month and not strict):
            return anchor.year
        return anchor.year - 1
    if way == FUTURE:
        if month_number > anchor.month or (month_number == anchor.month and not strict):
            return anchor.year
        return anchor.year + 1
    if way == PRESENT and month_number < anchor.month - 6:
        return anchor.year + 1
    return anchor.year


NEAR_DAYS = 31  # a named day this close to the anchor is the near one, either way


def day_year(anchor: date, month_number: int, day_number: int, way: str | None) -> int:
    """The year of "19 August": past tense looks back, future forward, otherwise the closest."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month_number, day_number))
        except ValueError:
            continue
    if not candidates:
        return anchor.year
    nearest = min(candidates, key=lambda c: abs((c - anchor).days))
    if abs((nearest - anchor).days) <= NEAR_DAYS:
        # "the storm hit a week before the election on Nov. 6", told on Oct. 30: a date a few
        # weeks away is that one, whatever the tense; news names a date a year back with its year
        return nearest.year
    if way == PAST:
        before = [c for c in candidates if c <= anchor]
        if before:
            return max(before).year
    if way == FUTURE:
        after = [c for c in candidates if c >= anchor]
        if after:
            return min(after).year
    return min(candidates, key=lambda c: (abs((c - anchor).days), c.year != anchor.year)).year
