"""Event exports in the column sets of ACLED and of GDELT 2.0's event table.

Only events that happened are exported: negated events ("no fighting yet") and events with a
modality (threatened, intended, requested) are left out, as both datasets code occurrences.
ACLED's columns come from the events stage's crosswalk (``tidings.events.acled``, table
``resources/acled_crosswalk.tsv``) over the stored records; GDELT's from the CAMEO table below.
docs/exports.md gives each column's source; columns we have no source for stay empty.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..events.acled import country_name, crosswalk, disorder_type, iso_numeric
from ..model import Event, Extraction
from .rows import event_day, global_id

if TYPE_CHECKING:
    from .store import Store

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor2Name", "EventCode",
    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "SOURCEURL",
)  # fmt: skip

# PLOVER type -> (CAMEO event code, QuadClass, Goldstein score of that CAMEO code).
_CAMEO: dict[str, tuple[str, int, float]] = {
    "REQUEST": ("020", 1, 3.0),
    "AGREE": ("057", 1, 8.0),
    "CONSULT": ("040", 1, 1.0),
    "SUPPORT": ("050", 1, 3.5),
    "COOPERATE": ("060", 2, 6.0),
    "AID": ("070", 2, 7.0),
    "CONCEDE": ("080", 2, 5.0),
    "RETREAT": ("087", 2, 9.0),
    "ACCUSE": ("112", 3, -2.0),
    "REJECT": ("120", 3, -4.0),
    "THREATEN": ("130", 3, -4.4),
    "PROTEST": ("140", 4, -6.5),
    "MOBILIZE": ("150", 4, -7.2),
    "SANCTION": ("160", 4, -4.0),
    "COERCE": ("170", 4, -7.0),
    "ASSAULT": ("190", 4, -10.0),
}

# Columns taken as they are from the crosswalk.
_FROM_CROSSWALK = (
    "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "inter1", "inter2",
    "interaction", "location", "latitude", "longitude", "geo_precision",
)  # fmt: skip

_EVENTS = (
    "SELECT ev.rowid AS rowid, ev.id, ev.type, ev.mode, ev.day, ev.precision, "
    'substr(a.text, ev.start + 1, ev."end" - ev.start) AS evidence, '
    "actor.name AS actor, target.name AS target, pl.name AS place, geo.lat, geo.lon, "
    "geo.country, geo.admin1, geo.feature, actor_geo.country AS actor_country, "
    "s.name AS source, a.url, a.added_at FROM events ev JOIN articles a ON a.id = ev.article_id "
    "LEFT JOIN sources s ON s.id = a.source_id "
    "LEFT JOIN entities actor ON actor.id = ev.actor_id "
    "LEFT JOIN places actor_geo ON actor_geo.entity_id = ev.actor_id "
    "LEFT JOIN entities target ON target.id = ev.target_id "
    "LEFT JOIN entities pl ON pl.id = ev.place_id "
    "LEFT JOIN places geo ON geo.entity_id = ev.place_id "
    "WHERE ev.negated = 0 AND ev.modality IS NULL ORDER BY ev.day, ev.id"
)


def _events(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    yield from conn.execute(_EVENTS)


def _timestamp(added_at: str | None) -> int | str:
    if not added_at:
        return ""
    moment = dt.datetime.strptime(added_at, "%Y-%m-%dT%H:%M:%SZ")
    return calendar.timegm(moment.timetuple())


def happened(event: Event) -> bool:
    """Whether ``event`` is exported: it is not negated and has no modality."""
    return not event.negated and event.modality is None


def acled_row(
    record: Extraction, event: Event, *, added_at: str | None = None
) -> dict[str, Any] | None:
    """ACLED's columns for one event of ``record``, from the events stage's crosswalk
    (``tidings.events.acled``); None when ACLED does not code the event."""
    coded = crosswalk(event, record.entities, published=record.article.published)
    if not coded["event_type"]:
        return None
    place = record.entity(event.place) if event.place else None
    geo = place.geo if place is not None else None
    alpha2 = geo.country if geo is not None else None
    day, _ = event_day(event.date, record.article.published)
    disorder = disorder_type(coded["event_type"])
    text = record.article.text[event.start : event.end]
    tags = [f"plover:{event.type}"] + ([f"mode:{event.mode}"] if event.mode else [])
    out: dict[str, Any] = dict.fromkeys(ACLED_COLUMNS, "")
    out.update(
        event_id_cnty=f"{alpha2 or 'XX'}:{global_id(record.article.id, event.id)}",
        event_date=day or "",
        year=(day or "")[:4],
        disorder_type=disorder or "",
        civilian_targeting="Civilian targeting"
        if disorder == "Political violence" and coded["inter2"] == 7
        else "",
        iso=_blank(iso_numeric(alpha2)),
        country=country_name(alpha2) or alpha2 or "",
        admin1=(geo.admin1 if geo is not None else None) or "",
        source=record.article.source or "",
        notes=" ".join(text.split()),
        fatalities=coded["fatalities"] or 0,
        tags="; ".join(tags),
        timestamp=_timestamp(added_at),
    )
    for column in _FROM_CROSSWALK:
        out[column] = _blank(coded[column])
    return out


def _blank(value: Any) -> Any:
    return "" if value is None else value


def gdelt_row(row: sqlite3.Row) -> dict[str, Any] | None:
    coded = _CAMEO.get(row["type"])
    if coded is None:
        return None
    code, quad, goldstein = coded
    place = ", ".join(p for p in (row["place"], row["admin1"], row["country"]) if p)
    return {
        "GLOBALEVENTID": row["rowid"],
        "SQLDATE": (row["day"] or "").replace("-", ""),
        "Actor1Name": (row["actor"] or "").upper(),
        "Actor1CountryCode": row["actor_country"] or "",
        "Actor2Name": (row["target"] or "").upper(),
        "EventCode": code,
        "QuadClass": quad,
        "GoldsteinScale": goldstein,
        "NumMentions": 1,
        "NumSources": 1,
        "NumArticles": 1,
        "ActionGeo_FullName": place,
        "ActionGeo_CountryCode": row["country"] or "",
        "ActionGeo_Lat": "" if row["lat"] is None else row["lat"],
        "ActionGeo_Long": "" if row["lon"] is None else row["lon"],
        "SOURCEURL": row["url"] or "",
    }


def write_acled(store: Store, path: Path) -> int:
    """ACLED's columns, comma-separated with a header (always written, even with no events).

    One row per stored event that happened and that ACLED codes, in publication order; the
    columns come from ``tidings.events.acled.crosswalk`` over the stored record.
    """
    added = {row[0]: row[1] for row in store.conn.execute("SELECT id, added_at FROM articles")}
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for record in store.extractions():
            for event in record.events:
                if not happened(event):
                    continue
                row = acled_row(record, event, added_at=added.get(record.article.id))
                if row is not None:
                    writer.writerow(row)
                    count += 1
    return count


def write_gdelt(store: Store, path: Path) -> int:
    """GDELT 2.0 event-table columns, tab-separated as GDELT's files are, with a header row."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in _events(store.conn):
            converted = gdelt_row(row)
            if converted is not None:
                writer.writerow(converted)
                count += 1
    return count
