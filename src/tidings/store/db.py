"""The SQLite connection and the numbered migrations applied to it on open.

Migrations are the files ``migrations/NNNN_name.sql``, applied in number order, each in its own
transaction, and recorded in the ``migrations`` table so that each applies once.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources
from pathlib import Path

from ..errors import TidingsError

_MIGRATION_NAME = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")


class StoreError(TidingsError):
    """The store cannot be opened or read (not a Tidings database, newer than this version)."""


def migrations() -> list[tuple[int, str, str]]:
    """``(number, name, sql)`` for every bundled migration, in order."""
    found = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.fullmatch(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and migrate) the store at ``path``; ``create=False`` refuses a missing file."""
    target = Path(path)
    if not create and not target.exists():
        raise StoreError(
            f"no store at {target}; run `tidings ingest --db {target} SOURCE...` first"
        )
    if target.is_dir():
        raise StoreError(f"{target} is a directory; give the path of a database file")
    try:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a batch is one transaction.
        conn = sqlite3.connect(target, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        # WAL lets readers (queries, exports) run while an ingest writes; NORMAL is durable
        # across a process crash in WAL mode, which is what resumability needs.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{target} is not a Tidings store ({exc}); give another --db") from exc
    return conn


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations ``conn`` lacks; returns the numbers applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations "
        "(number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT number FROM migrations")}
    known = migrations()
    newest = max((n for n, _, _ in known), default=0)
    if done and max(done) > newest:
        raise StoreError(
            f"the store was written by a newer Tidings (schema {max(done)}, this one knows "
            f"{newest}); upgrade Tidings"
        )
    applied = []
    for number, name, sql in known:
        if number in done:
            continue
        # executescript commits first, so BEGIN inside the script keeps each migration atomic.
        conn.executescript(
            f"BEGIN;\n{sql}\nINSERT INTO migrations VALUES ({number}, '{name}', "
            "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));\nCOMMIT;"
        )
        applied.append(number)
    return applied
