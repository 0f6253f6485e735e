"""Speaker and reported-speech rules for news we did not tune on: names the small model cuts or
mislabels, attributions the parser misreads, organisations named by a description. Invented
articles (invented people, outlets and firms; real places), run through the real pipeline."""

from __future__ import annotations

import pytest
from quote_helpers import find, run, speaker
from spacy.language import Language
from spacy.tokens import Doc

FLOODS = """NIAMEY, May 2 (Sahel Wire) - Floods have destroyed more than 3,000 homes in southern \
Niger, the national civil protection agency said on Thursday.

In the village of Gaya Koira, Issoufou Mahamadou, a 58-year-old farmer, said the water had \
reached his roof before dawn. The 58-year-old said he had lost his entire millet harvest.

Environment Minister Abdoulkarim Seydou Harouna acknowledged that the dykes had not been \
repaired but insisted that the money had been released. He did not say how long the repairs \
would take.

A nurse at the Gaya health centre, who asked not to be named, said cholera cases had doubled \
in a week.

Adamou Issa Dandakoye, who farms rice near the river, said he would not plant again this year. \
"The river decides now," Dandakoye said."""

BREWER = """LAGOS (Coastline Wire) - Nigeria's biggest brewer, Lagoon Breweries, will close two \
plants by June, the company said on Monday.

Environment and Housing Minister Mehmet Emin Okonkwo told reporters in Abuja that the closures \
would cost 2,000 jobs. The union called on the National Assembly to intervene.

"Our members were told nothing," said Edvaldo Pereira dos Santos, a shop steward at the Ikeja \
plant. "Nothing at all."

The Brewers and Allied Workers Union said it would strike on Friday. According to a statement \
from the Federal Labour Office, talks will resume next week.

Ximena Quispe Huamán, an analyst at Delta Research, said beer sales had fallen for eight \
quarters. "The market has gone," Quispe said.

The company apologised to its workers and said it would pay six months' wages."""

BUDGET = """ACCRA - Kwame Asante, the finance minister, said the budget would be balanced by next \
year.

The opposition disputed the figures. Tsegaye Alemu, a former central bank economist, rejected \
the forecast on Tuesday. He said the deficit was twice as large as the government admitted.

"These numbers are invented," Alemu told the Accra Mirror.

Economist Dwi Retno Wulandari, who advises the opposition, agreed. Dwi added that the central \
bank had stopped publishing its reserves.

"We came at six in the morning," Efua Mensima said. "They told us to come back tomorrow."
A clerk at the ministry, speaking on condition of anonymity, said the payments had been \
delayed since March. The ministry said in a statement that all salaries would be paid by \
Friday."""


SENTENCE = """BOGOTÁ — A former mayor was jailed for nine years on Friday, with the judge \
calling the scheme "a betrayal of the city". Judge Rosa Quintero also fined him.

Pablo Arévalo, who led the prosecution, was quoted by the newspaper La Crónica as saying that the \
money would be recovered.

Human rights groups were sceptical. They said that only a fraction of the funds had been traced.

The opposition party described the sentence as "a first step". Its leader, Senator Carmen \
Ortiz, had called the scheme "organised theft" in March."""


PUBLISHED = "2025-05-02"


@pytest.fixture(scope="module")
def floods(nlp: Language) -> Doc:
    return run(nlp, FLOODS, PUBLISHED)


@pytest.fixture(scope="module")
def brewer(nlp: Language) -> Doc:
    return run(nlp, BREWER, PUBLISHED)


@pytest.fixture(scope="module")
def budget(nlp: Language) -> Doc:
    return run(nlp, BUDGET, PUBLISHED)


def test_described_organisation_after_a_misparsed_inverted_clause(floods: Doc) -> None:
    q = find(floods, "3,000 homes")
    assert q.kind == "indirect"
    assert q.text.startswith("Floods have destroyed") and q.text.endswith("southern Niger")
    assert speaker(floods, q) == "national civil protection agency"
    assert q.date == "2025-05-01"


def test_speaker_hung_inside_a_fronted_phrase_and_an_age_nominal(floods: Doc) -> None:
    q = find(floods, "reached his roof")
    assert speaker(floods, q) == "Issoufou Mahamadou"
    later = find(floods, "entire millet harvest")
    assert speaker(floods, later) == "Issoufou Mahamadou"


def test_second_cue_joined_to_the_first_report(floods: Doc) -> None:
    q = find(floods, "the money had been released")
    assert q.text == "the money had been released"
    assert speaker(floods, q) == "Abdoulkarim Seydou Harouna"


def test_negated_cue_reports_nothing(floods: Doc) -> None:
    assert not [q for q in floods._.tidings_quotes if "how long" in q.text]


def test_anonymous_nurse_and_surname(floods: Doc) -> None:
    nurse = find(floods, "cholera cases had doubled")
    assert nurse.speaker is None and nurse.speaker_text is not None
    assert speaker(floods, find(floods, "The river decides now")) == "Adamou Issa Dandakoye"


def test_lede_company_and_business_that_spoke_last(brewer: Doc) -> None:
    lede = find(brewer, "will close two plants")
    assert speaker(brewer, lede) == "Lagoon Breweries"
    assert not lede.text.startswith("LAGOS")
    assert speaker(brewer, find(brewer, "six months' wages")) == "Lagoon Breweries"


def test_given_name_particles_and_middle_surname(brewer: Doc) -> None:
    assert speaker(brewer, find(brewer, "cost 2,000 jobs")) == "Mehmet Emin Okonkwo"
    assert speaker(brewer, find(brewer, "Nothing at all.")) == "Edvaldo Pereira dos Santos"
    assert speaker(brewer, find(brewer, "The market has gone")) == "Ximena Quispe Huamán"


def test_called_on_keeps_the_addressee_and_no_venue(brewer: Doc) -> None:
    q = find(brewer, "to intervene")
    assert q.text == "the National Assembly to intervene"
    assert q.venue is None
    assert speaker(brewer, q) == "Brewers and Allied Workers Union"
    assert find(brewer, "cost 2,000 jobs").venue is None  # "told reporters in Abuja"


def test_according_to_a_statement_from_an_office(brewer: Doc) -> None:
    q = find(brewer, "talks will resume")
    assert speaker(brewer, q) == "Federal Labour Office"
    assert q.venue is not None and q.venue.startswith("a statement")


def test_pronoun_after_a_subject_of_unknown_gender(budget: Doc) -> None:
    q = find(budget, "twice as large")
    assert q.speaker_text == "He"
    assert speaker(budget, q) == "Tsegaye Alemu"


def test_given_name_alone_is_the_person_named_in_full(budget: Doc) -> None:
    assert speaker(budget, find(budget, "stopped publishing")) == "Dwi Retno Wulandari"


def test_statement_clause_hung_on_the_venue(budget: Doc) -> None:
    q = find(budget, "all salaries would be paid")
    assert q.kind == "indirect" and q.venue == "in a statement"
    clerk = find(budget, "payments had been delayed")
    assert clerk.speaker is None


@pytest.fixture(scope="module")
def sentence(nlp: Language) -> Doc:
    return run(nlp, SENTENCE, PUBLISHED)


def test_called_it_with_a_lede_nominal_named_further_down(sentence: Doc) -> None:
    q = find(sentence, "a betrayal of the city")
    assert q.kind == "partial"
    assert speaker(sentence, q) == "Rosa Quintero"
    assert q.date is None  # Friday is the jailing's day, not the judge's words'
    assert speaker(sentence, find(sentence, "organised theft")) == "Carmen Ortiz"


def test_quoted_as_saying_and_described_as(sentence: Doc) -> None:
    assert speaker(sentence, find(sentence, "money would be recovered")) == "Pablo Arévalo"
    q = find(sentence, "a first step")
    assert q.kind == "partial" and speaker(sentence, q) == "opposition party"


def test_they_after_an_unnamed_plural_group(sentence: Doc) -> None:
    q = find(sentence, "only a fraction of the funds")
    assert q.speaker_text == "They" and q.speaker is None


def test_inverted_attributions_with_appositions(nlp: Language) -> None:
    doc = run(
        nlp,
        "Prices will keep rising until the summer, Maria Lopez, an economist at Banco Central, "
        "said on Monday.\n\nInflation has peaked, the central bank's governor, Ahmed Yusuf, "
        "told reporters.",
        PUBLISHED,
    )
    first = find(doc, "Prices will keep rising")
    assert first.text == "Prices will keep rising until the summer"
    assert speaker(doc, first) == "Maria Lopez"
    second = find(doc, "Inflation has peaked")
    assert second.text == "Inflation has peaked" and speaker(doc, second) == "Ahmed Yusuf"


def test_day_after_the_cue_dates_the_saying_not_the_report(nlp: Language) -> None:
    doc = run(
        nlp,
        "SEOUL (Korea Desk) - Hanbit Motors said on Wednesday it would recall 240,000 cars "
        "over a battery defect.",
        PUBLISHED,
    )
    q = find(doc, "240,000 cars")
    assert q.text.startswith("it would recall")
    assert q.date == "2025-04-30"  # the Wednesday before the Friday of publication


def test_described_people_and_the_spokeswoman(nlp: Language) -> None:
    doc = run(
        nlp,
        "Grace Achieng was at her stall when the fire started.\n\n"
        '"I saw the smoke," the 44-year-old mother of three said.\n\n'
        "Her neighbour, Joseph Kamau, said he had warned officials. "
        '"Nobody came," the trader said.\n\n'
        "A spokeswoman for the Kenya Red Cross said 12 people had been treated. "
        "The spokeswoman said nobody had died.\n\n"
        "A nurse on the night shift, who asked not to be named, said three patients had "
        "died. The nurse added that staff were exhausted.",
        PUBLISHED,
    )
    assert speaker(doc, find(doc, "I saw the smoke")) == "Grace Achieng"
    assert speaker(doc, find(doc, "Nobody came")) == "Joseph Kamau"
    assert speaker(doc, find(doc, "nobody had died")) == "Kenya Red Cross"
    assert find(doc, "staff were exhausted").speaker is None
