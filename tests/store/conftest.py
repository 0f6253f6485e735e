"""Hand-made records for the store tests: no model needed, so these tests are fast."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.model import (
    Article,
    Entity,
    Event,
    Extraction,
    Focus,
    Geo,
    Mention,
    Quote,
    Timex,
    article_id,
)
from tidings.store import Store


def make_record(
    text: str, *, published: str | None, source: str | None = "Valley Post"
) -> Extraction:
    """A record whose evidence spans are real: every name below occurs in ``text``."""
    aid = article_id(text)

    def span(word: str) -> Mention:
        start = text.index(word)
        return Mention(start, start + len(word), word)

    entities = [
        Entity(id="e1", type="PERSON", name="Sabina Rahimova", mentions=(span("Sabina Rahimova"),))
    ]
    if "Khorog" in text:
        geo = Geo(
            lat=37.49,
            lon=71.55,
            geonames_id=1221194,
            country="TJ",
            feature="P.PPLA",
            admin1="Gorno-Badakhshan",
        )
        entities.append(
            Entity(id="e2", type="GPE", name="Khorog", mentions=(span("Khorog"),), geo=geo)
        )
    quote_start = text.index("We will")
    quote = Quote(
        id="q1",
        text="We will clear the road",
        kind="direct",
        speaker="e1",
        speaker_text="Sabina Rahimova",
        cue="said",
        venue=None,
        date=published,
        start=quote_start,
        end=quote_start + 22,
    )
    events = ()
    if "blocked" in text:
        trig = text.index("blocked")
        events = (
            Event(
                id="ev1",
                type="ASSAULT",
                mode=None,
                actor="e1",
                target=None,
                place="e2" if "Khorog" in text else None,
                date=published,
                negated=False,
                modality=None,
                trigger="blocked",
                start=trig,
                end=trig + 7,
            ),
        )
    return Extraction(
        article=Article(
            id=aid,
            title=text.split("\n")[0],
            source=source,
            url=f"https://example.org/{aid}",
            published=published,
            language="en",
            text=text,
        ),
        entities=tuple(entities),
        quotes=(quote,),
        timexes=(Timex(text="Tuesday", type="DATE", value=published, start=0, end=0),),
        events=events,
        warnings=("a warning",),
        focus=Focus(country="TJ", admin1=None, entity="e2") if "Khorog" in text else None,
    )


TEXTS = [
    (
        'Landslide near Khorog\n\nA landslide blocked the road. "We will clear the road soon," '
        "said Sabina Rahimova.",
        "2026-04-01",
        "Valley Post",
    ),
    (
        'Road work goes on\n\nEngineers reached the slide. "We will clear the road by Friday," '
        "Sabina Rahimova told reporters.",
        "2026-04-02",
        "River Herald",
    ),
    (
        'Khorog road reopens\n\nTraffic moved again through Khorog. "We will clear the road of '
        'snow too," said Sabina Rahimova.',
        "2026-04-03",
        "Valley Post",
    ),
]


@pytest.fixture
def records() -> list[Extraction]:
    return [make_record(t, published=p, source=s) for t, p, s in TEXTS]


@pytest.fixture
def store(tmp_path: Path, records: list[Extraction]) -> Store:
    opened = Store.open(tmp_path / "kb.db")
    for number, record in enumerate(records):
        opened.add(record, origin=f"doc{number}", fingerprint=f"fp{number}")
    yield opened
    opened.close()
