"""`tidings extract` on every kind of input, through the real console script.

Bad inputs: exactly one line on stderr, no traceback, exit 1. Good inputs: a record whose
article fields come from the source and whose text has no boilerplate lines.
"""

from __future__ import annotations

import gzip
import json
import socket
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
HTML = FIXTURES / "article.html"
TEXT = FIXTURES / "article.txt"
RAW_CAP = 10 * 1024 * 1024


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def assert_one_line_error(result, *fragments: str) -> str:
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("tidings: error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert result.stdout == b""
    return lines[0]


def extract_ok(run_cli, *args: str, stdin: bytes | None = None) -> dict:
    result = run_cli("extract", *args, stdin=stdin)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


# --- bad inputs ----------------------------------------------------------------------------


def test_missing_file(run_cli, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-article.txt"
    assert_one_line_error(run_cli("extract", str(missing)), "no such file", "check the path")


def test_empty_file(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_one_line_error(run_cli("extract", str(path)), "is empty")


def test_whitespace_only_file(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\n \n\t\n")
    assert_one_line_error(run_cli("extract", str(path)), "white space")


def test_binary_file(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_line_error(run_cli("extract", str(path)), "PNG image")


def test_directory(run_cli, tmp_path: Path) -> None:
    assert_one_line_error(run_cli("extract", str(tmp_path)), "is a directory")


def test_oversized_file(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Flood waters rose again overnight. " * (RAW_CAP // 35 + 10))
    assert path.stat().st_size > RAW_CAP
    assert_one_line_error(run_cli("extract", str(path)), "larger than 10 MB")


def test_unreachable_url(run_cli) -> None:
    url = f"http://127.0.0.1:{closed_port()}/article.html"
    assert_one_line_error(run_cli("extract", "--allow-private", url), url, "could not connect")


def test_private_url_is_refused(run_cli) -> None:
    # Refused before any connection is tried, so nothing needs to listen on the port.
    url = f"http://127.0.0.1:{closed_port()}/article.html"
    assert_one_line_error(run_cli("extract", url), "refusing to fetch", "--allow-private")


def test_unsupported_scheme(run_cli) -> None:
    assert_one_line_error(run_cli("extract", "ftp://example.com/a.txt"), "http and https")


# --- good inputs (each loads the model: keep them few) -------------------------------------


@pytest.fixture(scope="module")
def html_record(run_cli) -> dict:
    return extract_ok(run_cli, str(HTML))


def test_html_metadata_reaches_the_record(html_record: dict) -> None:
    article = html_record["article"]
    assert article["title"] == "Floods cut off villages in Herat province"
    assert article["source"] == "The Meridian Courier"
    assert article["published"] == "2024-03-12"
    assert article["url"] == "https://meridian-courier.example/world/2024/03/12/herat-floods"
    assert article["language"] == "en"
    assert html_record["entities"], "an English article goes through the pipeline"


def test_html_text_has_no_boilerplate(html_record: dict) -> None:
    text = html_record["article"]["text"]
    assert "Flash floods swept through a string of villages" in text
    for line in ["READ MORE", "Drought and debt", "Related articles", "Share this article"]:
        assert line not in text
    assert "\nRead more\n" not in f"\n{text}\n"
    assert "cookies" not in text and "All rights reserved" not in text


def test_plain_text(run_cli) -> None:
    article = extract_ok(run_cli, str(TEXT))["article"]
    assert article["title"] == "Ceasefire talks resume in Doha as fighting eases"
    assert "READ MORE" not in article["text"]
    assert "Read more about the ceasefire terms" in article["text"]


def test_gzipped_html(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "article.html.gz"
    path.write_bytes(gzip.compress(HTML.read_bytes()))
    article = extract_ok(run_cli, str(path))["article"]
    assert article["source"] == "The Meridian Courier"


def test_stdin(run_cli) -> None:
    article = extract_ok(run_cli, "-", stdin=TEXT.read_bytes())["article"]
    assert article["text"].startswith("Ceasefire talks resume in Doha")


def test_cp1252_file(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "article-cp1252.txt"
    path.write_bytes(TEXT.read_text(encoding="utf-8").encode("cp1252"))
    result = run_cli("extract", str(path))
    assert result.returncode == 0, result.stderr.decode()
    assert "Amélie Durand" in json.loads(result.stdout)["article"]["text"]
    assert "decoded as cp1252" in result.stderr.decode()


def test_non_english_text_is_recorded_not_refused(run_cli) -> None:
    result = run_cli("extract", str(FIXTURES / "article_fr.txt"))
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout)
    assert record["article"]["language"] == "fr"
    assert record["entities"] == []
    assert "English only" in result.stderr.decode()
