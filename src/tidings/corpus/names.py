"""Name keys for cross-article matching: transliteration-tolerant, accent- and case-blind.

News writes one Arabic, Persian or Cyrillic name many ways in Latin letters: Massoud, Masood,
Masud; Mohammad, Muhammad, Mohammed; al-Qaeda, Al Qaida, el-Qaeda. ``translit_key`` maps each
word to a coarse spelling in which those agree: accents and case folded, doubled letters
collapsed, the vowel spellings that transliteration systems disagree on merged (ou/oo/u/o -> u,
ee/ie/y -> i, e -> a, ei/ay/ey -> ai) and a few consonant digraphs reduced (ph -> f, q -> k,
ck -> k). It is deliberately coarse on vowels only: consonants separate names (Hassan and
Hussein still differ: ``hasan`` vs ``husain``). What the rules cannot reach (Kiev/Kyiv,
Dnipro/Dnieper, Youssef/Yusuf) is listed in ``resources/name_variants.tsv``.

Article prefixes (al-, el-, ul-, ad-, ar-, as- …) and a leading "the" are dropped, so that
"Al-Qaeda", "al Qaeda" and "el-Qaeda" share the key ``kaada``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from tidings.nlp.names import person_tokens

# Arabic article and its sun-letter assimilations, written as a separate word or hyphenated.
_ARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "at", "az", "an", "ash", "ad-"})
_SPLIT = re.compile(r"[\s\-‐‑–—_/,()]+")
_DROP = re.compile(r"[.'’‘`ʼʻ\"]")
# Applied in order; each turns one spelling convention into the other's.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ph", "f"),
        (r"ck", "k"),
        (r"q", "k"),
        (r"(.)\1+", r"\1"),  # doubled letters: Massoud -> Masoud
        (r"ou|oo|o", "u"),
        (r"ee|ie|y(?=[^aeiou]|$)", "i"),
        (r"(?<=[a-z])y", "i"),
        (r"ei|ay|ey|ai", "ai"),
        (r"e", "a"),
        (r"(.)\1+", r"\1"),  # vowels doubled by the rules above: Kuu -> ku
    )
)


def fold(text: str) -> str:
    """Lower case without accents: "Kābul" -> "kabul"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def variants() -> dict[str, str]:
    """Folded variant (a word or a whole name) -> folded canonical spelling, from the TSV."""
    table: dict[str, str] = {}
    text = resources.files("tidings").joinpath("resources/name_variants.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, variant = line.partition("\t")
        if canonical == "canonical":  # the header row
            continue
        table[_words_key(variant)] = _words_key(canonical)
    return table


def _words_key(text: str) -> str:
    return " ".join(w for w in _SPLIT.split(_DROP.sub("", fold(text))) if w)


@cache
def word_key(word: str) -> str:
    """The transliteration key of one folded word."""
    word = variants().get(word, word)
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    return word


def words(text: str) -> list[str]:
    """Folded words of a name with articles and a leading "the" dropped, variants applied."""
    joined = _words_key(text)
    joined = variants().get(joined, joined)  # a whole-name variant: "dnieper river"
    out = [w for w in joined.split() if w]
    if out and out[0] == "the":
        out = out[1:]
    kept = [w for w in out if w not in _ARTICLES]
    return kept or out


def translit_key(text: str) -> str:
    """The key of a name: "Ahmad Masood" and "Ahmed Massoud" -> "ahmad masud"."""
    return " ".join(word_key(w) for w in words(text))


def person_key(text: str) -> tuple[str, ...]:
    """A person's name as key tokens, honorifics dropped: "Dr. Mohammed al-Amin" -> muhamad amin."""
    tokens = person_tokens(text)
    key = tuple(word_key(w) for w in words(" ".join(tokens)))
    return key


def is_shortening(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` is ``full`` with middle names left out: same first and last token, in order."""
    if len(short) < 2 or len(short) >= len(full):
        return False
    if short[0] != full[0] or short[-1] != full[-1]:
        return False
    position = 0
    for token in short:
        while position < len(full) and full[position] != token:
            position += 1
        if position == len(full):
            return False
        position += 1
    return True


def stable_id(prefix: str, *parts: str) -> str:
    """A deterministic id: ``prefix`` + 12 hex digits of SHA-1 over the parts."""
    import hashlib

    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}{digest}"
