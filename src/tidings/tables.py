"""Reading the tab-separated tables in ``tidings/resources``.

Every table has the same shape, so analysts can extend any of them the same way: ``#`` lines
say what the columns mean, the first other line names the columns, and each further line is
a row. Blank lines are ignored and cells are stripped.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(name: str) -> Path:
    """The path of ``tidings/resources/<name>``."""
    return Path(str(resources.files("tidings").joinpath("resources", name)))


def table_rows(path: Path) -> list[list[str]]:
    """The rows of a table, after its column-name line."""
    lines = [
        line.rstrip("\r\n")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [[cell.strip() for cell in line.split("\t")] for line in lines[1:]]


def table_records(path: Path) -> list[dict[str, str]]:
    """The rows of a table as dicts keyed by its column names; a missing cell reads as ""."""
    lines = [
        line.rstrip("\r\n")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    if not lines:
        return []
    header = [name.strip() for name in lines[0].split("\t")]
    return [
        {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        for cells in (line.split("\t") for line in lines[1:])
    ]
