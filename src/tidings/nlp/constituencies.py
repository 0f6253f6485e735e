"""A constituency the tagger took for a person: "the MP for Salford North", "the senator for
New Hartley". After a representative's title and "for" (or "from"), a name that starts with no
known given name is the place the representative sits for."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .person_words import given_name_gender

REPRESENTATIVES = frozenset(
    {
        "mp", "mps", "member", "senator", "congressman", "congresswoman", "representative",
        "assemblyman", "assemblywoman", "mla", "msp", "td", "deputy", "legislator", "lawmaker",
    }
)  # fmt: skip


def constituency(doc: Doc, span: Span) -> bool:
    if span.label_ != "PERSON" or span.start < 2:
        return False
    prep, title = doc[span.start - 1], doc[span.start - 2]
    return (
        prep.lower_ in ("for", "from")
        and title.lower_ in REPRESENTATIVES
        and given_name_gender(span[0].text) is None
    )


def constituencies(doc: Doc, spans: list[Span]) -> list[Span]:
    return [Span(doc, s.start, s.end, label="GPE") if constituency(doc, s) else s for s in spans]
