"""Whether a quoted stretch is somebody's words: a direct quotation (a sentence or more, or set
off by punctuation), a partial quotation (words quoted inside reported speech), or neither
(scare quotes, glosses, names, titles of works: None)."""

from __future__ import annotations

import re

from .quote_marks import MarkedQuote

# Words after which a quoted stretch is a name, a gloss or a title, not anybody's words.
_GLOSS = {
    "means", "meaning", "meant", "dubbed", "nicknamed", "named", "titled", "entitled",
    "translates", "translated", "literally", "so-called", "word", "words", "term", "slogan",
    "book", "film", "movie", "song", "album", "novel", "play", "series", "documentary",
    "programme", "program", "show", "poem", "hashtag", "banner", "sign", "operation", "campaign",
    "codenamed", "code-named", "called", "known", "as", "label", "labelled", "labeled",
    "brand", "branded", "headlined", "headline", "motto", "chanting", "chanted", "read",
    "reading", "call", "calls",
}  # fmt: skip
# "Somali for 'the long water'": a capitalised language word, then "for", glosses the words
_LANGUAGE_FOR = re.compile(r"\b[A-Z][a-z]+(?:i|u|ese|ish|ic|an|ian|ch|og)\s+for\s*$")
# small words a title of a work keeps in lower case ("Tracked to the Door")
_TITLE_SMALL = ("of", "the", "and", "for", "to", "a", "an", "in", "on", "at", "from", "with")


def judge(text: str, q: MarkedQuote, para_start: int) -> str | None:
    content = text[q.start : q.end]
    words = content.split()
    if not words:
        return None
    before_words = text[max(para_start, q.open_mark - 60) : q.open_mark].lower().split()
    previous = before_words[-1].strip(",:") if before_words else ""
    if previous in ("a", "an", "the", "its", "their", "his", "her") and len(before_words) > 1:
        previous = before_words[-2].strip(",:")
    if previous in _GLOSS and not _called_on(text, q) and not _described_as(previous, before_words):
        return None
    if _LANGUAGE_FOR.search(text[max(para_start, q.open_mark - 30) : q.open_mark]):
        return None
    if q.continues:
        return "direct"
    before = text[para_start : q.open_mark].rstrip()
    at_start = not before or before[-1] in ".?!:\"”’'" or before.endswith("—")
    first = content.lstrip("…. '\"‘“")[:1]
    upper = first.isupper() or first.isdigit()
    ends = content[-1] in ",.?!…—-:;"
    if len(words) >= 2 and ((upper and (ends or at_start)) or (at_start and len(words) >= 3)):
        return "direct"
    titled = all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words)
    if titled and not ends and len(words) <= 6 and _set_off(text, q):
        return None  # 'a report, "Tracked to the Door", in 2025': a title in apposition
    if upper and len(words) >= 4 and before.endswith(","):
        return "direct"
    if len(words) >= 6 and ends and content[-1] in ".?!":
        return "direct"
    if titled and len(words) <= 5:
        return None
    return "partial"


def _called_on(text: str, q: MarkedQuote) -> bool:
    before = text[max(0, q.open_mark - 30) : q.open_mark].lower()
    return bool(re.search(r"\bcall(?:ed|s|ing)? (?:on|for)\b", before))


def _described_as(previous: str, before_words: list[str]) -> bool:
    """ "describes her as 'one of our success stories'", "had called 'a fantasy'": somebody's
    words, not a gloss ("a group called 'X'")."""
    if previous == "as":
        return any(w.startswith(_AS_SAYERS) for w in before_words[-8:])
    return previous == "called" and len(before_words) > 1 and before_words[-2] in _SAYERS


# "dismissed the plan as 'crumbs'": a verb of judging, then "as": what somebody called it
_AS_SAYERS = ("describ", "dismiss", "condemn", "denounc", "hail", "criticis", "criticiz")
_SAYERS = {"had", "has", "have", "he", "she", "they", "we", "i", "once", "repeatedly"}


def _set_off(text: str, q: MarkedQuote) -> bool:
    """Whether commas set the quoted stretch off on both sides (an apposition)."""
    before = text[max(0, q.open_mark - 3) : q.open_mark].rstrip()
    after = text[q.outer_end : q.outer_end + 2].lstrip()
    return before.endswith(",") and after.startswith(",")
