"""HTML pages: article body without page furniture, and the page's own metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import EmptyInput
from tidings.ingest.html import (
    declared_charset,
    declared_language,
    looks_like_html,
    read_html,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
PAGE = (FIXTURES / "article.html").read_text(encoding="utf-8")
CREDIT_PAGE = (FIXTURES / "article_credit.html").read_text(encoding="utf-8")

# What trafilatura itself must leave out; teaser lines inside the body ("READ MORE: …") are
# the boilerplate module's job and are checked in test_ingest_read_source.py.
FURNITURE = [
    "cookies",
    "Manage preferences",
    "Politics",
    "Search the Courier",
    "Aid budgets shrink",
    "WhatsApp",
    "Heartbreaking news",
    "dams upstream",
    "Privacy policy",
    "All rights reserved",
    "daily newsletter",
]


@pytest.fixture(scope="module")
def article() -> object:
    return read_html(PAGE, url=None, name="article.html")


def test_metadata_comes_from_the_page(article) -> None:
    assert article.title == "Floods cut off villages in Herat province"
    assert article.author == "Dalia Ferrante"
    assert article.site_name == "The Meridian Courier"
    assert article.url == "https://meridian-courier.example/world/2024/03/12/herat-floods"
    assert article.published == "2024-03-12"  # the original date, not the modified one
    assert article.language == "en"  # from lang="en-GB"


def test_body_keeps_every_paragraph(article) -> None:
    for sentence in [
        "Flash floods swept through a string of villages",
        "at least 14 people had died",
        "“We lost everything in one night",
        "Nadia Kerimova, who leads the Herat office",
        "before the nights get cold again.”",
        "opened two schools in Herat city",
        "raising fears of further flooding along the river.",
    ]:
        assert sentence in article.text


@pytest.mark.parametrize("furniture", FURNITURE)
def test_page_furniture_is_dropped(article, furniture: str) -> None:
    assert furniture not in article.text


def test_paragraphs_are_separated_by_a_blank_line(article) -> None:
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) >= 7
    assert all(p.strip() == p and "\n" not in p for p in paragraphs)


def test_fetched_url_is_used_without_a_canonical_link() -> None:
    page = read_html(CREDIT_PAGE, url="https://ledger.example/aid", name="x")
    assert page.url == "https://ledger.example/aid"
    assert page.site_name is None  # not made up from the host name
    assert page.published == "2023-11-02"


def test_no_url_at_all_for_a_file_without_canonical_link() -> None:
    assert read_html(CREDIT_PAGE, url=None, name="x").url is None


def test_a_page_with_only_navigation_is_empty() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<footer>Contact · Privacy</footer></body></html>"
    )
    with pytest.raises(EmptyInput, match="no article text found"):
        read_html(html, url=None, name="nav.html")


def test_unstructured_page_falls_back_with_a_warning() -> None:
    words = " ".join(["Relief workers reached the flooded district by boat on Monday."] * 8)
    html = f"<html><body><div><span>{words}</span></div></body></html>"
    page = read_html(html, url=None, name="odd.html")
    assert "Relief workers reached" in page.text
    if page.warnings:  # extraction found the body with some settings; which ones may vary
        assert page.warnings[0].startswith("odd.html: ")


@pytest.mark.parametrize(
    ("html", "language"),
    [
        ('<html lang="fr-FR"><body></body></html>', "fr"),
        ("<html xml:lang='de'><body></body></html>", "de"),
        ('<html><head><meta property="og:locale" content="es_ES"></head></html>', "es"),
        ('<html><head><meta http-equiv="content-language" content="it"></head></html>', "it"),
        ("<html><body><p>no language</p></body></html>", None),
    ],
)
def test_declared_language(html: str, language: str | None) -> None:
    assert declared_language(html) == language


def test_declared_charset() -> None:
    assert declared_charset(b'<html><head><meta charset="windows-1252">') == "windows-1252"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">')
        == "UTF-8"
    )
    assert declared_charset(b"<html><body>no charset</body></html>") is None


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("  <html>\n<body>x</body></html>", True),
        ("<div><p>One</p><p>Two</p></div>", True),
        ("Floods <and> storms hit the coast on Monday, officials said.", False),
        ("The 3 < 5 rule and <p> mentioned once in prose.", False),
    ],
)
def test_html_is_sniffed_from_content(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html
