"""JSON Lines input: one article per line, metadata from the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import EmptyInput, InvalidDate, UnsupportedInput
from tidings.ingest.jsonl import iter_jsonl, parse_line

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def test_items_per_line_with_stable_fingerprints() -> None:
    items = list(iter_jsonl(CORPUS / "articles.jsonl"))
    assert [i.line for i in items] == [1, 2, 3]
    assert len({i.fingerprint for i in items}) == 3
    assert [i.fingerprint for i in iter_jsonl(CORPUS / "articles.jsonl")] == [
        i.fingerprint for i in items
    ]


def test_text_record_keeps_its_metadata() -> None:
    first = next(iter(iter_jsonl(CORPUS / "articles.jsonl")))
    raw = first.load()
    assert raw.title == "Snow closes the Anzob pass"
    assert raw.source == "Pass Watch" and raw.published == "2026-04-04"
    assert raw.url == "https://pass-watch.example/anzob"
    assert "Heavy snow closed the Anzob pass" in raw.text
    assert first.origin.endswith("articles.jsonl:1")


def test_html_record_is_read_as_a_page_and_a_timestamp_as_its_day() -> None:
    raw = list(iter_jsonl(CORPUS / "articles.jsonl"))[1].load()
    assert "snowploughs cleared it overnight" in raw.text
    assert "<p>" not in raw.text
    assert raw.published == "2026-04-05"


def test_bad_lines_raise_input_errors(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput, match="no text or html"):
        parse_line(b'{"title": "x"}', origin="f:1")
    with pytest.raises(UnsupportedInput, match="not a JSON object"):
        parse_line(b"{not json", origin="f:2")
    with pytest.raises(UnsupportedInput):
        parse_line(b"[1, 2]", origin="f:3")
    with pytest.raises(InvalidDate):
        parse_line(b'{"text": "Some words here.", "published": "last week"}', origin="f:4")


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('\n{"text": "One."}\n\n{"text": "Two."}\n', encoding="utf-8")
    items = list(iter_jsonl(path))
    assert [i.line for i in items] == [2, 4]
    assert items[1].load().text.startswith("Two.")
