"""Our curated names (``resources/geo_aliases.tsv``) and demonyms (``resources/demonyms.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..tables import resource_path, table_rows
from .names import normalise


@dataclass(frozen=True, slots=True)
class Alias:
    target: str
    country: str | None
    kind: str | None  # a gazetteer kind, or "demonym"
    lat: float | None = None  # set for places the gazetteer lacks
    lon: float | None = None
    feature: str | None = None


@lru_cache(maxsize=4)
def load_aliases(path: Path | None = None) -> dict[str, Alias]:
    """Normalised alias -> what it stands for."""
    out: dict[str, Alias] = {}
    for row in table_rows(path or resource_path("geo_aliases.tsv")):
        row = row + [""] * (7 - len(row))
        lat = float(row[4]) if row[4] else None
        lon = float(row[5]) if row[5] else None
        out[normalise(row[0])] = Alias(
            row[1], row[2] or None, row[3] or None, lat, lon, row[6] or None
        )
    return out


@lru_cache(maxsize=4)
def load_demonyms(path: Path | None = None) -> dict[str, str]:
    """Demonym as written (singular) -> the place it names, from the shared demonyms table."""
    source = path or resource_path("demonyms.tsv")
    if not source.is_file():
        return {}
    return {row[0]: row[1] for row in table_rows(source) if len(row) >= 2}
