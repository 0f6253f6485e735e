"""What every rule handler shares: the resolution context, its result and word helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .lexicon import LEXICON


@dataclass(frozen=True, slots=True)
class TimexValue:
    """A TIMEX3 type and value. ``value`` is None when the expression needs an anchor date that
    is unknown (e.g. "last week" with no publication date)."""

    type: str  # DATE | TIME | DURATION | SET
    value: str | None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A handler's answer: the value, an optional narrower span (offsets into the text) and the
    day the expression points at, which becomes the reference for "the next day"."""

    timex: TimexValue
    span: tuple[int, int] | None = None
    point: date | None = None


@dataclass(slots=True)
class Context:
    """What a handler may look at besides its match.

    ``anchor``: the publication date (deictic expressions: "yesterday", "last week").
    ``ref``: the last day a resolved expression pointed at, for anaphoric ones ("the next day",
    "two years later"); it starts as the anchor. ``tense``: of the governing verb, when known.
    """

    text: str
    anchor: date | None
    tense: str | None = None
    ref: date | None = None
    ref_end: int = -1
    ref_start: int = -1  # where the expression that set ``ref`` begins
    ref_day: date | None = None  # the last expression that named a whole day ("on Monday")
    last_value: str | None = None  # the last DATE value, for "the same period a year earlier"
    last_end: int = -1
    story_quarter: str | None = None  # the first quarter the text names ("the quarter" later)
    period: str | None = None  # the last quarter, half or month named ("2013-Q3")
    period_end: int = -1
    fiscal: str | None = None  # the last fiscal year named ("FY1998"), for "the previous year"
    fiscal_end: int = -1

    @property
    def base(self) -> date | None:
        return self.ref or self.anchor

    def near_ref(self, start: int, reach: int = 150) -> date | None:
        """The last day named within ``reach`` characters before ``start``, else the anchor."""
        if self.ref and 0 <= start - self.ref_end <= reach:
            return self.ref
        return self.anchor


_WORD = re.compile(r"[\w'$€£]+")


# A rule's handler: the rule's match and the context in, the resolution (or None to reject the
# match) out.
Handler = Callable[[re.Match[str], Context], Resolved | None]


_EVERY = re.compile(r"(?<![\w-])(?i:each|every)\s+$")


def every_before(text: str, start: int) -> re.Match[str] | None:
    """ "every"/"each" right before ``start`` ("every Monday", "every Nov. 14"): a SET, whose
    extent takes the quantifier."""
    return _EVERY.search(text, max(0, start - 8), start)


def previous_words(text: str, start: int, count: int = 3) -> list[str]:
    """Up to ``count`` words just before ``start``, lower-cased, nearest last."""
    return [w.lower() for w in _WORD.findall(text[max(0, start - 40) : start])][-count:]


def next_word(text: str, end: int) -> str:
    match = _WORD.search(text, end, min(len(text), end + 40))
    return match.group(0) if match and not text[end : match.start()].strip(" ") else ""


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_TENS |= {"eighty": 80, "ninety": 90}


def number(text: str) -> float | None:
    """The value of a count: ``30``, ``2,000``, ``six``, ``twenty-five``, ``two and a half``;
    None for vague counts ("several") that TIMEX3 writes as X."""
    words = " ".join(text.lower().split())
    half = 0.0
    if words.endswith(" and a half"):
        half, words = 0.5, words[: -len(" and a half")]
    if words in LEXICON.vague_numbers:
        return None
    digits = words.replace(",", "")
    try:
        return float(digits) + half
    except ValueError:
        pass
    if words in LEXICON.numbers:
        return LEXICON.numbers[words] + half
    parts = re.split(r"[- ]", words)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in LEXICON.numbers:
        return _TENS[parts[0]] + LEXICON.numbers[parts[1]] + half
    return None


def clock_hour(text: str) -> int:
    """The hour of "4" or "four" (before "o'clock")."""
    return int(text) if text.isdigit() else int(LEXICON.numbers[text.lower()])


def unit_code(word: str) -> str:
    return LEXICON.units[word.lower()]


def ordinal(text: str) -> int | None:
    word = text.lower()
    if word in LEXICON.ordinals:
        return LEXICON.ordinals[word]
    digits = re.match(r"\d+", word)
    return int(digits.group(0)) if digits else None


def safe_date(year: int, month_number: int, day_number: int) -> date | None:
    try:
        return date(year, month_number, day_number)
    except ValueError:
        return None


def month_number(name: str) -> int:
    return LEXICON.months[name.rstrip(".")]


def is_full_name(name: str, names: dict[str, int]) -> bool:
    """Whether ``name`` is a full month/weekday name rather than an abbreviation ("Sun", "Mar"
    alone are more often words than dates)."""
    bare = name.rstrip(".")
    return bare in names and len(bare) > 4 or bare in ("May", "June", "July")
