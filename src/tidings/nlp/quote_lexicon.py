"""The word lists the quotation stage reads (``tidings/resources``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..tables import resource_path, table_rows


def _rows(name: str) -> list[list[str]]:
    return table_rows(resource_path(name))


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    cue_verbs: frozenset[str]  # lemmas
    particle_cues: dict[str, frozenset[str]]  # verb lemma -> particles ("call" -> {"on", "for"})
    cue_nouns: frozenset[str]
    person_roles: frozenset[str]
    org_roles: frozenset[str]
    group_roles: frozenset[str]
    anonymous_nouns: frozenset[str]
    anonymous_always: frozenset[str]
    anonymous_modifiers: frozenset[str]
    venue_nouns: frozenset[str]
    outlet_nouns: frozenset[str]


@lru_cache(maxsize=1)
def quote_lexicon() -> QuoteLexicon:
    verbs, nouns = set(), set()
    particles: dict[str, set[str]] = {}
    for cue, kind, *_ in _rows("quote_cues.tsv"):
        if kind == "verb" and " " in cue:
            verb, particle = cue.split(" ", 1)
            particles.setdefault(verb, set()).add(particle)
        elif kind == "verb":
            verbs.add(cue)
        elif kind == "noun":
            nouns.add(cue)
    roles: dict[str, set[str]] = {"person": set(), "org": set(), "group": set()}
    for noun, kind, *_ in _rows("speaker_roles.tsv"):
        roles.setdefault(kind, set()).add(noun)
    anonymous: dict[str, set[str]] = {"noun": set(), "always": set(), "modifier": set()}
    for term, kind, *_ in _rows("anonymous_sources.tsv"):
        anonymous.setdefault(kind, set()).add(term)
    venues: dict[str, set[str]] = {"medium": set(), "outlet": set()}
    for noun, kind, *_ in _rows("quote_venues.tsv"):
        venues.setdefault(kind, set()).add(noun)
    return QuoteLexicon(
        cue_verbs=frozenset(verbs),
        particle_cues={v: frozenset(p) for v, p in particles.items()},
        cue_nouns=frozenset(nouns),
        person_roles=frozenset(roles["person"]),
        org_roles=frozenset(roles["org"]),
        group_roles=frozenset(roles["group"]),
        anonymous_nouns=frozenset(anonymous["noun"]),
        anonymous_always=frozenset(anonymous["always"]),
        anonymous_modifiers=frozenset(anonymous["modifier"]),
        venue_nouns=frozenset(venues["medium"]),
        outlet_nouns=frozenset(venues["outlet"]),
    )
