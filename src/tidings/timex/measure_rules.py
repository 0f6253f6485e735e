"""Handlers for the anchor-free kinds: durations ("three years", "the past few months"), sets
("every week", "each summer") and TimeML's PRESENT_REF/PAST_REF/FUTURE_REF ("now", "the
foreseeable future"). Their values never depend on the publication date."""

from __future__ import annotations

import re

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

_NUMBERISH = re.compile(
    r"(?i:\d|once|twice|times|one|two|three|four|five|six|seven|eight|nine|ten)"
)
# "over" before a determiner is the preposition ("over the next two years"), which TimeML
# leaves outside the extent; before a count it is a modifier ("over six years", MORE_THAN).
_OVER_THE = re.compile(r"(?i:over)\s+(?=(?i:the|these|those|its|their)\s)")


_YEAR_COUNT = re.compile(r"(?:1[89]|20)\d\d")


def duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    counted = m["n"].lower()
    unit = unit_code(m["unit"])
    amount = number(m["n"])
    if counted in ("a", "an", "one") and unit in ("S", "Q"):
        return None  # "a second time", "a quarter of the vote"
    if amount is None and counted not in LEXICON.vague_numbers:
        return None
    if _YEAR_COUNT.fullmatch(m["n"]) and not m["unit"].lower().endswith("s"):
        return None  # "World Cup 2018 day five": a year before a singular unit is no count
    if counted in ("a", "an") and m.group(0).lower().startswith(counted):
        before = previous_words(ctx.text, m.start(), 3)
        modified = len(m.group(0).split()) > 2  # "in a single day", "a full year": no rate
        framed = bool(before) and before[-1] in _DURATION_FRAMES
        rate = any(_NUMBERISH.match(w) for w in before) and not (modified or framed)
        if rate and unit in ("Y", "M", "W", "D", "H"):
            return None  # "$5m a year", "twice a day": a set
    if amount is not None and m["half"]:  # "a week and a half"
        amount += 0.5
    over = _OVER_THE.match(m.group(0))
    span = (m.start() + over.end(), m.end()) if over else None
    return Resolved(TimexValue("DURATION", values.duration(amount, unit)), span=span)


# Prepositions before "a day" that make it a length of time, not a rate ("fell 5% in a day").
_DURATION_FRAMES = {"in", "for", "within", "than", "over", "after", "about", "nearly", "almost"}

# Prepositions outside the extent: "for years", "within days", "over the years" -> "the years".
_VAGUE_SPAN = re.compile(r"(?i:for|over(?=\s+the\s)|in(?:\s+(?:just|only|mere))?|within)\s+")
# Verbs whose object may be a bare plural unit: "could take months", "may last weeks".
_DURATION_VERBS = frozenset(
    {"take", "takes", "took", "taking", "last", "lasts", "lasted", "lasting", "spent", "spend"}
)
_AHEAD = re.compile(r"[^\S\n]+ahead\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b[Tt]he[^\S\n]+$")
# A bare plural unit is a duration only in these frames: "decades-long", "years in the making".
# "weeks earlier than they did", "months later than planned": a bare plural unit measuring a
# gap is a duration of unknown length (the unit alone is the extent).
_BARE_PLURAL = re.compile(
    r"-long|\s+in\s+the\s+making|\s+(?:of|on\s+end)\b|\s+(?:earlier|later|sooner)\s+than\b",
    re.IGNORECASE,
)


def range_start(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "60" in "between 60 and 90 days": a duration in the unit written after the range."""
    amount = number(m["n"])
    if amount is None or m["n"].lower() in ("a", "an"):
        return None
    return Resolved(TimexValue("DURATION", values.duration(amount, unit_code(m["unit"]))))


def vague_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    if not m["pre"]:
        before = previous_words(ctx.text, m.start(), 1)
        ahead = _AHEAD.match(ctx.text, m.end())
        if ahead and before == ["the"]:  # "in the years ahead"
            start = _THE_BEFORE.search(ctx.text, 0, m.start()).start()  # type: ignore[union-attr]
            value = values.duration(None, unit_code(m["unit"]))
            return Resolved(TimexValue("DURATION", value), span=(start, ahead.end()))
        framed = bool(before) and before[0] in _DURATION_VERBS  # "could take months"
        if not framed and not _BARE_PLURAL.match(ctx.text, m.end()):
            return None
    if previous_words(ctx.text, m.start(), 1) in (["early"], ["small"], ["wee"]):
        return None  # "the early hours of Sunday" is a time of that day, not a duration
    if m["pre"] and m["pre"].lower() == "in":
        following = ctx.text[m.end() : m.end() + 12].lstrip().lower()
        if following.startswith(("of", "to", "and", "past", "ago", "before", "after")):
            return None  # "in years of war", "in days to come"
    unit = unit_code(m["unit"])
    prefix = _VAGUE_SPAN.match(m.group(0))
    span = (m.start() + prefix.end(), m.end()) if prefix else None
    return Resolved(TimexValue("DURATION", values.duration(None, unit)), span=span)


def set_(m: re.Match[str], ctx: Context) -> Resolved | None:
    phrase = " ".join(m["set"].lower().split())
    if not m["freq"] and phrase.split()[0] in ("a", "an"):
        before = previous_words(ctx.text, m.start(), 3)
        if not any(_NUMBERISH.match(w) for w in before):
            return None
    if phrase in _PERIOD_RESULTS and next_word(ctx.text, m.end()).lower() in _YEAR_RESULTS:
        # a period's results ("an annual loss", MEANTIME's practice; "a quarterly profit"): the
        # period, not a recurrence ("its quarterly refunding" recurs: a SET)
        return Resolved(TimexValue("DURATION", _PERIOD_RESULTS[phrase]))
    return Resolved(TimexValue("SET", LEXICON.sets[phrase]))


_PERIOD_RESULTS = {"annual": "P1Y", "quarterly": "P3M"}
_YEAR_RESULTS = {"profit", "profits", "loss", "losses", "results", "sales", "revenue", "revenues"}
_YEAR_RESULTS |= {"earnings", "income", "deficit", "surplus", "turnover", "growth", "output"}


def ref(m: re.Match[str], ctx: Context) -> Resolved | None:
    phrase = " ".join(m["ref"].lower().split())
    kind, value = LEXICON.refs[phrase]
    if phrase == "now" and next_word(ctx.text, m.end()).lower() in ("that",):
        return None  # "now that" is a conjunction
    if ctx.text[m.end() : m.end() + 1] == "-":
        return None  # "the now-cancelled deal", "the soon-to-open terminal"
    if phrase == "recent" and previous_words(ctx.text, m.start(), 1) in (["most"], ["more"]):
        return None  # "its most recent model" ranks things, it does not date them
    return Resolved(TimexValue(kind, value))


def season_set(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "every summer", "each fall": a SET of that season in any year (TimeML's XXXX-SU)."""
    return Resolved(TimexValue("SET", "XXXX-" + LEXICON.seasons[m["season"].lower()]))


def unit_long(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "week-long", "daylong": one unit's length (TimeML DURATION P1W, P1D)."""
    return Resolved(TimexValue("DURATION", values.duration(1, unit_code(m["unit"]))))


# Open-ended references the lexicon's "the future" / "the past" do not cover word for word.
_OPEN_REFS = {"future": "FUTURE_REF", "past": "PAST_REF"}


def open_ref(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the foreseeable future", "the distant past": TimeML's FUTURE_REF / PAST_REF."""
    return Resolved(TimexValue("DATE", _OPEN_REFS[m["way"].lower()]))


def count_per(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "about three days a week": a SET of the period it recurs in (TimeML: value P1W, the
    count of days inside it being its frequency), one expression with the count."""
    if number(m["n"]) is None or m["n"].lower() in ("a", "an"):
        return None
    return Resolved(TimexValue("SET", values.duration(1, unit_code(m["per"]))))


HANDLERS: dict[str, Handler] = {
    "count_per": count_per,
    "range_start": range_start,
    "duration": duration,
    "vague_duration": vague_duration,
    "set": set_,
    "season_set": season_set,
    "unit_long": unit_long,
    "ref": ref,
    "open_ref": open_ref,
}
