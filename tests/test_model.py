"""The contract: model.py, the JSON Schema and docs/contract.md agree, and real output validates."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import tidings
from tidings.model import SCHEMA, Article, Entity, Event, Extraction, Geo, Mention, Quote, Timex

DOCS = Path(__file__).resolve().parent.parent / "docs" / "contract.md"


@pytest.fixture(scope="module")
def schema() -> dict:
    text = resources.files("tidings").joinpath("resources/schema/article-1.schema.json")
    return json.loads(text.read_text(encoding="utf-8"))


def _sample() -> Extraction:
    text = "Ahmad Wali Massoud spoke in Kabul on Sunday."
    return Extraction(
        article=Article(
            id="0123456789abcdef",
            title="T",
            source="Kabul Ledger",
            url=None,
            published="2021-08-22",
            language="en",
            text=text,
        ),
        entities=(
            Entity(
                id="e1",
                type="PERSON",
                name="Ahmad Wali Massoud",
                mentions=(Mention(0, 18, "Ahmad Wali Massoud"),),
            ),
            Entity(
                id="e2",
                type="GPE",
                name="Kabul",
                mentions=(Mention(28, 33, "Kabul"),),
                geo=Geo(34.53, 69.17, 1138958, "AF", "P.PPLC"),
            ),
        ),
        quotes=(Quote("q1", "x", "direct", "e1", "Massoud", "said", None, "2021-08-22", 0, 5),),
        timexes=(Timex("Sunday", "DATE", "2021-08-22", 37, 43),),
        events=(
            Event("ev1", "CONSULT", None, "e1", None, "e2", None, False, None, "spoke", 19, 24),
        ),
    )


def test_sample_validates_and_round_trips(schema: dict) -> None:
    body = _sample().as_dict()
    jsonschema.validate(body, schema)
    assert body["schema"] == SCHEMA
    assert Extraction.from_dict(json.loads(json.dumps(body))) == _sample()


def test_schema_rejects_a_wrong_document(schema: dict) -> None:
    body = _sample().as_dict()
    body["quotes"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(body, schema)
    body = _sample().as_dict()
    del body["article"]["text"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(body, schema)


def test_from_dict_refuses_another_schema() -> None:
    body = _sample().as_dict()
    body["schema"] = "tidings/article@9"
    with pytest.raises(ValueError, match="article@1"):
        Extraction.from_dict(body)


SECTIONS = {
    Article: ("article", "#/properties/article"),
    Entity: ("entities[]", "#/$defs/entity"),
    Mention: ("mentions[]", "#/$defs/mention"),
    Geo: ("geo", "#/$defs/geo"),
    Quote: ("quotes[]", "#/$defs/quote"),
    Timex: ("timexes[]", "#/$defs/timex"),
    Event: ("events[]", "#/$defs/event"),
}


def _schema_node(schema: dict, pointer: str) -> dict:
    node = schema
    for part in pointer.lstrip("#/").split("/"):
        node = node[part]
    return node


def _doc_fields(heading: str) -> list[str]:
    """Field names in the table under the markdown heading `` `heading` ``."""
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(rf"^#+ `{re.escape(heading)}`\n(.*?)(?=^#)", text, re.S | re.M)
    assert match, f"docs/contract.md has no section for `{heading}`"
    return re.findall(r"^\| `(\w+)` \|", match.group(1), re.M)


@pytest.mark.parametrize("cls", list(SECTIONS), ids=lambda c: c.__name__)
def test_model_schema_and_docs_agree(cls: type, schema: dict) -> None:
    heading, pointer = SECTIONS[cls]
    names = [f.name for f in fields(cls)]
    assert list(_schema_node(schema, pointer)["properties"]) == names
    assert _doc_fields(heading) == names


def test_top_level_agrees(schema: dict) -> None:
    names = ["schema"] + [f.name for f in fields(Extraction)]
    assert list(schema["properties"]) == names
    top = re.search(r"^## Top level\n(.*?)(?=^## )", DOCS.read_text(), re.S | re.M)
    assert top
    assert re.findall(r"^\| `(\w+)` \|", top.group(1), re.M) == names


def test_public_api_is_sorted_and_importable() -> None:
    assert tidings.__all__ == sorted(tidings.__all__)
    for name in tidings.__all__:
        assert hasattr(tidings, name), name


def test_version_matches_the_package_metadata() -> None:
    from importlib.metadata import version

    assert tidings.__version__ == version("tidings")
