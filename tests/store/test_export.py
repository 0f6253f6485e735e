"""Every export format over a small hand-made store."""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Iterator
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


def _acled(store: Store, path: Path) -> list[dict[str, str]]:
    export(store, "acled", path)
    with path.open() as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    return rows


def test_acled_and_gdelt_headers_and_rows(
    store: Store, records: list[Extraction], tmp_path: Path
) -> None:
    (row,) = _acled(store, tmp_path / "acled.csv")
    # An ASSAULT with no (armed) target: the crosswalk's "Violence against civilians / Attack".
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence",
        "Violence against civilians",
        "Attack",
    )
    assert (row["location"], row["admin1"], row["country"], row["iso"]) == (
        "Khorog",
        "Gorno-Badakhshan",
        "Tajikistan",
        "762",
    )
    assert (row["notes"], row["event_date"], row["year"], row["time_precision"]) == (
        "blocked",
        "2026-04-01",
        "2026",
        "1",
    )
    assert (row["geo_precision"], row["fatalities"], row["tags"]) == ("1", "0", "plover:ASSAULT")
    assert row["event_id_cnty"] == f"TJ:{records[0].article.id}:ev1"
    assert (row["actor1"], row["source"]) == ("Sabina Rahimova", "Valley Post")
    assert row["timestamp"].isdigit()
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


ARTICLE = (
    "Market attack\n\n"
    "Militants attacked a crowded market in Khorog on Monday, killing 41 people, police said. "
    "Hundreds of protesters marched in Khorog on Tuesday against the government. "
    "The rebels threatened to attack the city. "
    "There was no fighting in Khorog on Wednesday."
)


@pytest.fixture(scope="module")
def piped_record() -> Extraction:
    """One invented article run through the real pipeline."""
    from tidings.extraction import extract_document
    from tidings.ingest.raw import RawDocument

    raw = RawDocument(text=ARTICLE, source="Valley Post", language="en", origin="test")
    return extract_document(raw, published="2026-04-08")


@pytest.fixture(scope="module")
def piped(tmp_path_factory: pytest.TempPathFactory, piped_record: Extraction) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("acled") / "kb.db")
    opened.add(piped_record, origin="test", fingerprint="fp")
    yield opened
    opened.close()


def test_pipeline_record_round_trips(piped: Store, piped_record: Extraction) -> None:
    # Counts, agent codes and the reporting quote are stored: the ACLED export needs them.
    assert any(e.counts for e in piped_record.events)
    assert any(e.actor_code for e in piped_record.events)
    assert piped.extraction(piped_record.article.id) == piped_record


def test_acled_uses_the_events_crosswalk(piped: Store, tmp_path: Path) -> None:
    rows = _acled(piped, tmp_path / "acled.csv")
    by_note = {r["notes"]: r for r in rows}
    attack = by_note["attacked"]
    assert attack["event_type"] == "Violence against civilians"
    assert attack["fatalities"] == "41"  # "killing 41 people": the count survives the store
    assert (attack["event_date"], attack["country"]) == ("2026-04-06", "Tajikistan")
    protest = by_note["marched"]
    assert (protest["disorder_type"], protest["event_type"]) == ("Demonstrations", "Protests")
    assert (protest["inter1"], protest["interaction"]) == ("6", "60")  # protesters
    assert protest["tags"] == "plover:PROTEST; mode:demo"
    assert protest["fatalities"] == "0"
    # Not exported: the threatened attack, the negated fighting, and THREATEN (ACLED codes none).
    assert not {"attack", "fighting", "threatened"} & set(by_note)
    assert all(r["event_type"] for r in rows)
