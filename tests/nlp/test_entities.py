"""tidings_entities: one entity per real-world referent within an article.

The fixtures are invented articles in which several people share a surname; each test pins a
bare-name mention by its place in the text and checks that it joined the right person.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.convert import entities_from_doc
from tidings.nlp.lookup import entity_at
from tidings.nlp.names import person_tokens
from tidings.nlp.resolved import ResolvedEntity


def load(nlp: Language, fixtures: Path, name: str) -> Doc:
    return nlp((fixtures / "nlp" / name).read_text(encoding="utf-8"))


def at(doc: Doc, needle: str, words: int) -> tuple[int, int]:
    """The span of the first ``words`` words of ``needle`` (possessive left out) in the text."""
    start = doc.text.index(needle)
    name = " ".join(needle.split()[:words]).removesuffix("'s")
    return start, start + len(name)


def owner(doc: Doc, needle: str, words: int = 1) -> str:
    """The name of the entity that the mention opening ``needle`` joined."""
    span = at(doc, needle, words)
    entity = entity_at(doc, *span)
    assert entity is not None, needle
    assert span in entity.mentions, (needle, entity)
    return entity.name


def by_name(doc: Doc, name: str) -> ResolvedEntity:
    return next(e for e in doc._.tidings_entities if e.name == name)


def assert_no_orphan_surnames(doc: Doc) -> None:
    people = [e for e in doc._.tidings_entities if e.label == "PERSON"]
    full = {t for e in people if len(person_tokens(e.name)) > 1 for t in person_tokens(e.name)}
    orphans = [e.name for e in people if len(person_tokens(e.name)) == 1 and e.name.lower() in full]
    assert not orphans


def test_commander_son_and_brother(nlp: Language, fixtures: Path) -> None:
    doc = load(nlp, fixtures, "valley_commanders.txt")
    assert_no_orphan_surnames(doc)
    names = {e.name for e in doc._.tidings_entities if e.label == "PERSON"}
    # "Daoud Rahimi" is introduced as a full name: not a shortening of "Daoud Shah Rahimi".
    assert {"Daoud Rahimi", "Daoud Shah Rahimi", "Daoud Wali Rahimi"} <= names
    assert owner(doc, "Rahimi said the talks") == "Daoud Wali Rahimi"  # nearest full name
    assert owner(doc, "Rahimi was assassinated") == "Daoud Shah Rahimi"  # "the elder"
    assert owner(doc, "Rahimi's fighters") == "Daoud Rahimi"  # possessive, most recent
    assert owner(doc, "Daoud Rahimi now leads", 2) == "Daoud Rahimi"
    son = by_name(doc, "Daoud Rahimi")
    assert "son of Daoud Shah Rahimi" in son.titles
    assert "brother of Daoud Shah Rahimi" in by_name(doc, "Daoud Wali Rahimi").titles
    assert "commander" in by_name(doc, "Daoud Shah Rahimi").titles
    assert "Taliban spokesperson" in by_name(doc, "Samiullah Haqdost").titles
    assert "Former Vice President" in by_name(doc, "Nasrin Yusufzai").titles


def test_organisations_acronyms_and_places(nlp: Language, fixtures: Path) -> None:
    doc = load(nlp, fixtures, "valley_commanders.txt")
    nsf = by_name(doc, "National Salvation Front")
    assert len(nsf.mentions) == 3 and "NSF" in nsf.aliases
    taliban = by_name(doc, "Taliban")
    assert len(taliban.mentions) == 3  # "the Taliban" and "Taliban" are one
    assert len(by_name(doc, "Hindu Kush").mentions) == 2
    assert by_name(doc, "Panjshir Valley").label == "LOC"


def test_two_sisters(nlp: Language, fixtures: Path) -> None:
    doc = load(nlp, fixtures, "flooded_mill.txt")
    assert_no_orphan_surnames(doc)
    assert owner(doc, "Qureshi said insurers") == "Amina Qureshi"
    assert owner(doc, "Qureshi added") == "Farah Qureshi"
    assert "company's chief executive" in by_name(doc, "Amina Qureshi").titles
    assert "mill's operations manager" in by_name(doc, "Farah Qureshi").titles
    us = by_name(doc, "United States")
    assert "U.S." in us.aliases and len(us.mentions) == 2
    assert "WFP" in by_name(doc, "World Food Programme").aliases


def test_father_and_son_politicians(nlp: Language, fixtures: Path) -> None:
    doc = load(nlp, fixtures, "governor_son.txt")
    assert_no_orphan_surnames(doc)
    assert owner(doc, "Lindqvist defended") == "Erik Lindqvist"  # "the younger"
    assert owner(doc, "Lindqvist said Swedish") == "Robert Lindqvist"  # "Governor"
    assert owner(doc, "Lindqvist spoke") == "Robert Lindqvist"  # "the elder"
    assert owner(doc, "Lindqvist also said") == "Robert Lindqvist"  # most recent
    assert "son of Robert Lindqvist" in by_name(doc, "Erik Lindqvist").titles
    assert "Former Governor" in by_name(doc, "Robert Lindqvist").titles


@pytest.mark.parametrize("name", ["valley_commanders.txt", "flooded_mill.txt", "governor_son.txt"])
def test_mentions_index_the_text_and_convert(nlp: Language, fixtures: Path, name: str) -> None:
    doc = load(nlp, fixtures, name)
    entities = entities_from_doc(doc)
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]
    for entity in entities:
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
            assert not mention.text.endswith("'s")
    for number, resolved in enumerate(doc._.tidings_entities):
        for mention in resolved.mentions:
            assert doc._.tidings_entity_index[mention] == number


def test_an_organisation_glossed_in_apposition_is_one_entity(nlp: Language) -> None:
    doc = nlp(
        "Rivers rose again overnight. Sempra, the Moravian Forum for the Environment, said in a "
        "statement that the dikes were too low. Sempra has warned of this for years."
    )
    forum = by_name(doc, "Moravian Forum for the Environment")
    assert forum.label == "ORG" and "Sempra" in forum.aliases


def test_an_alliance_name_joined_by_and_is_whole(nlp: Language) -> None:
    doc = nlp("The Alliance of Mountain and Coastal States refused to back the draft on Tuesday.")
    assert by_name(doc, "Alliance of Mountain and Coastal States").label == "ORG"
