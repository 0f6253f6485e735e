"""Every ``Doc._`` attribute Tidings uses, declared in one place.

Components import ``register_extensions`` and call it; declaring twice is harmless.
"""

from __future__ import annotations

from spacy.tokens import Doc

# name -> default. Defaults are None rather than [] so that no two Docs share one list.
DOC_EXTENSIONS: dict[str, object] = {
    # str | None, YYYY-MM-DD: the publication date, set before the components run so that
    # relative dates ("on Sunday", "last week") can be resolved against it
    "tidings_published": None,
    # list[ResolvedEntity], set by the tidings_entities component
    "tidings_entities": None,
    # dict[tuple[int, int], int], set by tidings_entities: each mention's (start_char, end_char)
    # -> the index of its entity in tidings_entities, so later stages (quotes) can ask which
    # entity a span belongs to; read it through tidings.nlp.lookup.entity_at
    "tidings_entity_index": None,
    # list[model.Timex], set by the tidings_timexes component
    "tidings_timexes": None,
    # str | None, YYYY-MM-DD: the date a story states in its dateline ("KABUL, Aug 22 (Reuters)
    # -"), set by tidings_timexes; it anchors relative dates when tidings_published is None
    "tidings_dateline": None,
    # list[ResolvedQuote], set by the tidings_quotes component
    "tidings_quotes": None,
    # places.ResolvedFocus | None, set by tidings_places: the country, region and place entity
    # the article is mostly about
    "tidings_focus": None,
    # geo.resolve.Context | None, set by tidings_places: the article's place context, for
    # resolving a place name later (places.resolve_place)
    "tidings_places_context": None,
    # list[ResolvedEvent], set by the tidings_events component (it may also append GROUP entities
    # for unnamed group actors, "police", "hundreds of its fighters", to tidings_entities)
    "tidings_events": None,
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
