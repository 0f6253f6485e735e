"""Within-article entity resolution: one ``ResolvedEntity`` per real-world referent.

People are resolved in ``persons.py`` (the hard part: several people sharing a surname). The
other labels join on their normalised name: case, dots and a leading "the" ignored, the aliases
in ``resources/aliases.tsv`` applied ("US" = "United States"), an acronym introduced in brackets
("the National Resistance Front (NRF)") or spelling the initials of a long name joins it, and a
one-word organisation that begins exactly one longer one ("Northrop" -> "Northrop Grumman") joins
that. GPE, LOC and FAC count as one family so that a place the model labels two ways stays one.

Every mention is a span of ``doc.ents`` (after ``tidings_entity_rules``), so offsets index
``doc.text`` exactly. ``doc._.tidings_entity_index`` maps each mention's (start_char, end_char)
to its entity's position in ``doc._.tidings_entities``; ``lookup.entity_at`` reads it.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import register_extensions
from .lexicon import lexicon, normalise
from .names import acronym, looks_like_acronym, surface
from .persons import resolve_people
from .resolved import ResolvedEntity
from .titles import MentionContext, read_context

RESOLVED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
FAMILY = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


@Language.factory("tidings_entities", requires=["doc.ents"], assigns=["doc._.tidings_entities"])
def make_entities(nlp: Language, name: str) -> EntityResolver:
    register_extensions()
    return EntityResolver()


class EntityResolver:
    def __call__(self, doc: Doc) -> Doc:
        ents = [e for e in doc.ents if e.label_ in RESOLVED_LABELS]
        people = [e for e in ents if e.label_ == "PERSON"]
        resolved = _resolve_people(doc, people)
        resolved += _resolve_others(doc, [e for e in ents if e.label_ != "PERSON"])
        resolved.sort(key=lambda r: min(r.mentions))
        doc._.tidings_entities = resolved
        doc._.tidings_entity_index = {
            mention: number for number, r in enumerate(resolved) for mention in r.mentions
        }
        return doc


def _resolve_people(doc: Doc, spans: list[Span]) -> list[ResolvedEntity]:
    by_token = {i: s for s in spans for i in range(s.start, s.end)}
    contexts: dict[int, MentionContext] = {s.start: read_context(doc, s, by_token) for s in spans}
    people = resolve_people(spans, contexts)
    names = {id(p): p.fullest() for p in people}
    out = []
    for person in people:
        titles: list[str] = []
        for ctx in person.contexts:
            titles.extend(ctx.titles)
            for relation, other in [*ctx.relations, *ctx.pronoun_relations]:
                target = next((p for p in people if other in p.spans), None)
                if target is not None and target is not person:
                    titles.append(f"{relation} of {names[id(target)]}")
        name = names[id(person)]
        out.append(
            ResolvedEntity(
                label="PERSON",
                name=name,
                mentions=sorted((s.start_char, s.end_char) for s in person.spans),
                aliases=_aliases(name, person.spans),
                titles=list(dict.fromkeys(titles)),
            )
        )
    return out


def _aliases(name: str, spans: list[Span]) -> list[str]:
    return [a for a in dict.fromkeys(surface(s.text) for s in spans) if a != name]


def _short_form(span: Span, text: str) -> bool:
    """Whether the bracketed word after an organisation's name is its short form: an acronym
    ("SIPE", "CoES") or one capitalised word ("Kyrgyzhydromet", "Fenprof")."""
    if looks_like_acronym(text):
        return True
    return (
        span.label_ == "ORG"
        and " " not in text
        and text[:1].isupper()
        and text.replace("-", "").isalpha()
        and len(text) <= 20
    )


def _resolve_others(doc: Doc, spans: list[Span]) -> list[ResolvedEntity]:
    lex = lexicon()

    # key of a mention: (label family, normalised name with aliases applied)
    def key(span: Span) -> tuple[str, str]:
        norm = normalise(surface(span.text))
        canonical = lex.aliases.get(norm)
        return FAMILY.get(span.label_, span.label_), normalise(canonical) if canonical else norm

    keys = {id(s): key(s) for s in spans}
    redirect: dict[tuple[str, str], tuple[str, str]] = {}
    # "Long Name (ACR)": the bracketed acronym is the long name, and one of its names even where
    # the model tagged no mention of it ("SIPE said" is then found by the quote stage)
    short_forms: dict[tuple[str, str], list[str]] = {}
    starts = {s.start: s for s in spans}
    for span in spans:
        if span.end + 2 >= len(doc) or doc[span.end].text != "(":
            continue
        inner = starts.get(span.end + 1)
        inner_end = inner.end if inner is not None else span.end + 2
        text = doc[span.end + 1 : inner_end].text
        if inner_end < len(doc) and doc[inner_end].text == ")" and _short_form(span, text):
            redirect[(keys[id(span)][0], normalise(text))] = keys[id(span)]
            short_forms.setdefault(keys[id(span)], []).append(text)
    # "Walhi, the Indonesian Forum for the Environment,": an organisation glossed in apposition
    for span in spans:
        gloss = starts.get(span.end + 1) or starts.get(span.end + 2)
        if (
            gloss is not None
            and span.label_ == gloss.label_ == "ORG"
            and doc[span.end].text == ","
            and doc[span.end + 1].lower_ == "the"
        ):
            redirect.setdefault(keys[id(span)], keys[id(gloss)])
    long_forms = {acronym(s.text): keys[id(s)] for s in spans if acronym(s.text)}
    for span in spans:
        k = keys[id(span)]
        if k in redirect:
            continue
        if looks_like_acronym(surface(span.text)):
            target = long_forms.get(surface(span.text).replace(".", "").upper())
            if target is not None and target[0] == k[0] and target != k:
                redirect[k] = target
    # A one-word organisation that begins exactly one longer one is that organisation.
    orgs = {keys[id(s)] for s in spans if s.label_ == "ORG"}
    for k in list(orgs):
        if " " in k[1]:
            continue
        longer = {o for o in orgs if o[1].startswith(k[1] + " ")}
        if len(longer) == 1:
            redirect.setdefault(k, longer.pop())

    groups: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        k = keys[id(span)]
        seen = set()
        while k in redirect and k not in seen:
            seen.add(k)
            k = redirect[k]
        groups.setdefault(k, []).append(span)
    out = []
    for group_key, members in groups.items():
        norm = group_key[1]
        label = Counter(s.label_ for s in members).most_common(1)[0][0]
        texts = [surface(s.text) for s in members] + short_forms.get(group_key, [])
        name = lex.aliases.get(norm) or max(
            texts,
            key=lambda t: (not looks_like_acronym(t) and not t.isupper(), len(t.split()), len(t)),
        )
        out.append(
            ResolvedEntity(
                label=label,
                name=name,
                mentions=sorted((s.start_char, s.end_char) for s in members),
                aliases=[a for a in dict.fromkeys(texts) if a != name],
            )
        )
    return out
