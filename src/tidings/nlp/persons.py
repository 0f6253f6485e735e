"""Groups the PERSON mentions of one article into people.

Full names (two tokens or more) first, in text order: a full name joins an earlier person only
when it is the same name, or a shortening of it that nothing marks as a new introduction (its own
title, apposition or relation). A name that comes before a longer name it fits ("Ahmad Massoud"
before "Ahmad Shah Massoud") was introduced as a full name and is its own person.

Then bare names ("Massoud"), in text order. One that fits several people goes to:
1. the ones its cue or title picks ("the late Massoud" -> the dead one, "Commander Massoud"
   -> the commander, "the elder Massoud" -> the parent in a kinship relation);
2. among those, the one mentioned most recently, where being only the "of Y" in someone else's
   relation ("the brother of Y, X") or a name in a relative clause ("X, whose brother Y ...")
   counts for less than any other mention;
3. when none of them has been mentioned yet (a headline), the one introduced first.
A bare name that fits no full name makes a person of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from .names import is_shortening, person_tokens, standalone_tokens, surface
from .person_words import HONORIFIC_GENDER, given_name_gender
from .titles import MentionContext

PARENT_RELATIONS = frozenset({"son", "daughter", "grandson", "granddaughter"})
OBJECT_PENALTY = 1_000_000  # chars: a relation object ranks below any ordinary mention


@dataclass(slots=True)
class Person:
    forms: set[tuple[str, ...]] = field(default_factory=set)
    spans: list[Span] = field(default_factory=list)
    contexts: list[MentionContext] = field(default_factory=list)

    @property
    def tokens(self) -> set[str]:
        return {t for form in self.forms if len(form) > 1 for t in standalone_tokens(form)}

    @property
    def cues(self) -> set[str]:
        return {c for ctx in self.contexts for c in ctx.cues}

    @property
    def title_words(self) -> set[str]:
        return {w for ctx in self.contexts for w in ctx.title_words}

    @property
    def gender(self) -> str | None:
        """ "m" or "f" from the honorifics of its mentions, else from its given name."""
        said = {HONORIFIC_GENDER.get(ctx.honorific) for ctx in self.contexts} - {None}
        if len(said) == 1:
            return said.pop()
        given = {given_name_gender(f[0]) for f in self.forms if len(f) > 1} - {None, "u"}
        return given.pop() if len(given) == 1 else None

    def add(self, span: Span, ctx: MentionContext) -> None:
        self.forms.add(person_tokens(span.text))
        self.spans.append(span)
        self.contexts.append(ctx)

    def fullest(self) -> str:
        texts = [surface(s.text) for s in self.spans]
        return max(texts, key=lambda t: (len(person_tokens(t)), len(t), -texts.index(t)))


def resolve_people(spans: list[Span], contexts: dict[int, MentionContext]) -> list[Person]:
    """``spans`` in text order; ``contexts`` by span start token."""
    people: list[Person] = []
    owner: dict[int, Person] = {}  # span start token -> person
    objects = {other.start for ctx in contexts.values() for _, other in ctx.relations}

    def excluded(ctx: MentionContext) -> list[Person]:
        """People this mention cannot be: the ones its relations point at."""
        related = [*ctx.relations, *ctx.pronoun_relations]
        return [owner[o.start] for _, o in related if o.start in owner]

    for span in spans:
        tokens = person_tokens(span.text)
        if len(tokens) < 2:
            continue
        ctx = contexts[span.start]
        blocked = excluded(ctx)
        same = [p for p in people if tokens in p.forms and p not in blocked]
        introduced = bool(
            ctx.titles or ctx.relations or ctx.pronoun_relations or span.start in objects
        )
        if not same and not introduced:
            same = [
                p
                for p in people
                if p not in blocked and any(is_shortening(tokens, f) for f in p.forms)
            ]
        if same:
            person = max(same, key=lambda p: p.spans[-1].start)
        else:
            person = Person()
            people.append(person)
        person.add(span, ctx)
        owner[span.start] = person

    bare: dict[tuple[str, ...], Person] = {}
    for span in spans:
        tokens = person_tokens(span.text)
        if len(tokens) >= 2 or not tokens:
            continue
        ctx = contexts[span.start]
        blocked = excluded(ctx)
        fits = [p for p in people if tokens[0] in p.tokens and p not in blocked]
        if not fits:
            person = bare.setdefault(tokens, Person())
        else:
            person = _choose(span, ctx, fits, objects)
        person.add(span, ctx)
        owner[span.start] = person
    return people + list(bare.values())


def _choose(span: Span, ctx: MentionContext, fits: list[Person], objects: set[int]) -> Person:
    if len(fits) == 1:
        return fits[0]
    picked = _by_cues(ctx, fits)
    here = span.start_char

    def recency(person: Person) -> int:
        before = [
            s.start_char - (OBJECT_PENALTY if s.start in objects or in_aside(s) else 0)
            for s in person.spans
            if s.start_char < here
        ]
        return max(before, default=-(2 * OBJECT_PENALTY))

    best = max(picked, key=recency)
    if recency(best) == -(2 * OBJECT_PENALTY):  # nobody mentioned yet: the first introduced
        return min(picked, key=lambda p: p.spans[0].start_char)
    return best


def in_aside(span: Span) -> bool:
    """Whether the mention sits in a relative clause about someone else: "said X Mamani, whose
    brother Y Mamani is trapped. Mamani said" is X; the aside does not make Y the topic."""
    return any(t.dep_ == "relcl" for t in span.root.ancestors)


def _by_cues(ctx: MentionContext, fits: list[Person]) -> list[Person]:
    """The candidates the mention's own words point at; all of them when the words don't help."""
    picked = fits
    if "late" in ctx.cues or "dead" in ctx.cues:
        picked = [p for p in picked if "dead" in p.cues] or picked
    if ctx.cues & {"elder", "younger"}:
        parents = {
            id(o_person)
            for p in fits
            for c in p.contexts
            for rel, other in c.relations
            if rel in PARENT_RELATIONS
            for o_person in fits
            if other in o_person.spans
        }
        children = {
            id(p)
            for p in fits
            for c in p.contexts
            for rel, _ in c.relations
            if rel in PARENT_RELATIONS
        }
        want = parents if "elder" in ctx.cues else children
        picked = [p for p in picked if id(p) in want] or picked
    if ctx.title_words:
        picked = [p for p in picked if ctx.title_words & p.title_words] or picked
    wanted = HONORIFIC_GENDER.get(ctx.honorific)
    if wanted:  # "Ms Rahman" among two Rahmans: the woman
        # failing that, not the one known to be of the other gender ("Mrs X": not "Callum X")
        picked = (
            [p for p in picked if p.gender == wanted]
            or [p for p in picked if p.gender is None]
            or picked
        )
    return picked
