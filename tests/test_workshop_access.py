"""Instructor access: signed expiring sessions ended by sign-out or a new passcode, one-time sign-in
links, and the client address the passcode throttle keys on (a forwarded header only from a proxy)."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.workshop.access import (
    AccessPolicy,
    client_address,
    issue_session,
    issue_signin_link_token,
    parse_trusted_proxies,
    read_session,
    read_signin_link_token,
    session_is_valid,
)

NOW = 1_800_000_000.0
PASSCODE = "correct horse 42"
HOURS = 3600


@pytest.mark.parametrize(
    ("passcode", "generation", "at", "valid"),
    [
        (PASSCODE, 3, NOW, True),  # a reload, a second tab, a restart: same token, still in
        (PASSCODE, 3, NOW + 11 * HOURS, True),
        (PASSCODE, 3, NOW + 12 * HOURS, False),  # expired after the policy's 12 hours
        (PASSCODE, 4, NOW, False),  # signed out somewhere: the generation moved on
        ("a new passcode", 3, NOW, False),  # the passcode changed
        ("", 3, NOW, False),  # no passcode configured: nobody is in
    ],
)
def test_a_session_lets_in_only_while_signed_unexpired_and_current(
    passcode: str, generation: int, at: float, valid: bool
) -> None:
    token = issue_session(PASSCODE, 3, NOW)
    assert session_is_valid(token, passcode, generation, at) is valid


@pytest.mark.parametrize("token", ["", "garbage", "eyJnIjozfQ.tampered", "a.b.c"])
def test_a_forged_or_broken_session_token_is_refused(token: str) -> None:
    assert read_session(token, PASSCODE, NOW) is None


def test_a_session_token_is_not_a_signin_link_and_back() -> None:
    session = issue_session(PASSCODE, 0, NOW)
    link = issue_signin_link_token(PASSCODE, NOW)
    assert read_signin_link_token(session, PASSCODE, NOW) is None
    assert read_session(link, PASSCODE, NOW) is None


def test_signin_links_carry_a_fresh_nonce_and_expire() -> None:
    policy = AccessPolicy(signin_link_seconds=60)
    first, second = (issue_signin_link_token(PASSCODE, NOW, policy) for _ in range(2))
    nonces = {read_signin_link_token(token, PASSCODE, NOW) for token in (first, second)}
    assert len(nonces) == 2 and None not in nonces
    assert read_signin_link_token(first, PASSCODE, NOW + 61) is None
    assert read_signin_link_token(first, "another passcode", NOW) is None


PROXIES = parse_trusted_proxies("127.0.0.1, 10.0.0.0/8, not-an-address")


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("192.168.1.7", None, "192.168.1.7"),  # a phone straight on the venue's Wi-Fi
        ("192.168.1.7", "1.2.3.4", "192.168.1.7"),  # a client can't pose as someone else
        ("127.0.0.1", "192.168.1.7", "192.168.1.7"),  # through the configured proxy
        ("127.0.0.1", "6.6.6.6, 192.168.1.7, 10.0.0.2", "192.168.1.7"),  # first untrusted hop from the right
        ("127.0.0.1", "10.0.0.3, 10.0.0.2", "10.0.0.3"),  # only proxies: the farthest one
        ("127.0.0.1", "not-an-ip, 192.168.1.7", "192.168.1.7"),
        ("127.0.0.1", "192.168.1.7, garbage", "127.0.0.1"),  # a malformed hop stops the walk
        ("127.0.0.1", None, "127.0.0.1"),
        (None, "192.168.1.7", "unknown"),
        ("", None, "unknown"),
    ],
)
def test_the_client_address_trusts_a_forwarded_header_only_from_a_proxy(
    peer: str | None, forwarded: str | None, expected: str
) -> None:
    assert client_address(peer, forwarded, PROXIES) == expected


@given(st.ip_addresses(v=4).map(str), st.text(max_size=80))
def test_a_client_not_behind_a_trusted_proxy_is_keyed_by_its_own_address(peer: str, header: str) -> None:
    if any(ipaddress.ip_address(peer) in network for network in PROXIES):
        return
    assert client_address(peer, header, PROXIES) == peer
