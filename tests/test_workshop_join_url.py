"""Join URLs phones can reach: configured, browser, or LAN addresses when the app was opened locally."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.workshop.join_url import (
    app_base,
    is_local_host,
    join_links,
    join_url,
    lan_addresses,
    qr_png,
    resume_url,
)

LAPTOP = [
    ("lo", "127.0.0.1"),
    ("lo", "::1"),
    ("wlan0", "192.168.1.20"),
    ("wlan0", "fe80::1"),
    ("eth0", "10.0.0.7"),
    ("docker0", "172.17.0.1"),
    ("veth12ab", "172.18.0.1"),
    ("eth1", "169.254.3.4"),
    ("tun0", "100.64.1.2"),
]


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("localhost", True),
        ("LOCALHOST", True),
        ("app.localhost", True),
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("0.0.0.0", True),
        ("::1", True),
        ("[::1]", True),
        ("192.168.1.20", False),
        ("10.0.0.7", False),
        ("course.example.org", False),
        ("localhost.example.org", False),
    ],
)
def test_is_local_host(host: str, local: bool) -> None:
    assert is_local_host(host) is local


def test_lan_addresses_skip_loopback_link_local_ipv6_and_container_bridges() -> None:
    assert lan_addresses(LAPTOP) == ("192.168.1.20", "10.0.0.7", "100.64.1.2")


@pytest.mark.parametrize(
    ("public_url", "page_url", "expected_bases", "source", "local_only", "invalid"),
    [
        # A configured public address wins, with its path and without a default port.
        (
            "https://course.example.org/app/",
            "http://localhost:8501/instructor",
            ["https://course.example.org/app"],
            "configured",
            False,
            False,
        ),
        ("http://192.168.1.50:8501", None, ["http://192.168.1.50:8501"], "configured", False, False),
        # Opened through a real address: that address.
        (None, "http://192.168.1.20:8501/instructor", ["http://192.168.1.20:8501"], "browser", False, False),
        (
            None,
            "https://companion.example.org/base/instructor",
            ["https://companion.example.org/base"],
            "browser",
            False,
            False,
        ),
        # Opened on localhost: never that; the LAN addresses on the same port instead.
        (
            None,
            "http://localhost:8501/instructor",
            ["http://192.168.1.20:8501", "http://10.0.0.7:8501", "http://100.64.1.2:8501"],
            "network",
            True,
            False,
        ),
        (
            None,
            "http://127.0.0.1:9000/instructor",
            ["http://192.168.1.20:9000", "http://10.0.0.7:9000", "http://100.64.1.2:9000"],
            "network",
            True,
            False,
        ),
        # A public URL that is itself local is no better; one that isn't a URL is flagged and ignored.
        (
            "http://localhost:8501",
            "http://localhost:8501/instructor",
            ["http://192.168.1.20:8501", "http://10.0.0.7:8501", "http://100.64.1.2:8501"],
            "network",
            True,
            False,
        ),
        (
            "192.168.1.50:8501",
            "http://192.168.1.20:8501/instructor",
            ["http://192.168.1.20:8501"],
            "browser",
            False,
            True,
        ),
        # No browser URL (a test run, a bare script): the LAN addresses on the server's port.
        (
            None,
            None,
            ["http://192.168.1.20:8501", "http://10.0.0.7:8501", "http://100.64.1.2:8501"],
            "network",
            False,
            False,
        ),
    ],
)
def test_join_links(
    public_url: str | None,
    page_url: str | None,
    expected_bases: list[str],
    source: str,
    local_only: bool,
    invalid: bool,
) -> None:
    links = join_links(
        public_url=public_url, page_url=page_url, page_path="instructor", interfaces=LAPTOP, server_port=8501
    )
    assert list(links.bases) == expected_bases
    assert (links.source, links.local_only, links.invalid_public_url) == (source, local_only, invalid)


def test_localhost_without_a_network_gives_no_base_and_says_where_it_was_opened() -> None:
    links = join_links(
        public_url="",
        page_url="http://localhost:8501/instructor",
        page_path="instructor",
        interfaces=[("lo", "127.0.0.1")],
        server_port=8501,
    )
    assert links.bases == () and links.local_only and links.opened_on == "localhost"


def test_links_carry_the_code_or_the_token_as_query_parameters() -> None:
    assert join_url("http://10.0.0.7:8501", "ABC234") == "http://10.0.0.7:8501/join?code=ABC234"
    assert resume_url("", "a-b_c") == "/join?me=a-b_c"
    assert app_base("http://h:8501/join", "join") == "http://h:8501"
    assert app_base("not a url", "join") is None


def test_the_qr_code_is_a_png_made_locally() -> None:
    png = qr_png("http://192.168.1.20:8501/join?code=ABC234")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width == height >= 300  # big enough to scan from the back of a room


_ipv4 = st.integers(min_value=0, max_value=2**32 - 1).map(lambda n: str(ipaddress.IPv4Address(n)))
_names = st.sampled_from(["lo", "eth0", "wlan0", "docker0", "br-1", "en0", "veth9"])


@given(
    interfaces=st.lists(
        st.tuples(_names, _ipv4 | st.sampled_from(["::1", "fe80::2", "garbage"])), max_size=12
    ),
    host=st.sampled_from(["localhost", "127.0.0.1", "0.0.0.0", "[::1]"]),
    port=st.integers(min_value=1, max_value=65535),
)
def test_a_local_opening_never_yields_a_local_join_link(
    interfaces: list[tuple[str, str]], host: str, port: int
) -> None:
    links = join_links(
        public_url=None,
        page_url=f"http://{host}:{port}/instructor",
        page_path="instructor",
        interfaces=interfaces,
        server_port=8501,
    )
    assert links.local_only
    for base in links.bases:
        address = base.removeprefix("http://").rsplit(":", 1)[0]
        assert not is_local_host(address)
        assert base.endswith(f":{port}") or port == 80


@pytest.mark.parametrize(
    ("listen", "page_url", "loopback", "bases"),
    [
        ("127.0.0.1", "http://localhost:8501/instructor", True, []),  # nobody in the room can reach it
        ("localhost", None, True, []),
        ("::1", "http://[::1]:8501/instructor", True, []),
        ("0.0.0.0", "http://localhost:8501/instructor", False, ["http://192.168.1.20:8501"]),
        (None, "http://localhost:8501/instructor", False, ["http://192.168.1.20:8501"]),
        ("", None, False, ["http://192.168.1.20:8501"]),
        ("192.168.1.20", "http://localhost:8501/instructor", False, ["http://192.168.1.20:8501"]),
    ],
)
def test_a_server_listening_on_loopback_offers_no_lan_address(
    listen: str | None, page_url: str | None, loopback: bool, bases: list[str]
) -> None:
    links = join_links(
        public_url="",
        page_url=page_url,
        page_path="instructor",
        interfaces=[("lo", "127.0.0.1"), ("wlan0", "192.168.1.20")],
        server_port=8501,
        listen_address=listen,
    )
    assert links.loopback_only is loopback and list(links.bases) == bases


def test_a_loopback_server_behind_a_configured_public_address_still_links_there() -> None:
    links = join_links(
        public_url="https://course.example.org",
        page_url="http://localhost:8501/instructor",
        page_path="instructor",
        interfaces=[("wlan0", "192.168.1.20")],
        server_port=8501,
        listen_address="127.0.0.1",
    )
    assert links.bases == ("https://course.example.org",) and not links.loopback_only


@pytest.mark.parametrize(("language", "suffix"), [("es", "&lang=es"), ("en", "&lang=en"), (None, "")])
def test_join_and_personal_links_open_in_the_rooms_language(language: str | None, suffix: str) -> None:
    assert (
        join_url("http://10.0.0.7:8501", "ABC234", language)
        == f"http://10.0.0.7:8501/join?code=ABC234{suffix}"
    )
    assert resume_url("http://h", "tok", language) == f"http://h/join?me=tok{suffix}"
