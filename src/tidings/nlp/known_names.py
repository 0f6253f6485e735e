"""Names the article already knows, found again where the model missed or mislabelled them.

``tidings_entity_rules`` runs these over its spans after its own corrections, in this order:
- ``people_by_name``: a span whose text is a known person's full name, or one word of it, is
  that person ("Rustam Nazarov" tagged ORG once and PERSON elsewhere; "Qureshi" tagged ORG);
- ``family_names``: a surname that names a family ("the Nazarov family", "the Nazarovs") is no
  mention of any one person and is dropped;
- ``acronyms``: "The National Relief Agency (NRA)" defines NRA: every "NRA" in the article takes
  the long name's label, and an untagged one becomes a mention;
- ``sweep``: an untagged capitalised word sequence equal to a known name becomes a mention with
  that name's label: a person's surname, or the full name of a person, organisation or place.
  The resolver then treats a swept surname like any other (nearest compatible antecedent).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .names import PARTICLES, acronym, looks_like_acronym

# Labels that a name rule may take over: the model's usual mistakes for names.
OVERRIDABLE = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
# Labels whose known names the sweep looks for again.
SWEPT_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
FAMILY = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def people_by_name(doc: Doc, spans: list[Span]) -> list[Span]:
    """Spans whose text is a known person's full name, or its surname, become PERSON.

    A full name the model labels two ways takes the label it gets more often, PERSON on a tie
    ("Rustam Nazarov" once PERSON, once ORG, is a person; "Northrop Grumman" three times ORG and
    once PERSON is not). A surname that also opens or ends a longer non-person name ("Ford Motor
    Company") is left alone."""
    votes: dict[str, Counter[str]] = {}
    for s in spans:
        if len(s) > 1 and s.label_ in OVERRIDABLE:
            votes.setdefault(s.text, Counter())[s.label_] += 1
    majority = {
        text: "PERSON" if c["PERSON"] * 2 >= sum(c.values()) else c.most_common(1)[0][0]
        for text, c in votes.items()
        if "PERSON" in c
    }
    spans = [
        _relabel(s, majority[s.text])
        if s.text in majority and s.label_ in OVERRIDABLE and s.label_ != majority[s.text]
        else s
        for s in spans
    ]
    # the end of a known full name: "Al Suwaidi" for "Omar Al Suwaidi", whatever its label
    tails = {
        tuple(t.text for t in s[k:])
        for s in spans
        if s.label_ == "PERSON" and len(s) > 2
        for k in range(1, len(s) - 1)
    }
    spans = [
        _relabel(s, "PERSON")
        if len(s) > 1 and s.label_ in OVERRIDABLE and tuple(t.text for t in s) in tails
        else s
        for s in spans
    ]
    words = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1 and s[-1].is_title}
    # and a middle word of a longer name: the first surname of "Ximena Quispe Huamán"
    words |= {
        t.text
        for s in spans
        if s.label_ == "PERSON" and len(s) > 2
        for t in s[1:-1]
        if t.is_title and len(t) > 2 and t.lower_ not in PARTICLES
    }
    words -= {t.text for s in spans if s.label_ != "PERSON" and len(s) > 1 for t in s}
    return [
        _relabel(s, "PERSON") if len(s) == 1 and s.text in words and s.label_ in OVERRIDABLE else s
        for s in spans
    ]


def family_names(doc: Doc, spans: list[Span], lex: Lexicon) -> list[Span]:
    """Without the one-word spans that name a family, not a person: a PERSON word before a family
    word ("Nazarov family", "Lindqvist dynasty"), and a known surname in the plural ("the
    Nazarovs") or before a family word, whatever the model called it."""
    surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1}

    def family(s: Span) -> bool:
        word = _bare(s)
        if " " in word or s.label_ not in OVERRIDABLE:
            return False
        if _family_after(doc, s.end, lex):
            return s.label_ == "PERSON" or word in surnames
        return word.endswith("s") and word[:-1] in surnames

    return [s for s in spans if not family(s)]


def acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """Every occurrence of an acronym defined in brackets after a name takes that name's label."""
    defined: dict[str, str] = {}
    for s in spans:
        if s.end + 2 >= len(doc):
            continue
        text = doc[s.end + 1].text
        initials = acronym(s.text)
        if (
            doc[s.end].text == "("
            and doc[s.end + 2].text == ")"
            and looks_like_acronym(text)
            and initials[:1] == text[:1]
        ):
            defined.setdefault(text, s.label_)
    if not defined:
        return spans
    out = [
        _relabel(s, defined[_bare(s)])
        if _bare(s) in defined and s.label_ in OVERRIDABLE and s.label_ != defined[_bare(s)]
        else s
        for s in spans
    ]
    taken = {i for s in out for i in range(s.start, s.end)}
    out += [
        Span(doc, t.i, t.i + 1, label=defined[t.text])
        for t in doc
        if t.text in defined and t.i not in taken and not _bracketed(doc, t.i)
    ]
    return out


def _bracketed(doc: Doc, i: int) -> bool:
    """Whether doc[i] is alone in brackets: an acronym's definition, left as the model had it."""
    return 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"


def sweep(doc: Doc, spans: list[Span], lex: Lexicon) -> list[Span]:
    """``spans`` and a new span wherever a known name occurs untagged (see the module doc)."""
    known = _known_names(spans)
    if not known:
        return spans
    longest = max(len(k) for k in known)
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    i = 0
    while i < len(doc):
        for n in range(min(longest, len(doc) - i), 0, -1):
            words = tuple(t.text for t in doc[i : i + n])
            label = known.get(words)
            if label is None or taken & set(range(i, i + n)):
                continue
            if _standalone(doc, i, i + n, lex):
                added.append(Span(doc, i, i + n, label=label))
                taken.update(range(i, i + n))
                i += n - 1
            break
        i += 1
    return spans + added


def _known_names(spans: list[Span]) -> dict[tuple[str, ...], str]:
    """Token texts of each name the sweep looks for -> its label; names that two label
    families claim are left out, and so is a surname that opens a longer non-person name."""
    claims: dict[tuple[str, ...], dict[str, str]] = {}

    def claim(words: tuple[str, ...], label: str) -> None:
        if words and words[0][:1].isupper():
            claims.setdefault(words, {}).setdefault(FAMILY.get(label, label), label)

    person_words: set[str] = set()
    for s in spans:
        if s.label_ not in SWEPT_LABELS:
            continue
        words = tuple(t.text for t in s if not (t.i == s.start and t.lower_ == "the"))
        if s.label_ == "PERSON":
            if len(words) < 2:
                continue  # a lone word the model calls a person is no evidence of a name
            last = words[-1]
            if last.istitle() and len(last) > 1 and last.lower() not in PARTICLES:
                claim((last,), "PERSON")
                person_words.add(last)
        claim(words, s.label_)
    openers = {
        t.text
        for s in spans
        if s.label_ not in {"PERSON", "DATE", "TIME"} and len(s) > 1
        for t in s
    }
    return {
        words: next(iter(labels.values()))
        for words, labels in claims.items()
        if len(labels) == 1 and not (len(words) == 1 and words[0] in person_words & openers)
    }


def _standalone(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether doc[start:end] stands as a name of its own: not part of a longer capitalised name
    or a hyphenated one, not a family's name, not a capitalised common word opening a sentence."""
    first = doc[start]
    if start > 0:
        prev = doc[start - 1]
        if _joined(prev) or (_name_word(prev, lex) and not _line_start(doc, start - 1)):
            return False
    if end < len(doc):
        nxt = doc[end]
        if _joined(doc[end - 1]) or _name_word(nxt, lex) or nxt.lower_ in lex.families:
            return False
    if end - start == 1 and (first.is_sent_start or _line_start(doc, start)):
        # a known name opening a sentence is often tagged a common noun ("Cheruiyot dismissed
        # that."): as the subject of a verb, with no lower-case use in the article, it is the name
        return not first.is_stop and (
            first.pos_ == "PROPN"
            or first.pos_ == "NOUN"
            and first.dep_ in ("nsubj", "nsubjpass")
            and not any(t.lower_ == first.lower_ and t.is_lower for t in doc)
        )
    return True


def _name_word(token: Token, lex: Lexicon) -> bool:
    """A capitalised word that would make a longer name with its neighbour."""
    low = token.lower_
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and not token.is_stop
        and low not in lex.titles
        and low not in lex.honorifics
        and low not in lex.modifiers
        and low not in lex.cues
    )


def _joined(token: Token) -> bool:
    """Whether the token is glued by a hyphen to the next word ("Gorno-", "-Badakhshan")."""
    doc = token.doc
    if token.text == "-" and not token.whitespace_:
        return token.i > 0 and not doc[token.i - 1].whitespace_
    nxt = token.i + 1
    return not token.whitespace_ and nxt < len(doc) and doc[nxt].text == "-"


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text_with_ws


def _family_after(doc: Doc, end: int, lex: Lexicon) -> bool:
    return end < len(doc) and doc[end].lower_ in lex.families


def _bare(span: Span) -> str:
    return span.text[4:] if span.text.lower().startswith("the ") else span.text


def _relabel(span: Span, label: str) -> Span:
    return Span(span.doc, span.start, span.end, label=label)
