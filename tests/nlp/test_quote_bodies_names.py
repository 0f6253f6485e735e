"""Bodies and names from a twelfth held-out round: the subject after a dateline's dash, a body
named after its common noun ("The environmental group X"), an office named after its holder
("the Special State Prosecutor's Office"), a located organisation ("the Jayapura-based X"),
no "he" for a company known by its initials, and
an outlet whose name ends in a time word. Invented articles (invented people, bodies and
outlets; real places), run through the real pipeline."""

from __future__ import annotations

import pytest
from quote_helpers import find, run, speaker
from spacy.language import Language
from spacy.tokens import Doc

MINE = """LOJA, Ecuador, Sept 17 (Sierra Wire) - Hundreds of farmers have blocked the road to \
the Cerro Azul copper project in Ecuador's Loja province, saying the mine threatens the springs \
that feed their canals.

The company developing the project, Andes Verde Copper (AVC), said in a statement that its \
licence had been granted after a full review.

The environmental group Agua Libre wrote on X that the licence had been "rushed through in \
nine weeks".

The Provincial Chief Prosecutor's Office (FPP) said in a statement that it would study the \
complaint. The Quito-based Andean Water Network said at least 40 springs were at risk."""

FLOODS = """KUALA TERENGGANU, Malaysia, Dec 3 (Straits Courier) - State civil defence director \
Ahmad Faizal Ismail told the news agency that boats had rescued 400 people. "Some of them \
waited on their roofs for a day," Ahmad Faizal said.

Keretapi Pantai Timur Berhad (KPTB), the state rail operator, said services on the coast line \
had been suspended. Relief committee chairman Rosli Che Hassan rejected criticism of the \
response. "This is not the time for politics," he said.

Provincial administrator Peter Kaupa told Melanesia Today by phone that the road was cut."""


@pytest.fixture(scope="module")
def mine(nlp: Language) -> Doc:
    return run(nlp, MINE, "2025-09-17")


@pytest.fixture(scope="module")
def floods(nlp: Language) -> Doc:
    return run(nlp, FLOODS, "2025-12-03")


def test_the_subject_after_the_datelines_dash_speaks_not_the_place(mine: Doc) -> None:
    quote = find(mine, "the mine threatens the springs")
    assert speaker(mine, quote) is None
    assert quote.speaker_text == "Hundreds of farmers"


def test_a_body_named_after_its_common_noun_is_the_name(mine: Doc) -> None:
    assert speaker(mine, find(mine, "rushed through in nine weeks")) == "Agua Libre"


def test_an_office_named_after_its_holder_is_one_organisation(mine: Doc) -> None:
    quote = find(mine, "it would study the complaint")
    assert speaker(mine, quote) == "Provincial Chief Prosecutor's Office"


def test_where_an_organisation_is_based_is_no_part_of_its_name(mine: Doc) -> None:
    assert speaker(mine, find(mine, "40 springs were at risk")) == "Andean Water Network"


def test_a_place_that_owns_a_ministry_is_still_split_off(nlp: Language) -> None:
    doc = run(nlp, "Russia's Foreign Ministry said the talks had stalled.")
    names = {(e.label, e.name) for e in doc._.tidings_entities}
    assert ("ORG", "Foreign Ministry") in names


def test_he_never_stands_for_a_company_known_by_its_initials(floods: Doc) -> None:
    assert speaker(floods, find(floods, "not the time for politics")) != (
        "Keretapi Pantai Timur Berhad"
    )


def test_an_outlet_whose_name_ends_in_a_time_word_is_the_venue(floods: Doc) -> None:
    assert find(floods, "the road was cut").venue == "told Melanesia Today by phone"
