"""Helpers the normaliser tests share."""

from __future__ import annotations

from datetime import date

from tidings.timex import find_timexes


def timexes_by_text(text: str, anchor: date | None, tense: str | None = None) -> dict[str, str]:
    """Each expression found in ``text`` -> "TYPE value", every one read in ``tense`` if given."""
    tense_of = (lambda s, e: tense) if tense else None
    return {f.text: f"{f.type} {f.value}" for f in find_timexes(text, anchor, tense_of=tense_of)}
