"""One quote relayed by several outlets, recognised as one ``QuoteCluster`` with every source.

Outlets relaying a quote trim it, fix its punctuation or change a word. Two quotes are the same
when their normalised texts (folded, punctuation dropped) overlap enough: the share of the
shorter quote's word 3-shingles found in the longer one (containment, so that a truncated
quote still matches the full one) is at least ``CONTAINMENT``; quotes of fewer than three
words must be equal. Their speakers must be compatible: the same canonical entity, or one of
them unknown (a relay may say only "a spokesman"). Clusters are the connected components.

The original reporter: when a member's venue names an outlet ("told Highland Wire", as Pamir
Courier relays it), that outlet; else the outlet of the earliest-published member.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tidings.model import Extraction, Quote

from .merge import canonical_index, merge_entities
from .names import fold, stable_id

CONTAINMENT = 0.6
SHINGLE = 3
_WORD = re.compile(r"[a-z0-9]+")
# An outlet named in a venue: "told Highland Wire", "in an interview with the Kabul Ledger".
_VENUE_OUTLET = re.compile(
    r"\b(?:told|to|with|on|in)\s+(?:the\s+)?(?P<name>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)*)"
)


@dataclass(frozen=True)
class QuoteSource:
    article_id: str
    quote_id: str
    outlet: str | None
    venue: str | None
    date: str | None  # the quote's date, else the article's publication date


@dataclass(frozen=True)
class QuoteCluster:
    id: str  # "q" + hash of the sorted (article_id, quote_id) members
    text: str  # the longest version
    speaker: str | None  # canonical entity id, when any member's speaker resolved
    speaker_text: str | None
    members: tuple[QuoteSource, ...]  # earliest first
    original_outlet: str | None  # who reported it first (see the module docstring)
    first_article: str  # the article id of the earliest member

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({m.outlet for m in self.members if m.outlet}))


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _shingles(words: list[str]) -> frozenset[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return frozenset({tuple(words)})
    return frozenset(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def same_text(a: str, b: str, containment: float = CONTAINMENT) -> bool:
    """Whether two quote texts are one quote, relayed with edits or cut short."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if min(len(wa), len(wb)) < SHINGLE:
        return wa == wb
    sa, sb = _shingles(wa), _shingles(wb)
    return len(sa & sb) / min(len(sa), len(sb)) >= containment


@dataclass
class _Item:
    record: Extraction
    quote: Quote
    speaker: str | None
    shingles: frozenset[tuple[str, ...]]


def cluster_quotes(
    records: Sequence[Extraction], canonical: Mapping[tuple[str, str], str] | None = None
) -> list[QuoteCluster]:
    """Every quote of ``records`` in exactly one cluster (most are clusters of one); clusters
    with most sources first. ``canonical`` maps (article_id, entity_id) to canonical ids; when
    omitted, ``merge_entities`` runs over ``records``."""
    if canonical is None:
        canonical = canonical_index(merge_entities(records))
    items = []
    for record in records:
        for quote in record.quotes:
            speaker = canonical.get((record.article.id, quote.speaker)) if quote.speaker else None
            items.append(_Item(record, quote, speaker, _shingles(_words(quote.text))))
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Candidate pairs share a shingle: an inverted index keeps this near linear.
    postings: dict[tuple[str, ...], list[int]] = {}
    for i, item in enumerate(items):
        for shingle in item.shingles:
            postings.setdefault(shingle, []).append(i)
    checked: set[tuple[int, int]] = set()
    for ids in postings.values():
        for x, i in enumerate(ids):
            for j in ids[x + 1 :]:
                if (i, j) in checked or find(i) == find(j):
                    continue
                checked.add((i, j))
                a, b = items[i], items[j]
                if a.speaker and b.speaker and a.speaker != b.speaker:
                    continue
                if same_text(a.quote.text, b.quote.text):
                    parent[max(find(i), find(j))] = min(find(i), find(j))
    groups: dict[int, list[_Item]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    outlets = {fold(r.article.source): r.article.source for r in records if r.article.source}
    clusters = [_cluster(group, outlets) for group in groups.values()]
    return sorted(clusters, key=lambda c: (-len(c.members), c.members[0].date or "9999", c.id))


def venue_outlet(venue: str | None, outlets: Mapping[str, str]) -> str | None:
    """The outlet a venue names: a known outlet (folded match) first, else a capitalised name
    after "told"/"with"/"to" ("told Reuters by telephone" -> "Reuters")."""
    if not venue:
        return None
    folded = fold(venue)
    for key, name in sorted(outlets.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(key)}\b", folded):
            return name
    match = _VENUE_OUTLET.search(venue)
    return match.group("name") if match else None


def _cluster(group: list[_Item], outlets: Mapping[str, str]) -> QuoteCluster:
    def when(item: _Item) -> str:
        return item.record.article.published or item.quote.date or "9999"

    group = sorted(group, key=lambda it: (when(it), it.record.article.id, it.quote.start))
    members = tuple(
        QuoteSource(
            article_id=it.record.article.id,
            quote_id=it.quote.id,
            outlet=it.record.article.source,
            venue=it.quote.venue,
            date=it.quote.date or it.record.article.published,
        )
        for it in group
    )
    longest = max(group, key=lambda it: (len(it.quote.text), -group.index(it)))
    speaker = next((it.speaker for it in group if it.speaker), None)
    speaker_text = next((it.quote.speaker_text for it in group if it.quote.speaker_text), None)
    named = [venue_outlet(it.quote.venue, outlets) for it in group]
    original = next((n for n in named if n), None) or group[0].record.article.source
    return QuoteCluster(
        id=stable_id("q", *sorted(f"{m.article_id}:{m.quote_id}" for m in members)),
        text=longest.quote.text,
        speaker=speaker,
        speaker_text=speaker_text,
        members=members,
        original_outlet=original,
        first_article=group[0].record.article.id,
    )
