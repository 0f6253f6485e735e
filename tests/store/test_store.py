"""The store: migrations, idempotent adds, round trips, failures, the corpus stage hook."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from tidings.model import Extraction
from tidings.store import Store, StoreError
from tidings.store import corpus as corpus_stage
from tidings.store.db import migrations


def test_migrations_apply_once(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    Store.open(path).close()
    with Store.open(path) as store:
        rows = store.conn.execute("SELECT number, name FROM migrations").fetchall()
        assert [tuple(r) for r in rows] == [(n, name) for n, name, _ in migrations()]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_refuses_missing_store_for_queries_and_non_sqlite(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "missing.db", create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a Tidings store"):
        Store.open(junk)


def test_add_is_idempotent(store: Store, records: list[Extraction]) -> None:
    before = store.stats()
    assert store.add(records[0], origin="again") is False
    assert store.stats() == before
    assert before["articles"] == 3 and before["quotes"] == 3 and before["events"] == 1


def test_records_round_trip(store: Store, records: list[Extraction]) -> None:
    for record in records:
        back = store.extraction(record.article.id)
        assert back == record
        assert back is not None and back.as_dict() == record.as_dict()
    assert [r.article.published for r in store.extractions()] == [
        "2026-04-01",
        "2026-04-02",
        "2026-04-03",
    ]


def test_entity_ids_are_global(store: Store, records: list[Extraction]) -> None:
    ids = [row[0] for row in store.conn.execute("SELECT id FROM entities")]
    assert len(ids) == len(set(ids))
    assert f"{records[0].article.id}:e1" in ids


def test_failure_is_logged_with_its_reason(store: Store) -> None:
    store.record_failure("bad.txt", "bad.txt is empty", fingerprint="fp-bad")
    assert store.document_status("fp-bad") == "failed"
    assert store.failures()[0]["reason"] == "bad.txt is empty"
    assert store.stats()["failures"] == 1


def test_failed_transaction_leaves_nothing(store: Store, records: list[Extraction]) -> None:
    before = store.stats()
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
        conn.execute("INSERT INTO sources(name) VALUES ('New Outlet')")
        conn.execute(
            "INSERT INTO articles(id, text, added_at) VALUES (?, 'x', 'now')",
            (records[0].article.id,),
        )
    assert store.stats() == before


@dataclass
class _Canonical:
    id: str
    type: str
    name: str
    members: tuple[tuple[str, str], ...]


@dataclass
class _Story:
    id: str
    title: str
    articles: tuple[str, ...]
    corroboration: int = 2


def test_rebuild_corpus_fills_canonical_entities_and_stories(
    store: Store, records: list[Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [r.article.id for r in records]

    def merge(recs: list[Extraction]) -> list[_Canonical]:
        return [_Canonical("c1", "PERSON", "Sabina Rahimova", tuple((i, "e1") for i in ids))]

    def cluster(recs: list[Extraction]) -> list[_Story]:
        return [_Story("s1", "Landslide", tuple(ids))]

    stages = {"merge_entities": merge, "cluster_stories": cluster}
    monkeypatch.setattr(corpus_stage, "_stage", lambda module, name: stages[name])
    assert store.rebuild_corpus() == {"canonical_entities": 1, "stories": 1}
    people = store.entities(type="PERSON")
    assert people[0]["id"] == "c1" and people[0]["articles"] == 3
    story = store.stories()[0]
    assert (story["articles"], story["outlets"], story["corroboration"]) == (3, 2, 2)


def test_rebuild_corpus_survives_a_failing_stage(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(recs: list[Extraction]) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(corpus_stage, "_stage", lambda module, name: broken)
    assert store.rebuild_corpus() == {}


def test_rebuild_corpus_skips_absent_stages(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_stage, "_stage", lambda module, name: None)
    assert store.rebuild_corpus() == {}
