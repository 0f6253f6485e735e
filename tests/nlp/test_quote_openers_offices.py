"""Speakers and reports, a further round: capitalised common words opening a sentence are no
names ("Farmers say", "Taxi drivers said"), "called X 'Y'" and "dismissed X as 'Y'" partials,
"called on X to Y" after a name the parser made the root, names inside an office ("Minister
for Finance X"), honorific gender among two people of one surname, "continue" as a cue only
after a quotation, institution names with a curly plural possessive or labelled a work of art.
Invented articles (invented people and bodies), run through the real pipeline."""

from __future__ import annotations

import pytest
from quote_helpers import find, run, speaker
from spacy.language import Language
from spacy.tokens import Doc

HARVEST = """Potato prices fell again on Monday in the southern highlands.

Growers say a record harvest and cheap imports have pushed prices to their lowest in years.

Taxi drivers stranded on the mountain road said they had waited for more than a day.

Rosa Quispe Llanos, who leads the growers' federation, told a local radio station that the \
blockades would go on. Quispe said the roads would stay shut "until somebody in the capital signs \
a paper".

Teodora Vilca, a spokeswoman for the federation, called on both sides to avoid violence.

Hernan Ccori, a deputy for the region, called the blockades "an attack on the whole country". \
Quispe dismissed the offer of the ministry as "crumbs".

State Minister for Agriculture Daniel Okafor welcomed the talks and said the government \
would buy surplus potatoes. "We will not let the harvest rot," he said.

The Andean Growers’ Association, which represents 900 farms, urged the ministry to act."""

FAMILY = """Agnieszka Dornan, 71, has lived in the block for 40 years. Her son, Lorcan Dornan, \
said the family had received three letters from the landlord.

Mrs Dornan said she would be at the next protest "with my scarf and my flask".

"They want us out," Lorcan Dornan said. "We will not go," he continued."""


PUBLISHED = "2026-03-09"


@pytest.fixture(scope="module")
def harvest(nlp: Language) -> Doc:
    return run(nlp, HARVEST, PUBLISHED)


@pytest.fixture(scope="module")
def family(nlp: Language) -> Doc:
    return run(nlp, FAMILY, PUBLISHED)


def test_plural_people_noun_opening_a_sentence_is_no_name(harvest: Doc) -> None:
    q = find(harvest, "a record harvest")
    assert speaker(harvest, q) is None
    names = {e.name for e in harvest._.tidings_entities}
    assert "Growers" not in names and "Taxi" not in names


def test_modifier_of_a_people_noun_opening_a_sentence_is_no_name(harvest: Doc) -> None:
    q = find(harvest, "they had waited")
    assert speaker(harvest, q) is None


def test_called_on_two_addressees_are_two_reports(nlp: Language) -> None:
    doc = run(
        nlp,
        "Coastal Rights Watch, a Quito-based group, called on both sides to avoid violence and "
        "on the government to open talks with the union.",
        PUBLISHED,
    )
    texts = [q.text for q in doc._.tidings_quotes]
    assert texts == ["both sides to avoid violence", "the government to open talks with the union"]
    assert {speaker(doc, q) for q in doc._.tidings_quotes} == {"Coastal Rights Watch"}


def test_call_x_y_partial_after_an_apposition(harvest: Doc) -> None:
    q = find(harvest, "an attack on the whole country")
    assert q.kind == "partial"
    assert speaker(harvest, q) == "Hernan Ccori"


def test_dismissed_as_partial(harvest: Doc) -> None:
    q = find(harvest, "crumbs")
    assert q.kind == "partial"
    assert speaker(harvest, q) == "Rosa Quispe Llanos"


def test_continue_before_its_own_clause_is_no_cue(harvest: Doc) -> None:
    q = find(harvest, "until somebody in the capital")
    assert speaker(harvest, q) == "Rosa Quispe Llanos"


def test_called_on_after_a_name_made_the_root(harvest: Doc) -> None:
    q = find(harvest, "both sides to avoid violence")
    assert q.kind == "indirect"
    assert speaker(harvest, q) == "Teodora Vilca"


def test_name_after_the_office_it_holds(harvest: Doc) -> None:
    assert speaker(harvest, find(harvest, "buy surplus potatoes")) == "Daniel Okafor"
    assert speaker(harvest, find(harvest, "let the harvest rot")) == "Daniel Okafor"


def test_institution_with_curly_plural_possessive(harvest: Doc) -> None:
    q = find(harvest, "the ministry to act")
    assert speaker(harvest, q) == "Andean Growers’ Association"


def test_honorific_gender_rules_out_the_other_family_member(family: Doc) -> None:
    q = find(family, "with my scarf and my flask")
    assert speaker(family, q) == "Agnieszka Dornan"


def test_continued_after_a_quotation_is_a_cue(family: Doc) -> None:
    q = find(family, "We will not go")
    assert speaker(family, q) == "Lorcan Dornan"


CLAUSES = """Fire crews fought the blaze for a third day on Tuesday.

Civil Protection Minister Irene Kostaki said that six aircraft were flying over the hills and \
that more were on the way.

Irene Kostaki also visited the shelters. Crews would return to every village at least once, she \
said, and mobile teams would visit the farms in the valley.

The agency said in a written reply that all its aircraft were ready and that none had been \
grounded."""


@pytest.fixture(scope="module")
def clauses(nlp: Language) -> Doc:
    return run(nlp, CLAUSES, PUBLISHED)


def test_that_and_that_straight_after_the_cue_are_two_reports(clauses: Doc) -> None:
    first = find(clauses, "six aircraft")
    assert first.text == "six aircraft were flying over the hills"
    second = find(clauses, "more were on the way")
    assert second.text == "more were on the way"
    assert speaker(clauses, first) == speaker(clauses, second) == "Irene Kostaki"


def test_that_and_that_after_a_venue_stay_one_report(clauses: Doc) -> None:
    q = find(clauses, "all its aircraft were ready")
    assert "none had been grounded" in q.text


def test_clause_joined_after_a_parenthetical_cue_is_a_report(clauses: Doc) -> None:
    first = find(clauses, "Crews would return")
    assert first.text == "Crews would return to every village at least once"
    second = find(clauses, "mobile teams")
    assert second.text == "mobile teams would visit the farms in the valley"
    assert speaker(clauses, second) == "Irene Kostaki"


def test_constituency_after_a_representatives_title_is_a_place(nlp: Language) -> None:
    doc = run(
        nlp,
        '"The lab must stay open," said Kwame Boateng, the union president.\n\n'
        "Owen Tudor, the MP for Salford North, urged the council to publish the scores.\n\n"
        '"Every other economy is spending more, and we are closing labs," he said.',
        PUBLISHED,
    )
    labels = {e.name: e.label for e in doc._.tidings_entities}
    assert labels.get("Salford North") != "PERSON"
    assert speaker(doc, find(doc, "closing labs")) == "Owen Tudor"


def test_statement_read_out_before_a_colon(nlp: Language) -> None:
    doc = run(
        nlp,
        "The inquest heard that the alarm had been switched off.\n\n"
        "Outside court, the dead man's brother, Samir Haddad, read a statement on behalf of "
        'the family:\n\n"Karim was the first in our family to go to university."',
        PUBLISHED,
    )
    assert speaker(doc, find(doc, "first in our family")) == "Samir Haddad"
