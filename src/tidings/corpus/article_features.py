"""What the story similarity reads from one article: its words, headline, named participants,
places, dates and event types, as weighted feature counts (``ArticleFeatures``).

Entities are keyed by the corpus-wide canonical ids of ``merge.canonical_index`` when given, so
"Massoud" in one article and "Ahmad Massoud" in another are one feature.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from tidings.model import Extraction

from .names import translit_key
from .vectors import tokens

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Named things that identify an event's participants; NORP ("American"), quantities and the
# like say little about which event an article reports.
PARTICIPANT_TYPES = frozenset({"PERSON", "ORG", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?!\w)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# (article_id, entity_id) -> canonical entity id, as ``merge.merge_entities`` returns it.
CanonicalIndex = Mapping[tuple[str, str], str]


@dataclass(frozen=True)
class ArticleFeatures:
    """What the story similarity reads from one article."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    words: Counter[str]
    headline_words: Counter[str] = field(default_factory=Counter)
    phrases: Counter[str] = field(default_factory=Counter)
    numbers: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    year: int | None = None  # the publication year, else the year of a dateline


def _entity_key(record: Extraction, entity_id: str, canonical: CanonicalIndex | None) -> str:
    if canonical is not None:
        found = canonical.get((record.article.id, entity_id))
        if found:
            return found
    entity = record.entity(entity_id)
    assert entity is not None
    if entity.type in PLACE_TYPES and entity.geo and entity.geo.geonames_id:
        return f"geo:{entity.geo.geonames_id}"
    return f"{entity.type}:{translit_key(entity.name)}"


def _date_features(values: list[str | None]) -> Counter[str]:
    """Each date at its grain and the coarser ones: 2013-05-03 -> day, month and year keys."""
    out: Counter[str] = Counter()
    for value in values:
        match = _DATE_VALUE.match(value or "")
        if not match:
            continue
        year, month, day = match.groups()
        out[f"y{year}"] += 1
        if month:
            out[f"m{year}-{month}"] += 1
        if month and day:
            out[f"d{year}-{month}-{day}"] += 1
    return out


def article_features(
    record: Extraction, canonical: CanonicalIndex | None = None
) -> ArticleFeatures:
    """The features of one article; ``canonical`` maps its entities to corpus-wide ids (without
    it, entities are keyed by type and transliteration key, places by GeoNames id)."""
    article = record.article
    body = tokens(article.text)
    words = Counter(body)
    phrases = Counter(_bigrams(body))
    headline = article.title or _headline(article.text)
    head = tokens(headline) if headline else []
    words.update(head * 2)
    phrases.update(_bigrams(head) * 2)
    entities: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for entity in record.entities:
        weight = 1.0 + math.log(max(1, len(entity.mentions)))
        key = _entity_key(record, entity.id, canonical)
        if entity.type in PLACE_TYPES:
            places[key] += weight  # type: ignore[assignment]
        elif entity.type in PARTICIPANT_TYPES:
            entities[key] += weight  # type: ignore[assignment]
    dates = _date_features([t.value for t in record.timexes if t.type == "DATE"])
    events = Counter(e.type for e in record.events if not e.negated)
    year = int(article.published[:4]) if article.published else _dateline_year(record)
    return ArticleFeatures(
        article_id=article.id,
        title=article.title,
        outlet=article.source,
        published=article.published,
        words=words,
        headline_words=Counter(head),
        phrases=phrases,
        numbers=_numbers(article.text),
        entities=entities,
        places=places,
        dates=dates,
        events=events,
        year=year,
    )


def _bigrams(words: list[str]) -> list[str]:
    """Adjacent content words ("missile launch", "olive branch"): what the event was, where the
    single words only say who was involved."""
    return [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _numbers(text: str) -> Counter[str]:
    """The numbers an article states (casualties, amounts, scores), commas dropped; not years
    and not 0-3, which every article has."""
    out: Counter[str] = Counter()
    for match in _NUMBER.findall(text):
        value = match.replace(",", "")
        if value not in {"0", "1", "2", "3"} and not _YEAR.fullmatch(value):
            out[value] += 1
    return out


def _headline(text: str) -> str | None:
    """A plain-text article's first paragraph when it is short enough to be its headline."""
    first = text.lstrip().split("\n", 1)[0]
    return first if 0 < len(first.split()) <= 20 else None


def _dateline_year(record: Extraction) -> int | None:
    """The year of a full date near the top of the article (a dateline: "May 03, 2013")."""
    for timex in record.timexes:
        if timex.start > 300:
            break
        match = _DATE_VALUE.match(timex.value or "") if timex.type == "DATE" else None
        if match and match.group(3):
            return int(match.group(1))
    return None
