"""The normaliser as one object, so a later version can sit beside it under another name.

``DateNormaliser`` bundles the three public operations; the spaCy component gets it from the
registry name ``tidings.date_normaliser.v1`` (registered in ``tidings.nlp.timexes``, since this
package does not import spaCy).
"""

from __future__ import annotations

from datetime import date

from .common import TimexValue
from .recognise import FoundTimex, TenseOf, detect_dateline, find_timexes, normalise


class DateNormaliser:
    """Version 1: the HeidelTime-style rule set in ``patterns.py``."""

    version = 1

    def find(
        self, text: str, anchor: date | None, *, tense_of: TenseOf | None = None
    ) -> list[FoundTimex]:
        return find_timexes(text, anchor, tense_of=tense_of)

    def normalise(
        self, text: str, anchor: date | None, *, tense: str | None = None
    ) -> TimexValue | None:
        return normalise(text, anchor, tense=tense)

    def dateline(self, text: str) -> date | None:
        return detect_dateline(text)
