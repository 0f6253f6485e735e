"""Reported speech and speakers, a further round: ", and that" clauses as reports of their own,
a clause before a partial or a colon-led quotation, ", saying ..." participles, glosses and
titles in marks, company legal forms, relative-pronoun subjects, institution names with a
plural possessive, bodies named with their parent organisation, a source who gave only a
surname. Invented articles (invented people, outlets and firms), run through the real pipeline."""

from __future__ import annotations

import pytest
from quote_helpers import find, run, speaker
from spacy.language import Language
from spacy.tokens import Doc

STRIKE = """Ferry crews walked out on Monday after talks with the operators broke down.

A nurse at the harbour clinic, Lucja Brandt, said staff had learned of the cuts by email, and \
that their own proposal for a shared rota had never been discussed.

A spokeswoman for the port said no one had been injured, and that repairs were expected to take \
"at least two weeks".

Mayor Teodoro Sandoval denied that the docks had been neglected, saying 9 million pesos had been \
spent on repairs since 2021.

Councillor Efrain Molina wrote on Facebook that his party would back the crews: "If the board \
will not listen, the courts will."

Elders on the coast call such storms "Dhul Kaar", Amharic for "the black wind".

The Vistula River Barge Owners' Association, which represents 40 firms, said in a statement \
that the demands would cost 40 million euros a year. It described them as "simply reckless" \
without higher fares.

Brightwave Logistics SRL, which says it has 3,000 drivers in eight cities, said it would appeal.

The company insisted that no data had been sold.

A commuter who gave only her surname, Varga, called the strike "a bit much" before her exams.
"""

ETHICS = """The ethics committee of the Northern Rowing Federation has suspended its treasurer, \
Anselm Kurz, for a year.

In a 12-page ruling, the committee said Kurz had failed to produce receipts for 14 trips.

The research collective Open Harbour Lab published a report, "Watched at the Gate", in 2024.

Panel chair Dorotea Lindqvist told reporters that the panel had given Kurz “every opportunity” \
to explain the expenses.

The league’s secretary-general, Bruno Achterberg, stressed that the players’ preparations \
would not be affected.

He said he had “never once” been asked by auditors to change the accounts.

The West Baltic Storm Monitoring Centre said in a bulletin that the river had risen two metres.

Vice-president Teodoro Salcedo will lead the federation while Anselm Kurz is suspended. He told \
the Courier he would ask the board to publish the accounts."""


PUBLISHED = "2025-05-02"


@pytest.fixture(scope="module")
def strike(nlp: Language) -> Doc:
    return run(nlp, STRIKE, PUBLISHED)


@pytest.fixture(scope="module")
def ethics(nlp: Language) -> Doc:
    return run(nlp, ETHICS, PUBLISHED)


def test_comma_and_that_clauses_are_two_reports(strike: Doc) -> None:
    first = find(strike, "learned of the cuts")
    assert first.text == "staff had learned of the cuts by email"
    second = find(strike, "shared rota")
    assert second.text.startswith("their own proposal")
    assert speaker(strike, first) == speaker(strike, second) == "Lucja Brandt"


def test_clause_before_a_further_clause_with_a_partial_quotation(strike: Doc) -> None:
    q = find(strike, "no one had been injured")
    assert q.text == "no one had been injured"
    assert q.kind == "indirect"
    assert find(strike, "at least two weeks").kind == "partial"


def test_participle_report_is_cut_off_and_keeps_the_speaker(strike: Doc) -> None:
    q = find(strike, "the docks had been neglected")
    assert q.text == "the docks had been neglected"
    assert speaker(strike, q) == "Teodoro Sandoval"
    saying = find(strike, "9 million pesos")
    assert "neglected" not in saying.text
    assert speaker(strike, saying) == "Teodoro Sandoval"


def test_clause_before_a_colon_and_a_quotation(strike: Doc) -> None:
    q = find(strike, "his party would back the crews")
    assert q.text == "his party would back the crews"
    assert speaker(strike, q) == "Efrain Molina"


def test_a_gloss_after_a_language_is_no_quotation(strike: Doc) -> None:
    assert not any("black wind" in q.text for q in strike._.tidings_quotes)


def test_institution_name_with_a_plural_possessive(strike: Doc) -> None:
    q = find(strike, "40 million euros")
    name = "Vistula River Barge Owners' Association"
    assert speaker(strike, q) == name
    # "It": the association, not the river inside its name
    assert speaker(strike, find(strike, "simply reckless")) == name


def test_company_legal_form_and_relative_pronoun_subject(strike: Doc) -> None:
    firm = next(e for e in strike._.tidings_entities if e.name == "Brightwave Logistics SRL")
    assert firm.label == "ORG"
    assert speaker(strike, find(strike, "3,000 drivers")) == "Brightwave Logistics SRL"
    assert speaker(strike, find(strike, "no data had been sold")) == "Brightwave Logistics SRL"


def test_source_who_gave_only_a_surname(strike: Doc) -> None:
    assert speaker(strike, find(strike, "a bit much")) == "Varga"


def test_body_named_with_its_parent_organisation(ethics: Doc) -> None:
    q = find(ethics, "receipts for 14 trips")
    assert speaker(ethics, q) == "ethics committee of the Northern Rowing Federation"


def test_title_set_off_by_commas_is_no_quotation(ethics: Doc) -> None:
    assert not any("Watched at the Gate" in q.text for q in ethics._.tidings_quotes)


def test_partial_quotation_after_a_sentence_break_at_its_mark(ethics: Doc) -> None:
    q = find(ethics, "every opportunity")
    assert q.kind == "partial"
    assert speaker(ethics, q) == "Dorotea Lindqvist"
    assert not any(x.text == "the panel had given Kurz" for x in ethics._.tidings_quotes)


def test_subject_with_a_torn_hyphenated_title(ethics: Doc) -> None:
    q = find(ethics, "preparations would not be affected")
    assert speaker(ethics, q) == "Bruno Achterberg"


def test_partial_inside_a_passive_cue_belongs_to_the_outer_speaker(ethics: Doc) -> None:
    assert speaker(ethics, find(ethics, "never once")) == "Bruno Achterberg"


def test_pronoun_after_two_men_takes_the_main_subject(ethics: Doc) -> None:
    q = find(ethics, "publish the accounts")
    assert speaker(ethics, q) == "Teodoro Salcedo"


def test_centre_named_in_full_and_a_bulletin_for_a_venue(ethics: Doc) -> None:
    q = find(ethics, "river had risen two metres")
    assert speaker(ethics, q) == "West Baltic Storm Monitoring Centre"
    assert q.venue is not None and "bulletin" in q.venue
