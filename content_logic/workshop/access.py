"""Who may act as the instructor: signed, expiring sessions, one-time sign-in links, and which client
address a request came from (for the passcode throttle).

Sessions and links are signed with a key derived from the instructor passcode (``itsdangerous``,
HMAC-SHA256), so changing the passcode ends every session, and a restart keeps them (nothing is
held in memory). A session also names the *generation* it was issued in; signing out bumps the
generation kept in the database, which ends every session everywhere at once.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Iterable

from itsdangerous import BadSignature, URLSafeSerializer
from pydantic import BaseModel, ConfigDict, Field

SESSION_SALT = "companion.instructor-session"
"""Kept apart from the link salt so a session token can never be used as a sign-in link or back."""

SIGNIN_SALT = "companion.instructor-signin"
"""Salt of one-time sign-in links (``scripts/run.sh`` prints one on start)."""

SIGNIN_NONCE_BYTES = 16
"""Random bytes naming one sign-in link, so the database can record it as used."""

UNKNOWN_CLIENT = "unknown"
"""Throttle key for a request whose address Streamlit couldn't tell (all such share one lockout)."""


class AccessPolicy(BaseModel):
    """How long instructor sessions and sign-in links last."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    session_seconds: int = Field(default=12 * 3600, gt=0)
    """12 hours: a full workshop day with setup, without signing in again after lunch."""
    signin_link_seconds: int = Field(default=7 * 24 * 3600, gt=0)
    """A week: the link printed when the server starts stays usable for a course's prep days."""


class SessionClaims(BaseModel):
    """What a valid instructor session token says."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    generation: int
    expires_at: int
    """Unix seconds after which the token is refused."""


def _serializer(passcode: str, salt: str) -> URLSafeSerializer:
    return URLSafeSerializer(passcode, salt=salt)


def issue_session(passcode: str, generation: int, now: float, policy: AccessPolicy | None = None) -> str:
    """A signed instructor session token for the current ``generation``, expiring after the policy's time."""
    expires = int(now) + (policy or AccessPolicy()).session_seconds
    return str(_serializer(passcode, SESSION_SALT).dumps({"g": generation, "e": expires}))


def read_session(token: str, passcode: str, now: float) -> SessionClaims | None:
    """The claims of a session token that is signed with this passcode and not expired, else None."""
    if not passcode or not token:
        return None
    try:
        data = _serializer(passcode, SESSION_SALT).loads(token)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("g"), int) or not isinstance(data.get("e"), int):
        return None
    if data["e"] <= now:
        return None
    return SessionClaims(generation=data["g"], expires_at=data["e"])


def session_is_valid(token: str, passcode: str, generation: int, now: float) -> bool:
    """Whether a session token still lets its holder in: signed, unexpired, issued in ``generation``."""
    claims = read_session(token, passcode, now)
    return claims is not None and claims.generation == generation


def issue_signin_link_token(passcode: str, now: float, policy: AccessPolicy | None = None) -> str:
    """A one-time sign-in token for a link (its nonce is recorded as used when it is redeemed)."""
    expires = int(now) + (policy or AccessPolicy()).signin_link_seconds
    nonce = secrets.token_hex(SIGNIN_NONCE_BYTES)
    return str(_serializer(passcode, SIGNIN_SALT).dumps({"n": nonce, "e": expires}))


def read_signin_link_token(token: str, passcode: str, now: float) -> str | None:
    """The nonce of a sign-in token signed with this passcode and not expired, else None."""
    if not passcode or not token:
        return None
    try:
        data = _serializer(passcode, SIGNIN_SALT).loads(token)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("n"), str) or not isinstance(data.get("e"), int):
        return None
    return data["n"] if data["e"] > now else None


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def parse_trusted_proxies(setting: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Proxy addresses or networks from a comma-separated setting (``127.0.0.1, 10.0.0.0/8``);
    entries that aren't addresses are ignored."""
    networks = []
    for part in setting.split(","):
        try:
            networks.append(ipaddress.ip_network(part.strip(), strict=False))
        except ValueError:
            continue
    return tuple(networks)


def client_address(
    peer: str | None,
    forwarded_for: str | None,
    trusted_proxies: Iterable[ipaddress.IPv4Network | ipaddress.IPv6Network],
) -> str:
    """The address a request really came from, as the throttle's key.

    ``X-Forwarded-For`` is believed only when the connection (``peer``) comes from a configured
    proxy, and then only up to the first hop that isn't a trusted proxy (read from the right):
    any client can write that header, so trusting it blindly would let one attendee pose as many
    (dodging the lockout) or as the instructor (locking them out).
    """
    networks = tuple(trusted_proxies)
    current = _address(peer or "")
    if current is None:
        return UNKNOWN_CLIENT

    def trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return any(address in network for network in networks)

    if not trusted(current) or not forwarded_for:
        return str(current)
    for hop in reversed(forwarded_for.split(",")):
        found = _address(hop)
        if found is None:
            return str(current)  # a malformed hop: stop at the last address we can vouch for
        current = found
        if not trusted(current):
            return str(current)
    return str(current)
