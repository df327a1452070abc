"""The join URL the room's phones can reach: a configured public address, the browser's, or the LAN's.

When the instructor opened the app on ``localhost``, that address works only on their own laptop; a
QR code of it would send every phone nowhere. :func:`join_links` then says so and offers the
laptop's addresses on the venue network instead.
"""

from __future__ import annotations

import io
import ipaddress
from collections.abc import Sequence
from typing import Literal
from urllib.parse import urlencode, urlsplit

import segno
from pydantic import BaseModel, ConfigDict

JOIN_PAGE = "join"
"""URL path of the attendee's join page (``ui/routes.py``)."""

CODE_PARAM = "code"
"""Query parameter carrying the join code in a join link (``/join?code=ABC234``)."""

LANGUAGE_PARAM = "lang"
"""Query parameter carrying the language (``ui/i18n.py``): a join link opens in the room's language."""

RESUME_PARAM = "me"
"""Query parameter carrying an attendee's secret resume token (``/join?me=…``)."""

LOCAL_NAMES = frozenset({"localhost", "0.0.0.0", "::", "::1"})
"""Host names only the laptop itself can reach (``*.localhost`` and 127.x.x.x count too)."""

VIRTUAL_INTERFACE_PREFIXES = ("lo", "docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "cni", "flannel")
"""Interfaces of containers and virtual machines: phones on the venue network can't reach them."""

QR_SCALE = 12
"""Pixels per QR module: a ~500 px image, readable from the back of a room when projected."""

QR_BORDER = 2
"""Quiet zone around the QR code, in modules (scanners need some white around it)."""

Source = Literal["configured", "browser", "network"]
"""Where the base URLs came from: the configured public URL, the address in the instructor's
browser, or this machine's network interfaces (the browser's address was local or unknown)."""


class JoinLinks(BaseModel):
    """Base URLs of the app that phones may use, best first, and why these were chosen."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    bases: tuple[str, ...]
    """App base URLs without a trailing slash (``http://192.168.1.20:8501``); empty when none works."""
    source: Source
    local_only: bool
    """True when the address the app was opened on (or the configured one) works on this machine only."""
    opened_on: str | None = None
    """The local host the instructor's browser used (``localhost``), to name it in the warning."""
    invalid_public_url: bool = False
    """A public URL was configured but isn't an ``http(s)://host`` address, so it was ignored."""
    loopback_only: bool = False
    """The server listens on this machine only (``--server.address=127.0.0.1``): no address of the
    network reaches it, so no link is offered until it listens on all interfaces."""


def is_local_host(host: str) -> bool:
    """Whether ``host`` names this machine only (localhost, loopback, unspecified addresses)."""
    name = host.strip("[]").lower()
    if name in LOCAL_NAMES or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _unspecified(host: str | None) -> bool:
    name = (host or "").strip("[]")
    try:
        return ipaddress.ip_address(name).is_unspecified
    except ValueError:
        return False


def _lan_rank(address: ipaddress.IPv4Address) -> tuple[int, str]:
    text = str(address)
    order = (
        0 if text.startswith("192.168.") else 1 if text.startswith("10.") else 2 if address.is_private else 3
    )
    return order, text


def lan_addresses(interfaces: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """IPv4 addresses of real network interfaces, given ``(interface, address)`` pairs: no loopback,
    link-local or container bridges; home/venue Wi-Fi ranges (192.168.x, 10.x) first."""
    found: set[ipaddress.IPv4Address] = set()
    for name, text in interfaces:
        if name.lower().startswith(VIRTUAL_INTERFACE_PREFIXES):
            continue
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            continue
        if (
            isinstance(address, ipaddress.IPv4Address)
            and not address.is_loopback
            and not address.is_link_local
            and not address.is_unspecified
            and not address.is_multicast
        ):
            found.add(address)
    return tuple(str(address) for address in sorted(found, key=_lan_rank))


def _base_of(url: str, page_path: str) -> tuple[str, str, str, int | None] | None:
    """``(scheme, host, base path, port)`` of an app URL, the page's own path removed."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    path = parts.path.rstrip("/")
    if page_path and path.endswith("/" + page_path):
        path = path[: -len(page_path) - 1]
    return parts.scheme, parts.hostname, path, port


def _join(scheme: str, host: str, port: int | None, path: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    default = {"http": 80, "https": 443}[scheme]
    netloc = shown if port in (None, default) else f"{shown}:{port}"
    return f"{scheme}://{netloc}{path}"


def join_links(
    *,
    public_url: str | None,
    page_url: str | None,
    page_path: str,
    interfaces: Sequence[tuple[str, str]],
    server_port: int,
    listen_address: str | None = None,
) -> JoinLinks:
    """The app's base URLs for the join link and QR code.

    1. A configured ``public_url`` (the deployed site, or the laptop's venue address) wins, unless
       it is itself local.
    2. Else the address the instructor's browser used (``page_url``, which ends in ``page_path``).
    3. When that address is local (``local_only``) or unknown: one URL per LAN address of
       ``interfaces``, on the browser's port, or ``server_port`` when the browser's URL is unknown;
       none when the server listens on a loopback ``listen_address`` (``loopback_only``), since
       phones can't reach it on any of them.
    """
    invalid = False
    opened = _base_of(page_url, page_path) if page_url else None
    if public_url and public_url.strip():
        configured = _base_of(public_url, "")
        invalid = configured is None
        if configured is not None and not is_local_host(configured[1]):
            scheme, host, path, port = configured
            return JoinLinks(bases=(_join(scheme, host, port, path),), source="configured", local_only=False)
        opened = configured or opened  # a local public URL is no better than a local browser address
    if opened is not None and not is_local_host(opened[1]):
        scheme, host, path, port = opened
        return JoinLinks(
            bases=(_join(scheme, host, port, path),),
            source="browser",
            local_only=False,
            invalid_public_url=invalid,
        )
    scheme, path, port = ("http", "", server_port) if opened is None else (opened[0], opened[2], opened[3])
    loopback = (
        bool(listen_address) and is_local_host(listen_address or "") and not _unspecified(listen_address)
    )
    reachable = () if loopback else lan_addresses(interfaces)
    return JoinLinks(
        bases=tuple(_join(scheme, address, port, path) for address in reachable),
        loopback_only=loopback,
        source="network",
        local_only=opened is not None,
        opened_on=None if opened is None else opened[1],
        invalid_public_url=invalid,
    )


def app_base(page_url: str | None, page_path: str) -> str | None:
    """The app's base URL from a page's URL (``http://h:8501/join`` → ``http://h:8501``), if valid."""
    parsed = _base_of(page_url, page_path) if page_url else None
    if parsed is None:
        return None
    scheme, host, path, port = parsed
    return _join(scheme, host, port, path)


def join_url(base: str, code: str, language: str | None = None) -> str:
    """The link that opens the join page with the code filled in, in the room's ``language``."""
    query = {CODE_PARAM: code} | ({LANGUAGE_PARAM: language} if language else {})
    return f"{base}/{JOIN_PAGE}?{urlencode(query)}"


def resume_url(base: str, token: str, language: str | None = None) -> str:
    """An attendee's personal link back to their record (keep it private: it is their identity)."""
    query = {RESUME_PARAM: token} | ({LANGUAGE_PARAM: language} if language else {})
    return f"{base}/{JOIN_PAGE}?{urlencode(query)}"


def qr_png(url: str, *, scale: int = QR_SCALE, border: int = QR_BORDER) -> bytes:
    """A QR code of ``url`` as PNG bytes, made locally (nothing is fetched from outside)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()
