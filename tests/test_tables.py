"""The one reader of the resource tables."""

from __future__ import annotations

from pathlib import Path

from tidings.tables import resource_path, table_records, table_rows

TABLE = "# what the columns mean\nword\tkind\tnote\n\nsaid \tcue\n# a comment\ntold\tcue\tx\n"


def test_rows_skip_comments_blank_lines_and_the_header(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(TABLE, encoding="utf-8")
    assert table_rows(path) == [["said", "cue"], ["told", "cue", "x"]]


def test_records_fill_missing_cells(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(TABLE, encoding="utf-8")
    assert table_records(path) == [
        {"word": "said", "kind": "cue", "note": ""},
        {"word": "told", "kind": "cue", "note": "x"},
    ]


def test_every_shipped_table_has_a_header_and_rows() -> None:
    folder = resource_path("quote_cues.tsv").parent
    tables = sorted(folder.glob("*.tsv"))
    assert len(tables) >= 10
    for path in tables:
        assert table_records(path), path.name
