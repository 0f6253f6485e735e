"""Handlers for the narrative's own times of day and periods: "that night", "the next morning"
(a part of the day last named), "8 tonight" (a clock time on the publication day), "this past
week" (the one just gone), "that summer" (the season of the year last named), and the test
telling "that year" (a demonstrative: a time expression) from "said that year-end ..." (a
conjunction: none)."""

from __future__ import annotations

import re
from datetime import timedelta

from . import values
from .common import Context, Handler, Resolved, TimexValue, clock_hour, previous_words, unit_code
from .lexicon import LEXICON
from .patterns import SENTENCE_END

# Verbs and nouns after which "that" opens a clause ("said that year-end sales ..."), so the
# word after it is no demonstrative's noun. A demonstrative "that year" follows a preposition,
# a comma, another verb or nothing ("That year, ...", "in June of that year", "died that year").
_CLAUSE_TAKERS = {
    "said", "say", "says", "saying", "told", "tell", "tells", "noted", "notes", "showed",
    "shows", "show", "shown", "found", "finds", "believe", "believes", "believed", "think",
    "thinks", "thought", "know", "knows", "knew", "announced", "announces", "added", "adds",
    "argued", "argues", "warned", "warns", "expect", "expects", "expected", "hope", "hopes",
    "hoped", "fear", "fears", "feared", "suggested", "suggests", "reported", "reports",
    "claimed", "claims", "insisted", "insists", "explained", "acknowledged", "admitted",
    "stated", "revealed", "indicated", "confirmed", "learned", "ensure", "ensured", "means",
    "meant", "estimated", "predicted", "agreed", "decided", "so", "such", "now", "fact",
    "news", "given", "except", "assume", "assumed", "realized", "realised", "recognized",
}  # fmt: skip


def demonstrative(text: str, start: int) -> bool:
    """Whether the "that" at ``start`` is a demonstrative (a time expression follows it) rather
    than the conjunction after a reporting or thinking verb."""
    before = previous_words(text, start, 1)
    return not before or before[0] not in _CLAUSE_TAKERS


_DAY_STEP = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}


def anaphoric_part(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "that night", "the next morning", "later that evening": a part of the day the story last
    named (or of publication), a TIME with TimeML's part-of-day code."""
    if m["that"] and not demonstrative(ctx.text, m.start("that")):
        return None
    code = LEXICON.parts_of_day[(m["pod"] or m["pod2"]).lower()]
    base = ctx.ref_day or ctx.anchor
    if base is None:
        return Resolved(TimexValue("TIME", None))
    rel = m["rel"] or {"before": "previous", "after": "following"}.get((m["rel2"] or "").lower())
    day = base + timedelta(days=_DAY_STEP[(rel or "same").lower()])
    return Resolved(TimexValue("TIME", values.with_part_of_day(values.day(day), code)), point=day)


# Words before a bare hour that make "8 tonight" a clock time ("at 8 tonight", not "8 tonight"
# in "the top 8 tonight").
_CLOCK_FRAMES = {"at", "by", "until", "till", "before", "after", "from", "around", "about"}
# Hours in these parts of the day are after noon: "8 tonight" is 20:00, "5 this evening" 17:00.
_AFTERNOON_PARTS = {"tonight", "evening", "afternoon"}


def clock_today(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "at 8 tonight", "9 p.m. tonight", "10:30 this morning": the clock time on the day of
    publication, one expression (TimeML keeps the day words inside the TIME's extent)."""
    if not m["mi"] and not m["ampm"] and not m["oc"]:  # "o'clock" says it is an hour
        before = previous_words(ctx.text, m.start(), 1)
        if not m["approx"] and (not before or before[0] not in _CLOCK_FRAMES):
            return None
    if not m["h"].isdigit() and not m["oc"]:
        return None  # "one this morning": an hour in words only before "o'clock"
    hour, minute = clock_hour(m["h"]), int(m["mi"] or 0)
    ampm = (m["ampm"] or "").lower()
    part = m["rel"].lower().split()[-1]
    if ampm.startswith("p") or (not ampm and part in _AFTERNOON_PARTS):
        hour = hour % 12 + 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if ctx.anchor is None:
        return Resolved(TimexValue("TIME", None))
    return Resolved(TimexValue("TIME", values.clock(ctx.anchor, hour, minute)), point=ctx.anchor)


def that_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "That summer" after "in 2011": the season of the year the story last named (2011-SU),
    not the one nearest publication."""
    if not demonstrative(ctx.text, m.start()):
        return None
    code = LEXICON.seasons[m["season"].lower()]
    if ctx.base is None:
        return Resolved(TimexValue("DATE", None))
    return Resolved(TimexValue("DATE", f"{ctx.base.year:04d}-{code}"))


def this_past(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "this past week", "this coming weekend": the period just gone / next from publication,
    "this" inside the extent (it belongs to the expression, not to the sentence)."""
    if ctx.anchor is None:
        return Resolved(TimexValue("DATE", None))
    step = -1 if m["cue"].lower() == "past" else 1
    unit = unit_code(m["unit"])
    if unit == "WE" and (step == 1) == (ctx.anchor.isoweekday() < 6):
        step = 0  # told on a weekday, the coming weekend ends this ISO week; told on one, it
        # is itself the weekend just gone
    point = values.shift(ctx.anchor, step, unit)
    return Resolved(TimexValue("DATE", values.at_granularity(point, unit)), point=point)


_YEAR_ONLY = re.compile(r"\d{4}(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI|\d\d))?$")
_PLACEHOLDER = {"M": "{y}-XX", "W": "{y}-WXX", "D": "{y}-XX-XX"}


def unnamed_part(ctx: Context, unit: str) -> str | None:
    """ "that month" right after "in 2009": the story names the year but not the month, so the
    value keeps the year and leaves the rest unspecified (TIMEX3's X digits: 2009-XX), rather
    than a month the text never gave (January, where the year's reference day falls)."""
    last = ctx.last_value or ""
    if ctx.last_end != ctx.ref_end or not _YEAR_ONLY.match(last) or unit not in _PLACEHOLDER:
        return None
    if unit == "M" and len(last) == 7 and last[5:7].isdigit():
        return None  # a month named: "that month" is that month
    return _PLACEHOLDER[unit].format(y=last[:4])


def later_than(m: re.Match[str], ctx: Context, amount: float, unit: str) -> Resolved:
    """ "three days later than planned": the gap between two times. Right after a date in the
    same sentence ("arrives on November 11, three days later than planned") the phrase names
    that date again; otherwise it measures the gap, a DURATION."""
    same_sentence = 0 <= ctx.last_end <= m.start() and not SENTENCE_END.search(
        ctx.text, ctx.last_end, m.start()
    )
    if ctx.last_value and same_sentence:
        return Resolved(TimexValue("DATE", ctx.last_value))
    return Resolved(TimexValue("DURATION", values.duration(amount, unit)))


HANDLERS: dict[str, Handler] = {
    "anaphoric_part": anaphoric_part,
    "clock_today": clock_today,
    "this_past": this_past,
    "that_season": that_season,
}
