"""Name normalisation shared by the gazetteer build and the lookups.

``normalise`` folds case and accents, drops dots and apostrophes, turns hyphens into spaces and
expands the abbreviations news writes before place names ("St." -> "saint", "Mt" -> "mount"),
so that "St. Louis", "Saint-Louis" and "ST LOUIS" share one key.
"""

from __future__ import annotations

import re
import unicodedata

_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}
_DROP = re.compile(r"[.'’‘`ʼʻ]")
_SPACE = re.compile(r"[\s\-‐‑–—_/,()]+")
_LATIN = re.compile(r"^[a-z0-9 &]+$")


def fold(text: str) -> str:
    """Lower case without accents: "Kābul" -> "kabul"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """The lookup key of a place name; "" when nothing is left."""
    words = _SPACE.sub(" ", _DROP.sub("", fold(text))).split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[0] in _ABBREVIATIONS and len(words) > 1:
        words[0] = _ABBREVIATIONS[words[0]]
    return " ".join(w.replace("&", "and") for w in words)


def is_latin(key: str) -> bool:
    """True for a normalised key in the Latin alphabet (GeoNames ships names in every script)."""
    return bool(_LATIN.match(key))
