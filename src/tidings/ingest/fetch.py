"""Fetching an article over http(s), guarded against server-side request forgery.

Tidings will fetch URLs on behalf of other people, so by default it refuses any address that
is not on the public internet, re-checks every redirect hop, and connects to the very address
it checked (so a DNS answer cannot change between the check and the connection).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from .._version import __version__
from ..errors import BinaryInput, FetchError, FetchRefused, InputTooLarge, UnsupportedInput
from . import limits

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SCHEMES = {"http": 80, "https": 443}

_TEXT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/xml"})
_XML_TYPES = frozenset({"application/xml"})
_GZIP_TYPES = frozenset({"application/gzip", "application/x-gzip"})
# Servers often label any file "application/octet-stream"; the bytes then decide (the decode
# step refuses binary data).
_UNLABELLED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_BINARY_PREFIXES = ("image/", "audio/", "video/", "font/")
_BINARY_TYPES = frozenset({"application/pdf", "application/zip", "application/msword"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Fetched:
    """The body of the final response and what its headers said."""

    url: str  # after redirects
    content: bytes
    content_type: str  # media type only, lower case; "" when the server sent none
    charset: str | None


def fetch(url: str, *, allow_private: bool = False) -> Fetched:
    """GET ``url``, following up to ``MAX_REDIRECTS`` redirects, each hop checked.

    Raises ``UnsupportedInput`` (scheme), ``FetchRefused`` (a non-public address while
    ``allow_private`` is off), ``FetchError`` (DNS, connection, timeout, HTTP error, too many
    redirects), ``InputTooLarge`` and ``BinaryInput``.
    """
    timeout = httpx.Timeout(READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S)
    headers = {"User-Agent": user_agent(), "Accept": "text/html,application/xhtml+xml,text/plain"}
    # trust_env=False: an HTTP(S)_PROXY from the environment would make the address checks
    # meaningless, and .netrc credentials must not go to user-chosen hosts.
    with httpx.Client(timeout=timeout, headers=headers, trust_env=False) as client:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            request = _build_request(client, current, allow_private=allow_private)
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise FetchError(
                    f"{current}: timed out ({type(exc).__name__}); try again later or check the URL"
                ) from exc
            except httpx.HTTPError as exc:
                raise FetchError(
                    f"{current}: could not connect ({_reason(exc)}); check the URL and your network"
                ) from exc
            try:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = _redirect_target(current, response.headers["location"])
                    continue
                return _read(response, current)
            finally:
                response.close()
    raise FetchError(
        f"{url}: more than {MAX_REDIRECTS} redirects; open it in a browser and give the final URL"
    )


def user_agent() -> str:
    """``tidings/<version>``: names the tool to site owners without naming a host of ours."""
    return f"tidings/{__version__}"


def check_address(address: IPAddress | str, *, url: str | None = None) -> None:
    """Raise ``FetchRefused`` unless ``address`` is a public unicast internet address."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if not is_public_address(ip):
        where = f"{url}: " if url else ""
        raise FetchRefused(
            f"{where}refusing to fetch from {ip}, a private, loopback, link-local or reserved "
            "address; pass --allow-private if you trust this URL"
        )


def is_public_address(ip: IPAddress) -> bool:
    """True only for globally routable unicast addresses, looking inside IPv6 forms that
    carry an IPv4 address (mapped, 6to4, NAT64)."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or _nat64(ip)
        if embedded is not None:
            return is_public_address(embedded)
        if ip.teredo is not None:
            return False  # a tunnel to an address we cannot vet
    return bool(
        ip.is_global
        and not (
            ip.is_private
            or ip.is_loopback
            or ip.is_link_local
            or ip.is_multicast
            or ip.is_reserved
            or ip.is_unspecified
        )
    )


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to; ``FetchError`` when it does not resolve."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(
            f"cannot resolve host {host!r} ({exc}); check the URL and your network"
        ) from exc
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        # IPv6 link-local answers carry a zone ("fe80::1%eth0"); the zone does not matter here.
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in addresses:
            addresses.append(ip)
    return addresses


def _redirect_target(current: str, location: str) -> str:
    try:
        return urljoin(current, location)
    except ValueError as exc:
        raise FetchError(
            f"{current}: the server redirected to a malformed URL ({exc}); check the URL"
        ) from exc


def _build_request(client: httpx.Client, url: str, *, allow_private: bool) -> httpx.Request:
    try:
        return _checked_request(client, url, allow_private=allow_private)
    except (ValueError, httpx.InvalidURL) as exc:
        raise FetchError(f"{url}: malformed URL ({exc}); check it") from exc


def _checked_request(client: httpx.Client, url: str, *, allow_private: bool) -> httpx.Request:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        raise UnsupportedInput(
            f"{url}: only http and https URLs can be fetched; save the page and give the file"
        )
    # .port raises ValueError for a port out of range or not a number: a malformed URL.
    host, port = parts.hostname, parts.port or _SCHEMES[scheme]
    if host and not host.isascii():
        # Internationalised names travel as IDNA in DNS, the Host header and TLS.
        host = host.encode("idna").decode("ascii")
    if not host:
        raise FetchError(f"{url}: the URL has no host name; check it")
    if allow_private:
        return client.build_request("GET", url)
    addresses = resolve(host, port)
    for address in addresses:
        check_address(address, url=url)
    # Connect to the address just checked, naming the host in the Host header and in TLS
    # (SNI and certificate check), instead of letting httpx resolve the name a second time.
    pinned = addresses[0]
    literal = f"[{pinned}]" if pinned.version == 6 else str(pinned)
    netloc = literal if parts.port is None else f"{literal}:{parts.port}"
    target = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    bracketed = f"[{host}]" if ":" in host else host
    host_header = bracketed if parts.port is None else f"{bracketed}:{parts.port}"
    extensions = {"sni_hostname": host} if scheme == "https" else {}
    return client.build_request("GET", target, headers={"Host": host_header}, extensions=extensions)


def _read(response: httpx.Response, url: str) -> Fetched:
    if response.status_code >= 400:
        raise FetchError(
            f"{url}: the server answered HTTP {response.status_code} "
            f"{response.reason_phrase}; check the URL"
        )
    if response.status_code in _REDIRECTS:
        raise FetchError(f"{url}: a redirect without a Location header; check the URL")
    media_type, charset = _content_type(response.headers.get("content-type", ""))
    _check_media_type(media_type, url)
    cap = limits.MAX_INPUT_BYTES
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise _too_large(url, cap)
    body = bytearray()
    try:
        # iter_bytes undoes Content-Encoding, so the cap applies to what we would hold.
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > cap:
                raise _too_large(url, cap)
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: timed out while reading the page; try again later") from exc
    except httpx.HTTPError as exc:
        raise FetchError(
            f"{url}: the connection failed while reading the page ({_reason(exc)}); try again"
        ) from exc
    return Fetched(url=url, content=bytes(body), content_type=media_type, charset=charset)


def _content_type(header: str) -> tuple[str, str | None]:
    message = Message()
    message["content-type"] = header
    media_type = message.get_content_type() if header.strip() else ""
    charset = message.get_param("charset")
    return media_type.lower(), charset if isinstance(charset, str) and charset else None


def _check_media_type(media_type: str, url: str) -> None:
    if (
        media_type in _TEXT_TYPES
        or media_type in _XML_TYPES
        or media_type.endswith("+xml")
        or media_type in _GZIP_TYPES
        or media_type in _UNLABELLED
    ):
        return
    if media_type.startswith(_BINARY_PREFIXES) or media_type in _BINARY_TYPES:
        raise BinaryInput(
            f"{url}: the server sent {media_type}, not a web page or text; "
            "give the URL of the article page"
        )
    raise UnsupportedInput(
        f"{url}: the server sent {media_type}, which Tidings does not read; "
        "give the URL of an HTML or plain-text article"
    )


def _nat64(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def _too_large(url: str, cap: int) -> InputTooLarge:
    return InputTooLarge(
        f"{url}: the page is larger than {limits.megabytes(cap)}; "
        "save the article text and give the file"
    )


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
