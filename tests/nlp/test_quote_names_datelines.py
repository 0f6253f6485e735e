"""Names the model cuts short (two surnames, a given name it does not know, an office before
the name, a priest's "Father"), datelines that are no speakers, dates parsed as subjects, and a
colon paragraph that introduces the quote in the next. Invented articles (invented people,
outlets and bodies; real places), run through the real pipeline."""

from __future__ import annotations

import pytest
from quote_helpers import find, run, speaker
from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.paragraphs import mark_paragraphs
from tidings.nlp.pipeline import load_pipeline

LANDSLIDE = """APIA (Island Tide) - Opposition leaders in Samoa have rejected the result of last \
week's referendum on a new constitution, saying ballot boxes from at least four districts on \
Savai'i were tampered with before they reached the counting centre in Apia.

The National Disaster Agency said on Monday that roads to the south coast were cut.

Interior Minister Álvaro Restrepo Salcedo wrote on his X account late on Monday that two army \
battalions were on their way. "We will not leave anyone behind," said Mukhtiar Ali Soomro, who \
runs the shelter.

Chief Referendum Officer Moses Tafoa said the count had been clean. Tafoa insisted the boxes \
had been guarded. "Every box was escorted by police from the polling station to Apia," he said.

The talks were led by the Rev. Luis Andrade Vera, a Jesuit priest. "They trusted me," Father \
Andrade told Radio Costa.

Relatives of miners who had gathered outside the pit since Sunday said the fire began after a \
conveyor belt was switched to a higher speed.

Aid workers at a temporary shelter in Lautoka said most of the children were severely \
dehydrated. They said two of the women were pregnant.

"We are sending tablets in by motorbike, a few boxes at a time," Vaai said.

Dr. Ilisapeci Waqa, medical coordinator at the treatment centre run by the charity Santé Pour \
Tous in Lautoka, says patients are arriving later and sicker:

"People wait because they are afraid to walk past the checkpoints. By the time they get here, \
some have lost so much fluid they cannot stand."
"""


@pytest.fixture(scope="module")
def landslide(nlp: Language) -> Doc:
    return run(nlp, LANDSLIDE, "2025-03-11")


def test_the_dateline_outlet_is_no_speaker(landslide: Doc) -> None:
    assert speaker(landslide, find(landslide, "tampered with")) is None


def test_a_second_surname_the_model_cut_off_is_kept(landslide: Doc) -> None:
    assert speaker(landslide, find(landslide, "two army battalions")) == "Álvaro Restrepo Salcedo"


def test_a_name_right_after_a_speech_verb_keeps_its_first_word(landslide: Doc) -> None:
    assert speaker(landslide, find(landslide, "leave anyone behind")) == "Mukhtiar Ali Soomro"


def test_an_office_before_a_title_and_a_given_name_is_no_part_of_the_name(landslide: Doc) -> None:
    assert speaker(landslide, find(landslide, "Every box was escorted")) == "Moses Tafoa"


def test_father_before_a_priests_surname_is_a_form_of_address(landslide: Doc) -> None:
    assert speaker(landslide, find(landslide, "They trusted me")) == "Luis Andrade Vera"


def test_a_date_is_no_speaker(landslide: Doc) -> None:
    assert speaker(landslide, find(landslide, "the fire began")) is None


def test_a_noun_compound_misread_as_a_verb_is_an_unnamed_group(landslide: Doc) -> None:
    assert speaker(landslide, find(landslide, "most of the children")) is None
    assert speaker(landslide, find(landslide, "two of the women were pregnant")) is None


def test_a_colon_paragraph_introduces_the_quote_in_the_next(landslide: Doc) -> None:
    assert speaker(landslide, find(landslide, "People wait because")) == "Ilisapeci Waqa"


def test_paragraph_marks_split_only_after_a_sentence_end() -> None:
    nlp = load_pipeline()
    doc = mark_paragraphs(nlp.make_doc('Floods hit the north\n\nIt says:\n\n"Go now," she said.'))
    marked = [t.text for t in doc if t.is_sent_start and t.i > 0]
    assert marked == ['"']  # after "says:" and a blank line; the headline is left to the parser


CURFEW = """TEGUCIGALPA — Security Minister Gustavo Adolfo Paredes Maradiaga said a curfew would \
start at midnight. Paredes said the army would patrol the capital.

Council spokeswoman Helena dos Santos Mucavele told Radio Sul that boats could not leave. \
Mucavele said the wind was still too strong.

State Minister for Transport Dagmawit Haile told state television on Monday that talks would \
begin on Wednesday."""


@pytest.fixture(scope="module")
def curfew(nlp: Language) -> Doc:
    return run(nlp, CURFEW, "2025-04-22")


def test_two_surnames_after_two_given_names_are_one_name(curfew: Doc) -> None:
    name = "Gustavo Adolfo Paredes Maradiaga"
    assert speaker(curfew, find(curfew, "a curfew would start")) == name
    assert speaker(curfew, find(curfew, "the army would patrol")) == name


def test_a_particle_joins_the_name_word_before_it(curfew: Doc) -> None:
    assert speaker(curfew, find(curfew, "boats could not leave")) == "Helena dos Santos Mucavele"
    assert speaker(curfew, find(curfew, "the wind was still")) == "Helena dos Santos Mucavele"


def test_an_office_holder_the_model_missed_is_named_after_the_office(curfew: Doc) -> None:
    assert speaker(curfew, find(curfew, "talks would begin")) == "Dagmawit Haile"


def test_no_name_holds_a_possessive(nlp: Language) -> None:
    doc = run(
        nlp,
        "BIWTA’s Chandpur port officer, Rafiqul Hossain, said the launch was certified to carry "
        "120 passengers.",
        "2025-07-01",
    )
    assert speaker(doc, find(doc, "the launch was certified")) == "Rafiqul Hossain"
