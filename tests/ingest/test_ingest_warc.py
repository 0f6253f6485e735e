"""WARC and WARC.gz input; the archives are written in tmp_path with warcio."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.errors import UnsupportedInput
from tidings.ingest.warc import iter_warc

PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{body} The district council said the work would finish before the snow.</p>"
    "</article></body></html>"
)


def write_warc(path: Path, *, gzip: bool) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        pages = [
            (
                "https://a.example/one",
                "text/html; charset=utf-8",
                "200 OK",
                "Bridge repaired",
                "Engineers repaired the bridge.",
            ),
            ("https://a.example/style.css", "text/css", "200 OK", "", ""),
            ("https://a.example/gone", "text/html", "404 Not Found", "Gone", "Nothing here."),
            (
                "https://a.example/two",
                "text/html",
                "200 OK",
                "Road reopened",
                "The road reopened on Thursday.",
            ),
        ]
        for url, ctype, status, title, body in pages:
            payload = PAGE.format(title=title, body=body).encode() if title else b"body{}"
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(payload), length=len(payload), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("gzip", [False, True])
def test_html_responses_become_items(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_warc(path, gzip=gzip)
    items = list(iter_warc(path))
    assert [i.url for i in items] == ["https://a.example/one", "https://a.example/two"]
    assert len({i.fingerprint for i in items}) == 2
    second = items[1].load()  # read back from its offset alone
    assert "The road reopened on Thursday." in second.text
    assert second.url == "https://a.example/two"
    assert items[0].origin == f"{path}#https://a.example/one"


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not an archive\n" * 10)
    with pytest.raises(UnsupportedInput, match="is not a WARC file"):
        list(iter_warc(path))
