"""The corpus from Python: ingest into a store, query it, export it. ``tidings ingest``,
``tidings stats`` and the other corpus commands are thin over these functions.

Every function takes ``db``: a path to the store (default ``tidings.db``) or an open
``Store``. Queries return lists of plain dicts (the rows the CLI prints), newest data included
as soon as an ingest commits it.

>>> from tidings import query
>>> query.ingest("kb.db", ["articles/", "feeds.opml"], workers=4)
>>> query.timeline("kb.db", entity="Davron Nazarov", since="2026-03-01")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .store import DEFAULT_DB, Store
from .store import export as _export
from .store import ingest as _ingest
from .store.queries import DEFAULT_LIMIT

Db = str | Path | Store


@contextmanager
def _opened(db: Db, *, create: bool = False) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    with Store.open(db, create=create) as store:
        yield store


def ingest(
    db: Db,
    sources: Iterable[str],
    *,
    workers: int | None = None,
    published: str | None = None,
    allow_private: bool = False,
    retry_failed: bool = False,
) -> _ingest.Summary:
    """Ingest files, folders, JSONL, WARC, feeds, OPML lists and URLs into ``db``."""
    with _opened(db, create=True) as store:
        return _ingest.ingest(
            store,
            sources,
            workers=workers,
            published=published,
            allow_private=allow_private,
            retry_failed=retry_failed,
        )


def stats(db: Db = DEFAULT_DB) -> dict[str, int]:
    """Row counts: articles, entities, quotes, events, stories, failures and more."""
    with _opened(db) as store:
        return store.stats()


def timeline(
    db: Db = DEFAULT_DB,
    *,
    entity: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> list[dict[str, Any]]:
    """Dated events, quotes and articles, oldest first."""
    with _opened(db) as store:
        return store.timeline(entity=entity, place=place, since=since, until=until, limit=limit)


def quotes(
    db: Db = DEFAULT_DB,
    *,
    speaker: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> list[dict[str, Any]]:
    """Quotes, by date, optionally of one speaker or from one outlet."""
    with _opened(db) as store:
        return store.quotes(speaker=speaker, source=source, since=since, until=until, limit=limit)


def entities(
    db: Db = DEFAULT_DB, *, type: str | None = None, limit: int | None = DEFAULT_LIMIT
) -> list[dict[str, Any]]:
    """Canonical entities with article and mention counts, most cited first."""
    with _opened(db) as store:
        return store.entities(type=type, limit=limit)


def events(
    db: Db = DEFAULT_DB,
    *,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> list[dict[str, Any]]:
    """Events, by date, optionally of one PLOVER type, actor or place."""
    with _opened(db) as store:
        return store.events(
            type=type, actor=actor, place=place, since=since, until=until, limit=limit
        )


def stories(db: Db = DEFAULT_DB, *, limit: int | None = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Stories with the number of articles and outlets covering each."""
    with _opened(db) as store:
        return store.stories(limit=limit)


def search(db: Db, query: str, *, limit: int | None = 20) -> list[dict[str, Any]]:
    """Full-text search over article text and quotes, best match first, with snippets."""
    with _opened(db) as store:
        return store.search(query, limit=limit)


def export(db: Db, fmt: str, path: str | Path) -> int:
    """Write the store as ``jsonl``, ``csv``, ``acled``, ``gdelt``, ``geojson`` or ``parquet``."""
    with _opened(db) as store:
        return _export.export(store, fmt, path)


__all__ = [
    "Store",
    "entities",
    "events",
    "export",
    "ingest",
    "quotes",
    "search",
    "stats",
    "stories",
    "timeline",
]
