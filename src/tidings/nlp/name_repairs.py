"""Person names the small model cuts short, mended from the name's own shape.

``tidings_entity_rules`` runs these after ``person_evidence.extend_surnames``:

- ``grow_given_names``: a PERSON span grows over the capitalised word before it when that word
  is a known given name or follows a title ("Minister Mehmet Emin Karadag" where the model found
  "Emin Karadag") or, written with letters beyond ASCII, opens the sentence ("Nguyễn Thị Thu"
  where the model found "Thị Thu"),
  and over a one-word span of another label before it when that word is a known
  given name ("Dwi" tagged ORG before "Retno Wulandari");
- ``grow_trailing_names``: a full name grows over an untagged proper noun right after it
  ("Álvaro Restrepo" + "Salcedo"), and ``grow_given_names`` over one right after a speech verb
  ('said Mukhtiar Ali Soomro' where the model found "Ali Soomro");
- ``orgs_not_people``: "Hanbit" tagged PERSON beside the organisation "Hanbit Motors" is that
  organisation, when no person's full name holds the word;
- ``outlets_not_people``: "the Himalayan Courier" or "the Chronicle" tagged PERSON is an outlet;
- ``office_holder`` / ``postnominal``: the shapes ``entity_rules`` trims a span by ("Councillor
  Dirk Haslam" tagged ORG is a person; "Jane Doe QC" is "Jane Doe");
- ``join_particles``: a PERSON span grows over a lower-case name particle and the capitalised
  word after it ("Edvaldo Pereira" + "dos Santos", where the model made "Santos" a place).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .org_names import INSTITUTION_HEADS
from .person_evidence import TAKEN_OVER
from .person_words import given_name_gender
from .quote_lexicon import quote_lexicon

# Lower-case particles inside a person's name ("Pereira dos Santos", "Ludovica della Rovere").
NAME_PARTICLES = frozenset(
    {"da", "das", "de", "del", "della", "di", "do", "dos", "du", "van", "von", "bin", "ibn"}
)
MAX_PERSON_TOKENS = 6
# Titles no organisation's name opens with: "Councillor X Y" tagged ORG is a person.
PERSON_ONLY_TITLES = frozenset(
    {
        "councillor", "councilor", "councilman", "councilwoman", "cllr", "alderman", "senator",
        "sen", "congressman", "congresswoman", "professor", "prof", "mayor", "judge", "justice",
        "ambassador", "lawmaker", "governor", "gov",
    }
)  # fmt: skip


def _name_word(token: Token, lex: Lexicon) -> bool:
    text = token.text
    low = token.lower_
    return (
        text[:1].isupper()
        and any(c.islower() for c in text)
        and all(c.isalpha() or c in "-'’" for c in text)
        and not token.is_stop
        and low not in lex.titles
        and low not in lex.honorifics
        and low not in lex.modifiers
        and low not in lex.cues
        and text not in lex.demonyms
    )


def _title_before(token: Token, lex: Lexicon) -> bool:
    if token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    return prev.lower_ in lex.titles or prev.lower_ in lex.honorifics


def _cue_before(token: Token) -> bool:
    """'"...," said Mukhtiar Ali Soomro': right after a speech verb, a name begins."""
    if token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    return prev.pos_ == "VERB" and prev.is_lower and prev.lemma_ in quote_lexicon().cue_verbs


_SWALLOWED = frozenset({"GPE", "ORG", "LOC", "FAC"})


def grow_trailing_names(doc: Doc, spans: list[Span], lex: Lexicon) -> list[Span]:
    """A full name the model cut before its last word grows over it: "Álvaro Restrepo" +
    "Salcedo", "Patricio Andrade" + "Vera" (Spanish and Portuguese names carry two surnames).
    The word must be a proper noun, untagged or a one-word place or organisation (the model
    calls "Salcedo" a GPE), and no capitalised word may follow it."""
    owner = {i: s for s in spans for i in range(s.start, s.end)}
    swallowed: set[int] = set()
    out = []
    for span in spans:
        if span.label_ == "PERSON" and len(span) >= 2:
            end = span.end
            # up to two surnames: "Gustavo Adolfo" + "Paredes Maradiaga"
            while end - span.end < 2 and _trailing_name(doc, end, owner, lex):
                end += 1
            if end > span.end and not _continues(doc, end):
                swallowed.update(range(span.end, end))
                span = Span(doc, span.start, end, label="PERSON")
        out.append(span)
    return [s for s in out if not (s.label_ != "PERSON" and set(range(s.start, s.end)) & swallowed)]


def _particle_joins(doc: Doc, start: int, owner: dict[int, Span], lex: Lexicon) -> bool:
    """Whether the capitalised word two before ``start`` (a particle between) is a name word
    the span may take: untagged or a one-word span of another label, a proper noun."""
    word = doc[start - 2]
    other = owner.get(word.i)
    return (
        word.pos_ == "PROPN"
        and _name_word(word, lex)
        and word.whitespace_ == " "
        and (other is None or len(other) == 1 and other.label_ in TAKEN_OVER)
    )


def _trailing_name(doc: Doc, i: int, owner: dict[int, Span], lex: Lexicon) -> bool:
    other = owner.get(i)
    return (
        i < len(doc)
        and doc[i - 1].whitespace_ == " "
        and (other is None or len(other) == 1 and other.label_ in _SWALLOWED)
        and doc[i].pos_ == "PROPN"
        and _name_word(doc[i], lex)
    )


def _continues(doc: Doc, end: int) -> bool:
    """Whether the name would run on: a capitalised word or a possessive follows."""
    return end < len(doc) and (
        doc[end].text[:1].isupper() or doc[end].text in ("'s", "\u2019s", "'", "\u2019")
    )


def _opens_sentence(token: Token) -> bool:
    """ "Nguyễn Thị Thu, 41, said" where the model found "Thị Thu": a capitalised word with
    letters beyond ASCII (no English role word, "Economist Jane Doe"; the tagger may call it
    anything) opening the sentence right before a person's name is that name's first word."""
    doc = token.doc
    return token.i == 0 or token.is_sent_start or "\n" in doc[token.i - 1].text_with_ws


def grow_given_names(doc: Doc, spans: list[Span], lex: Lexicon) -> list[Span]:
    owner = {i: s for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for span in sorted(spans, key=lambda s: s.start):
        if span.label_ != "PERSON" or span not in out:
            continue
        start = span.start
        while start > 0 and span.end - start < MAX_PERSON_TOKENS:
            prev = doc[start - 1]
            if (
                prev.lower_ in NAME_PARTICLES
                and start > 1
                and _particle_joins(doc, start, owner, lex)
            ):
                # "Helena dos Santos Mucavele" where the model found "Santos Mucavele": the
                # particle joins the name word before it to the surnames
                other = owner.get(start - 2)
                if other is not None and other in out:
                    out.remove(other)
                start -= 2
                continue
            if prev.whitespace_ != " " or "\n" in prev.text_with_ws or not _name_word(prev, lex):
                break
            other = owner.get(prev.i)
            given = given_name_gender(prev.text) is not None
            if other is None:
                if not (
                    given
                    or prev.pos_ == "PROPN"
                    and (_title_before(prev, lex) or _cue_before(prev))
                    or _opens_sentence(prev)
                    and not prev.text.isascii()
                ):
                    break
            elif not (given and len(other) == 1 and other.label_ in TAKEN_OVER and other in out):
                break
            else:
                out.remove(other)
            start -= 1
        if start == span.start:
            continue
        grown = Span(doc, start, span.end, label="PERSON")
        out[out.index(span)] = grown
        for i in range(start, span.end):
            owner[i] = grown
    return sorted(out, key=lambda s: s.start)


def join_particles(doc: Doc, spans: list[Span], lex: Lexicon) -> list[Span]:
    owner = {i: s for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for span in sorted(spans, key=lambda s: s.start):
        if span.label_ != "PERSON" or len(span) < 2 or span.end + 1 >= len(doc):
            continue
        particle, last = doc[span.end], doc[span.end + 1]
        if (
            particle.lower_ not in NAME_PARTICLES
            or not particle.is_lower
            or "\n" in doc[span.end - 1].text_with_ws + particle.text_with_ws
            or not _name_word(last, lex)
        ):
            continue
        other = owner.get(last.i)
        if other is not None and (len(other) > 1 or other.label_ not in TAKEN_OVER | {"PERSON"}):
            continue
        if other is not None:
            out.remove(other)
        out[out.index(span)] = Span(doc, span.start, span.end + 2, label="PERSON")
    return sorted(out, key=lambda s: s.start)


def orgs_not_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """A one-word PERSON span that opens an organisation's name of the article ("Hanbit's
    shares" beside "Hanbit Motors") and is no word of any person's full name is that
    organisation."""
    openers = {s[0].text for s in spans if s.label_ == "ORG" and len(s) > 1 and s[0].is_title}
    openers -= {t.text for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    if not openers:
        return spans
    return [
        Span(doc, s.start, s.end, label="ORG")
        if s.label_ == "PERSON" and s[0].text in openers and _one_word(s)
        else s
        for s in spans
    ]


def _one_word(span: Span) -> bool:
    """A span of one word, before the possessive is trimmed ("Hanbit's")."""
    return len(span) == 1 or len(span) == 2 and span[1].text in ("'s", "\u2019s", "'", "\u2019")


# Last words of a newspaper's or broadcaster's name: no person's name ends in them.
OUTLET_WORDS = frozenset(
    {
        "courier", "times", "herald", "gazette", "tribune", "chronicle", "journal", "observer",
        "mirror", "telegraph", "express", "daily", "weekly", "sentinel", "standard", "ledger",
        "dispatch", "bulletin", "monitor", "guardian", "independent",
    }
)  # fmt: skip

# A company's legal form written after its name ("Zipo Mobility SRL", "Acme Holdings Ltd"): no
# person's name ends in one.
COMPANY_SUFFIXES = frozenset(
    {
        "Ltd", "Ltd.", "Inc", "Inc.", "LLC", "PLC", "plc", "GmbH", "AG", "SRL", "S.R.L.", "SpA",
        "S.p.A.", "SA", "S.A.", "NV", "N.V.", "BV", "B.V.", "Corp", "Corp.", "Pty", "Sdn", "Bhd",
        "Berhad", "OOO", "JSC", "PJSC", "LLP", "KG", "Oyj", "ASA", "SAS", "SARL", "Co.",
    }
)  # fmt: skip

# no person's name holds a pronoun ("Save Our Soar Births", "Hands Off Our Parks")
_NOT_IN_NAMES = frozenset({"our", "your", "my", "their", "we", "us"})
# "the group X", "the charity X": the name after such a noun is the body's
BODY_NOUNS = frozenset(
    {
        "group", "charity", "organisation", "organization", "coalition", "movement", "alliance",
        "collective", "campaign", "nonprofit", "ngo", "firm", "company", "startup", "band",
    }
)  # fmt: skip


def body_word(words: str) -> bool:
    """Whether the words hold a noun for a body ("the group", "the charity")."""
    return bool(BODY_NOUNS & set(words.lower().split()))


def outlets_not_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """A PERSON span that ends in an outlet word ("the Himalayan Courier") or a company's legal
    form ("Acme Trading Ltd"), or a one-word
    PERSON span after "the" that no full name explains ("told the Chronicle"), is an outlet."""
    surnames = {t.text for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    out = []
    for span in spans:
        words = [t for t in span if t.text not in ("'s", "\u2019s", "'", "\u2019")]
        if span.label_ == "PERSON" and words:
            after_the = span.start > 0 and doc[span.start - 1].lower_ == "the"
            if (
                words[-1].lower_ in OUTLET_WORDS
                or words[-1].text in COMPANY_SUFFIXES
                or any(t.lower_ in _NOT_IN_NAMES for t in words)
                or (span.start > 0 and doc[span.start - 1].lower_ in BODY_NOUNS)
            ) or (
                after_the
                and len(words) == 1
                and words[0].text not in surnames
                and given_name_gender(words[0].text) is None
            ):
                span = Span(doc, span.start, span.end, label="ORG")
        out.append(span)
    return out


def office_holder(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """ "Councillor Dirk Haslam" labelled ORG: a title only a person holds, then two or three
    name words that are no title or institution."""
    words = doc[start + 1 : end]
    return (
        doc[start].lower_.rstrip(".") in PERSON_ONLY_TITLES
        and 2 <= len(words) <= 3
        and all(
            t.pos_ == "PROPN"
            and t.is_title
            and t.lower_ not in lex.titles
            and t.lower_ not in INSTITUTION_HEADS
            for t in words
        )
    )


def postnominal(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether doc[start:end] is a name then post-nominal letters written as such ("QC")."""
    last = doc[end - 1]
    return (
        end - start >= 3
        and last.lower_.rstrip(".") in lex.postnominals
        and last.text[:1].isupper()
        and not last.text.istitle()
        and all(t.text[:1].isupper() for t in doc[start : end - 1])
    )
