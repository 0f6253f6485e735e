"""Teaser, share and credit lines are stripped; prose that looks like them is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.ingest.boilerplate import load_patterns, strip_boilerplate

BODY = "The minister said the ceasefire would hold.\n\nTalks resume on Friday."


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Floods displace thousands in Herat",
        "Read more",
        "Read more…",
        "Read more: Aid convoy reaches Kandahar",
        "read more » Aid convoy reaches Kandahar",
        "Related: Aid convoy reaches Kandahar",
        "• Related: Aid convoy reaches Kandahar",
        "Related articles",
        "RELATED STORIES",
        "Also read: Snow closes the Salang tunnel",
        "ALSO READ Snow closes the Salang tunnel",
        "Click here to subscribe to breaking news alerts",
        "Share this article",
        "Facebook | Twitter | WhatsApp",
        "Sign up for our daily briefing newsletter",
        "Advertisement",
        "You may also like:",
    ],
)
def test_teaser_lines_are_removed(line: str) -> None:
    text = f"The minister said the ceasefire would hold.\n\n{line}\n\nTalks resume on Friday."
    result = strip_boilerplate(text)
    assert result.text == BODY
    assert result.removed == (line,)
    assert result.credit is None


@pytest.mark.parametrize(
    "line",
    [
        "Read more about the ceasefire terms in the annex, the minister said.",
        "Related talks in Geneva collapsed last year, diplomats said.",
        "Also read by the committee was a letter from the families of the detainees.",
        "Click here to see how the militia advanced was the message on the rebels' channel, "
        "which also carried a map of the front line, a list of captured towns and a long "
        "statement from the commander about the coming weeks of the offensive.",
        "Shares in the state airline fell 4% after the announcement.",
        "The sources said the convoy had been delayed: Source: none of them would be named.",
    ],
)
def test_prose_that_starts_like_a_teaser_is_kept(line: str) -> None:
    text = f"The minister said the ceasefire would hold.\n\n{line}\n\nTalks resume on Friday."
    result = strip_boilerplate(text)
    assert result.text == text
    assert result.removed == ()


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Source: Kabul Ledger", "Kabul Ledger"),
        ("(Source: Reuters)", "Reuters"),
        ("SOURCE: News agencies", "News agencies"),
        ("(With inputs from Harbour Wire)", "Harbour Wire"),
    ],
)
def test_trailing_credit_gives_the_outlet(line: str, outlet: str) -> None:
    result = strip_boilerplate(f"{BODY}\n\n{line}\n")
    assert result.text == BODY
    assert result.credit == outlet


def test_credit_line_after_a_teaser_is_still_trailing() -> None:
    result = strip_boilerplate(f"{BODY}\n\nSource: Kabul Ledger\n\nRead more")
    assert result.text == BODY
    assert result.credit == "Kabul Ledger"


def test_credit_line_in_the_middle_is_kept() -> None:
    text = f"Source: Kabul Ledger\n\n{BODY}"
    result = strip_boilerplate(text)
    assert result.text == text
    assert result.credit is None


def test_text_without_boilerplate_is_returned_unchanged() -> None:
    text = "  Indented first line.\n\n\n\nSecond paragraph.  "
    assert strip_boilerplate(text).text == text


def test_patterns_can_be_extended_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "lines.tsv"
    path.write_text(
        "# custom\naction\tcase\tmax_chars\tpattern\ndrop\ti\t40\tmore from our partners\n",
        encoding="utf-8",
    )
    patterns = load_patterns(path)
    result = strip_boilerplate(f"{BODY}\n\nMore from our partners", patterns)
    assert result.text == BODY


@pytest.mark.parametrize(
    "row",
    ["drop\tx\t40\tread", "keep\ti\t40\tread", "drop\ti\t40", "credit\ti\t40\tsource: .*"],
)
def test_malformed_pattern_files_are_rejected(tmp_path: Path, row: str) -> None:
    path = tmp_path / "lines.tsv"
    path.write_text(f"action\tcase\tmax_chars\tpattern\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lines.tsv:2"):
        load_patterns(path)


def test_packaged_patterns_load() -> None:
    actions = {p.action for p in load_patterns()}
    assert actions == {"drop", "credit"}
