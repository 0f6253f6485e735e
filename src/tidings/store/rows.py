"""Records to rows and back: the only place an ``Extraction`` becomes SQL and returns.

Local ids (``e3``, ``q1``, ``ev2``) become globally unique as ``<article_id>:<local id>``;
``local_id`` columns keep the contract's form so that a record read back equals the one stored.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from ..model import Article, Count, Entity, Event, Extraction, Focus, Geo, Mention, Quote, Timex

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"\d{4}-W\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")


def global_id(article_id: str, local_id: str | None) -> str | None:
    return f"{article_id}:{local_id}" if local_id else None


def _local(global_value: str | None) -> str | None:
    return global_value.split(":", 1)[1] if global_value else None


def event_day(value: str | None, published: str | None) -> tuple[str | None, int | None]:
    """The timeline day of an event dated ``value`` (TIMEX3) and its ACLED time precision.

    A value naming a day gives that day (precision 1); a week or month gives its first day
    (2, 3); anything else falls back to the publication date at precision 3, as ACLED codes an
    event whose date is only known to lie near its report.
    """
    if value and _DAY.match(value):
        return value[:10], 1
    if value and _WEEK.match(value):
        import datetime as dt

        year, week = int(value[:4]), int(value[6:8])
        try:
            return dt.date.fromisocalendar(year, week, 1).isoformat(), 2
        except ValueError:
            pass
    if value and _MONTH.fullmatch(value[:7]) and value[4] == "-":
        return f"{value[:7]}-01", 3
    return published, (3 if published else None)


def insert_extraction(conn: sqlite3.Connection, record: Extraction, *, added_at: str) -> None:
    """Insert every row of ``record``; the caller holds the transaction."""
    art = record.article
    aid = art.id
    source_id = None
    if art.source:
        conn.execute("INSERT OR IGNORE INTO sources(name) VALUES (?)", (art.source,))
        source_id = conn.execute("SELECT id FROM sources WHERE name = ?", (art.source,)).fetchone()[
            0
        ]
    focus = record.focus
    conn.execute(
        "INSERT INTO articles(id, title, source_id, url, published, language, text, author, "
        "warnings, focus_country, focus_admin1, focus_entity, added_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            aid,
            art.title,
            source_id,
            art.url,
            art.published,
            art.language,
            art.text,
            art.author,
            json.dumps(list(record.warnings), ensure_ascii=False),
            focus.country if focus else None,
            focus.admin1 if focus else None,
            global_id(aid, focus.entity) if focus else None,
            added_at,
        ),
    )
    conn.executemany(
        "INSERT INTO entities(id, article_id, local_id, seq, type, name, aliases, titles, "
        "mention_count) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                global_id(aid, e.id),
                aid,
                e.id,
                seq,
                e.type,
                e.name,
                json.dumps(list(e.aliases), ensure_ascii=False),
                json.dumps(list(e.titles), ensure_ascii=False),
                len(e.mentions),
            )
            for seq, e in enumerate(record.entities)
        ],
    )
    conn.executemany(
        'INSERT OR IGNORE INTO mentions(entity_id, start, "end", text) VALUES (?,?,?,?)',
        [
            (global_id(aid, e.id), m.start, m.end, m.text)
            for e in record.entities
            for m in e.mentions
        ],
    )
    conn.executemany(
        "INSERT INTO places(entity_id, lat, lon, geonames_id, country, feature, admin1) "
        "VALUES (?,?,?,?,?,?,?)",
        [
            (global_id(aid, e.id), g.lat, g.lon, g.geonames_id, g.country, g.feature, g.admin1)
            for e in record.entities
            if (g := e.geo) is not None
        ],
    )
    conn.executemany(
        "INSERT INTO quotes(id, article_id, local_id, seq, text, kind, speaker_id, speaker_text, "
        'cue, venue, date, day, start, "end") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
        [
            (
                global_id(aid, q.id),
                aid,
                q.id,
                seq,
                q.text,
                q.kind,
                global_id(aid, q.speaker),
                q.speaker_text,
                q.cue,
                q.venue,
                q.date,
                q.date or art.published,
                q.start,
                q.end,
            )
            for seq, q in enumerate(record.quotes)
        ],
    )
    conn.executemany(
        'INSERT INTO timexes(article_id, seq, text, type, value, start, "end") '
        "VALUES (?,?,?,?,?,?,?)",
        [
            (aid, seq, t.text, t.type, t.value, t.start, t.end)
            for seq, t in enumerate(record.timexes)
        ],
    )
    conn.executemany(
        "INSERT INTO events(id, article_id, local_id, seq, type, mode, actor_id, target_id, "
        'place_id, date, day, precision, negated, modality, trigger, start, "end", counts, '
        "source_id, actor_code, target_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                global_id(aid, ev.id),
                aid,
                ev.id,
                seq,
                ev.type,
                ev.mode,
                global_id(aid, ev.actor),
                global_id(aid, ev.target),
                global_id(aid, ev.place),
                ev.date,
                *event_day(ev.date, art.published),
                int(ev.negated),
                ev.modality,
                ev.trigger,
                ev.start,
                ev.end,
                json.dumps([c.as_dict() for c in ev.counts], ensure_ascii=False),
                global_id(aid, ev.source),
                ev.actor_code,
                ev.target_code,
            )
            for seq, ev in enumerate(record.events)
        ],
    )


def load_extraction(conn: sqlite3.Connection, article_id: str) -> Extraction | None:
    """The record stored for ``article_id``, equal to the one inserted; None if absent."""
    row = conn.execute(
        "SELECT a.*, s.name AS source FROM articles a LEFT JOIN sources s ON s.id = a.source_id "
        "WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    article = Article(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        published=row["published"],
        language=row["language"],
        text=row["text"],
        author=row["author"],
    )
    mentions: dict[str, list[Mention]] = {}
    for m in conn.execute(
        'SELECT m.entity_id, m.start, m."end", m.text FROM mentions m '
        "JOIN entities e ON e.id = m.entity_id WHERE e.article_id = ? ORDER BY m.start",
        (article_id,),
    ):
        mentions.setdefault(m[0], []).append(Mention(start=m[1], end=m[2], text=m[3]))
    entities = tuple(
        Entity(
            id=e["local_id"],
            type=e["type"],
            name=e["name"],
            aliases=tuple(json.loads(e["aliases"])),
            titles=tuple(json.loads(e["titles"])),
            mentions=tuple(mentions.get(e["id"], ())),
            geo=_geo(e) if e["lat"] is not None else None,
        )
        for e in conn.execute(
            "SELECT e.*, p.lat, p.lon, p.geonames_id, p.country, p.feature, p.admin1 "
            "FROM entities e LEFT JOIN places p ON p.entity_id = e.id "
            "WHERE e.article_id = ? ORDER BY e.seq",
            (article_id,),
        )
    )
    quotes = tuple(
        Quote(
            id=q["local_id"],
            text=q["text"],
            kind=q["kind"],
            speaker=_local(q["speaker_id"]),
            speaker_text=q["speaker_text"],
            cue=q["cue"],
            venue=q["venue"],
            date=q["date"],
            start=q["start"],
            end=q["end"],
        )
        for q in conn.execute(
            "SELECT * FROM quotes WHERE article_id = ? ORDER BY seq", (article_id,)
        )
    )
    timexes = tuple(
        Timex(text=t["text"], type=t["type"], value=t["value"], start=t["start"], end=t["end"])
        for t in conn.execute(
            "SELECT * FROM timexes WHERE article_id = ? ORDER BY seq", (article_id,)
        )
    )
    events = tuple(
        Event(
            id=ev["local_id"],
            type=ev["type"],
            mode=ev["mode"],
            actor=_local(ev["actor_id"]),
            target=_local(ev["target_id"]),
            place=_local(ev["place_id"]),
            date=ev["date"],
            negated=bool(ev["negated"]),
            modality=ev["modality"],
            trigger=ev["trigger"],
            start=ev["start"],
            end=ev["end"],
            counts=tuple(Count.from_dict(c) for c in json.loads(ev["counts"])),
            source=_local(ev["source_id"]),
            actor_code=ev["actor_code"],
            target_code=ev["target_code"],
        )
        for ev in conn.execute(
            "SELECT * FROM events WHERE article_id = ? ORDER BY seq", (article_id,)
        )
    )
    has_focus = any(row[k] is not None for k in ("focus_country", "focus_admin1", "focus_entity"))
    focus = (
        Focus(
            country=row["focus_country"],
            admin1=row["focus_admin1"],
            entity=_local(row["focus_entity"]),
        )
        if has_focus
        else None
    )
    return Extraction(
        article=article,
        entities=entities,
        quotes=quotes,
        timexes=timexes,
        events=events,
        warnings=tuple(json.loads(row["warnings"])),
        focus=focus,
    )


def _geo(row: Any) -> Geo:
    return Geo(
        lat=row["lat"],
        lon=row["lon"],
        geonames_id=row["geonames_id"],
        country=row["country"],
        feature=row["feature"],
        admin1=row["admin1"],
    )
