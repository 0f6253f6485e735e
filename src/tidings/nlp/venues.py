"""Where or through what a quotation was said, as the text says it.

Read off the attribution cue's dependents, never out of the quoted words:

- the audience of "told" when it is an outlet ("told Reuters news agency", "told the
  broadcaster Tolo", "told the Gazette", "told us"), or a medium ("told a press conference"),
  not when it is people ("told reporters");
- a prepositional phrase on the cue whose noun is a medium from ``quote_venues.tsv`` ("in a
  statement", "by telephone", "via their Arabic Twitter account", "in her ruling", "in a
  video interview with the Financial Times") or a named outlet ("wrote in The Washington Post");
- the same phrases on a participle that frames the cue ("Speaking to the BBC, X said");
- for a cue that continues another ("said in a statement that ... but warned that ...",
  "announced it at a press conference, saying ..."), the venue of that other cue.

The pieces are joined in text order: "told Reuters news agency by telephone".
"""

from __future__ import annotations

from spacy.tokens import Token

from .attribution import is_cue
from .lookup import entity_at
from .quote_lexicon import quote_lexicon

_VENUE_PREPS = {"in", "on", "via", "at", "during", "through", "over", "by", "to", "with", "from"}
_OUTLET_LABELS = {"ORG", "WORK_OF_ART", "PRODUCT", "PERSON", "GPE", "NORP"}
_PRUNE = {"relcl", "acl", "advcl", "parataxis"}
_SPEAKING = {"speak", "talk", "write", "tell"}
_WHERE = {"speak", "talk"}  # "Speaking at his campaign headquarters, X said": where, any noun
_PLACES = {"GPE", "LOC", "FAC"}
_US = {"us", "me"}  # "told us by phone": the writer's outlet


def _phrase(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    lo, hi = min(t.i for t in tokens), max(t.i for t in tokens)
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo : hi + 1].text


def _subtree(token: Token, inside: set[int]) -> list[Token]:
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        if t.i in inside:
            continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _PRUNE or _describes(c, inside))
    # keep only the contiguous run around the token: a comma-separated tail is not the venue
    indices = sorted(t.i for t in out)
    run = [token.i]
    for i in indices:
        if i > token.i and i == run[-1] + 1:
            run.append(i)
    lo = token.i
    while lo - 1 in indices:
        lo -= 1
    doc = token.doc
    return [doc[i] for i in range(lo, run[-1] + 1)]


def _describes(token: Token, inside: set[int]) -> bool:
    """A participle that describes the medium ("in a video posted before his arrest", "in a
    statement released by the ministry"), not a clause that reports."""
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token.i > token.head.i
        and not any(t.i in inside or t.dep_ == "mark" for t in token.subtree)
    )


def _addressee(cue: Token, piece: list[Token], inside: set[int]) -> list[Token]:
    """The "to" phrase right after a medium ("in a note to clients", "in a letter to
    shareholders") that the parser hung on the cue: part of the medium."""
    end = max(t.i for t in piece)
    for child in cue.children:
        if (
            child.i == end + 1
            and child.dep_ in ("prep", "dative")
            and child.lower_ == "to"
            and child.i not in inside
        ):
            return _subtree(child, inside)
    return []


def _is_outlet(noun: Token) -> bool:
    lex = quote_lexicon()
    if noun.lemma_.lower() in lex.outlet_nouns:
        return True
    if noun.ent_type_ in _OUTLET_LABELS and noun.pos_ == "PROPN":
        return noun.ent_type_ != "PERSON" or noun.ent_iob_ == "B"
    return noun.pos_ == "PROPN" and any(c.lemma_.lower() in lex.outlet_nouns for c in noun.children)


def _told_venue(noun: Token) -> bool:
    """The audience of "told" that is a venue: an outlet ("told Reuters", "told the Gazette",
    "told CPA"), a medium ("told a press conference"), or the writer's outlet ("told us")."""
    if _is_outlet(noun) or _is_medium(noun) or noun.lower_ in _US:
        return True
    if _numbered(noun):
        return True  # a channel's number ("told France 24", "told Udaya 12"), whatever the label
    # an outlet the model missed or took for a law
    return noun.pos_ == "PROPN" and noun.ent_type_ in ("", "LAW") and noun.text[:1].isupper()


def _numbered(noun: Token) -> Token | None:
    """The number right after a proper noun that names a channel ("Udaya 12"), hung on the
    noun or on the cue."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if (
        noun.pos_ == "PROPN"
        and after is not None
        and after.like_num
        and noun.whitespace_
        and after.head.i in (noun.i, noun.head.i)
    ):
        return after
    return None


def _time_word_in_name(noun: Token) -> Token | None:
    """ "told Melanesia Today": a capitalised time word right after an outlet's name ends the
    name, though the model reads it as a date."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if (
        noun.pos_ == "PROPN"
        and after is not None
        and after.text in ("Today", "Tonight", "Now", "Weekly", "Daily")
        and noun.whitespace_
    ):
        return after
    return None


def _is_medium(noun: Token) -> bool:
    lex = quote_lexicon()
    if noun.lemma_.lower() in lex.venue_nouns or noun.lower_ in lex.venue_nouns:
        return True
    # "in an interview with X": the head may be a compound ("video interview", "Twitter account")
    return any(c.dep_ == "compound" and c.lower_ in lex.venue_nouns for c in noun.children)


def _prep_venue(prep: Token, inside: set[int]) -> list[Token] | None:
    if prep.lower_ not in _VENUE_PREPS or prep.i in inside:
        return None
    objects = [c for c in prep.children if c.dep_ == "pobj" and c.i not in inside]
    if not objects:
        return None
    noun = objects[0]
    if _is_medium(noun) or (
        prep.lower_ in ("in", "to", "on")
        and _is_outlet(noun)
        and noun.ent_type_ not in _PLACES  # "told reporters in Lagos": where, not a venue
        and not _resolved_place(noun)
    ):
        return _subtree(prep, inside)
    return None


def _resolved_place(noun: Token) -> bool:
    """Whether the entity stage made the noun's mention a place though the model tagged it
    otherwise ("In Bar, dock workers said": the port of Bar, which the model took for an ORG)."""
    found = entity_at(noun.doc, noun.idx, noun.idx + len(noun.text))
    return found is not None and found.label in _PLACES


def _governing_cue(cue: Token) -> Token | None:
    """The cue a second one continues, whose venue it shares: "said in a statement that ...
    but warned that ...", "wrote on Facebook that ... and called on ...", "announced the cap at
    a press conference, saying ..."."""
    if cue.dep_ not in ("conj", "advcl") or cue.head.i >= cue.i:
        return None
    if cue.dep_ == "advcl" and cue.tag_ != "VBG":
        return None
    head = cue.head
    if is_cue(head) or cue.dep_ == "advcl" and head.pos_ == "VERB":
        # "condemned the attack in a statement, saying ...": the saying is that act
        return head
    # the parser may join the second cue to the first one's reported clause
    if head.dep_ == "ccomp" and is_cue(head.head) and head.head.i < cue.i:
        return head.head
    return None


def venue_of(cue: Token, inside: set[int]) -> str | None:
    pieces: list[list[Token]] = []
    lemma = cue.lemma_.lower()
    particles = quote_lexicon().particle_cues.get(lemma, frozenset())
    for child in cue.children:
        if child.i in inside:
            continue
        if cue.lower_ == "according":
            # "according to Y": Y is the speaker; "according to a statement": the medium
            if child.dep_ == "prep" and child.lower_ == "to":
                objects = [c for c in child.children if c.dep_ == "pobj" and _is_medium(c)]
                pieces += [_subtree(o, inside) for o in objects]
            continue
        if lemma == "tell" and child.dep_ in ("dobj", "dative", "iobj") and _told_venue(child):
            number = _numbered(child) or _time_word_in_name(child)
            pieces.append([cue, *_subtree(child, inside), *([number] if number else [])])
        elif child.dep_ == "dobj" and lemma != "tell":
            # "announced the cap at a press conference": the parser hangs it on the object
            for grandchild in child.children:
                if grandchild.dep_ == "prep" and grandchild.lower_ in ("at", "during"):
                    found = _prep_venue(grandchild, inside)
                    if found:
                        pieces.append(found)
        elif child.dep_ in ("prep", "agent"):
            if child.i == cue.i + 1 and child.lower_ in particles:
                continue  # "called on the assembly": the cue's own particle
            found = _prep_venue(child, inside)
            if found:
                pieces.append(found + _addressee(cue, found, inside))
        elif child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in _SPEAKING:
            for grandchild in child.children:
                if grandchild.dep_ == "prep":
                    found = _prep_venue(grandchild, inside)
                    if not found and grandchild.lower_ == "at" and child.lemma_ in _WHERE:
                        found = _subtree(grandchild, inside)
                    if found:
                        pieces.append([child, *found])
    if not pieces:
        governing = _governing_cue(cue)
        return venue_of(governing, inside) if governing is not None else None
    pieces.sort(key=lambda p: min(t.i for t in p))
    return " ".join(_phrase(p) for p in pieces) or None
