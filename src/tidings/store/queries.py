"""The read side: every query the CLI and ``tidings.query`` offer, as SQL over the store.

Each returns plain dicts (JSON-ready, one key per output column, the same keys in every row)
so that the JSON, CSV and table renderings need no knowledge of the query.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from .db import StoreError

# What the timeline and list queries return when no limit is given: enough to read, and a
# bound on the work a query over a very large store does.
DEFAULT_LIMIT = 500

_PLACE_TYPES = ("GPE", "LOC", "FAC")


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    return [dict(row) for row in cursor]


def _limit(limit: int | None) -> int:
    """SQLite's LIMIT: a non-positive or missing limit means all rows."""
    return -1 if limit is None or limit <= 0 else limit


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    tables = {
        "articles": "articles",
        "sources": "sources",
        "entities": "entities",
        "canonical_entities": "canonical_entities",
        "mentions": "mentions",
        "places": "places",
        "quotes": "quotes",
        "timexes": "timexes",
        "events": "events",
        "stories": "stories",
        "failures": "failures",
        "documents": "documents",
    }
    return {
        key: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for key, table in tables.items()
    }


# Entity ids whose name, or canonical entity's name, is the filter value (case-insensitive).
# Both branches use an index (entities_name, canonical_entities_name then entities_canonical).
_NAMED = (
    "SELECT e.id FROM entities e WHERE e.name = :{key} COLLATE NOCASE {types} "
    "UNION SELECT e.id FROM canonical_entities c JOIN entities e ON e.canonical_id = c.id "
    "WHERE c.name = :{key} COLLATE NOCASE {types}"
)


def _named(key: str, *, places_only: bool = False) -> str:
    types = "AND e.type IN ({})".format(", ".join(f"'{t}'" for t in _PLACE_TYPES))
    return _NAMED.format(key=key, types=types if places_only else "")


def _range(column: str, since: str | None, until: str | None) -> str:
    clauses = [f"{column} IS NOT NULL"]
    if since:
        clauses.append(f"{column} >= :since")
    if until:
        # A day, or a coarser value ("2026-03") that sorts before every day in it: compare
        # against the upper bound's prefix so the whole of "until" is included.
        clauses.append(f"substr({column}, 1, length(:until)) <= :until")
    return " AND ".join(clauses)


def timeline(
    conn: sqlite3.Connection,
    *,
    entity: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> list[dict[str, Any]]:
    """Events, quotes and articles in date order (oldest first).

    ``entity``: items about an entity of that name (events it acts in, is the target or the
    place of; its quotes; articles that mention it). ``place``: events at a place of that name,
    and quotes and articles from articles that mention it.
    """
    ctes = []
    ev_where = [_range("ev.day", since, until)]
    q_where = [_range("q.day", since, until)]
    a_where = [_range("a.published", since, until)]
    if entity:
        ctes.append(f"ent(id) AS ({_named('entity')})")
        ev_where.append("(ev.actor_id IN ent OR ev.target_id IN ent OR ev.place_id IN ent)")
        q_where.append("q.speaker_id IN ent")
        a_where.append("a.id IN (SELECT article_id FROM entities WHERE id IN ent)")
    if place:
        ctes.append(f"plc(id) AS ({_named('place', places_only=True)})")
        ev_where.append("ev.place_id IN plc")
        q_where.append("q.article_id IN (SELECT article_id FROM entities WHERE id IN plc)")
        a_where.append("a.id IN (SELECT article_id FROM entities WHERE id IN plc)")
    with_clause = f"WITH {', '.join(ctes)} " if ctes else ""
    sql = (
        f"{with_clause}SELECT t.date, t.kind, t.id, t.article_id, s.name AS source, t.type, "
        "t.who, t.text FROM ("
        "SELECT ev.day AS date, 'event' AS kind, ev.id AS id, ev.article_id AS article_id, "
        "ev.type AS type, actor.name AS who, ev.trigger AS text FROM events ev "
        f"LEFT JOIN entities actor ON actor.id = ev.actor_id WHERE {' AND '.join(ev_where)} "
        "UNION ALL SELECT q.day, 'quote', q.id, q.article_id, q.kind, "
        "COALESCE(sp.name, q.speaker_text), q.text FROM quotes q "
        f"LEFT JOIN entities sp ON sp.id = q.speaker_id WHERE {' AND '.join(q_where)} "
        "UNION ALL SELECT a.published, 'article', a.id, a.id, NULL, a.author, a.title "
        f"FROM articles a WHERE {' AND '.join(a_where)} "
        "ORDER BY 1 LIMIT :limit) t "
        "JOIN articles art ON art.id = t.article_id LEFT JOIN sources s ON s.id = art.source_id "
        "ORDER BY t.date, t.kind, t.id"
    )
    params = {"entity": entity, "place": place, "since": since, "until": until}
    params["limit"] = _limit(limit)  # type: ignore[assignment]
    return _rows(conn.execute(sql, params))


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> list[dict[str, Any]]:
    """Quotes in date order. ``speaker`` matches the speaker entity's name, its canonical
    name or the speaker as written; ``source`` the outlet's name (case-insensitive)."""
    where = ["1"]
    ctes = ""
    if speaker:
        ctes = f"WITH spk(id) AS ({_named('speaker')}) "
        where.append("(q.speaker_id IN spk OR q.speaker_text = :speaker COLLATE NOCASE)")
    if source:
        where.append("s.name = :source COLLATE NOCASE")
    if since or until:
        where.append(_range("q.day", since, until))
    sql = (
        f"{ctes}SELECT q.day AS date, q.id, q.article_id, q.kind, "
        "COALESCE(c.name, sp.name, q.speaker_text) AS speaker, q.speaker_text, q.cue, q.venue, "
        "q.text, s.name AS source, a.title, a.url FROM quotes q "
        "JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = a.source_id "
        "LEFT JOIN entities sp ON sp.id = q.speaker_id "
        "LEFT JOIN canonical_entities c ON c.id = sp.canonical_id "
        f"WHERE {' AND '.join(where)} ORDER BY q.day IS NULL, q.day, q.id LIMIT :limit"
    )
    params = {"speaker": speaker, "source": source, "since": since, "until": until}
    return _rows(conn.execute(sql, {**params, "limit": _limit(limit)}))


def entities(
    conn: sqlite3.Connection, *, type: str | None = None, limit: int | None = DEFAULT_LIMIT
) -> list[dict[str, Any]]:
    """Canonical entities with how many articles and mentions they have, most cited first.

    Until the corpus stage has merged entities, article entities of the same type and name
    (case-insensitive) count as one.
    """
    where = "WHERE COALESCE(c.type, e.type) = :type" if type else ""
    sql = (
        "SELECT e.canonical_id AS id, COALESCE(c.name, e.name) AS name, "
        "COALESCE(c.type, e.type) AS type, COUNT(DISTINCT e.article_id) AS articles, "
        "SUM(e.mention_count) AS mentions, MAX(COALESCE(c.lat, p.lat)) AS lat, "
        "MAX(COALESCE(c.lon, p.lon)) AS lon, MAX(COALESCE(c.country, p.country)) AS country "
        "FROM entities e LEFT JOIN canonical_entities c ON c.id = e.canonical_id "
        f"LEFT JOIN places p ON p.entity_id = e.id {where} "
        "GROUP BY COALESCE(e.canonical_id, e.type || char(31) || lower(e.name)) "
        "ORDER BY articles DESC, mentions DESC, name LIMIT :limit"
    )
    return _rows(
        conn.execute(sql, {"type": type.upper() if type else None, "limit": _limit(limit)})
    )


def events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> list[dict[str, Any]]:
    """Events in date order, with actor, target and place names and the place's coordinates."""
    ctes = []
    where = ["1"]
    if type:
        where.append("ev.type = :type")
    if actor:
        ctes.append(f"act(id) AS ({_named('actor')})")
        where.append("ev.actor_id IN act")
    if place:
        ctes.append(f"plc(id) AS ({_named('place', places_only=True)})")
        where.append("ev.place_id IN plc")
    if since or until:
        where.append(_range("ev.day", since, until))
    with_clause = f"WITH {', '.join(ctes)} " if ctes else ""
    sql = (
        f"{with_clause}SELECT ev.day AS date, ev.date AS timex, ev.precision, ev.id, "
        "ev.article_id, ev.type, ev.mode, actor.name AS actor, target.name AS target, "
        "pl.name AS place, geo.lat, geo.lon, geo.country, geo.admin1, ev.negated, ev.modality, "
        "ev.trigger, s.name AS source, a.url FROM events ev "
        "JOIN articles a ON a.id = ev.article_id LEFT JOIN sources s ON s.id = a.source_id "
        "LEFT JOIN entities actor ON actor.id = ev.actor_id "
        "LEFT JOIN entities target ON target.id = ev.target_id "
        "LEFT JOIN entities pl ON pl.id = ev.place_id "
        "LEFT JOIN places geo ON geo.entity_id = ev.place_id "
        f"WHERE {' AND '.join(where)} ORDER BY ev.day IS NULL, ev.day, ev.id LIMIT :limit"
    )
    params = {
        "type": type.upper() if type else None,
        "actor": actor,
        "place": place,
        "since": since,
        "until": until,
        "limit": _limit(limit),
    }
    rows = _rows(conn.execute(sql, params))
    for row in rows:
        row["negated"] = bool(row["negated"])
    return rows


def stories(conn: sqlite3.Connection, *, limit: int | None = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Stories (from the corpus stage) with how many articles and outlets cover each."""
    sql = (
        "SELECT st.id, st.title, COUNT(a.id) AS articles, COUNT(DISTINCT a.source_id) AS outlets, "
        "st.corroboration, "
        "MIN(a.published) AS first_published, MAX(a.published) AS last_published, "
        "group_concat(a.id, ' ') AS article_ids FROM stories st "
        "LEFT JOIN story_articles sa ON sa.story_id = st.id "
        "LEFT JOIN articles a ON a.id = sa.article_id "
        "GROUP BY st.id ORDER BY articles DESC, last_published DESC, st.id LIMIT :limit"
    )
    rows = _rows(conn.execute(sql, {"limit": _limit(limit)}))
    for row in rows:
        row["article_ids"] = sorted((row["article_ids"] or "").split())
    return rows


_WORD = re.compile(r"\w+\*?")


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: every word must occur, ``word*`` matches a prefix.

    Quoting each word keeps punctuation ("Khorog-Rushan", "U.N.") from reading as FTS syntax.
    """
    terms = []
    for word in _WORD.findall(text):
        prefix = word.endswith("*")
        terms.append(f'"{word.rstrip("*")}"' + ("*" if prefix else ""))
    if not terms:
        raise StoreError(f"{text!r} holds no words to search for; give a word or two")
    return " ".join(terms)


def search(conn: sqlite3.Connection, query: str, *, limit: int | None = 20) -> list[dict[str, Any]]:
    """Articles and quotes matching ``query``, best first (bm25; title hits weigh more)."""
    sql = (
        "SELECT * FROM ("
        "SELECT 'article' AS kind, a.id, a.id AS article_id, a.published AS date, a.title, "
        "s.name AS source, bm25(articles_fts, 5.0, 1.0) AS score, "
        "snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "LEFT JOIN sources s ON s.id = a.source_id WHERE articles_fts MATCH :q "
        "UNION ALL SELECT 'quote', q.id, q.article_id, q.day, a.title, s.name, "
        "bm25(quotes_fts, 1.0, 0.5), snippet(quotes_fts, 0, '[', ']', '…', 12) "
        "FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid "
        "JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = a.source_id "
        "WHERE quotes_fts MATCH :q) ORDER BY score, id LIMIT :limit"
    )
    rows = _rows(conn.execute(sql, {"q": fts_query(query), "limit": _limit(limit)}))
    for row in rows:
        row["snippet"] = " ".join((row["snippet"] or "").split())
        row["score"] = round(-row["score"], 4)  # bm25 is lower-is-better; show higher-is-better
    return rows


def failures(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(
        conn.execute("SELECT origin, reason, failed_at, fingerprint FROM failures ORDER BY id")
    )
