"""`tidings extract` through the real console script: output validates, usage errors are tidy."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
TEXT_SAMPLE = SAMPLES / "2026-03-02-pamir-courier-khorog-clashes.txt"


@pytest.fixture(scope="module")
def schema() -> dict:
    path = resources.files("tidings").joinpath("resources/schema/article-1.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted(run_cli) -> dict:
    result = run_cli("extract", "--published", "2026-03-02", str(TEXT_SAMPLE))
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_output_validates_against_the_schema(extracted: dict, schema: dict) -> None:
    jsonschema.validate(extracted, schema)
    assert extracted["schema"] == "tidings/article@1"
    assert extracted["article"]["published"] == "2026-03-02"


def test_every_offset_indexes_the_article_text(extracted: dict) -> None:
    text = extracted["article"]["text"]
    assert extracted["entities"], "the sample names people and places"
    for entity in extracted["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    for timex in extracted["timexes"]:
        assert text[timex["start"] : timex["end"]] == timex["text"]


def test_quotes_index_the_text_and_events_are_not_yet_built(extracted: dict) -> None:
    text = extracted["article"]["text"]
    quotes = extracted["quotes"]
    assert quotes
    for quote in quotes:
        assert quote["kind"] in ("direct", "partial", "indirect")
        assert 0 <= quote["start"] < quote["end"] <= len(text)
        assert text[quote["start"] : quote["end"]] == quote["text"]
    names = {e["id"]: e["name"] for e in extracted["entities"]}
    speakers = {names.get(q["speaker"]) for q in quotes}
    assert {"Rustam Nazarov", "Davron Nazarov"} <= speakers
    events = extracted["events"]  # the events stage: PLOVER-coded clashes in the sample
    assert events and all(text[e["start"] : e["end"]] == e["trigger"] for e in events)
    assert "ASSAULT" in {e["type"] for e in events}


def test_markdown_summary(run_cli) -> None:
    result = run_cli("extract", "--format", "md", "--published", "2026-03-04", str(TEXT_SAMPLE))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert out.startswith("# ")
    assert "## Entities" in out
    assert "Rustam Nazarov" in out


def test_version(run_cli) -> None:
    from tidings import __version__

    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout.decode()


@pytest.mark.parametrize(
    "args",
    [
        ("extract",),
        ("extract", "--published", "2021-13-01", "x.txt"),
        ("extract", "--published", "last Sunday", "x.txt"),
        ("extract", "--format", "xml", "x.txt"),
        ("no-such-command",),
    ],
    ids=["no-source", "bad-month", "not-a-date", "bad-format", "unknown-command"],
)
def test_usage_errors_are_one_line_with_exit_2(run_cli, args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.startswith("tidings: error: ")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
