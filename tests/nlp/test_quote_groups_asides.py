"""Speakers a reader tells apart: a plural noun ("Otieno's lawyers", "doctors' unions") is no
single named speaker, a dateline place is not the subject it was parsed into, a name in a
relative clause is an aside ("X, whose brother Y ...") and a pronoun inside someone's
apposition is not theirs. Invented articles (invented people and bodies; real places), run
through the real pipeline."""

from __future__ import annotations

import pytest
from quote_helpers import find, run, speaker
from spacy.language import Language
from spacy.tokens import Doc

ELECTION = """NAIROBI, Kenya (Rift Courier) - Opposition candidate Wanjiru Otieno refused on \
Monday to accept the provisional count, saying it had been "cooked in a back room".

In the Gikomba market, Kamau Njoroge, a 40-year-old taxi driver, said he had voted for the \
first time. "We have been patient," he said.

The Lakeside Nurses Union said its members would stay at home on Thursday. Doctors' and \
clinical officers' unions have said they will decide next week whether to join.

Otieno's lawyers said they would file their challenge on Tuesday.

The Kenya Voters' Network, which deployed 300 monitors, said in its report that voting had \
been largely peaceful."""

MINE = """Rescuers said there had been no contact with the men since Monday night.

"We can hear the water dripping," said Efraín Quispe, 29, whose older brother Juan Carlos \
Quispe is among the trapped men. Quispe, who joined the rescue team on Monday, said the men \
had carried only enough water for one shift.

"My brother knows that tunnel better than anybody," he said.

The governor's cousin Célia Bulha, an opposition lawmaker and one of his fiercest critics, \
said the warnings had been ignored. "They had the maps," she told Radio Serra."""


@pytest.fixture(scope="module")
def election(nlp: Language) -> Doc:
    return run(nlp, ELECTION, "2025-11-17")


@pytest.fixture(scope="module")
def mine(nlp: Language) -> Doc:
    return run(nlp, MINE, "2025-08-06")


def test_a_plural_person_noun_is_no_named_speaker(election: Doc) -> None:
    quote = find(election, "they would file their challenge")
    assert speaker(election, quote) is None
    assert quote.speaker_text == "Otieno's lawyers"


def test_plural_kinds_of_organisation_are_no_single_union(election: Doc) -> None:
    assert speaker(election, find(election, "they will decide next week")) is None


def test_the_dateline_place_is_not_the_subject(election: Doc) -> None:
    assert speaker(election, find(election, "cooked in a back room")) == "Wanjiru Otieno"


def test_a_network_with_a_plural_possessive_is_named_whole(election: Doc) -> None:
    quote = find(election, "voting had been largely peaceful")
    assert speaker(election, quote) == "Kenya Voters' Network"


def test_a_name_in_a_relative_clause_is_an_aside(mine: Doc) -> None:
    assert speaker(mine, find(mine, "only enough water")) == "Efraín Quispe"
    assert speaker(mine, find(mine, "My brother knows")) == "Efraín Quispe"


def test_a_pronoun_inside_an_apposition_is_someone_elses(mine: Doc) -> None:
    assert speaker(mine, find(mine, "They had the maps")) == "Célia Bulha"


GARRISON = """Two officers at the Kaya garrison told Radio Sahel that army drones had tracked the \
attackers north towards the border with Niger. "They had time to get away," they said.

16:40 — Marchers we spoke to said they had not been able to buy diesel for a week.

In Dolsan, fishermen gathered at the harbour said they had pulled in their nets."""


@pytest.fixture(scope="module")
def garrison(nlp: Language) -> Doc:
    return run(nlp, GARRISON, "2025-09-02")


def test_they_after_an_unnamed_group_is_not_a_place_its_report_named(garrison: Doc) -> None:
    assert speaker(garrison, find(garrison, "They had time to get away")) is None


def test_we_outside_quotation_marks_is_the_newsroom(garrison: Doc) -> None:
    assert speaker(garrison, find(garrison, "able to buy diesel")) is None


def test_a_reduced_relative_before_the_cue_keeps_its_subject(garrison: Doc) -> None:
    quote = find(garrison, "pulled in their nets")
    assert speaker(garrison, quote) is None and quote.speaker_text != "Dolsan"


def test_a_relative_clause_hung_on_the_cue_is_not_what_was_said(nlp: Language) -> None:
    doc = run(
        nlp,
        "In Jabal al-Nuzha, where private tanker operators charge five dinars a cubic metre, "
        "families said they had not had piped water for 11 days.",
        "2025-08-01",
    )
    quote = find(doc, "not had piped water")
    assert quote.kind == "indirect" and speaker(doc, quote) is None
