"""The word lists in ``tidings/resources`` that the entity components read, loaded once.

Every list is data, so analysts extend it without touching code; each file's header comment
says what its columns mean.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..tables import resource_path, table_rows


def _read(name: str) -> str:
    return resources.files("tidings").joinpath("resources", name).read_text(encoding="utf-8")


def _tsv_rows(name: str) -> list[list[str]]:
    """Rows of a resource TSV, without comment lines and without the column-name row."""
    return table_rows(resource_path(name))


@dataclass(frozen=True, slots=True)
class Lexicon:
    titles: frozenset[str]  # lower-case titles and roles, multi-word ones included
    honorifics: frozenset[str]
    relations: frozenset[str]
    modifiers: frozenset[str]
    cues: frozenset[str]
    families: frozenset[str]  # "family", "clan": after a surname, a family's name
    postnominals: frozenset[str]  # "qc", "san", "mbe": letters after a name, not part of it
    title_max_words: int  # the longest multi-word title, for matching
    demonyms: frozenset[str]  # case-sensitive, singular and plural
    features_after: dict[str, str]  # "valley" -> "LOC": the word follows the name
    features_before: dict[str, str]  # "mount" -> "LOC": the word precedes the name
    features_modified: dict[str, str]  # "road" -> "GPE": "the Wakhan road", the name's label
    aliases: dict[str, str]  # normalised alias -> canonical name
    patterns: tuple[tuple[str, Any], ...]  # (label, phrase or token patterns)


def normalise(text: str) -> str:
    """The form names are compared in: lower case, no dots, no leading "the", single spaces."""
    text = text.replace(".", "").replace("\u2019", "'").strip().lower()
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    kinds: dict[str, set[str]] = {}
    for term, kind in (row[:2] for row in _tsv_rows("titles.tsv")):
        kinds.setdefault(kind, set()).add(term.lower())
    demonyms: set[str] = set()
    for row in _tsv_rows("demonyms.tsv"):
        demonyms.update({row[0], row[0] + "s"})
    after: dict[str, str] = {}
    before: dict[str, str] = {}
    modified: dict[str, str] = {}
    positions = {"after": after, "before": before, "modifies": modified}
    for word, position, label in (row[:3] for row in _tsv_rows("geo_features.tsv")):
        positions[position][word.lower()] = label
    aliases = {normalise(alias): canonical for canonical, alias in _tsv_rows("aliases.tsv")}
    for canonical in set(aliases.values()):
        aliases[normalise(canonical)] = canonical
    patterns = []
    for line in _read("entity_patterns.jsonl").splitlines():
        if line.strip():
            record = json.loads(line)
            if "label" in record:
                patterns.append((record["label"], record["pattern"]))
    titles = frozenset(kinds.get("title", set()))
    return Lexicon(
        titles=titles,
        honorifics=frozenset(kinds.get("honorific", set())),
        relations=frozenset(kinds.get("relation", set())),
        modifiers=frozenset(kinds.get("modifier", set())),
        cues=frozenset(kinds.get("cue", set())),
        families=frozenset(kinds.get("family", set())),
        postnominals=frozenset(kinds.get("postnominal", set())),
        title_max_words=max(len(t.split()) for t in titles),
        demonyms=frozenset(demonyms),
        features_after=after,
        features_before=before,
        features_modified=modified,
        aliases=aliases,
        patterns=tuple(patterns),
    )
