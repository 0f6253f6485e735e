"""The word lists in ``resources/timex_lexicon.json``, loaded once at import."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    units: dict[str, str]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    ordinals: dict[str, int]
    decade_words: dict[str, int]
    past_cues: frozenset[str]
    future_cues: frozenset[str]
    present_cues: frozenset[str]
    refs: dict[str, tuple[str, str]]
    sets: dict[str, str]
    holidays: dict[str, str]
    movable_holidays: dict[str, str]
    events: dict[str, str]
    future_verbs: tuple[str, ...]


def _load() -> Lexicon:
    raw: dict[str, Any] = json.loads(
        resources.files("tidings").joinpath("resources", "timex_lexicon.json").read_text("utf-8")
    )
    return Lexicon(
        months=dict(raw["months"]),
        weekdays=dict(raw["weekdays"]),
        numbers={k: float(v) for k, v in raw["numbers"].items()},
        vague_numbers=tuple(raw["vague_numbers"]),
        units=dict(raw["units"]),
        parts_of_day=dict(raw["parts_of_day"]),
        seasons=dict(raw["seasons"]),
        ordinals=dict(raw["ordinals"]),
        decade_words=dict(raw["decade_words"]),
        past_cues=frozenset(raw["past_cues"]),
        future_cues=frozenset(raw["future_cues"]),
        present_cues=frozenset(raw["present_cues"]),
        refs={k: (v[0], v[1]) for k, v in raw["refs"].items()},
        sets=dict(raw["sets"]),
        holidays=dict(raw["holidays"]),
        movable_holidays=dict(raw["movable_holidays"]),
        events=dict(raw["events"]),
        future_verbs=tuple(raw["future_verbs"]),
    )


LEXICON = _load()
