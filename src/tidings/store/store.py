"""``Store``: the knowledge base. Opening migrates; ``add`` writes one record atomically.

One writer: an ingest run holds the only ``Store`` that writes; any number of readers may open
the same file meanwhile (WAL). Every write is a transaction that also records the input's
fingerprint in ``documents``, so a crash leaves each input either wholly stored or untouched.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from ..model import Extraction
from . import corpus, queries
from .db import connect
from .rows import insert_extraction, load_extraction

log = logging.getLogger(__name__)

DEFAULT_DB = "tidings.db"


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """A Tidings store in one SQLite file. Query methods return plain dicts."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0  # nesting of transaction(): only the outermost commits

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, create: bool = True) -> Self:
        """Open the store at ``path``, creating and migrating it as needed."""
        return cls(connect(path, create=create), Path(path))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction around the block; nested blocks join the outer one (a batch)."""
        if self._depth == 0:
            self.conn.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield self.conn
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            self.conn.execute("COMMIT")

    # -- writing -------------------------------------------------------------------------

    def add(
        self, extraction: Extraction, *, origin: str = "-", fingerprint: str | None = None
    ) -> bool:
        """Store ``extraction``; False (and nothing changed) if its article is already there.

        ``fingerprint`` identifies the input it came from; it is logged in the same
        transaction, so that a rerun can skip the input without reading it again.
        """
        article_id = extraction.article.id
        with self.transaction() as conn:
            exists = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            if not exists:
                insert_extraction(conn, extraction, added_at=_now())
            if fingerprint is not None:
                self._log_document(
                    fingerprint, origin, "duplicate" if exists else "stored", article_id
                )
        return not exists

    def record_failure(self, origin: str, reason: str, *, fingerprint: str | None = None) -> None:
        """Log that ``origin`` could not be ingested, and why; the run goes on."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO failures(fingerprint, origin, reason, failed_at) VALUES (?,?,?,?)",
                (fingerprint, origin, reason, _now()),
            )
            if fingerprint is not None:
                self._log_document(fingerprint, origin, "failed", None)

    def _log_document(
        self, fingerprint: str, origin: str, status: str, article_id: str | None
    ) -> None:
        self.conn.execute(
            "INSERT INTO documents(fingerprint, origin, status, article_id, updated_at) "
            "VALUES (?,?,?,?,?) ON CONFLICT(fingerprint) DO UPDATE SET origin = excluded.origin, "
            "status = excluded.status, article_id = excluded.article_id, "
            "updated_at = excluded.updated_at",
            (fingerprint, origin, status, article_id, _now()),
        )

    def document_status(self, fingerprint: str) -> str | None:
        """``stored``, ``duplicate`` or ``failed`` for an input seen before, else None."""
        row = self.conn.execute(
            "SELECT status FROM documents WHERE fingerprint = ?", (fingerprint,)
        ).fetchone()
        return row[0] if row else None

    def rebuild_corpus(self) -> dict[str, int]:
        """Rerun the cross-article stages (entity merging, story clustering) over the store.

        Each runs only if its module (``tidings.corpus.merge``, ``tidings.corpus.stories``) is
        installed; see ``corpus.py``. Returns how many canonical entities and stories it wrote.
        """
        return corpus.rebuild(self)

    # -- reading -------------------------------------------------------------------------

    def extraction(self, article_id: str) -> Extraction | None:
        """The record stored for ``article_id``, as ``tidings extract`` gave it."""
        return load_extraction(self.conn, article_id)

    def extractions(self) -> Iterator[Extraction]:
        """Every stored record, in publication order (undated last), then by id."""
        ids = [
            row[0]
            for row in self.conn.execute(
                "SELECT id FROM articles ORDER BY published IS NULL, published, id"
            )
        ]
        for article_id in ids:
            record = load_extraction(self.conn, article_id)
            if record is not None:
                yield record

    def stats(self) -> dict[str, int]:
        return queries.stats(self.conn)

    def timeline(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.timeline(self.conn, **filters)

    def quotes(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.quotes(self.conn, **filters)

    def entities(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.entities(self.conn, **filters)

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.events(self.conn, **filters)

    def stories(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.stories(self.conn, **filters)

    def search(self, query: str, **options: Any) -> list[dict[str, Any]]:
        return queries.search(self.conn, query, **options)

    def failures(self) -> list[dict[str, Any]]:
        return queries.failures(self.conn)
