"""Stories: the articles of several outlets about one real-world event, clustered.

TF-IDF alone pairs articles about the same *kind* of event (two earthquakes, two rehab stays),
because they share vocabulary. What separates two events of one kind is who, where and when, so
the article similarity combines five channels, each a cosine in [0, 1]:

- ``text``: TF-IDF over content words (the title counted twice), idf over the articles given;
- ``headline``: the title's words alone (two reports of one event share its key words there);
- ``phrases``, ``numbers``: adjacent content-word pairs and the numbers stated (not years);
  available to the tuning, unused by the tuned sets today;
- ``entities``: canonical people, organisations and other named things (idf-weighted, so an
  entity every article names counts for little);
- ``places``: places by GeoNames id when resolved, else by normalised name;
- ``dates``: the dates the articles name (timex values at day, month and year grain);
- ``events``: PLOVER event types (weight 0: with the events stage's output they blur events of
  one kind together; tuning-half F1 fell from 0.96 to 0.77 at weight 0.5).

A channel only votes for a pair when both articles have something in it (no entities is no
evidence of a different event); the vote is a weighted mean over those channels. Publication
dates further apart than ``Params.gap_days`` cost ``Params.gap_penalty`` at most (same-event
reports come within days of each other). Articles are then grouped by average linkage at
``Params.threshold``, on similarities standardised over the collection (standard deviations from
its mean pair, so one threshold serves collections of different density). Two tuned parameter
sets: ``OPEN_COLLECTION`` (the default; chosen by cross-validation inside half of Giveme5W1H
news_cluster: text, the headline at half weight and a little of the entities) and
``WITHIN_TOPIC`` (tuned on half of the ECB+ topics, where entities and dates earn their weight).

Entry points: ``cluster_stories(extractions, merged=None)`` -> ``list[Story]``; the pieces
(``article_features``, ``similarity_matrix``, ``tfidf_matrix``) are public for the evaluation.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from tidings.model import Extraction

from .figures import Figure, figures_in
from .merge import canonical_index, merge_entities
from .names import stable_id, translit_key
from .vectors import average_linkage, idf_weights, pairwise_cosine, tfidf, tokens

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Named things that identify an event's participants; NORP ("American"), quantities and the
# like say little about which event an article reports.
PARTICIPANT_TYPES = frozenset({"PERSON", "ORG", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?!\w)")
_YEAR = re.compile(r"(?:19|20)\d\d")
CHANNELS = ("text", "headline", "phrases", "numbers", "entities", "places", "dates", "events")
# The ArticleFeatures field each channel reads.
_CHANNEL_FIELD = {"text": "words", "headline": "headline_words"}

# (article_id, entity_id) -> canonical entity id, as ``merge.merge_entities`` returns it.
CanonicalIndex = Mapping[tuple[str, str], str]


@dataclass(frozen=True)
class Params:
    """Weights of the channels, the publication-gap penalty and the linkage threshold."""

    text: float = 1.0
    headline: float = 0.0
    phrases: float = 0.0
    numbers: float = 0.0
    entities: float = 0.0
    places: float = 0.0
    dates: float = 0.0
    events: float = 0.0
    gap_days: int = 30
    gap_penalty: float = 0.0
    year_penalty: float = 0.0
    relative: bool = True  # threshold in standard deviations above the mean pair
    threshold: float = 1.0

    def weight(self, channel: str) -> float:
        return float(getattr(self, channel))


# Tuned by eval/stories.py on the tuning halves: an open collection of unrelated stories
# (Giveme5W1H news_cluster; the default), and articles already known to be on one topic, where
# the question is which of several same-kind events each reports (ECB+ topics).
OPEN_COLLECTION = Params(headline=0.5, entities=0.25, threshold=0.7)
WITHIN_TOPIC = Params(entities=0.5, dates=0.25, threshold=-0.4)


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


@dataclass(frozen=True)
class Story:
    id: str  # "s" + hash of the sorted article ids
    title: str | None  # the title of the article most like the others
    first_date: str | None  # YYYY-MM-DD, earliest publication date (else named date)
    last_date: str | None
    articles: tuple[str, ...]  # article ids, earliest first
    outlets: tuple[str, ...]  # distinct outlets, sorted
    corroboration: int  # independent outlets: wire copies of one text count once
    figures: tuple[Figure, ...] = ()

    def as_dict(self) -> dict:
        body = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "figures"}
        body["articles"] = list(self.articles)
        body["outlets"] = list(self.outlets)
        body["figures"] = [f.as_dict() for f in self.figures]
        return body


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


def tfidf_matrix(counts: Sequence[Counter[str]]) -> np.ndarray:
    """Cosines of TF-IDF vectors, idf over the given articles."""
    return pairwise_cosine(tfidf(counts, idf_weights(counts)))


def _present(counts: Sequence[Counter[str]]) -> np.ndarray:
    has = np.array([bool(c) for c in counts])
    return np.outer(has, has)


def _gap_matrix(features: Sequence[ArticleFeatures]) -> np.ndarray:
    """Days between publication dates; 0 where either date is unknown."""
    days = [
        dt.date.fromisoformat(f.published).toordinal() if f.published else None for f in features
    ]
    known = np.array([d is not None for d in days])
    ordinal = np.array([d or 0 for d in days], dtype=float)
    gaps = np.abs(ordinal[:, None] - ordinal[None, :])
    gaps[~np.outer(known, known)] = 0.0
    return gaps


def channel_matrices(features: Sequence[ArticleFeatures]) -> dict[str, np.ndarray]:
    """Per channel, the n x n cosines (and ``<channel>_present`` masks), plus ``gap`` in days."""
    out: dict[str, np.ndarray] = {}
    for channel in CHANNELS:
        counts = [getattr(f, _CHANNEL_FIELD.get(channel, channel)) for f in features]
        out[channel] = tfidf_matrix(counts)
        out[f"{channel}_present"] = _present(counts)
    out["gap"] = _gap_matrix(features)
    years = np.array([f.year or 0 for f in features], dtype=float)
    known = years > 0
    out["year_differs"] = np.outer(known, known) & (years[:, None] != years[None, :])
    return out


def combine(matrices: Mapping[str, np.ndarray], params: Params) -> np.ndarray:
    """The weighted mean of the channels both articles have, less the publication-gap cost."""
    shape = matrices["text"].shape
    total = np.zeros(shape)
    weights = np.zeros(shape)
    for channel in CHANNELS:
        w = params.weight(channel)
        if w <= 0:
            continue
        present = matrices[f"{channel}_present"] if channel != "text" else np.ones(shape, bool)
        total += w * matrices[channel] * present
        weights += w * present
    sims = total / np.maximum(weights, 1e-9)
    # Beyond gap_days the cost grows linearly and is full at three times the allowance.
    excess = np.clip((matrices["gap"] - params.gap_days) / (2.0 * max(params.gap_days, 1)), 0, 1)
    sims = sims - params.gap_penalty * excess - params.year_penalty * matrices["year_differs"]
    if params.relative and sims.shape[0] > 2:
        off = sims[~np.eye(sims.shape[0], dtype=bool)]
        sims = (sims - off.mean()) / max(float(off.std()), 1e-6)
    np.fill_diagonal(sims, np.inf)
    return sims


def similarity_matrix(
    features: Sequence[ArticleFeatures], params: Params | None = None
) -> np.ndarray:
    return combine(channel_matrices(features), params or Params())


def cluster_features(
    features: Sequence[ArticleFeatures], params: Params | None = None
) -> list[list[int]]:
    """Index groups of ``features``, one per story."""
    params = params or Params()
    return average_linkage(similarity_matrix(features, params), params.threshold)


def _date_range(records: Sequence[Extraction]) -> tuple[str | None, str | None]:
    dates = sorted(r.article.published for r in records if r.article.published)
    if not dates:
        named = sorted(
            t.value
            for r in records
            for t in r.timexes
            if t.type == "DATE" and t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)
        )
        dates = named
    return (dates[0], dates[-1]) if dates else (None, None)


def _independent_outlets(records: Sequence[Extraction], text_sims: np.ndarray) -> int:
    """Distinct outlets, where outlets whose articles are near copies (a wire story run as is,
    cosine >= 0.9) count once: corroboration means separate reporting."""
    outlets = [r.article.source or f"article:{r.article.id}" for r in records]
    groups = average_linkage(text_sims, 0.9)
    independent = set()
    for group in groups:
        independent.add(min(outlets[i] for i in group))
    return len({o for o in independent})


def build_story(records: Sequence[Extraction], text_sims: np.ndarray) -> Story:
    """A ``Story`` from its articles; ``text_sims`` are their TF-IDF cosines (for the title and
    for corroboration)."""
    order = sorted(range(len(records)), key=lambda i: (records[i].article.published or "9999", i))
    centrality = text_sims.sum(axis=1)
    titled = [i for i in range(len(records)) if records[i].article.title]
    title = (
        records[max(titled, key=lambda i: (centrality[i], -i))].article.title if titled else None
    )
    first, last = _date_range(records)
    article_ids = tuple(records[i].article.id for i in order)
    figures = tuple(f for i in order for f in figures_in(records[i]))
    return Story(
        id=stable_id("s", *sorted(article_ids)),
        title=title,
        first_date=first,
        last_date=last,
        articles=article_ids,
        outlets=tuple(sorted({r.article.source for r in records if r.article.source})),
        corroboration=_independent_outlets(records, text_sims),
        figures=figures,
    )


def cluster_stories(
    records: Sequence[Extraction],
    canonical: CanonicalIndex | None = None,
    params: Params | None = None,
) -> list[Story]:
    """Group articles into stories, largest first (then earliest). ``canonical`` is the
    ``merge.canonical_index`` of ``merge_entities`` over the same records; when omitted the
    merge runs here."""
    if canonical is None:
        canonical = canonical_index(merge_entities(records))
    features = [article_features(r, canonical) for r in records]
    matrices = channel_matrices(features)
    params = params or Params()
    groups = average_linkage(combine(matrices, params), params.threshold)
    stories = []
    for group in groups:
        sub = matrices["text"][np.ix_(group, group)]
        stories.append(build_story([records[i] for i in group], sub))
    return sorted(stories, key=lambda s: (-len(s.articles), s.first_date or "9999", s.id))
