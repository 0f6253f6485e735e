"""The corpus commands through the real console script: ingest (with a crash and a resume),
every query in JSON and CSV, and the exports."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tidings.model import Extraction

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
ARTICLES = CORPUS / "articles"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, run_cli) -> Path:
    """A store with the fixture articles (three good, one empty) and the JSONL file."""
    path = tmp_path_factory.mktemp("kb") / "kb.db"
    result = run_cli(
        "ingest",
        "--db",
        str(path),
        "--workers",
        "1",
        "--published",
        "2026-04-02",
        str(ARTICLES),
        str(CORPUS / "articles.jsonl"),
    )
    assert result.returncode == 0, result.stderr
    return path


def _stats(run_cli, db: Path) -> dict[str, int]:
    result = run_cli("stats", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_ingest_reports_and_records_failures(db: Path, run_cli) -> None:
    stats = _stats(run_cli, db)
    assert stats["articles"] == 5  # 3 files + 2 JSONL lines
    assert stats["failures"] == 2  # the empty file and the JSONL line with no body
    for key in ("entities", "quotes", "events", "stories"):
        assert key in stats


def test_reingest_changes_nothing(db: Path, run_cli) -> None:
    before = _stats(run_cli, db)
    result = run_cli(
        "ingest", "--db", str(db), "--workers", "1", str(ARTICLES), str(CORPUS / "articles.jsonl")
    )
    assert result.returncode == 0, result.stderr
    assert "ingested 0, skipped 5 (already stored), failed 0" in result.stderr.decode()
    assert "2 failed before" in result.stderr.decode()
    assert _stats(run_cli, db) == before


def test_resume_after_a_crash(tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    shutil.copytree(ARTICLES, folder)
    (folder / "nested" / "empty.txt").unlink()
    path = tmp_path / "kb.db"
    monkeypatch.setenv("TIDINGS_TEST_CRASH_AFTER", "1")
    crashed = run_cli("ingest", "--db", str(path), "--workers", "2", str(folder))
    assert crashed.returncode == 137
    assert _stats(run_cli, path)["articles"] == 1
    monkeypatch.delenv("TIDINGS_TEST_CRASH_AFTER")
    resumed = run_cli("ingest", "--db", str(path), "--workers", "2", str(folder))
    assert resumed.returncode == 0, resumed.stderr
    assert "ingested 2, skipped 1 (already stored), failed 0" in resumed.stderr.decode()
    stats = _stats(run_cli, path)
    assert stats["articles"] == 3 and stats["documents"] == 3


def test_every_input_failing_exits_1(tmp_path: Path, run_cli) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("ingest", "--db", str(tmp_path / "kb.db"), "--workers", "1", str(empty))
    assert result.returncode == 1
    assert "failed 1" in result.stderr.decode().splitlines()[-1]


def test_usage_errors_exit_2(tmp_path: Path, run_cli) -> None:
    result = run_cli("ingest", "--db", str(tmp_path / "kb.db"))
    assert result.returncode == 2
    result = run_cli("timeline", "--db", str(tmp_path / "kb.db"), "--since", "yesterday")
    assert result.returncode == 2


def test_query_on_a_missing_store_is_one_line(tmp_path: Path, run_cli) -> None:
    result = run_cli("stats", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1 and "no store at" in result.stderr.decode()


# One call per command, with its filters (each call loads the package, about a second);
# the filters' results are checked against hand-made data in tests/store/test_queries.py.
QUERIES = [
    ("timeline", "--entity", "Sabina Rahimova", "--since", "2026-04-01", "--until", "2026-04-30"),
    ("quotes", "--speaker", "Sabina Rahimova", "--source", "Valley Post"),
    ("entities", "--type", "PERSON"),
    ("events", "--type", "ASSAULT", "--place", "Khorog"),
    ("stories",),
    ("search", "landslide"),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: " ".join(q))
def test_queries_in_json_and_csv(db: Path, run_cli, query: tuple[str, ...]) -> None:
    as_json = run_cli(*query, "--db", str(db), "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    rows = json.loads(as_json.stdout)
    assert isinstance(rows, list)
    as_csv = run_cli(*query, "--db", str(db), "--format", "csv")
    assert as_csv.returncode == 0, as_csv.stderr
    table = list(csv.DictReader(io.StringIO(as_csv.stdout.decode())))
    assert len(table) == len(rows)
    if rows:
        assert list(table[0]) == list(rows[0])


def test_query_results_make_sense(db: Path, run_cli) -> None:
    def rows(*args: str) -> list[dict]:
        return json.loads(run_cli(*args, "--db", str(db)).stdout)

    quotes = rows("quotes", "--speaker", "Sabina Rahimova")
    assert quotes and all(q["speaker"] == "Sabina Rahimova" for q in quotes)
    timeline = rows("timeline")
    assert [r["date"] for r in timeline] == sorted(r["date"] for r in timeline)
    assert {"article", "quote"} <= {r["kind"] for r in timeline}
    hits = rows("search", "landslide")
    assert hits and "[" in hits[0]["snippet"]
    table = run_cli("entities", "--db", str(db), "--format", "table")
    assert table.returncode == 0 and b"Sabina Rahimova" in table.stdout


def test_exports(db: Path, run_cli, tmp_path: Path) -> None:
    for fmt, name in [
        ("jsonl", "a.jsonl"),
        ("geojson", "p.geojson"),
        ("acled", "a.csv"),
        ("gdelt", "g.tsv"),
        ("csv", "t.zip"),
        ("parquet", "pq"),
    ]:
        result = run_cli("export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
    records = [
        Extraction.from_dict(json.loads(x)) for x in (tmp_path / "a.jsonl").read_text().splitlines()
    ]
    assert len(records) == 5
    geo = json.loads((tmp_path / "p.geojson").read_text())
    assert geo["type"] == "FeatureCollection"
    assert all(f["geometry"]["type"] == "Point" for f in geo["features"])
    assert (tmp_path / "pq" / "articles.parquet").exists()
