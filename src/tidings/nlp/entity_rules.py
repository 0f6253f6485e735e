"""Corrects the small model's systematic NER errors on news, with patterns kept as data.

The model (en_core_web_sm) gets whole classes of news names wrong: provinces and valleys come out
as PERSON or ORG, "Hindu Kush" as NORP "Hindu", nationalities as PERSON, titles and possessive
"'s" inside spans, outlets missed. Each fix below is a rule over a class of cases, never over one
article; the word lists live in ``tidings/resources`` (see ``lexicon.py``). Also: an untagged
all-caps dateline place ("KHOROG -") becomes a GPE, a span grows over the capitalised words
hyphen-joined to it ("Gorno-Badakhshan"), a PERSON before a lower-case place feature ("the
Wakhan road") becomes a place, and the names the article already knows are found again where the
model missed or mislabelled them (``known_names.py``), and the long names of institutions ("the
Delegation of the European Union to Moldova") are found whole (``org_names.py``).

Span conventions after this component, which the resolver and the quote stage rely on:
- a PERSON span holds the name only: no title, honorific, possessive or punctuation;
- any other span starts at its own determiner when the name has one ("the Panjshir Valley",
  "the Taliban"): the "the" is part of the mention, never of the entity's name;
- no span starts or ends with whitespace or punctuation, or ends in "'s";
- ``doc.ents`` never overlap.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .common_openers import drop_common_openers
from .constituencies import constituencies
from .known_names import OVERRIDABLE, acronyms, family_names, people_by_name, sweep
from .lexicon import Lexicon, lexicon
from .name_repairs import (
    grow_given_names,
    grow_trailing_names,
    join_particles,
    office_holder,
    orgs_not_people,
    outlets_not_people,
    postnominal,
)
from .org_names import (
    INSTITUTION_HEADS,
    acronym_names,
    businesses_by_apposition,
    glossed_orgs,
    grow_institutions,
)
from .person_evidence import (
    extend_surnames,
    join_people,
    places_not_people,
    promote_people,
    split_spans,
)
from .person_words import given_name_gender

# Labels whose spans may carry their own determiner ("the Taliban").
DETERMINED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART"})
POSSESSIVE = frozenset({"'s", "'", "\u2019s", "\u2019"})
# Lower-case feature words that still make a place ("Badakhshan province"); the others must be
# capitalised ("Panjshir Valley") so that "the Kabul airport road" stays a GPE plus nouns.
LOWERCASE_FEATURES = frozenset({"province", "district", "valley", "governorate"})
# A priest's or a nun's form of address, capitalised before the name ("Father Andrade", "Sister
# Mary Okoro"); lower case, "father" and "sister" are relations, so only these forms count.
CLERGY = frozenset({"Father", "Fr", "Fr.", "Sister", "Brother", "Mother"})
DATELINE_FOLLOWERS = frozenset({",", "-", "\u2014", "\u2013", "("})


@Language.factory("tidings_entity_rules", requires=["doc.ents", "token.pos"], assigns=["doc.ents"])
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    return EntityRules(nlp)


class EntityRules:
    def __init__(self, nlp: Language) -> None:
        self.lex: Lexicon = lexicon()
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)
        for number, (label, pattern) in enumerate(self.lex.patterns):
            key = f"{label}#{number}"
            if isinstance(pattern, str):
                self.phrases.add(key, [nlp.make_doc(pattern)])
            else:
                self.tokens.add(key, [pattern])

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.ents)
        spans = self._apply_patterns(doc, spans)
        spans = self._place_features(doc, spans)
        spans = [self._relabel(doc, s) for s in spans]
        spans = _datelines(doc, spans)
        spans = self._trimmed(doc, spans)
        spans = _hyphenated(doc, spans)
        spans = self._demonyms_outside(doc, spans)
        spans = grow_institutions(doc, spans, self.lex.demonyms)
        spans = businesses_by_apposition(doc, spans)
        spans = glossed_orgs(doc, spans)
        spans = acronym_names(doc, spans)
        spans = split_spans(doc, spans, self.lex)
        spans = promote_people(doc, spans, self.lex)
        spans = extend_surnames(doc, spans, self.lex)
        spans = grow_given_names(doc, spans, self.lex)
        spans = grow_trailing_names(doc, spans, self.lex)
        spans = join_particles(doc, spans, self.lex)
        spans = people_by_name(doc, spans)
        spans = places_not_people(doc, spans, self.lex)
        spans = self._places_before_features(doc, spans)
        spans = family_names(doc, spans, self.lex)
        spans = acronyms(doc, spans)
        spans = orgs_not_people(doc, spans)
        spans = outlets_not_people(doc, spans)
        spans = sweep(doc, spans, self.lex)
        spans = drop_common_openers(doc, spans, self.lex)
        spans = constituencies(doc, spans)
        # titles trimmed off may leave two halves of one name back to back ("Cllr Jan" "Nowak")
        doc.ents = filter_spans(
            join_people(sorted(self._trimmed(doc, spans), key=lambda s: (s.start, -s.end)))
        )
        return doc

    def _trimmed(self, doc: Doc, spans: list[Span]) -> list[Span]:
        return [t for t in (self._trim(doc, s) for s in spans) if t is not None]

    # -- patterns from entity_patterns.jsonl ---------------------------------------------------

    def _apply_patterns(self, doc: Doc, spans: list[Span]) -> list[Span]:
        found = []
        for key, start, end in [*self.phrases(doc), *self.tokens(doc)]:
            label = doc.vocab.strings[key].split("#", 1)[0]
            found.append(Span(doc, start, end, label=label))
        for match in filter_spans(found):
            spans = _overlay(spans, match)
        return spans

    # -- "X Valley", "Badakhshan province", "Mount X" ------------------------------------------

    def _place_features(self, doc: Doc, spans: list[Span]) -> list[Span]:
        made: list[tuple[str, str]] = []  # (bare name, label) of every compound found
        for token in doc:
            low = token.lower_
            label = self.lex.features_after.get(low)
            if (
                label
                and token.i > 0
                and (token.is_title or low in LOWERCASE_FEATURES)
                and not _heads_institution(doc, token.i + 1)
            ):
                start = token.i
                while start > 0 and _is_proper(doc[start - 1]):
                    start -= 1
                if start < token.i:
                    spans = _overlay(spans, Span(doc, start, token.i + 1, label=label), grow=True)
                    made.append((doc[start : token.i].text, "GPE" if label == "LOC" else label))
            label = self.lex.features_before.get(low)
            if label and token.is_title and token.i + 1 < len(doc):
                end = token.i + 1
                while end < len(doc) and _is_proper(doc[end]):
                    end += 1
                if end > token.i + 1:
                    spans = _overlay(spans, Span(doc, token.i, end, label=label), grow=True)
        if made:
            # The bare name of a valley or province elsewhere in the article is that place too.
            names = dict(made)
            spans = [
                Span(doc, s.start, s.end, label=names[s.text])
                if s.text in names and s.label_ in OVERRIDABLE
                else s
                for s in spans
            ]
            taken = {i for s in spans for i in range(s.start, s.end)}
            firsts = {n.split()[0]: n for n in names}
            for token in doc:
                name = firsts.get(token.text)
                end = token.i + len(name.split()) if name else 0
                if (
                    name
                    and doc[token.i : end].text == name
                    and not taken & set(range(token.i, end))
                ):
                    spans.append(Span(doc, token.i, end, label=names[name]))
                    taken.update(range(token.i, end))
        return spans

    # -- single-span corrections ---------------------------------------------------------------

    def _relabel(self, doc: Doc, span: Span) -> Span:
        text = span.text[4:] if span.text.lower().startswith("the ") else span.text
        if text in self.lex.demonyms and span.label_ in OVERRIDABLE:
            return Span(doc, span.start, span.end, label="NORP")
        if (
            (span.start == 0 or "\n" in doc[span.start - 1].text_with_ws)
            and text.isupper()
            and span.label_ in {"ORG", "PERSON"}
            and span.end < len(doc)
            and doc[span.end].text in DATELINE_FOLLOWERS
            and len(text) > 3
        ):
            # A dateline ("KABUL, Sept. 6 -"): an all-caps place opening a line.
            return Span(doc, span.start, span.end, label="GPE")
        return span

    def _trim(self, doc: Doc, span: Span) -> Span | None:
        start, end = span.start, span.end
        if span.label_ == "PERSON" and any(t.text in POSSESSIVE for t in span[:-1]):
            return None  # "BIWTA's Chandpur" (port officer): no name holds a possessive
        opening = [t.i for t in span if t.text == "("]
        if opening and not any(t.text == ")" for t in doc[opening[-1] : end]):
            end = opening[
                -1
            ]  # "The National Federation of Teachers (Fenprof": a name, then its short form
        while end > start and (
            doc[end - 1].text in POSSESSIVE or _is_edge_punct(doc[end - 1]) or doc[end - 1].is_space
        ):
            end -= 1
        while start < end and (_is_edge_punct(doc[start]) or doc[start].is_space):
            start += 1
        if (
            span.label_ in ("ORG", "NORP", "GPE")
            and end - start >= 2
            and (
                doc[start].lower_ in self.lex.honorifics
                or doc[start].lower_ in self.lex.titles
                and given_name_gender(doc[start + 1].text) is not None
                or office_holder(doc, start, end, self.lex)
            )
            and all(t.text[:1].isupper() for t in doc[start:end])
        ):
            # "Mallam Ibrahim Sule", "Councillor Agnes Morrow" labelled ORG: an honorific, or a
            # title before a given name, makes it a person's name
            span = Span(doc, start, end, label="PERSON")
        if postnominal(doc, start, end, self.lex) and (
            span.label_ == "PERSON"
            or span.label_ in ("ORG", "NORP", "GPE")
            and given_name_gender(doc[start].text) is not None
        ):
            # "Jane Doe QC", "John Roe SAN" (often labelled ORG): the letters are no part of it
            end -= 1
            span = Span(doc, start, end, label="PERSON")
        if span.label_ == "PERSON":
            start = self._after_titles(doc, start, end)
        if start < end and doc[start].lower_ == "the":
            if span.label_ not in DETERMINED_LABELS or not _owns(doc, start, end):
                start += 1
        elif (
            span.label_ in DETERMINED_LABELS
            and start > 0
            and doc[start - 1].lower_ == "the"
            and _owns(doc, start - 1, end)
        ):
            start -= 1
        if start >= end:
            return None
        if (start, end) == (span.start, span.end):
            return span
        return Span(doc, start, end, label=span.label_)

    def _after_titles(self, doc: Doc, start: int, end: int) -> int:
        """The first name token of a PERSON span that begins with titles ("President X")."""
        lex = self.lex
        cut = start
        for i in range(start, end - 1):
            low = doc[i].lower_
            if (
                i == cut
                and doc[i].text in CLERGY
                or low in lex.titles
                or low in lex.honorifics
                or low in lex.modifiers
                or low in lex.cues
                or doc[i].lower_ == "the"
            ):
                cut = i + 1
        return cut

    def _places_before_features(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A PERSON span, or a NORP one that is no nationality, before a lower-case place
        feature ("hold the Wakhan road", "the Panj river") is a place, unless the article knows
        it as a person's name."""
        full = [s for s in spans if s.label_ == "PERSON" and len(s) > 1]
        known = {s.text for s in full} | {t.text for s in full for t in s}
        out = []
        for span in spans:
            nxt = doc[span.end] if span.end < len(doc) else None
            if (
                nxt is not None
                and (
                    span.label_ == "PERSON"
                    or span.label_ == "NORP"
                    and span.text not in self.lex.demonyms
                )
                and nxt.is_lower
                and nxt.lower_ in self.lex.features_modified
                and span.text not in known
            ):
                span = Span(doc, span.start, span.end, label=self.lex.features_modified[nxt.lower_])
            out.append(span)
        return out

    def _demonyms_outside(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Capitalised nationality words the model missed ("Tajik officials") become NORP."""
        taken = {i for s in spans for i in range(s.start, s.end)}
        added = [
            Span(doc, t.i, t.i + 1, label="NORP")
            for t in doc
            if t.i not in taken and t.text in self.lex.demonyms
        ]
        return spans + added


def _datelines(doc: Doc, spans: list[Span]) -> list[Span]:
    """An untagged all-caps place opening a line before a dateline mark ("KHOROG -",
    "DUSHANBE, March 4") is a GPE; the resolver joins it to the place's other mentions."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for token in doc:
        if token.i and "\n" not in doc[token.i - 1].text_with_ws:
            continue
        end = token.i
        while end < len(doc) and doc[end].is_alpha and doc[end].is_upper:
            end += 1
        if (
            end > token.i
            and end < len(doc)
            and doc[end].text in DATELINE_FOLLOWERS
            and len(doc[token.i : end].text) > 3
            and not taken & set(range(token.i, end))
        ):
            added.append(Span(doc, token.i, end, label="GPE"))
    return spans + added


def _hyphenated(doc: Doc, spans: list[Span]) -> list[Span]:
    """Spans grown over the capitalised words hyphen-joined to them ("Gorno-Badakhshan" where
    the model found "Badakhshan"), when no other span holds those words."""
    taken = {i for s in spans for i in range(s.start, s.end)}

    def glued(left: int) -> bool:  # doc[left] "-" doc[left + 2], no spaces, a capital on the right
        return (
            left >= 0
            and left + 2 < len(doc)
            and doc[left + 1].text == "-"
            and not doc[left].whitespace_
            and not doc[left + 1].whitespace_
            and doc[left].is_alpha
            and doc[left + 2].is_alpha
            and doc[left + 2].text[0].isupper()
        )

    out = []
    for span in spans:
        start, end = span.start, span.end
        while glued(start - 2) and doc[start - 2].text[0].isupper() and start - 2 not in taken:
            start -= 2
        while glued(end - 1) and end + 1 not in taken:
            end += 2
        out.append(span if (start, end) == (span.start, span.end) else _grown(span, start, end))
    return out


def _grown(span: Span, start: int, end: int) -> Span:
    return Span(span.doc, start, end, label=span.label_)


def _is_proper(token: object) -> bool:
    return bool(getattr(token, "pos_", "") == "PROPN" and getattr(token, "is_title", False))


def _is_edge_punct(token: object) -> bool:
    text = getattr(token, "text", "")
    return bool(getattr(token, "is_punct", False)) and text not in {".", "&"} or text in {"-", "--"}


def _owns(doc: Doc, det: int, end: int) -> bool:
    """Whether the "the" at ``det`` belongs to the name ending at ``end``, not to a noun after."""
    head = doc[det].head.i
    return det < head < end


def _overlay(spans: Iterable[Span], new: Span, *, grow: bool = False) -> list[Span]:
    """``spans`` with ``new`` in place of what it overlaps.

    A span that already contains ``new`` wins (a longer name the model found, "the Panjshir
    Valley" over "Panjshir"); with ``grow``, or when it is only ``new`` with "the" in front, it
    takes ``new``'s label.
    """
    out = []
    for span in spans:
        if span.start < new.end and new.start < span.end:
            if span.start <= new.start and new.end <= span.end and len(span) > len(new):
                bare = span.start + 1 == new.start and span.end == new.end  # only "the" more
                if (grow or bare) and span.label_ != new.label_:
                    span = Span(span.doc, span.start, span.end, label=new.label_)
                out.append(span)
                new = span
            continue
        out.append(span)
    if new not in out:
        out.append(new)
    return sorted(out, key=lambda s: s.start)


def _heads_institution(doc: Doc, i: int) -> bool:
    """Whether the capitalised words from ``i`` run on to an institution noun (possessives
    allowed): "the Special State Prosecutor's Office" names an office, not a state."""
    for token in doc[i : i + 4]:
        if token.lower_ in INSTITUTION_HEADS and token.is_title:
            return True
        if not (token.is_title or token.text in POSSESSIVE):
            return False
    return False
