"""Exports: ``jsonl`` (the contract, one record per line), ``csv`` (one file per table, in a
folder or a zip), ``parquet`` (one file per table), ``geojson`` (resolved places), and the
event formats in ``export_events`` (``acled``, ``gdelt``). docs/exports.md lists every column.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .db import StoreError
from .export_events import write_acled, write_gdelt
from .store import Store

# The tables the csv and parquet exports write, in dependency order. The ingest log
# (``documents``) and ``migrations`` are bookkeeping, not data.
TABLES = (
    "sources",
    "articles",
    "canonical_entities",
    "entities",
    "mentions",
    "places",
    "quotes",
    "timexes",
    "events",
    "stories",
    "story_articles",
    "failures",
)
FORMATS = ("jsonl", "csv", "acled", "gdelt", "geojson", "parquet")


def export(store: Store, fmt: str, path: str | Path) -> int:
    """Write the store in format ``fmt`` to ``path``; returns the number of records written
    (articles, rows, events or features, by format)."""
    writers: dict[str, Callable[[Store, Path], int]] = {
        "jsonl": write_jsonl,
        "csv": write_csv,
        "acled": write_acled,
        "gdelt": write_gdelt,
        "geojson": write_geojson,
        "parquet": write_parquet,
    }
    if fmt not in writers:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    target = Path(path)
    if target.parent and not target.parent.exists():
        raise StoreError(f"the folder {target.parent} does not exist; create it or give another -o")
    return writers[fmt](store, target)


def write_jsonl(store: Store, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in store.extractions():
            out.write(json.dumps(record.as_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(row[1], (row[2] or "").upper()) for row in conn.execute(f"PRAGMA table_info({table})")]


def _table_csv(conn: sqlite3.Connection, table: str) -> tuple[str, int]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = [name for name, _ in _columns(conn, table)]
    writer.writerow(columns)
    count = 0
    quoted = ", ".join(f'"{c}"' for c in columns)
    # A plain scan: rowid order, or primary-key order for the WITHOUT ROWID tables.
    for row in conn.execute(f"SELECT {quoted} FROM {table}"):
        writer.writerow(["" if v is None else v for v in row])
        count += 1
    return buffer.getvalue(), count


def write_csv(store: Store, path: Path) -> int:
    """One ``<table>.csv`` per table: in a zip when ``path`` ends in ``.zip``, else in the
    folder ``path`` (created if missing)."""
    total = 0
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for table in TABLES:
                text, count = _table_csv(store.conn, table)
                archive.writestr(f"{table}.csv", text)
                total += count
        return total
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file; the csv export writes a folder (or give a .zip path)")
    path.mkdir(exist_ok=True)
    for table in TABLES:
        text, count = _table_csv(store.conn, table)
        (path / f"{table}.csv").write_text(text, encoding="utf-8")
        total += count
    return total


def write_parquet(store: Store, path: Path) -> int:
    """One ``<table>.parquet`` per table in the folder ``path``; column types follow the
    schema, so an empty table still has typed columns."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise StoreError(
            "the parquet export needs pyarrow; install it with `pip install 'tidings[parquet]'`"
        ) from exc
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file; the parquet export writes a folder of files")
    path.mkdir(exist_ok=True)
    types = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    total = 0
    for table in TABLES:
        columns = _columns(store.conn, table)
        schema = pa.schema([(name, types.get(decl, pa.string())) for name, decl in columns])
        quoted = ", ".join(f'"{name}"' for name, _ in columns)
        rows = store.conn.execute(f"SELECT {quoted} FROM {table}").fetchall()
        data = {name: [row[i] for row in rows] for i, (name, _) in enumerate(columns)}
        pq.write_table(pa.Table.from_pydict(data, schema=schema), path / f"{table}.parquet")
        total += len(rows)
    return total


def geojson_features(store: Store) -> list[dict[str, Any]]:
    """A point feature per resolved place: a canonical entity once merged, else the article
    entities sharing a type, name and coordinates."""
    sql = (
        "SELECT e.canonical_id AS id, COALESCE(c.name, e.name) AS name, "
        "COALESCE(c.type, e.type) AS type, COALESCE(c.lat, p.lat) AS lat, "
        "COALESCE(c.lon, p.lon) AS lon, COALESCE(c.country, p.country) AS country, "
        "COALESCE(c.admin1, p.admin1) AS admin1, COALESCE(c.geonames_id, p.geonames_id) "
        "AS geonames_id, COALESCE(c.feature, p.feature) AS feature, "
        "COUNT(DISTINCT e.article_id) AS articles, SUM(e.mention_count) AS mentions "
        "FROM places p JOIN entities e ON e.id = p.entity_id "
        "LEFT JOIN canonical_entities c ON c.id = e.canonical_id "
        "GROUP BY COALESCE(e.canonical_id, e.type || char(31) || lower(e.name) || char(31) "
        "|| round(p.lat, 4) || char(31) || round(p.lon, 4)) "
        "ORDER BY articles DESC, mentions DESC, name"
    )
    features = []
    for row in store.conn.execute(sql):
        properties = dict(row)
        lat, lon = properties.pop("lat"), properties.pop("lon")
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": properties,
            }
        )
    return features


def write_geojson(store: Store, path: Path) -> int:
    features = geojson_features(store)
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(features)
