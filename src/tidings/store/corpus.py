"""Fills ``canonical_entities``/``entities.canonical_id`` and ``stories``/``story_articles``
from the corpus stage's functions, when that stage is installed.

The functions belong to ``tidings.corpus`` (another module's job); this side only turns their
results into rows. The shapes read here are documented in docs/store.md ("Corpus stage"):

- ``tidings.corpus.merge.merge_entities(records) -> list[CanonicalEntity]``, each with ``id``,
  ``type``, ``name``, optional ``aliases`` and ``geo`` (a ``Geo``), and ``members``: the
  article entities it merges, as ``(article_id, local_id)`` pairs or ``"<article_id>:e3"`` ids.
  It may instead return an object with ``entities`` (that list) and ``index`` (a mapping from
  article entities to canonical ids), which is also passed on to stories.
- ``tidings.corpus.stories.cluster_stories(records[, index]) -> list[Story]``, each with
  ``id``, optional ``title`` and ``corroboration``, and ``articles`` (article ids).

Attributes are read with ``getattr`` (or dict keys), so a dataclass, a NamedTuple or a dict
all work. A stage that is absent is skipped with a debug log; one that fails is logged as a
warning and leaves its previous tables as they were (the rebuild is one transaction each).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger(__name__)


def _stage(module: str, name: str) -> Callable[..., Any] | None:
    try:
        found = importlib.import_module(module)
    except ImportError:
        log.debug("%s is not installed; skipping that corpus stage", module)
        return None
    function = getattr(found, name, None)
    if function is None:
        log.debug("%s has no %s(); skipping that corpus stage", module, name)
    return function


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return default


def _member_id(member: Any) -> str:
    if isinstance(member, str):
        return member
    article_id, local_id = member
    return f"{article_id}:{local_id}"


def rebuild(store: Store) -> dict[str, int]:
    """Rerun both stages over every stored record; returns rows written per table."""
    merge = _stage("tidings.corpus.merge", "merge_entities")
    cluster = _stage("tidings.corpus.stories", "cluster_stories")
    written: dict[str, int] = {}
    if merge is None and cluster is None:
        return written
    records = list(store.extractions())
    index = None
    if merge is not None:
        try:
            merged = merge(records)
            # A list of canonical entities, or a result object holding them (``entities``)
            # and an index from article entities to them (``index``), which stories reuse.
            if isinstance(merged, list | tuple):
                canonical: Iterable[Any] = merged
            else:
                canonical = _get(merged, "entities", "canonical", default=()) or ()
                index = _get(merged, "index")
            written["canonical_entities"] = _write_canonical(store, canonical, index)
        except Exception as exc:  # their bug must not lose the ingest that already committed
            log.warning("merging entities failed, canonical entities unchanged: %s", exc)
            log.debug("merge_entities failed", exc_info=True)
    if cluster is not None:
        try:
            stories = cluster(records, index) if index is not None else cluster(records)
            written["stories"] = _write_stories(store, stories)
        except Exception as exc:
            log.warning("clustering stories failed, stories unchanged: %s", exc)
            log.debug("cluster_stories failed", exc_info=True)
    return written


def _index_pairs(index: Any) -> list[tuple[str, str]]:
    """``(canonical id, entity id)`` pairs from an index that maps article entities (pairs or
    global ids) to canonical entities (ids or objects with ``id``)."""
    if not isinstance(index, Mapping):
        return []
    pairs = []
    for key, value in index.items():
        try:
            pairs.append((str(_get(value, "id", default=value)), _member_id(key)))
        except (TypeError, ValueError):
            continue
    return pairs


def _write_canonical(store: Store, canonical: Iterable[Any], index: Any = None) -> int:
    count = 0
    with store.transaction() as conn:
        conn.execute("UPDATE entities SET canonical_id = NULL")
        conn.execute("DELETE FROM canonical_entities")
        for item in canonical:
            geo = _get(item, "geo")
            conn.execute(
                "INSERT INTO canonical_entities(id, type, name, aliases, lat, lon, geonames_id, "
                "country, feature, admin1) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    str(_get(item, "id")),
                    _get(item, "type"),
                    _get(item, "name"),
                    json.dumps(list(_get(item, "aliases", default=()) or ()), ensure_ascii=False),
                    _get(geo, "lat") if geo else None,
                    _get(geo, "lon") if geo else None,
                    _get(geo, "geonames_id") if geo else None,
                    _get(geo, "country") if geo else None,
                    _get(geo, "feature") if geo else None,
                    _get(geo, "admin1") if geo else None,
                ),
            )
            members = _get(item, "members", "entity_ids", "entities", default=()) or ()
            conn.executemany(
                "UPDATE entities SET canonical_id = ? WHERE id = ?",
                [(str(_get(item, "id")), _member_id(m)) for m in members],
            )
            count += 1
        conn.executemany(
            "UPDATE entities SET canonical_id = ? WHERE id = ? AND canonical_id IS NULL "
            "AND EXISTS (SELECT 1 FROM canonical_entities WHERE id = ?)",
            [(cid, eid, cid) for cid, eid in _index_pairs(index)],
        )
    return count


def _write_stories(store: Store, stories: Iterable[Any]) -> int:
    built_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    count = 0
    with store.transaction() as conn:
        conn.execute("DELETE FROM story_articles")
        conn.execute("DELETE FROM stories")
        for story in stories:
            story_id = str(_get(story, "id"))
            conn.execute(
                "INSERT INTO stories(id, title, corroboration, built_at) VALUES (?,?,?,?)",
                (story_id, _get(story, "title"), _get(story, "corroboration"), built_at),
            )
            articles = _get(story, "articles", "article_ids", default=()) or ()
            conn.executemany(
                "INSERT OR IGNORE INTO story_articles(story_id, article_id) "
                "SELECT ?, id FROM articles WHERE id = ?",
                [(story_id, str(_get(a, "id", default=a))) for a in articles],
            )
            count += 1
    return count
