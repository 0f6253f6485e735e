"""URL fetching against a real server on 127.0.0.1, and the address guard on literal IPs."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import pytest
from ingest_server import SLOW_SECONDS, LocalServer

from tidings.errors import (
    BinaryInput,
    FetchError,
    FetchRefused,
    InputTooLarge,
    UnsupportedInput,
)
from tidings.ingest import fetch as fetch_module
from tidings.ingest import limits, read_source
from tidings.ingest.fetch import check_address, fetch, is_public_address

pytestmark = pytest.mark.network

REFUSED = [
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",  # cloud metadata endpoint
    "100.64.0.1",  # carrier-grade NAT
    "0.0.0.0",
    "224.0.0.1",
    "240.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fd00::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.1.2.3",
    "::ffff:169.254.169.254",
    "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 wrapping 10.0.0.1
    "2001:db8::1",  # documentation range
]
PUBLIC = ["8.8.8.8", "93.184.215.14", "2606:4700:4700::1111", "::ffff:8.8.8.8"]


@pytest.mark.parametrize("address", REFUSED)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))
    with pytest.raises(FetchRefused, match="--allow-private"):
        check_address(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))
    check_address(address)


def test_loopback_url_is_refused_without_allow_private(local_server: LocalServer) -> None:
    with pytest.raises(FetchRefused, match="127.0.0.1"):
        fetch(local_server.url("/article.html"))
    assert local_server.requests == [], "the guard must act before any connection"


def test_loopback_host_name_is_refused(local_server: LocalServer) -> None:
    # "localhost" resolves to loopback addresses; the check looks at what the name resolves to.
    with pytest.raises(FetchRefused):
        fetch(local_server.url("/article.html", host="localhost"))
    assert local_server.requests == []


def test_allow_private_fetches_the_page(local_server: LocalServer) -> None:
    page = fetch(local_server.url("/article.html"), allow_private=True)
    assert page.content.startswith(b"<!DOCTYPE html>")
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert local_server.requests[0]["user-agent"].startswith("tidings/")


def test_read_source_over_http_gives_the_article(local_server: LocalServer) -> None:
    doc = read_source(local_server.url("/article.html"), allow_private=True)
    assert doc.title == "Floods cut off villages in Herat province"
    assert doc.source == "The Meridian Courier"
    assert doc.url == "https://meridian-courier.example/world/2024/03/12/herat-floods"
    assert doc.origin == local_server.url("/article.html")
    assert "Flash floods swept" in doc.text


def test_charset_from_content_type_decodes_text(local_server: LocalServer) -> None:
    doc = read_source(local_server.url("/article-cp1252.txt"), allow_private=True)
    assert "Amélie Durand" in doc.text and "“Both delegations" in doc.text
    assert doc.url == local_server.url("/article-cp1252.txt")
    assert doc.warnings == ()  # the server declared the charset: nothing was guessed


def test_redirects_are_followed_within_the_limit(local_server: LocalServer) -> None:
    # /redirect/N answers N+1 redirects: N, N-1, ..., 0, then the article.
    hops = fetch_module.MAX_REDIRECTS
    page = fetch(local_server.url(f"/redirect/{hops - 1}"), allow_private=True)
    assert len(local_server.requests) == hops + 1
    assert page.url == local_server.url("/article.html")


def test_too_many_redirects_is_a_fetch_error(local_server: LocalServer) -> None:
    with pytest.raises(FetchError, match="redirects"):
        fetch(local_server.url(f"/redirect/{fetch_module.MAX_REDIRECTS}"), allow_private=True)
    assert len(local_server.requests) == fetch_module.MAX_REDIRECTS + 1


def test_redirect_to_a_private_address_is_refused(
    local_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "news.test" stands for a public site: it resolves (here) to the loopback server and
    # passes the guard; its redirect to 127.0.0.1 must then be checked again and refused.
    real_resolve, real_check = fetch_module.resolve, fetch_module.check_address

    def resolve(host: str, port: int) -> list[fetch_module.IPAddress]:
        if host == "news.test":
            return [ipaddress.IPv4Address("127.0.0.1")]
        return real_resolve(host, port)

    def check(address: fetch_module.IPAddress | str, *, url: str | None = None) -> None:
        if url is None or urlsplit(url).hostname != "news.test":
            real_check(address, url=url)

    monkeypatch.setattr(fetch_module, "resolve", resolve)
    monkeypatch.setattr(fetch_module, "check_address", check)
    with pytest.raises(FetchRefused, match="127.0.0.1"):
        fetch(local_server.url("/to-loopback", host="news.test"))
    # One request only: the first hop. The request went to the address that was checked,
    # with the host name in the Host header.
    assert [r["path"] for r in local_server.requests] == ["/to-loopback"]
    assert local_server.requests[0]["host"] == f"news.test:{local_server.port}"


def test_redirect_to_another_scheme_is_unsupported(local_server: LocalServer) -> None:
    with pytest.raises(UnsupportedInput, match="http and https"):
        fetch(local_server.url("/to-file"), allow_private=True)


@pytest.mark.parametrize("url", ["ftp://example.com/a.txt", "file:///etc/passwd"])
def test_other_schemes_are_unsupported(url: str) -> None:
    with pytest.raises(UnsupportedInput):
        read_source(url)


def test_an_image_is_refused(local_server: LocalServer) -> None:
    with pytest.raises(BinaryInput, match="image/png"):
        fetch(local_server.url("/image.png"), allow_private=True)


def test_an_unreadable_type_is_unsupported(local_server: LocalServer) -> None:
    with pytest.raises(UnsupportedInput, match="application/json"):
        fetch(local_server.url("/data.json"), allow_private=True)


@pytest.mark.parametrize("path", ["/big", "/big-unsized", "/big-gzipped"])
def test_oversized_body_is_too_large(
    local_server: LocalServer, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 16 * 1024)
    with pytest.raises(InputTooLarge, match="larger than"):
        fetch(local_server.url(path), allow_private=True)


def test_body_under_the_cap_is_read_whole(local_server: LocalServer) -> None:
    page = fetch(local_server.url("/big-gzipped"), allow_private=True)
    assert len(page.content) > 100_000  # decoded from the gzip Content-Encoding


@pytest.mark.parametrize("path", ["/missing", "/error"])
def test_http_errors_are_fetch_errors(local_server: LocalServer, path: str) -> None:
    with pytest.raises(FetchError, match=r"HTTP (404|500)"):
        fetch(local_server.url(path), allow_private=True)


def test_unreachable_port_is_a_fetch_error() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Nothing listens on the port now that the socket is closed.
    with pytest.raises(FetchError, match="could not connect"):
        fetch(f"http://127.0.0.1:{port}/", allow_private=True)


def test_read_timeout_is_a_fetch_error(
    local_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch_module, "READ_TIMEOUT_S", SLOW_SECONDS / 5)
    with pytest.raises(FetchError, match="timed out"):
        fetch(local_server.url("/slow"), allow_private=True)


def test_unresolvable_host_is_a_fetch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    # No DNS traffic: the resolver itself is replaced.
    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", fail)
    with pytest.raises(FetchError, match="cannot resolve host"):
        fetch("https://no-such-host.invalid/article")
