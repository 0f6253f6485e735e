"""Names the text itself marks as people, whatever label the model gave them (or none).

The small model calls "Lidia Ceban" an ORG, "Firuza Saidova" a GPE and "Kyauktaw" a PERSON, and
misses "Mahamat Idriss" altogether. ``tidings_entity_rules`` runs these after its own fixes and
before ``known_names.people_by_name`` (which then spreads the PERSON label to the other mentions
of the name and its surname):

- ``split_spans``: a span the model ran over a comma into a person's name ("The National
  Courier, Bisimwa") is cut there, and "Malawi's Ministry of Health" becomes the place and the
  organisation;
- ``promote_people``: a run of capitalised words is a PERSON when the text says so: it starts
  with a given name (``resources/first_names.tsv``), or carries a title or honorific ("Mr X",
  "General X"), or stands in apposition with a person noun ("X, a farmer", "X, 45,", "His
  sister, X,"). Words that name organisations or places ("Services", "Valley") veto it;
- ``extend_surnames``: "Adamou Garba" where the model found only "Garba" (here or elsewhere);
- ``places_not_people``: a one-word PERSON no full name explains, used as a place ("fled to
  Kyauktaw", "in Kyauktaw", or labelled a place elsewhere) is a GPE.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .names import PARTICLES
from .org_names import INSTITUTION_HEADS
from .person_words import (
    agent_noun,
    given_name_gender,
    is_person_noun,
)
from .quote_lexicon import quote_lexicon

# Labels a person rule may take over (never DATE, MONEY...).
TAKEN_OVER = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
# Words that make a capitalised run an organisation's or a place's name, beyond the org role
# nouns of speaker_roles.tsv and the place features of geo_features.tsv.
ORG_WORDS = frozenset(
    {
        "services", "service", "bank", "corps", "institute", "university", "hospital", "school",
        "church", "news", "times", "post", "tv", "radio", "airlines", "airways", "fund",
        "foundation", "programme", "program", "trust", "club", "league", "network", "media",
        "press", "international", "holdings", "partners", "federation", "courier", "review",
        "observer", "ledger", "daily", "herald", "tribune", "journal", "gazette", "mosque",
        "square", "street", "avenue", "park", "center", "centre", "station", "port", "city",
        "island", "islands", "camp", "hotel", "industries", "motors", "energy", "oil", "group",
        "inc", "ltd", "co", "corp", "corporation", "sa", "plc", "llc", "ag", "gmbh", "day",
        "council", "assembly", "parliament", "senate", "congress", "republic", "kingdom",
        "state", "states", "union", "nations", "cross", "crescent", "relief", "aid", "world",
        "global", "united", "national", "federal", "central", "north", "south", "east", "west",
        "northern", "southern", "eastern", "western", "new", "upper", "lower", "great",
    }
)  # fmt: skip
APPOSITION_REACH = 8  # tokens after ", " in which an apposition's head noun may stand
LOCATIVE = frozenset(
    {"in", "near", "around", "outside", "across", "into", "towards", "toward", "through"}
)
RUN_MAX = 4  # the longest name a run makes


def _vetoes(lex: Lexicon) -> frozenset[str]:
    q = quote_lexicon()
    return (
        ORG_WORDS
        | q.org_roles
        | q.group_roles
        | frozenset(lex.features_after)
        | frozenset(lex.features_before)
        | frozenset(lex.features_modified)
    )


def _name_token(token: Token) -> bool:
    """A word that may be part of a person's name: capitalised, or a lower-case particle."""
    text = token.text
    doc = token.doc
    if token.lower_ in PARTICLES and token.i + 1 < len(doc):
        return doc[token.i + 1].text[:1].isupper()
    if text == "-":  # "Anne-Claire": a hyphen glued to capitalised words on both sides
        return (
            0 < token.i < len(doc) - 1
            and not token.whitespace_
            and not doc[token.i - 1].whitespace_
            and doc[token.i + 1].text[:1].isupper()
        )
    return (
        text[:1].isupper()
        and any(c.islower() for c in text)
        and all(c.isalpha() or c in "-'’" for c in text)
        and not token.is_stop
    )


def _title_word(token: Token, lex: Lexicon) -> bool:
    low = token.lower_
    return low in lex.titles or low in lex.honorifics or low in lex.modifiers


def _personish(tokens: list[Token], lex: Lexicon, vetoes: frozenset[str]) -> bool:
    """Whether the words can be a person's name: no organisation or place word, no demonym."""
    return bool(tokens) and not any(
        t.lower_ in vetoes or t.text in lex.demonyms or _title_word(t, lex) for t in tokens
    )


def person_evidence(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the text marks doc[start:end] as a person, apart from a given name: a title or
    honorific right before it, an apposition with a person noun or an age after it, or an
    apposition before it ("His sister, X,")."""
    if (
        start > 0
        and (
            doc[start - 1].lower_ in lex.honorifics
            or (
                doc[start - 1].lower_ in lex.titles
                # "health minister Aurelia X": a lower-case title before a name of two words or more
                and (doc[start - 1].text[:1].isupper() or end - start >= 2)
            )
        )
    ):
        return True
    if end + 2 < len(doc) and doc[end].text == ",":
        if doc[end + 1].like_num and doc[end + 2].text == ",":
            return True  # "X, 45, said"
        for token in doc[end + 1 : min(len(doc), end + 1 + APPOSITION_REACH)]:
            if (
                token.text in {",", ";", ".", "(", ")"}
                or token.lower_ in {"who", "which"}
                or token.pos_ in {"VERB", "AUX"}
            ):
                break
            if token.lower_ == "old" and token.i >= 2 and doc[token.i - 2].lower_ == "year":
                return True  # "X, a 67-year-old ..."
            lemma = token.lemma_.lower()
            if (
                (is_person_noun(lemma, lex) or agent_noun(lemma))
                and token.pos_ == "NOUN"
                and (token.dep_ == "appos" or token.head.dep_ == "appos" or _next_is_of(token))
            ):
                return True
    if start >= 2 and doc[start - 1].text == ",":
        return _person_phrase_before(doc, start - 1, lex)
    return False


def _person_phrase_before(doc: Doc, comma: int, lex: Lexicon) -> bool:
    """Whether a short phrase opening its clause ends at ``comma`` and is headed by a person
    noun: "His sister, X", "Her neighbour from Y, X" (no verb in it)."""
    i = comma - 1
    floor = max(0, comma - APPOSITION_REACH)
    found = False
    while i >= floor:
        token = doc[i]
        if token.pos_ in {"VERB", "AUX"} or token.text in {",", ";", ":", "(", ")"}:
            return False
        if token.pos_ == "NOUN" and is_person_noun(token.lemma_.lower(), lex):
            found = True
        if token.is_sent_start:
            return found
        i -= 1
    return False


def _next_is_of(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in {"of", "for", "at"}


# -- splitting ---------------------------------------------------------------------------------


def split_spans(doc: Doc, spans: list[Span], lex: Lexicon) -> list[Span]:
    """Spans cut at a comma before a person's name, and "Malawi's Ministry of Health" cut into
    the place and the organisation."""
    out: list[Span] = []
    for span in spans:
        if span.label_ not in TAKEN_OVER or len(span) < 3:
            out.append(span)
            continue
        comma = next((t.i for t in span if t.text == ","), None)
        if comma is not None and comma > span.start:
            right = doc[comma + 1 : span.end]
            if len(right) and all(_name_token(t) for t in right):
                out.append(Span(doc, span.start, comma, label=span.label_))
                out.append(Span(doc, comma + 1, span.end, label="PERSON"))
                continue
        owner = next((t.i for t in span if t.text in {"'s", "\u2019s"} and t.i > span.start), None)
        if (
            span.label_ == "ORG"
            and owner is not None
            and owner + 1 < span.end
            and doc[owner + 1].text[:1].isupper()
            and doc[span.start].lower_ != "the"
            and owner - span.start <= 3
            and not _office_of_holder(doc, owner, span.end, lex)
        ):
            out.append(Span(doc, span.start, owner, label="GPE"))
            out.append(Span(doc, owner + 1, span.end, label="ORG"))
            continue
        out.append(span)
    return out


def _office_of_holder(doc: Doc, owner: int, end: int, lex: Lexicon) -> bool:
    """ "Attorney General's Office", "the Special State Prosecutor's Office": the possessive
    names the office's holder (a title), and the institution noun follows it straight away."""
    return (
        end == owner + 2
        and doc[owner + 1].lower_ in INSTITUTION_HEADS
        and doc[owner - 1].lower_ in lex.titles
    )


# -- promotion ---------------------------------------------------------------------------------


def promote_people(doc: Doc, spans: list[Span], lex: Lexicon) -> list[Span]:
    """Runs of capitalised words the text marks as a person become PERSON spans, replacing the
    non-person spans they cover (see the module doc)."""
    vetoes = _vetoes(lex)
    owner: dict[int, Span] = {i: s for s in spans for i in range(s.start, s.end)}
    replace: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not _name_token(doc[i]) or _blocked(owner.get(i)):
            i += 1
            continue
        end = i
        while end < len(doc) and _name_token(doc[end]) and not _blocked(owner.get(end)):
            end += 1
        found = _person_in_run(doc, i, end, lex, vetoes, owner)
        if found is not None:
            replace.append(found)
        i = end
    if not replace:
        return spans
    covered = {j for s, e in replace for j in range(s, e)}
    kept = [s for s in spans if not covered & set(range(s.start, s.end))]
    return join_people(
        sorted(kept + [Span(doc, s, e, label="PERSON") for s, e in replace], key=lambda s: s.start)
    )


def join_people(spans: list[Span]) -> list[Span]:
    """Two PERSON spans back to back with only a space between are one name: "Mr Zaw" made
    from the honorific and the model's "Lin Aung" are "Zaw Lin Aung"."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and last.label_ == span.label_ == "PERSON"
            and last.end == span.start
            and last[-1].whitespace_ == " "
            and last[-1].text[:1].isupper()
        ):
            out[-1] = Span(span.doc, last.start, span.end, label="PERSON")
            continue
        out.append(span)
    return out


def _blocked(span: Span | None) -> bool:
    """A token no person run may take: part of a PERSON span or of a non-name span."""
    return span is not None and span.label_ not in TAKEN_OVER


def _person_in_run(
    doc: Doc, start: int, end: int, lex: Lexicon, vetoes: frozenset[str], owner: dict[int, Span]
) -> tuple[int, int] | None:
    # leading titles and honorifics are no part of the name ("General Zaw Min Htet"), though the
    # model's span may hold them ("Cllr Rhian Davies" as an ORG)
    first = start
    while start < end and _title_word(doc[start], lex):
        start += 1
    # an office's name before the title word ("Chief Referendum Officer Moses Tafoa"): the name
    # starts after the last title word when a given name follows it
    titled = [k for k in range(start, end - 1) if _title_word(doc[k], lex)]
    if titled and given_name_gender(doc[titled[-1] + 1].text) is not None:
        start = titled[-1] + 1
    # a capitalised sentence opener that is no name ("Beside him, ...") is left out
    while start < end and doc[start].is_sent_start and doc[start].pos_ != "PROPN":
        start += 1
    if start >= end:
        return None
    tokens = list(doc[start:end])
    if len(tokens) > RUN_MAX or not _personish(tokens, lex, vetoes):
        return None
    # a run that only partly covers a span would cut it: leave it
    for token in (doc[start], doc[end - 1]):
        span = owner.get(token.i)
        if span is not None and (span.start < first or span.end > end):
            return None
    if all(owner.get(t.i) is None for t in tokens) and not _untagged_ok(doc, start, end, lex):
        return None
    if given_name_gender(tokens[0].text) is not None and len(tokens) >= 2:
        if tokens[-1].lower_ in PARTICLES:
            return None
        return start, end
    if person_evidence(doc, start, end, lex):
        if len(tokens) == 1 and owner.get(start) is None:
            # a lone untagged word takes an honorific's word only ("Ms Okafor")
            return (start, end) if doc[start - 1].lower_ in lex.honorifics else None
        return start, end
    return None


def _untagged_ok(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """An untagged run is a new name only when its words are proper nouns."""
    return all(t.pos_ == "PROPN" or t.text == "-" for t in doc[start:end])


# -- surnames and places -----------------------------------------------------------------------


def extend_surnames(doc: Doc, spans: list[Span], lex: Lexicon) -> list[Span]:
    """A known surname (the last word of a PERSON span) right after an untagged capitalised
    given-name-like word grows over it: "Adamou Garba" where only "Garba" was found."""
    vetoes = _vetoes(lex)
    surnames = {
        s[-1].text
        for s in spans
        if s.label_ == "PERSON" and s[-1].text[:1].isupper() and s[-1].lower_ not in PARTICLES
    }
    if not surnames:
        return spans
    owner: dict[int, Span] = {i: s for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for token in doc:
        if token.text not in surnames or token.i == 0:
            continue
        current = owner.get(token.i)
        if current is not None and (len(current) > 1 or current.label_ not in OVERRIDABLE_ONE):
            continue
        start = token.i
        while (
            start > 0
            and token.i - start < RUN_MAX - 1
            and owner.get(start - 1) is None
            and doc[start - 1].pos_ == "PROPN"
            and _name_token(doc[start - 1])
            and _personish([doc[start - 1]], lex, vetoes)
            and not (doc[start - 1].is_sent_start and doc[start - 1].is_stop)
        ):
            start -= 1
        if start == token.i:
            continue
        if current is not None:
            out.remove(current)
        new = Span(doc, start, token.i + 1, label="PERSON")
        out.append(new)
        for i in range(start, token.i + 1):
            owner[i] = new
    return sorted(out, key=lambda s: s.start)


OVERRIDABLE_ONE = TAKEN_OVER | {"PERSON"}


def places_not_people(doc: Doc, spans: list[Span], lex: Lexicon) -> list[Span]:
    """One-word PERSON spans that no full name explains and that the text uses as a place
    (after "in", "near", "around"...; or labelled a place elsewhere) become GPE."""
    full = {t.lower_ for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    single = {s.text for s in spans if s.label_ == "PERSON" and len(s) == 1}
    single = {w for w in single if w.lower() not in full and given_name_gender(w) is None}
    if not single:
        return spans
    placed = {s.text for s in spans if s.label_ in {"GPE", "LOC", "FAC"}}
    titled = {
        s.text
        for s in spans
        if s.label_ == "PERSON" and s.start > 0 and _title_word(doc[s.start - 1], lex)
    }
    for token in doc:
        if (
            token.text in single
            and token.dep_ == "pobj"
            and token.head.lower_ in LOCATIVE
            and not (token.i + 1 < len(doc) and doc[token.i + 1].text in {"'s", "\u2019s"})
        ):
            placed.add(token.text)
    moved = (single & placed) - titled
    return [
        Span(doc, s.start, s.end, label="GPE")
        if s.label_ == "PERSON" and len(s) == 1 and s.text in moved
        else s
        for s in spans
    ]
