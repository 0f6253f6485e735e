"""Timeline query time over a store of 100,000 events (target: <= 100 ms a query).

Builds the store through the store's own insert path (``Store.add``), not the NLP pipeline:
10,000 invented articles over a year, each with 10 events, 4 entities (actors and a resolved
place) and 2 quotes. Then times ``timeline`` with and without filters, best of several runs.

    .venv/bin/python bench/timeline.py [--events 100000] [--runs 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path

from tidings.model import Article, Entity, Event, Extraction, Geo, Mention, Quote, article_id
from tidings.store import Store

TARGET_MS = 100.0
PEOPLE = [f"Person {i}" for i in range(400)]
PLACES = [(f"Town {i}", 30 + i / 10, 60 + i / 10) for i in range(100)]
TYPES = ["ASSAULT", "PROTEST", "AGREE", "CONSULT", "COERCE", "AID"]


def make_record(number: int, events_per_article: int, rng: random.Random) -> Extraction:
    day = (dt.date(2025, 1, 1) + dt.timedelta(days=number % 365)).isoformat()
    a, b = rng.sample(PEOPLE, 2)
    town, lat, lon = rng.choice(PLACES)
    text = f"Article {number}. {a} met {b} in {town} on {day}. " + "Filler words. " * 20
    ents = (
        Entity("e1", "PERSON", a, mentions=(Mention(text.index(a), text.index(a) + len(a), a),)),
        Entity("e2", "PERSON", b, mentions=(Mention(text.index(b), text.index(b) + len(b), b),)),
        Entity(
            "e3",
            "GPE",
            town,
            mentions=(Mention(text.index(town), text.index(town) + len(town), town),),
            geo=Geo(lat, lon, None, "TJ", "P.PPL"),
        ),
    )
    events = tuple(
        Event(
            f"ev{i + 1}", rng.choice(TYPES), None, "e1", "e2", "e3", day, False, None, "met", 0, 5
        )
        for i in range(events_per_article)
    )
    quotes = tuple(
        Quote(f"q{i + 1}", "Filler words.", "direct", "e1", a, "said", None, day, 0, 13)
        for i in range(2)
    )
    article = Article(
        article_id(text), f"Story {number}", f"Outlet {number % 50}", None, day, "en", text
    )
    return Extraction(article=article, entities=ents, quotes=quotes, events=events)


def build(path: Path, events: int, per_article: int = 10) -> float:
    rng = random.Random(7)
    t0 = time.perf_counter()
    with Store.open(path) as store, store.transaction():  # one batch: the bench is not ingest
        for n in range(events // per_article):
            store.add(make_record(n, per_article, rng), origin=f"bench:{n}")
    return time.perf_counter() - t0


def best_ms(store: Store, runs: int, **filters: object) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = len(store.timeline(**filters))
        times.append((time.perf_counter() - t0) * 1000)
    return min(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        build_s = build(path, args.events)
        cases = {
            "no filter (first 500)": {},
            "since/until one month": {"since": "2025-06-01", "until": "2025-06-30"},
            "entity": {"entity": "Person 17"},
            "place": {"place": "Town 42"},
            "entity + since/until": {
                "entity": "Person 17",
                "since": "2025-03-01",
                "until": "2025-05-31",
            },
            "all rows (no limit)": {"limit": 0},
        }
        results = {}
        with Store.open(path) as store:
            stats = store.stats()
            print(
                f"store: {stats['events']:,} events, {stats['articles']:,} articles, "
                f"{stats['quotes']:,} quotes; built in {build_s:.1f} s"
            )
            for name, filters in cases.items():
                ms, rows = best_ms(store, args.runs, **filters)
                flag = "ok" if ms <= TARGET_MS or "no limit" in name else "OVER"
                print(f"  timeline {name:28s} {ms:8.1f} ms  {rows:7,d} rows  {flag}")
                results[name] = {"ms": round(ms, 2), "rows": rows}
    if args.json:
        args.json.write_text(json.dumps({"target_ms": TARGET_MS, "cases": results}, indent=2))


if __name__ == "__main__":
    main()
