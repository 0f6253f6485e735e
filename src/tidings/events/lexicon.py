"""The PLOVER lexicons, read from ``resources/plover_verbs.tsv`` and ``resources/plover_nouns.tsv``.

Both are data: analysts extend them without touching code (docs/events.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..tables import resource_path, table_records

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
LIGHT = "light"  # a support verb: its object noun is the event
EMBED_ONLY = "-"  # a verb that is no event but gives its complement a modality


@dataclass(frozen=True, slots=True)
class VerbEntry:
    lemma: str  # "attack", or "call on" for a phrasal verb
    type: str  # a PLOVER type, LIGHT or EMBED_ONLY
    mode: str | None
    embeds: str | None  # the modality it gives an event in its complement


@dataclass(frozen=True, slots=True)
class NounEntry:
    lemma: str  # "clash", or "air strike"
    type: str
    mode: str | None


def _dash(value: str) -> str | None:
    return None if value in ("", "-") else value


def _check_type(value: str, path: Path, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"{path.name}: unknown event type {value!r}")
    return value


@lru_cache(maxsize=4)
def load_verbs(path: Path | None = None) -> dict[str, VerbEntry]:
    """Verb lemma (or phrase) -> entry; the first line for a lemma wins."""
    path = path or resource_path("plover_verbs.tsv")
    out: dict[str, VerbEntry] = {}
    for row in table_records(path):
        lemma = row["lemma"].lower()
        kind = _check_type(row["type"], path, (*PLOVER_TYPES, LIGHT, EMBED_ONLY))
        out.setdefault(lemma, VerbEntry(lemma, kind, _dash(row["mode"]), _dash(row["embeds"])))
    return out


@lru_cache(maxsize=4)
def load_nouns(path: Path | None = None) -> dict[str, NounEntry]:
    """Noun lemma (or compound) -> entry."""
    path = path or resource_path("plover_nouns.tsv")
    out: dict[str, NounEntry] = {}
    for row in table_records(path):
        lemma = row["lemma"].lower()
        kind = _check_type(row["type"], path, PLOVER_TYPES)
        out.setdefault(lemma, NounEntry(lemma, kind, _dash(row["mode"])))
    return out
