"""The words that mark a person: given names (with their likely gender), honorifics, nouns
for people ("farmer", "sister", "minister") and occupations by their suffix ("pharmacist").
Shared by the entity rules, the pronoun resolver and the quote stage."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .lexicon import Lexicon, _tsv_rows
from .quote_lexicon import quote_lexicon

HONORIFIC_GENDER = {
    "mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f",
    "lady": "f",
}  # fmt: skip
AGENT_SUFFIXES = ("ist", "ician", "arian", "man", "woman", "eur")
# Nouns for people that an apposition may hold ("X, a farmer"), beyond titles and relations.
PERSON_NOUNS = frozenset(
    {
        "farmer", "teacher", "shopkeeper", "nurse", "resident", "student", "worker", "driver",
        "volunteer", "activist", "trader", "fisherman", "vendor", "mother", "father", "widow",
        "neighbour", "neighbor", "colleague", "friend", "survivor", "refugee", "pensioner",
        "retiree", "doctor", "surgeon", "midwife", "lawyer", "engineer", "mechanic", "miner",
        "herder", "pastor", "priest", "imam", "merchant", "businessman", "businesswoman",
        "journalist", "photographer", "economist", "geologist", "scientist", "researcher",
        "historian", "professor", "lecturer", "politician", "lawmaker", "legislator", "mp",
        "campaigner", "organiser", "organizer", "protester", "demonstrator",
        "villager", "elder", "chief", "guard", "soldier", "officer", "policeman", "policewoman",
        "man", "woman", "boy", "girl", "grandmother", "grandfather", "housewife", "tailor",
        "baker", "carpenter", "labourer", "laborer", "cleaner", "cook", "waiter", "accountant",
        "banker", "manager", "owner", "founder", "candidate", "medic", "paramedic", "rescuer",
        "firefighter", "pilot", "sailor", "captain", "father-of-three", "mother-of-three",
    }
)  # fmt: skip


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Given name (lower case, and its accent-free form) -> "m", "f" or "u"."""
    out: dict[str, str] = {}
    for name, gender in (row[:2] for row in _tsv_rows("first_names.tsv")):
        out.setdefault(name, gender)
        out.setdefault(fold(name), gender)
    return out


def fold(word: str) -> str:
    """Lower case without accents: "Thérèse" -> "therese"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def given_name_gender(word: str) -> str | None:
    """ "m", "f" or "u" for a known given name ("Anne-Claire" by its first part), else None."""
    names = first_names()
    low = word.lower()
    found = names.get(low) or names.get(fold(low))
    if found is None and "-" in low:
        found = names.get(fold(low.split("-")[0]))
    return found


def agent_noun(lemma: str) -> bool:
    """An occupation by its suffix ("pharmacist", "technician", "fisherman", "chauffeur"): no
    word list names every trade, but these endings name people."""
    return len(lemma) > 5 and lemma.endswith(AGENT_SUFFIXES)


def is_person_noun(lemma: str, lex: Lexicon) -> bool:
    """A lower-case noun lemma for a person: "farmer", "sister", "minister", "spokesman"."""
    return (
        lemma in PERSON_NOUNS
        or lemma in lex.relations
        or lemma in lex.titles
        or lemma in quote_lexicon().person_roles
    )
