"""Organisations known by a bracketed short form ("Santé Sans Frontières Sahel (SSFS)",
"Kyrgyzhydromet"), a span the model ran into the bracket, a speaker the parser left between the
closing quote mark and the cue, and a plural common noun opening a sentence (no name). Invented
articles (invented people, outlets and bodies; real places), run through the real pipeline."""

from __future__ import annotations

import pytest
from quote_helpers import find, run, speaker
from spacy.language import Language
from spacy.tokens import Doc

KIDNAP = """NIAMEY — Four aid workers were abducted near the border on Sunday.

The four work for Santé Sans Frontières Sahel (SSFS), a Niamey-based charity. SSFS said in a \
statement that it had lost contact with the team at about 6.30 p.m.

On Monday, the Tarim Hydrometeorological Agency (Tarimhydromet) warned of more rain. \
Tarimhydromet said rivers would keep rising until Thursday.

The leak came from a tank at the Lakeside Chlor-Alkali Company (LCAC) plant. The company said \
it had suspended production.

“We have been patient for fifteen years. Patience is not a salary,” Fenprof’s \
secretary-general, Mário Nogueira Branco, told reporters outside parliament.

Fishermen in Sablayan said large ships often passed close to their nets without keeping \
watch."""


@pytest.fixture(scope="module")
def kidnap(nlp: Language) -> Doc:
    return run(nlp, KIDNAP, "2025-10-20")


def test_a_bracketed_acronym_spelled_by_the_words_before_it_names_them(kidnap: Doc) -> None:
    assert speaker(kidnap, find(kidnap, "lost contact with the team")) == (
        "Santé Sans Frontières Sahel"
    )


def test_a_bracketed_one_word_short_form_is_an_alias(kidnap: Doc) -> None:
    quote = find(kidnap, "rivers would keep rising")
    assert speaker(kidnap, quote) == "Tarim Hydrometeorological Agency"


def test_the_company_is_the_organisation_its_acronym_named(kidnap: Doc) -> None:
    quote = find(kidnap, "suspended production")
    assert speaker(kidnap, quote) == "Lakeside Chlor-Alkali Company"


def test_the_speaker_between_the_closing_mark_and_the_cue(kidnap: Doc) -> None:
    assert speaker(kidnap, find(kidnap, "We have been patient")) == "Mário Nogueira Branco"


def test_a_plural_noun_opening_the_sentence_is_no_named_speaker(kidnap: Doc) -> None:
    assert speaker(kidnap, find(kidnap, "large ships often passed")) is None


def test_a_span_run_into_an_opening_bracket_stops_before_it(nlp: Language) -> None:
    doc = nlp("The National Federation of Teachers (Fenprof) said nine in ten schools had shut.")
    names = {e.name for e in doc._.tidings_entities}
    assert "National Federation of Teachers" in names
    assert not any("(" in n for n in names)


def test_a_joining_word_may_give_the_acronym_a_letter(nlp: Language) -> None:
    doc = run(
        nlp,
        "Electricidade de Moçambique (EDM), the state power company, said about 300,000 "
        "customers were without electricity.",
        "2025-03-12",
    )
    assert speaker(doc, find(doc, "about 300,000 customers")) == "Electricidade de Moçambique"


def test_an_office_taken_for_a_name_yields_to_the_name_in_apposition(nlp: Language) -> None:
    doc = run(
        nlp,
        "Georgia's Public Defender, Keti Mamaladze, said on her Facebook page that the ruling "
        "showed the courts could still act.",
        "2025-06-02",
    )
    assert speaker(doc, find(doc, "the ruling showed")) == "Keti Mamaladze"
