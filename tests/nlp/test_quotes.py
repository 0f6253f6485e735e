"""The tidings_quotes component inside the real pipeline (the session-scoped ``nlp``), on our own
invented fixture articles in tests/fixtures/quotes/."""

from __future__ import annotations

from pathlib import Path

import pytest
from quote_helpers import find, run, speaker
from spacy.language import Language
from spacy.tokens import Doc


@pytest.fixture(scope="module")
def valley(nlp: Language, fixtures: Path) -> Doc:
    return run(nlp, (fixtures / "quotes" / "river_valley.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def brothers(nlp: Language, fixtures: Path) -> Doc:
    return run(nlp, (fixtures / "quotes" / "brothers.txt").read_text(encoding="utf-8"))


def test_every_quote_indexes_the_text(valley: Doc, brothers: Doc) -> None:
    for doc in (valley, brothers):
        assert doc._.tidings_quotes
        for q in doc._.tidings_quotes:
            assert doc.text[q.start : q.end] == q.text
            assert q.kind in ("direct", "partial", "indirect")


def test_attribution_in_the_middle_covers_the_second_sentence(valley: Doc) -> None:
    first = find(valley, "never seen the river")
    second = find(valley, "Two bridges are gone.")
    assert first.kind == second.kind == "direct"
    assert first.text == "We have never seen the river this high,"
    assert speaker(valley, first) == speaker(valley, second) == "Bahrom Sharifov"
    assert first.cue == "said"


def test_surname_venue_and_date_from_the_attribution(valley: Doc) -> None:
    q = find(valley, "boats had reached every village")
    assert q.kind == "indirect"
    assert q.text == "boats had reached every village but one"
    assert speaker(valley, q) == "Bahrom Sharifov"
    assert q.cue == "told"
    assert q.venue is not None and "Valley Herald" in q.venue and "telephone" in q.venue
    assert q.date == "2025-08-24"  # "On Sunday" before a Monday publication


def test_pronoun_goes_to_the_person_just_named(valley: Doc) -> None:
    q = find(valley, "Most of them are old.")
    assert q.speaker_text == "she"
    assert speaker(valley, q) == "Gulnora Rahimova"


def test_anonymous_source_stays_anonymous(valley: Doc, brothers: Doc) -> None:
    for q in (find(valley, "The water came at midnight"), find(valley, "Nobody warned us.")):
        assert q.speaker is None
        assert q.speaker_text == "a farmer"
    # a pronoun whose nearest speaker is anonymous is not handed to a named person
    he = find(brothers, "Nobody trusts anybody")
    assert he.speaker is None and he.speaker_text == "he"


def test_organisation_speaker_with_statement_venue(valley: Doc) -> None:
    q = find(valley, "rebuild the bridges")
    assert speaker(valley, q) == "Ministry of Transport"
    assert q.venue == "in a statement"


def test_partial_quote_in_reported_speech(valley: Doc) -> None:
    q = find(valley, "calm and orderly evacuation")
    assert q.kind == "partial"
    assert q.text == "calm and orderly evacuation"
    assert q.cue == "called for"


def test_scare_quotes_glosses_and_apostrophes_are_not_quotes(valley: Doc) -> None:
    texts = {q.text for q in valley._.tidings_quotes if q.kind != "indirect"}
    assert not texts & {"red zone", "the pit", "warm"}
    assert not any("employers'" in t or "days'" in t for t in texts)


def test_same_surname_goes_to_the_brother_named_in_full(brothers: Doc) -> None:
    q = find(brothers, "I will not see it burn")
    assert q.speaker_text == "Qodirov"
    assert speaker(brothers, q) == "Sherali Qodirov"
    assert q.date == "2025-08-19"  # "on 19 August"
    assert q.venue is not None and "Pamir Ledger" in q.venue


def test_quote_over_two_paragraphs_is_one_quote(brothers: Doc) -> None:
    q = find(brothers, "We want the school open.")
    assert "\n\n" in q.text and q.text.endswith("for a month.")
    assert speaker(brothers, q) == "Dilnoza Yusupova"


def test_according_to_and_role_nominal(brothers: Doc) -> None:
    q = find(brothers, "the food will last ten days")
    assert q.cue == "according to"
    assert speaker(brothers, q) == "Firuza Saidova"
    later = find(brothers, "asked for more flour")
    assert later.speaker_text == "The coordinator"
    assert speaker(brothers, later) == "Firuza Saidova"


def test_orphan_paragraph_continues_the_previous_speaker(nlp: Language) -> None:
    text = (
        "Aziz Karimov, a driver from Khujand, said the border had been shut for a week.\n\n"
        '"We sleep in the cab. Nobody tells us anything," Karimov said.\n\n'
        '"My children have not seen me since March."'
    )
    doc = run(nlp, text)
    q = find(doc, "My children")
    assert q.kind == "direct"
    assert speaker(doc, q) == "Aziz Karimov"


def test_no_week_level_date_and_no_publication_default(nlp: Language) -> None:
    text = (
        "Laylo Nazarova told the Khujand Times last week that prices had doubled.\n\n"
        '"It is worse than 2008," Nazarova said.'
    )
    doc = run(nlp, text)
    assert find(doc, "prices had doubled").date is None
    assert find(doc, "worse than 2008").date is None


def test_unbalanced_marks_do_not_abort_the_article(nlp: Language) -> None:
    text = (
        'The mayor said "the bridge will reopen soon.\n\n'
        '"We have the money," said Rustam Aliev, the mayor of Garm. "The work starts today."'
    )
    doc = run(nlp, text)
    assert speaker(doc, find(doc, "We have the money")) == "Rustam Aliev"
    assert speaker(doc, find(doc, "The work starts today.")) == "Rustam Aliev"


def test_no_parse_no_quotes(nlp: Language) -> None:
    doc = nlp.make_doc('"Hello," she said.')
    doc._.tidings_entities = []
    doc._.tidings_timexes = []
    assert nlp.get_pipe("tidings_quotes")(doc)._.tidings_quotes == []


# --- speaker rules added with person_evidence (invented sentences) ------------------------------


def test_indefinite_role_with_a_named_apposition_is_that_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "An army spokesman, Colonel Tesfaye Alemu, said on Monday that the road had reopened.",
    )
    assert speaker(doc, find(doc, "the road had reopened")) == "Tesfaye Alemu"


def test_honorific_picks_the_same_surname_person_of_that_gender(nlp: Language) -> None:
    doc = run(
        nlp,
        "Farida Mansour, who leads the tenants' committee, said rents had doubled. "
        "Karim Mansour, the landlord, said the rents were fair. Mr Mansour, no relation, "
        "said repairs cost money.\n\n"
        'Ms Mansour rejected that. "We have had no heating since October," she said.',
    )
    assert speaker(doc, find(doc, "no heating since October")) == "Farida Mansour"


def test_pronoun_after_an_anonymous_group_with_a_place_in_it_stays_anonymous(
    nlp: Language,
) -> None:
    doc = run(
        nlp,
        "Market traders in Kolwezi said they had not been paid for weeks. "
        '"We sell on credit now," they said.',
    )
    assert find(doc, "We sell on credit now").speaker is None


def test_lede_definite_organisation_named_further_down(nlp: Language) -> None:
    doc = run(
        nlp,
        "Hospitals cancelled operations, but the nurses’ union said the strike would go on.\n\n"
        "The Tarvonian Union of Nurses represents 9,000 members.",
    )
    assert speaker(doc, find(doc, "the strike would go on")) == "Tarvonian Union of Nurses"


def test_partial_quotation_belongs_to_the_outer_cue(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Coastal Guard Authority said on Friday that the patrols would continue "
        '"for as long as the boats keep coming".',
    )
    assert speaker(doc, find(doc, "as long as the boats")) == "Coastal Guard Authority"


def test_unclosed_quotation_ends_at_its_attribution(nlp: Language) -> None:
    doc = run(
        nlp,
        '"We will not leave this square until they listen, said Amina Yusufu, a trader from '
        "the old market whose stall was burned.",
    )
    quote = find(doc, "We will not leave this square")
    assert quote.text.startswith("We will not leave this square until they listen")
    assert "Yusufu" not in quote.text
    assert speaker(doc, quote) == "Amina Yusufu"


def test_possessive_pronoun_relation_reaches_the_one_person_of_the_last_sentence(
    nlp: Language,
) -> None:
    doc = run(
        nlp,
        "The wounded included Major Daniyar Seitkali, a tank commander.\n\n"
        "His son, Arman Seitkali, also serves in the brigade.\n\n"
        "The commander's son said the convoy had been ambushed.",
    )
    assert speaker(doc, find(doc, "the convoy had been ambushed")) == "Arman Seitkali"


def test_place_after_a_speaker_does_not_take_her_pronoun(nlp: Language) -> None:
    doc = run(
        nlp,
        "Fighting has displaced thousands around Sittwe-Ywa.\n\n"
        "Thandiwe Moyo, a midwife who fled Sittwe-Ywa with her children, said the clinic "
        'was shelled. "We ran at night," she said.',
    )
    assert speaker(doc, find(doc, "We ran at night")) == "Thandiwe Moyo"


# --- general rules (invented sentences) --------------------------------------------------------


def test_role_nominal_subject_is_the_antecedent_of_a_later_pronoun(nlp: Language) -> None:
    doc = run(
        nlp,
        "Judge Marion Tell sentenced the accused on Monday. His lawyer, Carl Brandt, asked for "
        "mercy. \u201cHe is a changed man,\u201d Brandt said.\n\n"
        "The judge was not persuaded. \u201cChange is shown, not claimed,\u201d she said.",
    )
    assert speaker(doc, find(doc, "Change is shown")) == "Marion Tell"


def test_definite_noun_names_the_organisation_that_holds_it(nlp: Language) -> None:
    doc = run(
        nlp,
        "The National Rowing Federation suspended two coaches on Tuesday after complaints from "
        "athletes.\n\nThe federation said it would publish the findings of its inquiry.",
    )
    assert speaker(doc, find(doc, "publish the findings")) == "National Rowing Federation"


def test_title_of_phrase_does_not_make_a_role_nominal(nlp: Language) -> None:
    doc = run(
        nlp,
        "The chief executive of the Harbour Lane Hospice, Anne Corley, thanked the volunteers."
        "\n\nThe hospice said it had raised 40,000 pounds this year.",
    )
    assert speaker(doc, find(doc, "raised 40,000 pounds")) != "Anne Corley"


def test_asked_whether_is_a_question_not_reported_speech(nlp: Language) -> None:
    doc = run(
        nlp,
        "Asked whether the plant would close, Mayor Ben Ortiz said he did not know.",
    )
    assert not [q for q in doc._.tidings_quotes if "the plant would close" in q.text]
    assert find(doc, "he did not know").kind == "indirect"


def test_said_through_an_interpreter_is_the_venue(nlp: Language) -> None:
    doc = run(
        nlp, "\u201cWe will rebuild the school,\u201d Olena Marchuk said through an interpreter."
    )
    assert find(doc, "rebuild the school").venue == "through an interpreter"


def test_speaking_at_a_place_is_the_venue(nlp: Language) -> None:
    doc = run(
        nlp,
        "Speaking at his campaign headquarters, Peter Holm said he had called his rival.",
    )
    assert find(doc, "called his rival").venue == "Speaking at his campaign headquarters"


def test_pronoun_inside_quoted_words_does_not_vote_on_gender(nlp: Language) -> None:
    doc = run(
        nlp,
        "Inspector Greta Solheim said the men had been arrested. \u201cHis family are grieving,"
        "\u201d Solheim said.\n\nShe said detectives believed the attack was targeted.",
    )
    assert speaker(doc, find(doc, "detectives believed")) == "Greta Solheim"
