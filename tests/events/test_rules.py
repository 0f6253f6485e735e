"""One invented sentence per events rule: lexicon phrases, actor selection, stances, filters."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.resolved import ResolvedEvent


def _doc(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.tidings_published = "2026-04-15"
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _events(doc: Doc) -> list[ResolvedEvent]:
    return list(doc._.tidings_events)


def _one(doc: Doc, trigger: str) -> ResolvedEvent:
    found = [e for e in doc._.tidings_events if e.trigger == trigger]
    assert found, f"no {trigger!r} in {[(e.trigger, e.type) for e in doc._.tidings_events]}"
    return found[0]


def _name(doc: Doc, index: int | None) -> str | None:
    return None if index is None else doc._.tidings_entities[index].name


def _names(doc: Doc, index: int | None) -> list[str]:
    if index is None:
        return []
    entity = doc._.tidings_entities[index]
    return [entity.name.lower(), *(a.lower() for a in entity.aliases)]


# -- lexicon phrases -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("The navy was placed on alert in Varna on Monday.", "alert", "MOBILIZE"),
        ("The defence ministry called up 3,000 reservists.", "called up", "MOBILIZE"),
        ("The Orvan Relief Trust flew in three planeloads of supplies.", "flew in", "AID"),
        ("The council froze the assets of six ministers.", "froze", "SANCTION"),
        ("Police sealed off the old town.", "sealed off", "COERCE"),
        ("The Harbour Front signed a ceasefire with the army in Delmar.", "signed", "AGREE"),
        ("About 400 nurses walked off the job in Tessa on Friday.", "walked off", "PROTEST"),
        ("The militia handed over its heavy weapons in May.", "handed over", "RETREAT"),
        ("Riot police fired tear gas at the students.", "fired tear gas at", "COERCE"),
    ],
)
def test_lexicon_phrases(nlp: Language, text: str, trigger: str, kind: str) -> None:
    assert _one(_doc(nlp, text), trigger).type == kind


def test_agree_verb_absorbs_its_ceasefire_noun(nlp: Language) -> None:
    doc = _doc(nlp, "The two militias agreed to a ten-day ceasefire in Delmar.")
    assert [(e.type, e.mode) for e in _events(doc)] == [("AGREE", "ceasefire")]


def test_order_with_forces_is_mobilize_with_complement_request(nlp: Language) -> None:
    doc = _doc(nlp, "The governor ordered 300 soldiers into the streets of Tessa.")
    assert _one(doc, "ordered").type == "MOBILIZE"
    doc = _doc(nlp, "The ministry ordered the brigade to hand over the depot.")
    assert _one(doc, "ordered").type == "REQUEST"


def test_verbs_that_need_an_object(nlp: Language) -> None:
    doc = _doc(nlp, "Markets closed early in Tessa.")
    assert not [e for e in _events(doc) if e.trigger == "closed"]


def test_pledge_of_money_is_aid(nlp: Language) -> None:
    doc = _doc(nlp, "The Varna Fund pledged 3 million euros on Friday.")
    assert _one(doc, "pledged").type == "AID"


# -- actors ----------------------------------------------------------------------------------


def test_mobilize_passive_force_is_the_actor(nlp: Language) -> None:
    doc = _doc(nlp, "Soldiers were deployed along the river on Sunday.")
    event = _one(doc, "deployed")
    assert "soldiers" in _names(doc, event.actor) and event.target is None


def test_coordinated_verb_after_a_reported_clause_takes_the_reporter(nlp: Language) -> None:
    doc = _doc(
        nlp,
        "Colonel Anton Brel denied that the depot had been shelled and accused the rebels of "
        "hiding weapons in schools.",
    )
    assert _name(doc, _one(doc, "accused").actor) == "Anton Brel"


def test_accused_is_the_actor_of_the_accusation_content(nlp: Language) -> None:
    doc = _doc(nlp, "The mayor accused the police of beating the protesters.")
    assert "police" in _names(doc, _one(doc, "beating").actor)


def test_pronoun_subject_of_a_reported_clause_is_the_reporter(nlp: Language) -> None:
    doc = _doc(
        nlp,
        "Villagers fled the fighting. The medical charity Frontline Care International said it "
        "had withdrawn its staff from the valley.",
    )
    assert "frontline care international" in _names(doc, _one(doc, "withdrawn").actor)


def test_definite_anaphor_names_the_organisation(nlp: Language) -> None:
    doc = _doc(
        nlp,
        "The Northern Trade Union imposed sanctions on Tessa on Monday. "
        "The bloc also suspended its aid to the port.",
    )
    assert "northern trade union" in _names(doc, _one(doc, "suspended").actor)


def test_members_of_a_named_organisation_are_it(nlp: Language) -> None:
    doc = _doc(nlp, "Fighters of the Delmar Liberation Front attacked a checkpoint near Varna.")
    assert "delmar liberation front" in _names(doc, _one(doc, "attacked").actor)


def test_noun_after_after_takes_the_governing_subject(nlp: Language) -> None:
    doc = _doc(
        nlp, "The Coastal Guard Unit released six fishermen a day after seizing them at sea."
    )
    assert "coastal guard unit" in _names(doc, _one(doc, "seizing").actor)


# -- stances ---------------------------------------------------------------------------------


def test_willing_to_withdraw_is_an_agreement_plus_the_withdrawal(nlp: Language) -> None:
    doc = _doc(nlp, "Varnia says it is willing to withdraw its troops from the border.")
    assert _one(doc, "willing").type == "AGREE"
    assert _one(doc, "withdraw").modality == "intended"


def test_announced_boycott_is_a_threat(nlp: Language) -> None:
    doc = _doc(nlp, "The Green Party said it would boycott the vote.")
    threat = _one(doc, "would")
    assert threat.type == "THREATEN"
    assert doc._.tidings_events[threat.content].trigger == "boycott"
    assert _one(doc, "boycott").modality == "threatened"


def test_must_is_a_request_by_the_speaker(nlp: Language) -> None:
    doc = _doc(nlp, "The foreign minister said that Varnia must return the seized helicopter.")
    request = _one(doc, "must")
    assert request.type == "REQUEST"
    assert _one(doc, "return").modality == "requested"


def test_will_not_accept_is_a_rejection(nlp: Language) -> None:
    doc = _doc(nlp, "Varnia says it will not accept any more refugees.")
    event = _one(doc, "accept")
    assert event.type == "REJECT" and not event.negated


# -- what is not coded again -----------------------------------------------------------------


def test_attack_results_and_anaphoric_mentions_are_not_coded(nlp: Language) -> None:
    doc = _doc(
        nlp,
        "Gunmen attacked a market in Tessa on Saturday, killing 12 people. "
        "The attack was condemned by the governor.",
    )
    assert [e.trigger for e in _events(doc) if e.type == "ASSAULT"] == ["attacked"]
    assert any(c.value == 12 for c in _one(doc, "attacked").counts)


def test_complement_of_a_refusal_is_carried_by_the_reject(nlp: Language) -> None:
    doc = _doc(nlp, "The president refused to meet the strikers.")
    assert [e.type for e in _events(doc)] == ["REJECT"]
