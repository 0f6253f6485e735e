"""Every export format over a small hand-made store."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tidings.model import Extraction
from tidings.store import Store, StoreError
from tidings.store.export import TABLES, export
from tidings.store.export_events import ACLED_COLUMNS, GDELT_COLUMNS


def test_jsonl_round_trips(store: Store, records: list[Extraction], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert export(store, "jsonl", out) == 3
    back = [Extraction.from_dict(json.loads(line)) for line in out.read_text().splitlines()]
    assert sorted(back, key=lambda r: r.article.id) == sorted(records, key=lambda r: r.article.id)


def test_csv_folder_and_zip(store: Store, tmp_path: Path) -> None:
    export(store, "csv", tmp_path / "tables")
    assert sorted(p.stem for p in (tmp_path / "tables").iterdir()) == sorted(TABLES)
    with (tmp_path / "tables" / "quotes.csv").open() as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 3 and rows[0]["speaker_text"] == "Sabina Rahimova"
    export(store, "csv", tmp_path / "tables.zip")
    with zipfile.ZipFile(tmp_path / "tables.zip") as archive:
        assert sorted(archive.namelist()) == sorted(f"{t}.csv" for t in TABLES)


def test_parquet_reads_back(store: Store, tmp_path: Path) -> None:
    export(store, "parquet", tmp_path / "pq")
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert articles.num_rows == 3
    stories = pq.read_table(tmp_path / "pq" / "stories.parquet")
    assert stories.num_rows == 0 and "title" in stories.column_names


def test_geojson_is_a_feature_collection(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "places.geojson"
    assert export(store, "geojson", out) == 1
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [71.55, 37.49]}
    props = feature["properties"]
    assert (props["name"], props["type"], props["articles"], props["mentions"]) == (
        "Khorog",
        "GPE",
        2,
        2,
    )


def test_acled_and_gdelt_headers_and_rows(store: Store, tmp_path: Path) -> None:
    export(store, "acled", tmp_path / "acled.csv")
    with (tmp_path / "acled.csv").open() as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    assert rows[0]["event_type"] == "Battles" and rows[0]["location"] == "Khorog"
    assert rows[0]["notes"] == "blocked" and rows[0]["event_date"] == "2026-04-01"
    export(store, "gdelt", tmp_path / "gdelt.tsv")
    lines = (tmp_path / "gdelt.tsv").read_text().splitlines()
    assert tuple(lines[0].split("\t")) == GDELT_COLUMNS
    row = dict(zip(GDELT_COLUMNS, lines[1].split("\t"), strict=True))
    assert (row["SQLDATE"], row["EventCode"], row["QuadClass"]) == ("20260401", "190", "4")


def test_empty_store_still_writes_headers(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.db") as empty:
        assert export(empty, "acled", tmp_path / "a.csv") == 0
    assert (tmp_path / "a.csv").read_text().strip() == ",".join(ACLED_COLUMNS)


def test_unknown_format_and_missing_folder(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        export(store, "xml", tmp_path / "x")
    with pytest.raises(StoreError, match="does not exist"):
        export(store, "jsonl", tmp_path / "no" / "such.jsonl")
