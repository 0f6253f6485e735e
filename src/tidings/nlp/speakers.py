"""From a speaker's words to an entity: names, surnames, pronouns, role nominals, anonymity.

Reads ``doc._.tidings_entities`` and ``doc._.tidings_entity_index`` (the entity stage's
output), and appends to them only the speakers no entity stands for (``unnamed.py``). The order
of questions, for the speaker phrase's head word:

1. anonymous ("a source", "officials", "a senior commander", "the witness") -> nobody, even when
   a name stands inside the phrase ("a Taliban official"); "a spokesman for X" speaks for X;
2. a mention of an entity on the head (or its compound name words) -> that entity;
3. an apposition that names one ("His son, Davron Nazarov,") -> that entity;
4. a pronoun -> the latest compatible entity (gender, number) in this paragraph or the one
   before, outside quotation marks; nobody when none;
5. someone just named, described ("the 52-year-old", "the trader", "the mother of three") ->
   the person named last, unless an unnamed one of that kind spoke since;
6. a role nominal ("the coordinator", "the ministry", "the group", "the company") -> the latest
   entity holding that title or whose name holds that noun, the organisation its sentence
   names ("X will cut jobs, the company said"), a business that spoke ("the company") or the
   organisation a spokesman spoke for ("the spokeswoman") (``speaker_nominals.py``);
7. a bare name the entity stage missed -> the latest entity with that surname, or the one
   person whose full name holds it ("Dwi" for "Dwi Retno Wulandari");
8. nothing found -> a new entity for an untagged proper name ("Walhi said") or a described
   organisation ("the national disaster agency", "the city's electoral commission", later "the
   commission"); a description names no other organisation ("the UN refugee agency" is not
   the UN).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .anonymous_sources import body_spoken_for, named_body, one_of_theirs, same_voice
from .attribution import doc_text
from .name_repairs import body_word
from .names import looks_like_acronym
from .office_names import office_holder_tokens
from .pronouns import gender_of, person_like, resolve_pronoun
from .quote_lexicon import quote_lexicon
from .resolved import ResolvedEntity
from .speaker_nominals import (
    CORPORATE,
    by_role,
    described_apart,
    described_person,
    fits_description,
    is_definite,
    lede_organisation,
    nominal_subjects,
    org_by_name,
    person_described,
    recent,
    self_named,
)
from .surnames import by_surname, fullest, same_surname
from .unnamed import unnamed_office_holder, unnamed_speaker

_INDEFINITE = {"a", "an", "one", "some", "several", "two", "three", "many", "other", "another"}
_PERSONAL = ("PERSON",)
_STAGE_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
_COLLECTIVE = ("ORG", "NORP", "GPE")
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_LOWER_WORDS = re.compile(r"(?:[a-z][a-z-]* ){1,3}")


@dataclass(frozen=True, slots=True)
class Spoken:
    """An earlier attribution: where its speaker phrase starts, the entity it went to (None for
    an anonymous or unresolved one) and whether the phrase was plural ("officials")."""

    start: int
    entity: int | None
    plural: bool = False
    end: int = -1  # where the speaker phrase ends; -1: at ``start``


@dataclass(slots=True)
class SpeakerContext:
    """What resolution needs from the whole article, computed once per Doc."""

    doc: Doc
    entities: list[ResolvedEntity]
    paragraphs: list[tuple[int, int]]
    inside: set[int]  # token indices inside quotation marks
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # start, end, entity
    starts: list[int] = field(default_factory=list)
    genders: dict[int, str | None] = field(default_factory=dict)
    # (start, entity) of definite role-nominal subjects outside quotation marks ("The judge
    # was unmoved.", "The federation apologised."): antecedents for a later pronoun
    nominals: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, paragraphs: list[tuple[int, int]], inside: set[int]) -> SpeakerContext:
        entities: list[ResolvedEntity] = list(doc._.tidings_entities or [])
        index: dict[tuple[int, int], int] = dict(doc._.tidings_entity_index or {})
        if not index:  # an entity stage without the index: rebuild it from the mentions
            index = {m: n for n, e in enumerate(entities) for m in e.mentions}
        # only the entity stage's own entities: later stages may append theirs (events' GROUP)
        mentions = sorted(
            (s, e, n)
            for (s, e), n in index.items()
            if n < len(entities) and entities[n].label in _STAGE_LABELS
        )
        ctx = cls(doc, entities, paragraphs, inside, mentions, [m[0] for m in mentions])
        ctx.genders = {n: gender_of(ctx, n) for n, e in enumerate(entities) if e.label == "PERSON"}
        ctx.nominals = nominal_subjects(ctx)
        return ctx

    def overlapping(self, start: int, end: int) -> list[int]:
        hi = bisect.bisect_left(self.starts, end)
        return [n for s, e, n in self.mentions[max(0, hi - 50) : hi] if e > start and s < end]

    def paragraph_of(self, char: int) -> int:
        for number, (s, e) in enumerate(self.paragraphs):
            if s <= char < e or char < s:
                return number
        return len(self.paragraphs) - 1

    def quoted(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.i in self.inside for t in span)


def _head_names(span: Span) -> list[Token]:
    """The head and the name words glued to it ("Rustam" in "Commander Rustam Nazarov")."""
    head = span.root
    names = [head]
    names += [c for c in head.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    return names


def _entity_on(
    ctx: SpeakerContext, tokens: list[Token], labels: tuple[str, ...] | None
) -> int | None:
    found: list[int] = []
    for token in tokens:
        found += ctx.overlapping(token.idx, token.idx + len(token))
    for n in found:
        if labels is None or ctx.entities[n].label in labels:
            return n
    return None


def is_anonymous(span: Span) -> bool:
    lex = quote_lexicon()
    head = span.root
    lemma = head.lemma_.lower()
    words = {t.lower_ for t in span}
    if words & lex.anonymous_modifiers - {"senior"}:
        return True
    if lemma in lex.anonymous_always:
        return True
    if lemma not in lex.anonymous_nouns and lemma not in lex.person_roles:
        return False
    dets = [c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "amod")]
    if any(d in _INDEFINITE for d in dets):
        return not _speaks_for(span)
    plural = head.tag_ in ("NNS", "NNPS")
    has_det = any(c.dep_ in ("det", "poss") for c in head.children)
    return bool(plural and not has_det and lemma in lex.anonymous_nouns)


def _speaks_for(span: Span) -> bool:
    head = span.root
    return head.lemma_.lower() in ("spokesman", "spokeswoman", "spokesperson") and any(
        c.dep_ == "prep" and c.lower_ in ("for", "of") for c in head.children
    )


def resolve(
    ctx: SpeakerContext, span: Span, appositions: list[Span], history: list[Spoken] | None = None
) -> int | None:
    """The index of the entity in ``doc._.tidings_entities`` that ``span`` names, else None.

    ``history`` holds the attributions before this one, in text order: a role nominal that
    matches no title ("the coordinator", "the group") refers back to the last speaker of its
    kind, and a pronoun whose nearest speaker was anonymous stays anonymous."""
    found = _resolve(
        ctx, span, appositions, [h for h in history or [] if h.start < span.start_char]
    )
    named_apart = {n for a in appositions for n in ctx.overlapping(a.start_char, a.end_char)}
    if (
        found is not None
        and found not in named_apart
        and (not fits_description(ctx.entities[found], span) or described_apart(ctx, span, found))
    ):
        found = None
    if found is not None and _several(span, ctx.entities[found].label):
        found = None  # "Andrianasolo's lawyers", "doctors' unions": no one named speaker
    if found is None and span.root.pos_ in ("PROPN", "NOUN") and not is_anonymous(span):
        found = unnamed_speaker(ctx, span)
    if found is None and span.root.pos_ == "NOUN":
        found = self_named(ctx, span.root)  # "A student who gave only his surname, Kim,"
    return fullest(ctx, found, span.start_char) if found is not None else None


def _several(span: Span, label: str) -> bool:
    """A plural common noun names several people or bodies, never one person, and never one
    organisation when the noun is a kind of organisation (members, "the rebels", may speak for
    their group)."""
    head = span.root
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or not head.is_lower:
        return False
    return label in _PERSONAL or head.lemma_.lower() in quote_lexicon().org_roles


def _recent_speaker(
    ctx: SpeakerContext, history: list[Spoken], labels: tuple[str, ...]
) -> int | None:
    for spoken in reversed(history[-6:]):
        if spoken.entity is None:
            continue
        if ctx.entities[spoken.entity].label in labels or (
            labels == _PERSONAL and person_like(ctx, spoken.entity)
        ):
            return spoken.entity
    return None


def _resolve(
    ctx: SpeakerContext, span: Span, appositions: list[Span], history: list[Spoken]
) -> int | None:
    head = span.root
    lex = quote_lexicon()
    if _speaks_for(span):
        # the direct object of "for"/"of" and its name words: "a spokesman for the education
        # ministry in Naypyidaw" speaks for an unnamed ministry, not for Naypyidaw
        objects = [
            t
            for c in head.children
            if c.dep_ == "prep"
            for o in c.children
            if o.dep_ == "pobj"
            for t in _head_names(o.doc[o.i : o.i + 1])
        ]
        found = body_spoken_for(ctx, _entity_on(ctx, objects, _COLLECTIVE + _PERSONAL), objects)
        named = _entity_on(ctx, _head_names(span)[1:] + _appos_heads(appositions), _PERSONAL)
        return named if named is not None else found
    if is_anonymous(span):
        # "A military spokesman, Major General X," names the spokesman after all
        for appos in appositions:
            named = _entity_on(ctx, _head_names(appos), _PERSONAL)
            if named is not None:
                return named
        return None
    named = _entity_on(ctx, _head_names(span), None)
    office = office_holder_tokens(span)
    named = named if named is not None else _entity_on(ctx, office, _PERSONAL)
    if named is None and office:
        named = unnamed_office_holder(ctx, office)  # the model tagged no name at all
    if (
        named is not None
        and ctx.entities[named].label not in _PERSONAL
        and named not in ctx.overlapping(head.idx, head.idx + len(head))
    ):
        # "The Kano State Commissioner for Agriculture, Alhaji Musa Danladi,": the place
        # names the office, the apposition the person who holds it
        for appos in appositions:
            person = _entity_on(ctx, _head_names(appos), _PERSONAL)
            if person is not None:
                return person
    if named is not None and ctx.entities[named].label in _PERSONAL:
        for appos in appositions:
            # "Georgia's Public Defender, Keti Mamaladze,": an office the model took for a
            # name, then the name itself
            person = _entity_on(ctx, _head_names(appos), _PERSONAL)
            if person is not None and person != named and not looks_like_acronym(appos.text):
                return person
    if named is not None:
        return None if one_of_theirs(ctx, span, named) else same_surname(ctx, named, span)
    for appos in appositions:
        # "Walhi, the Indonesian Forum for the Environment,": no nationality speaks here
        named = _entity_on(ctx, _head_names(appos), _PERSONAL + ("ORG", "GPE"))
        if named is not None:
            return named
    if head.pos_ == "NOUN":
        # "the coordinator, Firuza Saidova," when the parser missed the apposition
        # ("the mediator, retired judge Grace X,": a few lower-case title words may come first)
        text = doc_text(ctx.doc)
        if text[span.end_char : span.end_char + 2] == ", ":
            for s, e, n in ctx.mentions:
                between = text[span.end_char + 2 : s]
                if (
                    span.end_char + 2 <= s < span.end_char + 40
                    and len(text[s:e].split()) > 1
                    and (not between or _LOWER_WORDS.fullmatch(between))
                    and (not between or ctx.entities[n].label in _PERSONAL or body_word(between))
                ):
                    return n
    if head.pos_ == "PRON":
        return resolve_pronoun(ctx, head, history)
    if described_person(span):
        # "The 52-year-old said", "the mother of three said", "the trader said"
        return person_described(ctx, span, history)
    lemma = "" if named_body(span) else head.lemma_.lower()  # "The Coalition for X": a name
    if head.pos_ == "NOUN" or lemma in lex.person_roles | lex.org_roles | lex.group_roles:
        # "the ministry", "the doctors' union"
        definite = is_definite(head)
        if definite and lemma not in lex.person_roles:
            # "the federation said": any organisation of the article whose name holds the noun
            found = org_by_name(ctx, lemma, span.start_char)
            if found is not None:
                return found
        if definite and (lemma in lex.group_roles or lemma in lex.org_roles):
            # "the group said" after "the alliance said": the organisation that spoke last
            by_name = {
                n
                for n, e in enumerate(ctx.entities)
                if e.label in _COLLECTIVE and lemma in e.name.lower().split()
            }
            if by_name:
                latest = recent(ctx, span.start_char, by_name)
                if latest is not None:
                    return latest
                if len(by_name) == 1:
                    return by_name.pop()  # "the union", named further down
            spoke = _recent_speaker(ctx, history, ("ORG", "NORP"))
            if spoke is not None and (
                lemma in lex.group_roles or lemma in ctx.entities[spoke].name.lower()
            ):
                return spoke
        found = by_role(ctx, span, lemma)
        if found is None and definite and lemma in lex.org_roles | CORPORATE:
            found = lede_organisation(ctx, span)
        if found is None and definite and lemma in CORPORATE:
            # "The company apologised": the business that spoke last
            # (a business, not an office, union or ministry that spoke since)
            public = lex.org_roles | lex.group_roles
            spoken = [h.entity for h in history if h.entity is not None]
            found = next(
                (
                    n
                    for n in reversed(spoken)
                    if ctx.entities[n].label == "ORG"
                    and not set(ctx.entities[n].name.lower().split()) & public
                ),
                None,
            )
        if found is None and definite and lemma in _SPOKES:
            return same_voice(ctx, history)
        if (
            found is None
            and definite
            and lemma in lex.person_roles
            and lemma not in lex.anonymous_nouns
        ):
            return _recent_speaker(ctx, history, _PERSONAL)
        return found
    if head.pos_ == "PROPN":
        return by_surname(ctx, head)
    return None


def _appos_heads(appositions: list[Span]) -> list[Token]:
    return [t for a in appositions for t in _head_names(a)]
