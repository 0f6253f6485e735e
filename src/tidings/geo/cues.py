"""What the words around or the shape of a name say about whether it names a place.

- A name right before "virus" or "fever" is a disease's ("West Nile virus", "Marburg fever"):
  the story is about the disease, not the place it was named after. ("flu" is left out: "the
  United States flu season" is the country's.)
- "BC" or "AD" after a number is an era ("500 BC"), not British Columbia.
- A short name written in capitals or with a capital inside ("MoD", "DBS", "BOV") is an
  acronym: it may stand for a place only by a name the place is known by in that form (a
  country's or state's code, our aliases), not by a village's name or an alternate spelling
  that happens to read the same.
- "Britain-based", "Abu Dhabi-based": the place an organisation is based in.
"""

from __future__ import annotations

import re

from .gazetteer import QUALITY_ALTERNATE, Place

_DISEASE_AFTER = re.compile(r"[\s-]+(?:virus|viruses|fever|encephalitis)\b", re.IGNORECASE)
_ERAS = frozenset({"bc", "bce", "ad", "ce"})
_NUMBER_BEFORE = re.compile(r"\d\s*$")
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}|[A-Z][a-z]?[A-Z][A-Za-z]{0,2}")
# A word before a mention that makes it a place ("in Chattanooga", "from Gwbert").
LOCATIVE = re.compile(
    r"(?:^|[\s(])(?:in|at|from|near|outside|around|across|throughout|into|via|towards?|to|between"
    r"|In|At|From|Near|Outside)\s+(?:the\s+)?$"
)
# Words after a name that make it a place's: "Fargo police", "the Alexandria area".
PLACE_AFTER = re.compile(
    r"\s+(?:police|mayor|sheriff|sheriff's|council|residents|officials|area|home|homes|"
    r"businesses|schools|township|native|city council|county)\b",
    re.IGNORECASE,
)
# "Britain-based", "Abu Dhabi-based", "U.S.-based": up to three capitalised words before it.
BASED = re.compile(
    r"(?<![\w'’.-])(?!(?:The|A|An)\s)([A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2})-based\b"
)
# The word after a place that starts an organisation's name ("Allendale Woman's Club",
# "Beverly Hills Police Department", "Abuja Chamber of Commerce", "Burton Albion").
_ORG_AFTER_PLACE = (
    "police department dept council county city town club chamber school schools hospital "
    "university college times herald news post journal tribune gazette courier chronicle fire "
    "sheriff sheriffs board commission court district authority airport port museum library "
    "zoo fc united rovers wanderers athletic albion town public regional area community women "
    "woman womans men mens rcmp pd fd regional metropolitan municipal state high elementary "
    "detention jail courthouse independent"
)
ORG_AFTER_PLACE = frozenset(_ORG_AFTER_PLACE.split())
# Capitalised words that name a day, a month or a feast, never the place of that name.
_NOT_PLACES = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december god christmas easter"
)
WORDS_NOT_PLACES = frozenset(_NOT_PLACES.split())
MIN_ACRONYM_TOWN = 1000  # a village named like an acronym is not what the acronym means


def disease_name(text: str, end: int) -> bool:
    """The name ending at ``end`` is part of a disease's name ("West Nile virus")."""
    return _DISEASE_AFTER.match(text, end) is not None


def era(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is an era after a year ("500 BC", "1000 AD")."""
    word = text[start:end].replace(".", "").lower()
    return word in _ERAS and _NUMBER_BEFORE.search(text, max(0, start - 6), start) is not None


def acronym(surface: str) -> bool:
    """``surface`` is written as an acronym: "MoD", "DBS", "U.N.", not "Rome" or "ROME"."""
    letters = [c for c in surface if c.isalpha()]
    if not 2 <= len(letters) <= 5 or _ACRONYM.fullmatch(surface.strip()) is None:
        return False
    return not (len(letters) >= 4 and surface.isupper() and "." not in surface)


def acronym_places(places: list[Place]) -> list[Place]:
    """What an acronym may name: no alternate spellings, no village of its letters."""
    return [
        p
        for p in places
        if p.quality < QUALITY_ALTERNATE
        and not (p.kind == "city" and p.population < MIN_ACRONYM_TOWN)
    ]
