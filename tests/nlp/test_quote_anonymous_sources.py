"""Anonymous sources stay anonymous: "the spokesman" after an anonymous "a council spokesman"
is that spokesman, not the last named speaker; "a Fenmoor Rail engineer" is one of the
company's people, not the company; "a spokesman for the Danish culture ministry" speaks for
an unnamed ministry, not for a nationality. Invented articles, run through the real pipeline."""

from __future__ import annotations

import pytest
from quote_helpers import find, run, speaker
from spacy.language import Language
from spacy.tokens import Doc

FERRY = """The ferry link across the estuary will stay closed until May, the harbour trust said.

Cllr Moira Penhallow, who chairs the trust, said the repairs could not be hurried. "We want \
it to last another century," she said.

Boats will run a reduced timetable from next week, according to a trust spokesman. The \
spokesman added that storms had been "the main cause" of the damage.

A Fenmoor Rail engineer, who spoke on condition of anonymity, said the same pier had been \
reported twice for cracks. "We flagged it, they ignored it," he said.

A spokesman for the Danish culture ministry said on Friday that the choice rested with the \
trust."""


PUBLISHED = "2026-03-09"


@pytest.fixture(scope="module")
def ferry(nlp: Language) -> Doc:
    return run(nlp, FERRY, PUBLISHED)


def test_named_speaker_still_resolved(ferry: Doc) -> None:
    assert speaker(ferry, find(ferry, "could not be hurried")) == "Moira Penhallow"


def test_the_spokesman_after_an_anonymous_spokesman_stays_anonymous(ferry: Doc) -> None:
    assert speaker(ferry, find(ferry, "the main cause")) is None


def test_indefinite_worker_of_a_named_company_is_not_the_company(ferry: Doc) -> None:
    assert speaker(ferry, find(ferry, "reported twice for cracks")) is None


def test_pronoun_after_an_anonymous_worker_stays_anonymous(ferry: Doc) -> None:
    assert speaker(ferry, find(ferry, "they ignored it")) is None


def test_spokesman_for_an_unnamed_ministry_is_not_a_nationality(ferry: Doc) -> None:
    assert speaker(ferry, find(ferry, "the choice rested")) is None


CLINIC = """At a briefing on Monday, Health Minister Grace Wambui insisted that the funds had been \
sent to the regions. "We have paid what we owe," Wambui said.

At Lakeside General Hospital, a patient's cousin who asked not to be named said her uncle had \
waited four days for an operation. "They send us to a private clinic. With what money?" she said."""


def test_she_after_an_unparsed_anonymous_source_stays_anonymous(nlp: Language) -> None:
    doc = run(nlp, CLINIC, PUBLISHED)
    assert speaker(doc, find(doc, "We have paid")) == "Grace Wambui"
    assert speaker(doc, find(doc, "With what money")) is None


def test_apposition_naming_a_titled_person_keeps_the_nominal_apart(nlp: Language) -> None:
    # "The summit's president, Y's minister X,": the apposition names the president, so the
    # nominal is no antecedent of its own, even when the possessor holds the title by mistake
    from tidings.nlp.speaker_nominals import nominal_subjects
    from tidings.nlp.speakers import SpeakerContext

    doc = run(
        nlp,
        "The summit's president, Sri Lanka's environment minister Ama Perera, insisted on "
        "Tuesday evening that the talks were not in crisis.",
        PUBLISHED,
    )
    ctx = SpeakerContext.build(doc, [(0, len(doc.text))], set())
    possessor = min(ctx.entities, key=lambda e: e.mentions[0])
    possessor.titles = [*possessor.titles, "president"]
    assert nominal_subjects(ctx) == []


HARBOUR = """Kenji Sato, the port's chief negotiator, said Tokyo backed a stronger text. In an \
interview with the broadcaster Nihon Shimpo on Monday, Sato acknowledged that spending had \
fallen short.

The Coalition for Fair Harbours, a network of some 200 civil society groups, said in a \
statement that the draft was "a masterclass in delay"."""


def test_capitalised_body_with_its_own_name_is_no_role_noun(nlp: Language) -> None:
    doc = run(nlp, HARBOUR, PUBLISHED)
    assert speaker(doc, find(doc, "a masterclass in delay")) == "Coalition for Fair Harbours"
