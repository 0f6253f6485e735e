"""Entities merged across articles: one ``CanonicalEntity`` per real-world referent.

Each article resolves its own entities (``e1``, ``e2`` … under the fullest name it uses); this
module joins them across articles:

- **People** by their name key (``names.person_key``: honorifics dropped, transliteration
  folded, so "Ahmad Masood" = "Ahmed Massoud"); a full name that leaves out a middle name
  ("Ahmad Massoud") joins the one longer name it shortens, when there is exactly one.
- **Epithets**: an alias an article states for a person ("Massoud, known as the Lion of
  Panjshir", or an alias the pipeline recorded that is not a shortening of the name) joins any
  entity named by that epithet elsewhere.
- **Bare surnames** ("Nazarov" in an article that never gave a full name) join the one full-name
  person with that surname whose context fits: titles that share a word, or a co-mentioned
  canonical entity. With several fitting candidates (Rustam and Davron Nazarov), or a single
  one whose titles contradict, the bare name stays a canonical entity of its own.
- **Places** (GPE, LOC, FAC) by GeoNames id when resolved, else by name key; a name-keyed place
  joins a resolved one of the same name key.
- **Others** (ORG, NORP, …) by name key, or by an alias one article states (an acronym).

Titles keep every form seen, with the first and last publication dates they were seen on, so
a "deputy minister" who becomes "minister" keeps both. Ids are deterministic: ``"c"`` + a hash
of the type family and the canonical key (adding an article with a fuller name can change it).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from tidings.model import Entity, Extraction, Geo

from .names import fold, is_shortening, person_key, stable_id, translit_key

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_EPITHET = re.compile(
    r",?\s*(?:also\s+|widely\s+|popularly\s+)?(?:known as|dubbed|nicknamed|called)\s+"
    r"(?P<epithet>(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:of|the|al|el|de)?\s*[A-Z][\w'-]*){0,4})"
)
_TITLE_STOP = frozenset({"former", "the", "of", "a", "an", "deputy", "acting", "senior"})

Member = tuple[str, str]  # (article_id, entity_id)


@dataclass(frozen=True)
class TitleSeen:
    title: str
    first_seen: str | None  # YYYY-MM-DD of the earliest article giving it
    last_seen: str | None
    articles: int  # how many articles give it


@dataclass(frozen=True)
class CanonicalEntity:
    id: str
    type: str  # the most frequent of its members' types
    name: str  # the fullest name, the most common spelling of it
    aliases: tuple[str, ...]
    titles: tuple[TitleSeen, ...]  # earliest first
    members: tuple[Member, ...]  # (article_id, entity_id), in input order
    geo: Geo | None = None

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "titles": [asdict(t) for t in self.titles],
            "members": [list(m) for m in self.members],
            "geo": self.geo.as_dict() if self.geo else None,
        }


@dataclass
class _Item:
    member: Member
    entity: Entity
    published: str | None
    family: str  # PERSON | PLACE | the type
    key: str
    epithets: set[str]


def _family(entity_type: str) -> str:
    return "PLACE" if entity_type in PLACE_TYPES else entity_type


def _epithets(record: Extraction, entity: Entity) -> set[str]:
    """Aliases the article states for a person: "…, known as the Lion of Panjshir"; and the
    aliases the pipeline kept that are no shortening of the name (epithets, not "Massoud")."""
    found = set()
    own = person_key(entity.name)
    for alias in entity.aliases:
        key = person_key(alias)
        if key and key != own and not set(key) <= set(own):
            found.add(translit_key(alias))
    text = record.article.text
    for mention in entity.mentions:
        match = _EPITHET.match(text, mention.end, min(len(text), mention.end + 80))
        if match:
            found.add(translit_key(match.group("epithet")))
    return {f for f in found if f}


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _items(records: Iterable[Extraction]) -> list[_Item]:
    items = []
    for record in records:
        for entity in record.entities:
            family = _family(entity.type)
            if family == "PERSON":
                key = " ".join(person_key(entity.name))
            elif family == "PLACE" and entity.geo and entity.geo.geonames_id:
                key = f"geo:{entity.geo.geonames_id}"
            else:
                key = translit_key(entity.name)
            if not key:
                continue
            epithets = _epithets(record, entity) if family == "PERSON" else set()
            member = (record.article.id, entity.id)
            items.append(_Item(member, entity, record.article.published, family, key, epithets))
    return items


def _title_words(titles: Iterable[str]) -> set[str]:
    return {w for t in titles for w in fold(t).split() if w not in _TITLE_STOP}


def merge_entities(records: Sequence[Extraction]) -> list[CanonicalEntity]:
    """Merge the entities of ``records`` across articles; canonical entities in order of first
    appearance in the input."""
    items = _items(records)
    union = _Union(len(items))
    by_key: dict[tuple[str, str], int] = {}
    for i, item in enumerate(items):
        if item.family == "PERSON" and " " not in item.key:
            continue  # a bare surname is attached (or not) by context, in _merge_people
        first = by_key.setdefault((item.family, item.key), i)
        union.join(first, i)
    # Places without a GeoNames id join the resolved place of the same name, when only one.
    resolved: dict[str, set[int]] = defaultdict(set)
    for i, item in enumerate(items):
        if item.family == "PLACE" and item.key.startswith("geo:"):
            resolved[translit_key(item.entity.name)].add(union.find(i))
    for i, item in enumerate(items):
        if item.family == "PLACE" and not item.key.startswith("geo:"):
            roots = resolved.get(item.key, set())
            if len(roots) == 1:
                union.join(next(iter(roots)), i)
    # Acronyms and other stated aliases of organisations and the like.
    for i, item in enumerate(items):
        if item.family not in ("PERSON", "PLACE"):
            for alias in item.entity.aliases:
                target = by_key.get((item.family, translit_key(alias)))
                if target is not None:
                    union.join(target, i)
    _merge_people(items, union, records)
    return _build(items, union)


def _merge_people(items: list[_Item], union: _Union, records: Sequence[Extraction]) -> None:
    people = [i for i, item in enumerate(items) if item.family == "PERSON"]
    keys = {i: tuple(items[i].key.split()) for i in people}
    # Epithets: an entity named by an epithet joins the person who was given it.
    epithet_owner: dict[str, set[int]] = defaultdict(set)
    for i in people:
        for epithet in items[i].epithets:
            epithet_owner[epithet].add(union.find(i))
    for i, item in enumerate(items):
        owners = epithet_owner.get(translit_key(item.entity.name), set())
        if len(owners) == 1 and item.family in ("PERSON", "ORG", "NORP", "WORK_OF_ART"):
            union.join(next(iter(owners)), i)
    # Shortened full names: "Ahmad Massoud" -> the one "Ahmad Wali Massoud".
    full = [i for i in people if len(keys[i]) >= 2]
    for i in full:
        longer = {union.find(j) for j in full if is_shortening(keys[i], keys[j])}
        if len(longer) == 1:
            union.join(next(iter(longer)), i)
    # Bare surnames.
    co_mentions = _co_mentions(items, union, records)
    unattached: dict[str, int] = {}
    for i in people:
        if len(keys[i]) != 1:
            continue
        candidates = {union.find(j) for j in full if keys[j][-1] == keys[i][0]}
        target = _pick_surname_owner(i, candidates, items, union, co_mentions)
        if target is not None:
            union.join(target, i)
        elif not candidates:
            # No full name anywhere: the bare surnames of one key are one entity.
            union.join(unattached.setdefault(keys[i][0], i), i)


def _co_mentions(
    items: list[_Item], union: _Union, records: Sequence[Extraction]
) -> dict[int, set[int]]:
    """Canonical root -> the roots of the other entities named in the same articles."""
    by_article: dict[str, set[int]] = defaultdict(set)
    for i, item in enumerate(items):
        by_article[item.member[0]].add(union.find(i))
    out: dict[int, set[int]] = defaultdict(set)
    for roots in by_article.values():
        for root in roots:
            out[root] |= roots - {root}
    return out


def _pick_surname_owner(
    i: int, candidates: set[int], items: list[_Item], union: _Union, co: dict[int, set[int]]
) -> int | None:
    """The one candidate a bare surname may join, or None when it is ambiguous or contradicted.

    One candidate: joined unless the titles contradict (both have titles, no word shared).
    Several: joined only to the single one with positive evidence (a shared title word or a
    co-mentioned entity), since "Nazarov" alone cannot choose between two Nazarovs."""
    if not candidates:
        return None
    root = union.find(i)
    own_titles = _title_words(items[i].entity.titles)
    fitting, supported = [], []
    for candidate in sorted(candidates):
        titles = _title_words(
            t for j, it in enumerate(items) if union.find(j) == candidate for t in it.entity.titles
        )
        if own_titles and titles and not own_titles & titles:
            continue
        fitting.append(candidate)
        if own_titles & titles or co.get(root, set()) & co.get(candidate, set()):
            supported.append(candidate)
    if len(candidates) == 1:
        return fitting[0] if fitting else None
    return supported[0] if len(supported) == 1 else None


def _build(items: list[_Item], union: _Union) -> list[CanonicalEntity]:
    groups: dict[int, list[_Item]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[union.find(i)].append(item)
    out = []
    for root in sorted(groups):
        members = groups[root]
        entity_type = Counter(m.entity.type for m in members).most_common(1)[0][0]
        longest = max(len(m.entity.name.split()) for m in members)
        spellings = Counter(m.entity.name for m in members if len(m.entity.name.split()) == longest)
        name = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        family = members[0].family
        key = members[0].key if _resolved(members) else None
        key = key or (" ".join(person_key(name)) if family == "PERSON" else translit_key(name))
        aliases = sorted(
            {m.entity.name for m in members if m.entity.name != name}
            | {a for m in members for a in m.entity.aliases if a != name}
        )
        geo = next((m.entity.geo for m in members if m.entity.geo), None)
        out.append(
            CanonicalEntity(
                id=stable_id("c", family, key),
                type=entity_type,
                name=name,
                aliases=tuple(aliases),
                titles=_titles(members),
                members=tuple(m.member for m in members),
                geo=geo,
            )
        )
    return out


def _resolved(members: list[_Item]) -> bool:
    return members[0].family == "PLACE" and members[0].key.startswith("geo:")


def _titles(members: list[_Item]) -> tuple[TitleSeen, ...]:
    seen: dict[str, list[str | None]] = {}
    spelling: dict[str, str] = {}
    for m in members:
        for title in m.entity.titles:
            key = fold(title)
            spelling.setdefault(key, title)
            seen.setdefault(key, []).append(m.published)
    out = []
    for key, dates in seen.items():
        known = sorted(d for d in dates if d)
        out.append(
            TitleSeen(spelling[key], known[0] if known else None, known[-1] if known else None,
                      len(dates))
        )  # fmt: skip
    return tuple(sorted(out, key=lambda t: (t.first_seen or "9999", t.title)))


def canonical_index(entities: Iterable[CanonicalEntity]) -> dict[Member, str]:
    """(article_id, entity_id) -> canonical id, for ``stories`` and ``quotes``."""
    return {member: c.id for c in entities for member in c.members}
