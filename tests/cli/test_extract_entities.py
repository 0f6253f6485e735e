"""Same-surname people through the real CLI: every bare surname joins the right person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "samples"
    / "articles"
    / "2026-03-02-pamir-courier-khorog-clashes.txt"
)


@pytest.fixture(scope="module")
def record(run_cli) -> dict:
    result = run_cli("extract", "--published", "2026-03-02", str(SAMPLE))
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def _owner(record: dict, phrase: str, word: str) -> str | None:
    """Name of the entity holding the mention of ``word`` that starts ``phrase`` in the text."""
    start = record["article"]["text"].index(phrase)
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            if mention["start"] == start and mention["text"] == word:
                return entity["name"]
    return None


def test_no_bare_surname_person_remains(record: dict) -> None:
    people = [e["name"] for e in record["entities"] if e["type"] == "PERSON"]
    surnames = {name.split()[-1] for name in people if len(name.split()) > 1}
    assert not [name for name in people if len(name.split()) == 1 and name in surnames]
    assert people.count("Rustam Nazarov") == 1


def test_three_nazarovs_are_three_people(record: dict) -> None:
    people = {e["name"] for e in record["entities"] if e["type"] == "PERSON"}
    assert {"Rustam Nazarov", "Davron Nazarov", "Farrukh Nazarov"} <= people


def test_bare_surname_joins_the_brother_just_introduced(record: dict) -> None:
    # "The brother of Rustam Nazarov, Farrukh Nazarov, has sided with the council.
    #  Nazarov, a former health minister, told ..."
    assert _owner(record, "Nazarov, a former health minister", "Nazarov") == "Farrukh Nazarov"


def test_family_name_as_a_modifier_is_no_person(record: dict) -> None:
    # The headline's "Nazarov family" names no single person.
    headline_start = record["article"]["text"].index("Nazarov family")
    for entity in record["entities"]:
        assert all(m["start"] != headline_start for m in entity["mentions"])


def test_titles_and_relations_are_collected(record: dict) -> None:
    titles = {e["name"]: e["titles"] for e in record["entities"]}
    assert "former health minister" in titles["Farrukh Nazarov"]
    assert "brother of Rustam Nazarov" in titles["Farrukh Nazarov"]
    assert "son of Rustam Nazarov" in titles["Davron Nazarov"]
