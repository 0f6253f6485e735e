"""Event exports in the column sets of ACLED and of GDELT 2.0's event table.

Only events that happened are exported: negated events ("no fighting yet") and events with a
modality (threatened, intended, requested) are left out, as both datasets code occurrences.
The mappings from PLOVER are in docs/exports.md; columns we have no source for stay empty.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

# PLOVER type (and mode, where it decides) -> ACLED (disorder_type, event_type, sub_event_type).
# Types ACLED does not code (CONSULT, AID, ACCUSE, ...) are not exported.
_ACLED: dict[str, tuple[str, str, str]] = {
    "ASSAULT": ("Political violence", "Battles", "Armed clash"),
    "ASSAULT/aerial": ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
    "ASSAULT/explosion": (
        "Political violence",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    "PROTEST": ("Demonstrations", "Protests", "Peaceful protest"),
    "PROTEST/riot": ("Demonstrations", "Riots", "Violent demonstration"),
    "COERCE": ("Strategic developments", "Strategic developments", "Arrests"),
    "MOBILIZE": ("Strategic developments", "Strategic developments", "Other"),
    "AGREE": ("Strategic developments", "Strategic developments", "Agreement"),
    "RETREAT": (
        "Strategic developments",
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
}

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


def _geo_precision(feature: str | None) -> int | str:
    if not feature:
        return ""
    if feature.startswith(("P.", "S.")):
        return 1  # a town or a site
    if feature == "A.ADM1":
        return 3  # only the province is known
    return 2


def _timestamp(added_at: str | None) -> int | str:
    if not added_at:
        return ""
    moment = dt.datetime.strptime(added_at, "%Y-%m-%dT%H:%M:%SZ")
    return calendar.timegm(moment.timetuple())


def acled_row(row: sqlite3.Row) -> dict[str, Any] | None:
    coded = _ACLED.get(f"{row['type']}/{row['mode']}") or _ACLED.get(row["type"])
    if coded is None:
        return None
    tags = [f"plover:{row['type']}"] + ([f"mode:{row['mode']}"] if row["mode"] else [])
    out: dict[str, Any] = dict.fromkeys(ACLED_COLUMNS, "")
    out.update(
        event_id_cnty=f"{row['country'] or 'XX'}:{row['id']}",
        event_date=row["day"] or "",
        year=(row["day"] or "")[:4],
        time_precision=row["precision"] or "",
        disorder_type=coded[0],
        event_type=coded[1],
        sub_event_type=coded[2],
        actor1=row["actor"] or "",
        actor2=row["target"] or "",
        country=row["country"] or "",
        admin1=row["admin1"] or "",
        location=row["place"] or "",
        latitude="" if row["lat"] is None else row["lat"],
        longitude="" if row["lon"] is None else row["lon"],
        geo_precision=_geo_precision(row["feature"]),
        source=row["source"] or "",
        notes=" ".join((row["evidence"] or "").split()),
        tags="; ".join(tags),
        timestamp=_timestamp(row["added_at"]),
    )
    return out


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
    """ACLED's columns, comma-separated with a header (always written, even with no events)."""
    return _write(store, path, ACLED_COLUMNS, acled_row, delimiter=",")


def write_gdelt(store: Store, path: Path) -> int:
    """GDELT 2.0 event-table columns, tab-separated as GDELT's files are, with a header row."""
    return _write(store, path, GDELT_COLUMNS, gdelt_row, delimiter="\t")


def _write(
    store: Store, path: Path, columns: tuple[str, ...], convert: Any, *, delimiter: str
) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
        writer.writeheader()
        for row in _events(store.conn):
            converted = convert(row)
            if converted is not None:
                writer.writerow(converted)
                count += 1
    return count
