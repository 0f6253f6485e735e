"""Pronouns and gender: whom "she", "he", "they" stand for among an article's entities.

``gender_of`` votes on a person's gender from titles and honorifics ("Mrs", "spokeswoman"),
the first personal pronoun after a mention, a known given name (``first_names.tsv``; for a
Vietnamese name the middle "Thi" or "Van") and gendered surname endings ("-ova").
``resolve_pronoun`` picks the latest compatible entity outside quotation marks in this
paragraph or the two before, the subject of the latest sentence first.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .anonymous_sources import anonymous_between
from .attribution import doc_text, sentence_of
from .misparse import dateline
from .name_repairs import COMPANY_SUFFIXES
from .names import looks_like_acronym
from .person_words import given_name_gender
from .quote_lexicon import quote_lexicon

if TYPE_CHECKING:
    from .speakers import SpeakerContext, Spoken

_MALE = {
    "son", "brother", "father", "husband", "king", "prince", "mr", "mr.", "sir", "spokesman",
    "chairman", "uncle", "nephew", "grandson", "man", "boy", "grandfather", "businessman",
    "congressman", "lord", "sheikh",
}  # fmt: skip
_FEMALE = {
    "daughter", "sister", "mother", "wife", "queen", "princess", "mrs", "mrs.", "ms", "ms.",
    "miss", "lady", "spokeswoman", "chairwoman", "aunt", "niece", "woman", "girl", "widow",
    "actress", "grandmother", "businesswoman", "congresswoman", "granddaughter", "dame",
}  # fmt: skip
_HE = {"he", "him", "his", "himself"}
_SHE = {"she", "her", "hers", "herself"}
_THEY = {"they", "them", "their"}
_IT = {"it", "its"}
_FEMALE_SURNAME = re.compile(r"(?:ova|eva|yova|ina|skaya|aya)$")
_MALE_SURNAME = re.compile(r"(?:ov|ev|yov|sky|skiy|in)$")
_VIETNAMESE_MIDDLE = {"thi": "f", "van": "m"}  # "Nguyen Thi Hoa", "Tran Van Duc"
_PERSONAL = ("PERSON",)
_COLLECTIVE = ("ORG", "NORP", "GPE")
_LOCATIVE = {"in", "at", "near", "from", "to", "into", "across", "outside", "around", "inside"}
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _past_apposition(after: str) -> str:
    """The text after a mention, less its apposition: in "X, one of his fiercest critics, said"
    the "his" is someone else (a relative clause's pronoun, "X, who lost his job", may be X's)."""
    match = re.match(r",\s+(?!who\b|whose\b|which\b)[^,.;:]{1,100},", after)
    return after[match.end() :] if match else after


def gender_of(ctx: SpeakerContext, number: int) -> str | None:
    entity = ctx.entities[number]
    votes = {"m": 0.0, "f": 0.0}
    for title in entity.titles:
        words = set(title.lower().split())
        votes["m"] += 2 * bool(words & _MALE)
        votes["f"] += 2 * bool(words & _FEMALE)
    text = doc_text(ctx.doc)
    for start, end in entity.mentions:
        before = text[max(0, start - 6) : start].lower().split()
        if before and before[-1] in _MALE:
            votes["m"] += 2
        if before and before[-1] in _FEMALE:
            votes["f"] += 2
        # the first personal pronoun after the mention, in the same sentence or the next one
        after = _past_apposition(text[end : end + 160])
        stop = re.search(r"[.!?][\"”’]?\s+\S+\s+\S+[^.!?]*[.!?]", after)
        window = after[: stop.end() if stop else len(after)]
        window = re.split(r"[\"“]", window, maxsplit=1)[
            0
        ]  # a pronoun in quoted words is not theirs
        for match in _WORD.finditer(window):
            word = match.group()
            low = word.lower()
            if (
                word[0].isupper()
                and low not in _HE | _SHE | _THEY
                and len(word) > 1
                and word not in ("The", "A", "An", "In", "On", "At", "But", "And")
                and not _placeish(ctx, end + match.start())
            ):
                break  # another name first: the pronoun may be theirs
            if low in _HE:
                votes["m"] += 1
                break
            if low in _SHE:
                votes["f"] += 1
                break
    names = entity.name.split()
    given = given_name_gender(names[0]) if len(names) > 1 else None
    if given in ("m", "f"):
        votes[given] += 2.5
    middle = _VIETNAMESE_MIDDLE.get(names[1].lower()) if len(names) == 3 else None
    if middle is not None:
        votes[middle] += 3
    surname = entity.name.split()[-1].lower() if entity.name.split() else ""
    if len(entity.name.split()) > 1 and _FEMALE_SURNAME.search(surname):
        votes["f"] += 1.5
    elif len(entity.name.split()) > 1 and _MALE_SURNAME.search(surname):
        votes["m"] += 1.5
    if votes["m"] > votes["f"]:
        return "m"
    if votes["f"] > votes["m"]:
        return "f"
    return None


def _placeish(ctx: SpeakerContext, char: int) -> bool:
    """Whether the word at ``char`` is a mention of a place or organisation: no one who could
    own a "her" or "his" after it."""
    return any(ctx.entities[n].label != "PERSON" for n in ctx.overlapping(char, char + 1))


def person_like(ctx: SpeakerContext, number: int) -> bool:
    """An entity the model mislabelled ("Lidia Ceban" as ORG) that spoke like a person."""
    entity = ctx.entities[number]
    words = entity.name.split()
    lex = quote_lexicon()
    text = ctx.doc.text
    return (
        1 < len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in lex.org_roles | lex.group_roles for w in words)
        and words[-1] not in COMPANY_SUFFIXES
        # a body known by its initials ("Keretapi Tanah Melayu Berhad (KTMB)") is no person
        and not any(looks_like_acronym(text[s:e]) for s, e in entity.mentions)
    )


def resolve_pronoun(
    ctx: SpeakerContext, pronoun: Token, history: list[Spoken] | None = None
) -> int | None:
    """The entity a subject pronoun stands for: the latest compatible one mentioned outside
    quotation marks in this paragraph or the two before; None when the nearest speaker of that
    kind was anonymous ("A nurse ... said. '...,' she said.")."""
    history = history or []
    low = pronoun.lower_
    spoke = {h.entity for h in history if h.entity is not None}
    if low in _HE | _SHE:
        want = "m" if low in _HE else "f"

        def fits(n: int) -> bool:
            label = ctx.entities[n].label
            return label in _PERSONAL or (n in spoke and person_like(ctx, n))
    elif low == "we":
        return None  # outside quotation marks "we" is the newsroom ("marchers we spoke to")
    elif low in _THEY | _IT:
        want = ""

        def fits(n: int) -> bool:
            return ctx.entities[n].label in _COLLECTIVE
    else:
        return None
    if low in _THEY and _plural_group_before(ctx, pronoun):
        return None  # "Human rights groups are sceptical. They point out ...": nobody named
    if low in _THEY and _unnamed_group_spoke_last(ctx, pronoun, history):
        return None  # "Two officers told the radio that ... near Niger. '...,' they said"
    paragraph = ctx.paragraph_of(pronoun.idx)
    lo = ctx.paragraphs[max(0, paragraph - 2)][0]
    hi = bisect.bisect_left(ctx.starts, pronoun.idx)
    before = [(s, e, n) for s, e, n in ctx.mentions[:hi] if s >= lo]
    candidates = [
        (s, n)
        for s, e, n in before
        if fits(n)
        and not ctx.quoted(s, e)
        and not _where(ctx, s, e, n)
        # "the Han River Transit Operators' Association": not the place inside its name
        and not any(m != n and s2 <= s and e <= e2 and e2 - s2 > e - s for s2, e2, m in before)
    ]
    # "The judge was unmoved. '...,' she said": a role-nominal subject stands for its holder
    candidates += [(s, n) for s, n in ctx.nominals if lo <= s < pronoun.idx and fits(n)]
    candidates.sort()
    if want:
        for _s, n in candidates:
            if n not in ctx.genders and ctx.entities[n].label == "PERSON":
                ctx.genders[n] = gender_of(ctx, n)  # a speaker made an entity since
        exact = [(s, n) for s, n in candidates if ctx.genders.get(n) == want]
        unknown = [(s, n) for s, n in candidates if ctx.genders.get(n) is None]
        if exact and unknown and _nearer(ctx, pronoun, unknown[-1][0], exact[-1][0]):
            # "X [gender unknown] dismissed that. He said": the subject just before wins over
            # a man named further back
            candidates = sorted(exact + unknown)
        else:
            candidates = exact or unknown
    anonymous = [
        max(h.start, h.end)
        for h in history
        if h.entity is None and h.start >= lo and h.plural == (low in _THEY)
    ]
    if not candidates:
        return None
    chosen = _choose(ctx, candidates)
    last_mention = max(s for s, n in candidates if n == chosen)
    if anonymous and anonymous[-1] > last_mention:
        return None  # the nearest speaker was a "nurse" or "officials": nobody named
    if anonymous_between(ctx, pronoun, last_mention, low in _THEY):
        return None  # "a relative who asked not to be named" spoke since, unparsed
    return chosen


def _where(ctx: SpeakerContext, start: int, end: int, number: int) -> bool:
    """Whether a place's mention only says where ("met in Asmara", a dateline), or a nationality
    only describes ("Eritrean President X"): no "they" or "it" there."""
    label = ctx.entities[number].label
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or label not in ("GPE", "LOC", "FAC", "NORP"):
        return False
    root = span.root
    if dateline(span[0]):
        return True  # "SÃO PAULO - Shares in X fell ...": where the story was filed
    if label == "NORP":  # "Eritrean President X": a nationality that only describes
        return root.dep_ in ("amod", "compound") and root.head.pos_ in ("NOUN", "PROPN")
    if root.dep_ == "poss" and root.head.dep_ == "appos":
        return True  # "X, Brazil's largest coffee exporter,": the place describes X
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def _unnamed_group_spoke_last(ctx: SpeakerContext, pronoun: Token, history: list[Spoken]) -> bool:
    """Whether the attribution just before the pronoun, in its paragraph or the one before, went
    to an unnamed plural group: the places and bodies its report names are not its "they"."""
    before = [h for h in history if h.start < pronoun.idx]
    if not before:
        return False
    last = before[-1]
    near = ctx.paragraph_of(pronoun.idx) - ctx.paragraph_of(last.start) <= 1
    return last.entity is None and last.plural and near


def _plural_group_before(ctx: SpeakerContext, pronoun: Token) -> bool:
    """Whether the main subject of the sentence before is an unnamed plural group or two
    coordinated names."""
    here = sentence_of(pronoun)
    if here.start == 0 or any(
        t.dep_ in ("nsubj", "nsubjpass") for t in ctx.doc[here.start : pronoun.i]
    ):
        return False  # only for the sentence's first subject
    before = sentence_of(ctx.doc[here.start - 1])
    root = before.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].i in ctx.inside:
        return False
    subject = subjects[0]
    if any(c.dep_ == "conj" for c in subject.children):
        return True  # "X and Y met in Asmara. ... they said": no one entity
    return subject.tag_ == "NNS" and not ctx.overlapping(
        subject.left_edge.idx, subject.idx + len(subject)
    )


def _nearer(ctx: SpeakerContext, pronoun: Token, unknown: int, exact: int) -> bool:
    """Whether the unknown-gender candidate at ``unknown`` is the subject of this sentence or
    the one before, and the known one at ``exact`` is further back than that sentence."""
    if unknown <= exact:
        return False
    here = sentence_of(pronoun)
    token = ctx.doc.char_span(unknown, unknown + 1, alignment_mode="expand")
    if token is None or not _is_subject(token[0]):
        return False
    there = sentence_of(token[0])
    previous = sentence_of(ctx.doc[here.start - 1]) if here.start > 0 else here
    return there.start in (here.start, previous.start) and exact < there.start_char


def _choose(ctx: SpeakerContext, candidates: list[tuple[int, int]]) -> int:
    """The latest sentence holding a candidate; in it, the subject first."""
    last_start = candidates[-1][0]
    sentence = ctx.doc.char_span(last_start, last_start + 1, alignment_mode="expand")
    if sentence is not None:
        sent = sentence_of(sentence[0])
        same = [(s, n) for s, n in candidates if sent.start_char <= s < sent.end_char]
        for s, n in same:
            token = ctx.doc.char_span(s, s + 1, alignment_mode="expand")
            if token is not None and _is_subject(token[0]):
                return n
    return candidates[-1][1]


def _is_subject(token: Token) -> bool:
    for _ in range(3):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ not in ("compound", "flat", "appos"):
            return False
        token = token.head
    return False
