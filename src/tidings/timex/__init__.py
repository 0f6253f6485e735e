"""Time expressions: finding them in text and normalising them to TIMEX3 values.

Pure Python (no spaCy): other stages call ``normalise("last week", date(2021, 8, 22))`` to date
a quote or an event; the spaCy component ``tidings_timexes`` calls ``find_timexes`` with the
publication date and the parser's tense. Values are relative to the anchor date passed in (the
publication date); with no anchor, relative expressions get value None.
"""

from __future__ import annotations

from .common import TimexValue
from .normalise import DateNormaliser
from .recognise import FoundTimex, detect_dateline, find_timexes, guess_tense, normalise

__all__ = [
    "DateNormaliser",
    "FoundTimex",
    "TimexValue",
    "detect_dateline",
    "find_timexes",
    "guess_tense",
    "normalise",
]
