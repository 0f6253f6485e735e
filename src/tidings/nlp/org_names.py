"""The long names of institutions, which the small model cuts short or misses.

"the Delegation of the European Union to Moldova", "the UN Office for the Coordination of
Humanitarian Affairs", "the Permanent Mission of Bolivia to the United Nations in Geneva", "the
Joint Environmental Committee of the Andean Community": the model finds "UN Office" and
"Coordination of Humanitarian Affairs" apart, or "European Union" and "Moldova" only. A
capitalised institution noun (``INSTITUTION_HEADS``) takes the capitalised words before it and
every "of/for/on (the) Capitalised Words" after it; a diplomatic one ("Embassy", "Mission",
"Delegation", "Consulate") also its "to Y" and "in Y" ("the Embassy of Norway in Doha"). A
nationality followed by a team noun ("the Qatari mediation team", "the Ukrainian delegation")
is a group that speaks as one: an ORG.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

INSTITUTION_HEADS = frozenset(
    {
        "delegation", "embassy", "mission", "consulate", "office", "committee", "panel",
        "commission", "secretariat", "bureau", "directorate", "taskforce", "agency", "authority",
        "council", "ministry", "department", "tribunal", "observatory", "inspectorate",
        "union", "association", "federation", "confederation", "chamber", "board", "syndicate",
        "administration", "centre", "center", "institute", "trust", "alliance", "coalition",
        "forum", "organisation", "organization", "movement", "network", "cooperative",
        "co-operative", "collective", "consortium", "society", "guild",
    }
)  # fmt: skip
DIPLOMATIC = frozenset({"delegation", "embassy", "mission", "consulate", "office", "commission"})
TEAM_NOUNS = frozenset({"team", "delegation", "negotiators", "mediators"})
_OF = frozenset({"of", "for", "on"})
_TO_IN = frozenset({"to", "in"})
_JOINERS = frozenset({"and", "&"})
MAX_TOKENS = 14


def _capital(token: Token) -> bool:
    return bool(token.text[:1].isupper() and token.is_alpha)


def _hyphened(doc: Doc, i: int) -> bool:
    """Whether doc[i] ends a capitalised hyphenated word ("E-commerce", "Al-Bashir")."""
    return (
        i >= 2
        and doc[i].is_alpha
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and _capital(doc[i - 2])
    )


def _run(doc: Doc, i: int) -> int:
    """The end of a run of capitalised words at ``i`` ("and" may join two)."""
    end = i
    while end < len(doc) and _capital(doc[end]):
        end += 1
        if "\n" in doc[end - 1].text_with_ws:
            break
        if end + 1 < len(doc) and doc[end].lower_ in _JOINERS and _capital(doc[end + 1]):
            end += 1
    return end


def _tail(doc: Doc, end: int, diplomatic: bool) -> int:
    """``end`` moved over "of the X", "for Y", and for a diplomatic post "to Z", "in W"."""
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        prep = doc[end].lower_
        if prep not in _OF and not (diplomatic and prep in _TO_IN):
            break
        start = end + 1
        if start < len(doc) and doc[start].lower_ == "the":
            start += 1
        if start >= len(doc) or not _capital(doc[start]) or doc[start].ent_type_ == "PERSON":
            break
        end = _run(doc, start)
    return end


def grow_institutions(
    doc: Doc, spans: list[Span], demonyms: Collection[str] = frozenset()
) -> list[Span]:
    """``spans`` with every long institution name found as one ORG span; ``demonyms``: the
    nationality words, whatever label the model gave them."""
    found: list[Span] = []
    for token in doc:
        low = token.lower_
        if low not in INSTITUTION_HEADS or not token.is_title or token.i == 0:
            continue
        start = token.i
        while start > 0 and "\n" not in doc[start - 1].text_with_ws:
            if (
                _capital(doc[start - 1])
                and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN")
                or (
                    # "the Bakers and Allied Workers Union": "and" between capitalised words
                    start > 1
                    and start < token.i
                    and doc[start - 1].lower_ in _JOINERS
                    and _capital(doc[start - 2])
                    and doc[start - 2].pos_ in ("PROPN", "NOUN")
                )
            ):
                start -= 1
            elif (
                start > 1
                and doc[start - 1].text in ("'", "\u2019")
                and (doc[start - 1].tag_ == "POS" or doc[start - 1].dep_ == "case")
                and not doc[start - 2].whitespace_
                and _capital(doc[start - 2])
                and doc[start - 2].lower_.endswith("s")
            ):
                start -= 1  # "the Transit Operators' Association": a plural possessive inside
            elif (
                start == token.i
                and start > 1
                and doc[start - 1].lower_ in ("'s", "\u2019s")
                and not doc[start - 2].whitespace_
                and _capital(doc[start - 2])
                and doc[start - 2].ent_type_ not in ("GPE", "LOC", "NORP")
            ):
                # "the Special State Prosecutor's Office": an office's holder named right before
                # it is part of its name ("Russia's Foreign Ministry" is not: a place owns it)
                start -= 2
            elif _hyphened(doc, start - 1):
                start -= 3  # "the Vietnam E-commerce Association"
            else:
                break
        end = _tail(doc, token.i + 1, low in DIPLOMATIC)
        if end - start <= MAX_TOKENS and (end > token.i + 1 or start < token.i):
            found.append(Span(doc, start, end, label="ORG"))
    norp_ends = {s.end: s for s in spans if s.label_ == "NORP" or s.text in demonyms}
    for token in doc:
        # "the Qatari mediation team", "the Slovak negotiating team": a nationality, up to two
        # lower-case modifiers, a team noun
        if token.lower_ not in TEAM_NOUNS or not token.is_lower:
            continue
        i = token.i
        while (
            i > token.i - 2
            and i > 0
            and doc[i - 1].is_lower
            and (doc[i - 1].pos_ in ("NOUN", "ADJ") or doc[i - 1].tag_ == "VBG")
        ):
            i -= 1
        norp = norp_ends.get(i)
        if norp is not None:
            found.append(Span(doc, norp.start, token.i + 1, label="ORG"))
    # an existing span that already holds a found one stays (the model's longer name)
    found = [
        f
        for f in found
        if not any(
            s.start <= f.start and f.end <= s.end and len(s) > len(f) and s.label_ != "WORK_OF_ART"
            for s in spans
        )
        and not any((s.start, s.end) == (f.start, f.end) and s.label_ == "ORG" for s in spans)
    ]
    if not found:
        return spans
    keep: list[Span] = []
    for span in sorted(found, key=lambda s: (s.start, -len(s))):
        if not any(k.start < span.end and span.start < k.end for k in keep):
            keep.append(span)
    out = [s for s in spans if not any(s.start < k.end and k.start < s.end for k in keep)]
    return sorted(out + keep, key=lambda s: s.start)


# head nouns of an apposition that make the name before it a business: "X, Brazil's largest
# coffee exporter," / "Y, a state-owned lender,"
BUSINESS_NOUNS = frozenset(
    {
        "company", "firm", "carmaker", "automaker", "manufacturer", "bank", "lender", "airline",
        "retailer", "insurer", "miner", "conglomerate", "supplier", "producer", "developer",
        "brewer", "shipbuilder", "maker", "utility", "startup", "exporter", "importer",
        "distributor", "refiner", "operator", "group", "subsidiary", "broker",
    }
)  # fmt: skip
# what a country is called too ("Brazil, the world's largest coffee exporter,"): a business only
# with a place or nationality of its own in the apposition ("Brazil's largest ... exporter")
COUNTRY_TOO = frozenset({"producer", "exporter", "importer", "supplier", "miner", "maker"})
APPOSITION_MAX = 10


def businesses_by_apposition(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name the model took for a place ("Shares in Cafeeira Mantiqueira, Brazil's largest
    listed coffee exporter, fell") is an ORG when its apposition names a kind of business."""
    out = []
    for span in spans:
        if span.label_ in ("GPE", "LOC", "FAC") and _business_after(doc, span.end):
            span = Span(doc, span.start, span.end, label="ORG")
        out.append(span)
    return out


def _business_after(doc: Doc, end: int) -> bool:
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    stop = min(len(doc), end + 1 + APPOSITION_MAX)
    last = None
    for token in doc[end + 1 : stop]:
        if token.text in (",", ";", ".", "(", ")") or token.lower_ in ("who", "which", "that"):
            break
        if token.pos_ in ("VERB", "AUX") and token.tag_ != "VBN":
            return False
        if token.pos_ == "ADP":
            break  # "a lender in X", "a maker of Y": the head comes before
        last = token
    if last is None or last.lower_ not in BUSINESS_NOUNS:
        return False
    if last.lower_ in COUNTRY_TOO:
        return any(t.ent_type_ in ("GPE", "NORP") for t in doc[end + 1 : last.i])
    return True


def glossed_orgs(doc: Doc, spans: list[Span]) -> list[Span]:
    """An untagged name glossed by an organisation in apposition ("Walhi, the Indonesian Forum
    for the Environment, said") is that organisation too: an ORG (``entities`` then merges the
    two as one)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for span in spans:
        det = span.start if span[0].lower_ == "the" else span.start - 1
        if span.label_ != "ORG" or det < 2 or doc[det].lower_ != "the":
            continue
        comma = det - 1
        if doc[comma].text != "," or span.end >= len(doc) or doc[span.end].text != ",":
            continue
        start = comma
        while (
            start > 0
            and comma - start < 4
            and doc[start - 1].pos_ == "PROPN"
            and _capital(doc[start - 1])
            and start - 1 not in taken
        ):
            start -= 1
        if start < comma and (start == 0 or not _capital(doc[start - 1])):
            found.append(Span(doc, start, comma, label="ORG"))
    return sorted(spans + found, key=lambda s: s.start) if found else spans


# Lower-case words an organisation's name may hold between its capitalised words.
_NAME_GLUE = frozenset({"of", "for", "the", "and", "&", "de", "des", "du", "la", "le", "del", "on"})


def acronym_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Santé Sans Frontières Sahel (SSFS)", "the NGO Safety Platform for the Sahel (NSPS)":
    the capitalised words before a bracketed acronym whose initials spell it are one ORG name,
    whatever the model made of them (here a place, "Sahel", and nothing)."""
    found = []
    for token in doc:
        if token.text != "(" or token.i < 2 or token.i + 2 >= len(doc):
            continue
        acronym, close = doc[token.i + 1], doc[token.i + 2]
        if close.text != ")" or not _acronym(acronym.text):
            continue
        start = _spelled_by(doc, token.i, acronym.text.upper())
        if start is not None:
            found.append(Span(doc, start, token.i, label="ORG"))
    if not found:
        return spans
    kept = [
        s
        for s in spans
        if not any(
            s.start < f.end and f.start < s.end and not (s.start <= f.start and f.end <= s.end)
            for f in found
        )
    ]
    # a span of the model's that holds the name and ends with it is that organisation ("the
    # Majan Chlor-Alkali Company" tagged anything)
    ends = {f.end: f.start for f in found}
    kept = [
        Span(doc, s.start, s.end, label="ORG") if ends.get(s.end, -1) >= s.start else s
        for s in kept
    ]
    new = [f for f in found if not any(s.start <= f.start and f.end <= s.end for s in kept)]
    return sorted(kept + new, key=lambda s: s.start)


def _acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2


def _spelled_by(doc: Doc, end: int, acronym: str) -> int | None:
    """The start of the shortest run of words ending at ``end`` whose capitalised words' first
    letters (hyphenated parts counted apiece; a joining word's such as "de" counted or not, as
    in "Electricidade de Moçambique (EDM)") spell ``acronym``; None when none does."""
    words: list[Token] = []  # backwards from ``end``
    i = end
    while i > 0 and end - i < MAX_TOKENS:
        word = doc[i - 1]
        if "\n" in word.text_with_ws and i < end:
            break
        if not (word.text == "-" or word.lower_ in _NAME_GLUE or _capital(word)):
            break
        words.append(word)
        i -= 1
    # states: how many letters of the acronym (from its end) are spelled so far
    states = {0}
    for word in words:
        if word.text == "-":
            continue
        letter = word.text[0].upper()
        grown = set() if _capital(word) else set(states)  # a joining word may be skipped
        for n in states:
            if n < len(acronym) and acronym[-1 - n] == letter:
                grown.add(n + 1)
        if len(acronym) in grown and _capital(word):
            return word.i
        if not grown:
            return None
        states = grown
    return None
