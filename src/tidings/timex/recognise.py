"""Finding time expressions in running text and resolving them in reading order.

Every rule in ``patterns.RULES`` is run over the whole text once (compiled at import); each
match is checked by its handler, overlapping matches are settled longest-first, and the
survivors are resolved left to right so that anaphoric expressions ("the next day") see the
last day named before them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from . import direction
from .calendar_rules import HANDLERS as CALENDAR_HANDLERS
from .common import Context, Resolved, TimexValue, safe_date
from .comparison_rules import HANDLERS as COMPARISON_HANDLERS
from .lexicon import LEXICON
from .measure_rules import HANDLERS as MEASURE_HANDLERS
from .narrative_rules import HANDLERS as NARRATIVE_HANDLERS
from .patterns import COMPILED, DATELINE, FUTURE, PAST, PRIORITY, SENTENCE_END, YEAR
from .period_rules import HANDLERS as PERIOD_HANDLERS
from .relative_rules import HANDLERS as RELATIVE_HANDLERS

HANDLERS = {**CALENDAR_HANDLERS, **RELATIVE_HANDLERS, **COMPARISON_HANDLERS}
HANDLERS |= {**MEASURE_HANDLERS, **NARRATIVE_HANDLERS, **PERIOD_HANDLERS}
_NAMES_A_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_QUARTER = re.compile(r"\d{4}-Q[1-4]$")
_PERIOD = re.compile(r"\d{4}-(?:Q[1-4]|H[12])$")
TenseOf = Callable[[int, int], str | None]


@dataclass(frozen=True, slots=True)
class FoundTimex:
    """A time expression: ``text[start:end]`` with its TIMEX3 type and value."""

    text: str
    type: str
    value: str | None
    start: int
    end: int


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    rule: str
    match: re.Match[str]


def guess_tense(text: str, start: int, end: int) -> str | None:
    """Tense of the sentence around ``text[start:end]`` from surface cues, for callers without a
    parser: a future marker ("will", "is to", "scheduled") makes it future ("would" alone:
    future in the past), a past-tense verb ("said", "-ed") past; otherwise None."""
    left = max(
        (m.end() for m in SENTENCE_END.finditer(text, max(0, start - 300), start)), default=0
    )
    stop = SENTENCE_END.search(text, end)
    sentence = text[max(left, start - 300) : stop.start() if stop else min(len(text), end + 300)]
    markers = {" ".join(f.group(0).lower().split()) for f in FUTURE.finditer(sentence)}
    if markers == {"would"}:
        return direction.FUTURE_IN_PAST  # "said it would": later than the report
    if markers:
        return direction.FUTURE
    if PAST.search(sentence):
        return direction.PAST
    return None


def _apply(
    handler: Callable[[re.Match[str], Context], Resolved | None], match: re.Match[str], ctx: Context
) -> Resolved | None:
    """Run one rule's handler; a value outside the calendar is no timex, never a crash.

    "8,000 years ago" or "in 12,000 years" would move a date past year 1 or 9999, where
    ``datetime.date`` raises; one such phrase must not stop the article.
    """
    try:
        return handler(match, ctx)
    except (ValueError, OverflowError):
        return None


def _candidates(text: str, anchor: date | None) -> list[_Candidate]:
    probe = Context(text=text, anchor=anchor or date(2000, 6, 15))
    found = []
    for rule, regex in COMPILED.items():
        handler = HANDLERS[rule]
        for match in regex.finditer(text):
            # A dry run against a stand-in anchor: handlers reject non-dates ("May" the verb)
            # whether or not the real anchor is known.
            if _apply(handler, match, probe) is not None:
                found.append(_Candidate(match.start(), match.end(), rule, match))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping matches, longest first; a tie goes to the rule with higher priority."""
    ranked = sorted(
        candidates, key=lambda c: (-(c.end - c.start), -PRIORITY.get(c.rule, 0), c.start)
    )
    taken: list[_Candidate] = []
    for cand in ranked:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def find_timexes(
    text: str,
    anchor: date | None,
    *,
    tense_of: TenseOf | None = None,
) -> list[FoundTimex]:
    """Every time expression in ``text``, with values relative to ``anchor``.

    ``anchor`` is the publication date: deictic expressions ("yesterday", "last week", "on
    Sunday") are resolved against it, and anaphoric ones ("the next day", "two years later")
    against the last day the text named before them, or the anchor. When ``anchor`` is None,
    every expression that needs it keeps value None; absolute dates, durations and sets are
    still resolved. ``tense_of(start, end)`` gives the tense (``past``/``present``/``future``)
    of the verb governing an expression; without it a surface guess from the sentence is used.
    """
    tense_of = tense_of or (lambda s, e: guess_tense(text, s, e))
    ctx = Context(text=text, anchor=anchor)
    out: list[FoundTimex] = []
    for cand in _select(_candidates(text, anchor)):
        ctx.tense = tense_of(cand.start, cand.end)
        if ctx.tense == direction.FUTURE_IN_PAST and _dates_report(text, cand.start, cand.end):
            ctx.tense = direction.PAST  # "said in January [it would]": the report's own date
        elif ctx.tense == direction.FUTURE_IN_PAST:
            ctx.tense = direction.FUTURE
            if cand.rule in _FRAMED:  # a name points ahead of the report, not of publication
                ctx.anchor = reporting_time(text, out, cand.start, cand.rule) or anchor
        resolved = _apply(HANDLERS[cand.rule], cand.match, ctx)
        ctx.anchor = anchor
        if resolved is None:
            continue
        start, end = resolved.span or (cand.start, cand.end)
        suffix = _WORD_SUFFIX.match(text, end)
        if suffix and resolved.timex.type == "DURATION":
            end = suffix.end()  # one token: "45-year-old", "decades-long" (P45Y, PXY)
        if resolved.point is not None and resolved.timex.type in ("DATE", "TIME"):
            ctx.ref, ctx.ref_start, ctx.ref_end = resolved.point, start, end
            if _NAMES_A_DAY.match(resolved.timex.value or ""):
                ctx.ref_day = resolved.point
        if resolved.timex.type == "DATE" and resolved.timex.value and cand.rule != "same_period":
            # a comparison's own value is never what the next comparison counts back from
            ctx.last_value, ctx.last_end = resolved.timex.value, end
            if ctx.story_quarter is None and _QUARTER.match(resolved.timex.value):
                ctx.story_quarter = resolved.timex.value
            if _PERIOD.match(resolved.timex.value):
                ctx.period, ctx.period_end = resolved.timex.value, end
            if resolved.timex.value.startswith("FY"):
                ctx.fiscal, ctx.fiscal_end = resolved.timex.value, end
        out.append(
            FoundTimex(text[start:end], resolved.timex.type, resolved.timex.value, start, end)
        )
    return out


_WORD_SUFFIX = re.compile(r"-(?:old|long)(?![\w-])")

# Rules whose value depends on which way a bare name points (they take the reporting time).
_FRAMED = {"month", "weekday", "month_day", "day_month", "season", "quarter", "holiday", "clock"}
_REPORTING = re.compile(
    r"(?<!\w)(?i:said|says|announced|told|stated|reported|predicted|promised|warned|pledged"
    r"|vowed|forecast|indicated|confirmed|disclosed|revealed|agreed|decided|estimated"
    r"|projected|insisted|signalled|signaled|hinted|suggested|statement|announcement)(?!\w)"
)
_DAY_OR_MONTH = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?$")


_WOULD_BE = re.compile(r"\b(?:would|will)(?:\s+be)?\s+$", re.IGNORECASE)


def _dates_report(text: str, start: int, end: int) -> bool:
    """Whether the expression at ``start:end`` dates the report itself: a reporting verb just
    before it ("said in January") or just after it, before any "would" ("On Monday, officials
    said")."""
    before = _REPORTING.search(text, max(0, start - 16), start)
    if before and not _WOULD_BE.search(text, max(0, before.start() - 12), before.start()):
        return True  # not "would be announced Monday": that is the event's own date
    window = max(0, start - 300)
    opening = max((m.end() for m in SENTENCE_END.finditer(text, window, start)), default=window)
    if "would" in text[opening:start].lower():
        return False  # "the plant would open in March, officials said": the event's date
    after = _REPORTING.search(text, end, min(len(text), end + 30))
    return after is not None and "would" not in text[end : after.start()].lower()


def reporting_time(text: str, found: list[FoundTimex], start: int, rule: str) -> date | None:
    """The date of the report that a "would" clause at ``start`` is reported from: the last day
    (or, for a month or season, month) named earlier in the same sentence right beside a
    reporting verb ("said in January it would", "On Monday, officials said ... would")."""
    for prev in reversed(found):
        if prev.end > start:
            continue
        if SENTENCE_END.search(text, prev.end, start):
            return None
        m = _DAY_OR_MONTH.match(prev.value or "")
        if not m or (m[3] is None and rule in ("weekday", "clock", "month_day", "day_month")):
            continue
        if not _REPORTING.search(text, max(0, prev.start - 30), min(start, prev.end + 40)):
            continue
        return safe_date(int(m[1]), int(m[2]), int(m[3] or 1))
    return None


def normalise(text: str, anchor: date | None, *, tense: str | None = None) -> TimexValue | None:
    """The TIMEX3 type and value of one expression ("last week", "19 August") relative to
    ``anchor`` (the publication date; None: relative expressions get value None). Returns None
    when ``text`` holds no time expression; with several, the longest wins."""
    found = find_timexes(text, anchor, tense_of=(lambda s, e: tense) if tense else None)
    if not found:
        return None
    best = max(found, key=lambda f: f.end - f.start)
    return TimexValue(best.type, best.value)


_DATE_LINE = re.compile(
    r"^[ \t]*(?P<expr>[A-Z][a-z]+\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}"
    r"|\d{1,2}[ \t]+[A-Z][a-z]+\.?,?[ \t]+\d{4}"
    r"|(?:[A-Z][a-z]+,[ \t]+)?[A-Z][a-z]+\.?[ \t]+\d{1,2},?[ \t]+\d{4})[ \t]*$",
    re.MULTILINE,
)
_ANY_YEAR = re.compile(r"(?<![\w$])" + YEAR)


def detect_dateline(text: str) -> date | None:
    """The publication date a story states at its top, or None.

    Two forms: a wire dateline opening the text ("KABUL, Aug 22 (Reuters) -", "22 August 2021
    —") and a line holding only a full date within the first three lines (a byline date under
    the headline). A wire dateline without a year takes the year the story writes most often
    (the latest on a tie); with no year in the story, the dateline is not used.
    """
    head = text[:300]
    m = DATELINE.match(head)
    if m:
        month_name = (m["month"] or m["month2"]).rstrip(".")
        day_text = re.match(r"\d+", m["day"] or m["day2"])
        if month_name in LEXICON.months and day_text:
            year = int(m["year"]) if m["year"] else None
            if year is None:
                years = Counter(int(y.group(0)) for y in _ANY_YEAR.finditer(text[:5000]))
                year = max(years, key=lambda y: (years[y], y)) if years else None
            if year is not None:
                return safe_date(year, LEXICON.months[month_name], int(day_text.group(0)))
    first_lines = "\n".join(text.lstrip().split("\n")[:3])
    for line in _DATE_LINE.finditer(first_lines):
        found = find_timexes(line["expr"], None)
        if len(found) == 1 and found[0].value and len(found[0].value) == 10:
            return date.fromisoformat(found[0].value)
    return None
