"""A real HTTP server on 127.0.0.1 (never any other address) for the fetch tests."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLE_HTML = (FIXTURES / "article.html").read_bytes()
ARTICLE_TEXT = (FIXTURES / "article.txt").read_bytes()
BIG_BODY = b"<html><body><p>" + b"flood " * 20_000 + b"</p></body></html>"
SLOW_SECONDS = 1.5


@dataclass
class LocalServer:
    port: int
    requests: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


def _handler(server_state: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass  # keep pytest output clean

        def do_GET(self) -> None:
            server_state.requests.append(
                {
                    "path": self.path,
                    "host": self.headers.get("Host", ""),
                    "user-agent": self.headers.get("User-Agent", ""),
                }
            )
            path = self.path
            if path == "/article.html":
                self._send(200, "text/html; charset=utf-8", ARTICLE_HTML)
            elif path == "/article.txt":
                self._send(200, "text/plain", ARTICLE_TEXT)
            elif path == "/article-cp1252.txt":
                body = ARTICLE_TEXT.decode("utf-8").encode("cp1252")
                self._send(200, "text/plain; charset=windows-1252", body)
            elif path.startswith("/redirect/"):
                left = int(path.rsplit("/", 1)[1])
                target = f"/redirect/{left - 1}" if left > 0 else "/article.html"
                self._redirect(target)
            elif path == "/to-loopback":
                self._redirect(server_state.url("/article.html"))
            elif path == "/to-file":
                self._redirect("file:///etc/passwd")
            elif path == "/image.png":
                self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
            elif path == "/data.json":
                self._send(200, "application/json", b'{"a": 1}')
            elif path == "/big":
                self._send(200, "text/html", BIG_BODY)
            elif path == "/big-unsized":
                self._send(200, "text/html", BIG_BODY, length=False)
            elif path == "/big-gzipped":
                self._send(200, "text/html", gzip.compress(BIG_BODY), encoding="gzip")
            elif path == "/slow":
                time.sleep(SLOW_SECONDS)
                self._send(200, "text/html", ARTICLE_HTML)
            elif path == "/error":
                self._send(500, "text/plain", b"boom")
            else:
                self._send(404, "text/plain", b"not found")

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _send(
            self,
            status: int,
            content_type: str,
            body: bytes,
            *,
            length: bool = True,
            encoding: str | None = None,
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if encoding:
                self.send_header("Content-Encoding", encoding)
            if length:
                self.send_header("Content-Length", str(len(body)))
            else:
                # HTTP/1.0 without a length: the body runs until the connection closes.
                self.close_connection = True
            self.end_headers()
            # The client hangs up on a body over its cap, as it should.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    return Handler


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    state = LocalServer(port=0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
