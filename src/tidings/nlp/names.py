"""Person and organisation names as token sequences, and when one can be a shortening of another."""

from __future__ import annotations

import re

from .lexicon import lexicon

# Name particles that never stand alone for a person ("al", "bin"): a bare "al" is no surname.
PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "van", "von", "der", "la"}
)
# Words skipped when forming an acronym from a long name ("National Resistance Front" -> NRF).
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "to", "de", "&"})
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# "the Jayapura-based Papua Justice Network": where a body sits (or who backs it) is no part of
# its name; the mention keeps the words, so the place is still found inside it
_LOCATED = re.compile(r"^[A-Z][\w.'\u2019]*-(?:based|backed|led|run|owned|funded)\s+(?=\S+\s)")


def surface(text: str) -> str:
    """A mention's text as a name: no leading "the", no possessive, single spaces."""
    text = " ".join(text.split())
    if text[:4].lower() == "the ":
        text = text[4:]
    text = _LOCATED.sub("", text)
    return _POSSESSIVE.sub("", text) if text.endswith(("'s", "\u2019s")) else text


def person_tokens(text: str) -> tuple[str, ...]:
    """The comparable tokens of a person's name: lower case, no dots, no honorifics."""
    honorifics = lexicon().honorifics
    words = [w.lower().replace(".", "") for w in surface(text).replace("-", " - ").split()]
    words = [
        w for w in words if w and w != "-" and w + "." not in honorifics and w not in honorifics
    ]
    return tuple(words)


def _token_match(short: str, full: str) -> bool:
    """A token of a short form matches one of the full form: equal, or an initial of it."""
    return short == full or (len(short) == 1 and full.startswith(short))


def is_shortening(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``short`` can be ``full`` written shorter: its tokens are an ordered subset of
    ``full``'s and, when it has more than one, it keeps the surname (the last token)."""
    if not short or len(short) >= len(full):
        return False
    if len(short) > 1 and short[-1] != full[-1]:
        return False
    position = 0
    for token in short:
        while position < len(full) and not _token_match(token, full[position]):
            position += 1
        if position == len(full):
            return False
        position += 1
    return True


def standalone_tokens(tokens: tuple[str, ...]) -> set[str]:
    """The tokens of a full name that may stand alone for the person (first name, surname...)."""
    return {t for t in tokens if t not in PARTICLES and len(t) > 1}


def acronym(text: str) -> str:
    """The initials of a multi-word name, upper case ("" for a one-word name)."""
    words = [w for w in surface(text).replace("-", " ").split() if w.lower() not in ACRONYM_SKIP]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def looks_like_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()
