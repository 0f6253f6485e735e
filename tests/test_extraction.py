"""The Python API's main job, from an ingested document to a contract record."""

from __future__ import annotations

import pytest

from tidings import InvalidDate, RawDocument, extract_document
from tidings.extraction import check_date
from tidings.model import article_id

TEXT = "Farrukh Nazarov, a former health minister, spoke in Khorog on Sunday.\n"


def test_published_overrides_the_source(nlp) -> None:
    raw = RawDocument(text=TEXT, published="2026-01-01", origin="t")
    assert extract_document(raw).article.published == "2026-01-01"
    assert extract_document(raw, published="2026-03-02").article.published == "2026-03-02"


def test_article_id_is_a_content_hash(nlp) -> None:
    a = extract_document(RawDocument(text=TEXT, source="A", origin="a"))
    b = extract_document(RawDocument(text=TEXT, source="B", origin="b"))
    assert a.article.id == b.article.id == article_id(TEXT)
    assert article_id(TEXT + " ") != a.article.id


def test_a_non_english_article_gets_a_warning_not_a_crash(nlp) -> None:
    raw = RawDocument(text="Le ministre a parlé à Paris dimanche.", language="fr", origin="fr.txt")
    result = extract_document(raw)
    assert result.article.language == "fr"
    assert result.entities == ()
    assert any("'fr'" in w and "English only" in w for w in result.warnings)


@pytest.mark.parametrize("bad", ["2021-02-30", "21-08-19", "19/08/2021", "", "2021-8-1"])
def test_bad_dates_are_refused(bad: str) -> None:
    with pytest.raises(InvalidDate, match="YYYY-MM-DD"):
        check_date(bad)


def test_good_date_is_normalised() -> None:
    assert check_date(" 2021-08-19 ") == "2021-08-19"
