"""Invented records for the corpus tests, read from tests/fixtures/corpus_merge/articles.json.

The fixture is compact (names, not offsets); ``build`` finds each name in the text for its
mentions, so a fixture edit that breaks an offset fails here rather than passing silently.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tidings.model import Article, Entity, Extraction, Geo, Mention, Quote, Timex, article_id

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "corpus_merge" / "articles.json"


def _mentions(text: str, names: list[str]) -> tuple[Mention, ...]:
    found = []
    for name in names:
        for match in re.finditer(re.escape(name), text):
            found.append(Mention(match.start(), match.end(), name))
    assert found, f"{names} not in the text"
    return tuple(sorted(set(found), key=lambda m: m.start))


def build(row: dict) -> Extraction:
    text = row["text"]
    article = Article(
        id=article_id(text),
        title=row.get("title"),
        source=row.get("source"),
        url=None,
        published=row.get("published"),
        language="en",
        text=text,
    )
    entities = []
    ids: dict[str, str] = {}
    for n, e in enumerate(row.get("entities", []), 1):
        ids[e["name"]] = f"e{n}"
        geo = Geo(0.0, 0.0, e["geo"], "TJ", "P.PPL") if e.get("geo") else None
        entities.append(
            Entity(
                id=f"e{n}",
                type=e["type"],
                name=e["name"],
                aliases=tuple(e.get("aliases", ())),
                titles=tuple(e.get("titles", ())),
                mentions=_mentions(text, [e["name"], *e.get("aliases", ())]),
                geo=geo,
            )
        )
    quotes = []
    for n, q in enumerate(row.get("quotes", []), 1):
        start = text.index(q["text"])
        quotes.append(
            Quote(
                id=f"q{n}",
                text=q["text"],
                kind="direct",
                speaker=ids.get(q.get("speaker") or ""),
                speaker_text=q.get("speaker"),
                cue="said",
                venue=q.get("venue"),
                date=None,
                start=start,
                end=start + len(q["text"]),
            )
        )
    timexes = []
    for t in row.get("timexes", []):
        start = text.index(t["text"])
        timexes.append(Timex(t["text"], "DATE", t["value"], start, start + len(t["text"])))
    return Extraction(
        article=article, entities=tuple(entities), quotes=tuple(quotes), timexes=tuple(timexes)
    )


@pytest.fixture(scope="session")
def corpus() -> dict[str, Extraction]:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]
    return {row["key"]: build(row) for row in rows}
