"""Workshop mode's process-wide pieces: the store, the passcode throttle, the shared short-lived caches,
the instructor's passcode session, and the addresses phones can join on."""

from __future__ import annotations

import hashlib
import os
import time

import psutil
import streamlit as st

from content_logic.workshop import (
    PasscodeAttempt,
    PasscodeThrottle,
    Poll,
    RoomSnapshot,
    Workshop,
    WorkshopError,
)
from content_logic.workshop.join_url import JoinLinks, join_links
from storage import DATABASE_URL_ENV, WorkshopStore, resolve_database_url
from storage.versions import RoomVersion
from ui.i18n import t

DATABASE_URL_SECRET = "database_url"
"""Key in ``.streamlit/secrets.toml`` for the database URL (the environment variable wins)."""

PASSCODE_ENV = "COMPANION_INSTRUCTOR_PASSCODE"
"""Environment variable holding the instructor passcode."""

PASSCODE_SECRET = "instructor_passcode"
"""Key in ``.streamlit/secrets.toml`` for the instructor passcode (the environment variable wins)."""

PUBLIC_URL_ENV = "COMPANION_PUBLIC_URL"
"""Environment variable with the address phones use to reach the app (``http://192.168.1.20:8501``)."""

PUBLIC_URL_SECRET = "public_url"
"""Key in ``.streamlit/secrets.toml`` for the public address (the environment variable wins)."""

INTERFACES_CACHE_SECONDS = 30.0
"""Network addresses are read again after this long (the laptop may change Wi-Fi)."""

INSTRUCTOR_KEY = "instructor_session"
"""Session state: fingerprint of the passcode this session entered (cleared when it changes)."""

CHOSEN_WORKSHOP_KEY = "instructor_workshop"
"""Session state: the id of the workshop the instructor is running (instructor pages share it)."""


def secret(name: str) -> str:
    """A value from ``.streamlit/secrets.toml``, or "" when there is no such file or key."""
    try:
        value = st.secrets.get(name)
    except Exception:  # no secrets file, or one that doesn't parse: treat as not configured
        return ""
    return str(value).strip() if value is not None else ""


def _setting(env: str, secret_name: str) -> str:
    return (os.environ.get(env) or "").strip() or secret(secret_name)


@st.cache_resource(show_spinner=False, on_release=WorkshopStore.dispose)
def _open_store(url: str) -> WorkshopStore:
    return WorkshopStore.from_url(url)


def store() -> WorkshopStore:
    """The process's one store (URL from the environment, secrets, or the SQLite default).

    Raises ``WorkshopError("storage_unavailable")`` when the database can't be opened; the next call
    tries again.
    """
    return _open_store(resolve_database_url(_setting(DATABASE_URL_ENV, DATABASE_URL_SECRET) or None))


def error_text(error: WorkshopError) -> str:
    """The user-facing message of a refused workshop action, in the session's language."""
    return t(error.message_key, **error.values)


@st.cache_resource(show_spinner=False)
def throttle() -> PasscodeThrottle:
    """One passcode throttle for the process, so guessing from many tabs is slowed down together."""
    return PasscodeThrottle()


def room_version(workshop_id: str) -> RoomVersion:
    """The room's version numbers (no database read): screens compare them before anything else."""
    return store().live.version(workshop_id)


def room_snapshot(workshop_id: str) -> RoomSnapshot:
    """The dashboard aggregate, shared by every session of this process until the room changes."""
    return store().live.snapshot(workshop_id)


def open_poll(workshop_id: str) -> Poll | None:
    """The workshop's open poll as the phones see it, shared until a poll opens or closes."""
    return store().live.open_poll(workshop_id)


def room_changed() -> None:
    """Forget the shared room data after the instructor changed the room (a poll, a close); the
    room's version moved with the write already, this only frees the memory at once."""
    store().live.forget()


# Instructor -----------------------------------------------------------------------------------


def configured_passcode() -> str:
    """The instructor passcode from the environment or secrets; "" when none is set."""
    return _setting(PASSCODE_ENV, PASSCODE_SECRET)


def _fingerprint(passcode: str) -> str:
    return hashlib.sha256(passcode.encode("utf-8")).hexdigest()


def is_instructor() -> bool:
    """Whether this session entered the passcode that is configured now (checked on every run)."""
    passcode = configured_passcode()
    return bool(passcode) and st.session_state.get(INSTRUCTOR_KEY) == _fingerprint(passcode)


def try_passcode(given: str) -> PasscodeAttempt:
    """Check a passcode through the throttle, keyed by the client's address; on success this session
    becomes the instructor's."""
    address = st.context.ip_address
    client = address if isinstance(address, str) and address else "unknown"
    expected = configured_passcode()
    attempt = throttle().attempt(client, given, expected, time.monotonic())
    if attempt.ok:
        st.session_state[INSTRUCTOR_KEY] = _fingerprint(expected)
    return attempt


def sign_out() -> None:
    """End this session's instructor access."""
    st.session_state.pop(INSTRUCTOR_KEY, None)
    st.session_state.pop(CHOSEN_WORKSHOP_KEY, None)


def chosen_workshop() -> Workshop | None:
    """The workshop the instructor is running, if one is chosen and still exists."""
    workshop_id = st.session_state.get(CHOSEN_WORKSHOP_KEY)
    if not workshop_id:
        return None
    try:
        return store().get_workshop(workshop_id)
    except WorkshopError as error:
        if error.code == "unknown_workshop":
            st.session_state.pop(CHOSEN_WORKSHOP_KEY, None)
            return None
        raise


# Join addresses -------------------------------------------------------------------------------


@st.cache_data(ttl=INTERFACES_CACHE_SECONDS, show_spinner=False)
def _interfaces() -> list[tuple[str, str]]:
    return [(name, address.address) for name, found in psutil.net_if_addrs().items() for address in found]


def public_url() -> str:
    """The configured public address of the app, or ""."""
    return _setting(PUBLIC_URL_ENV, PUBLIC_URL_SECRET)


def links_for(page_path: str) -> JoinLinks:
    """Base URLs phones can use, judged from the page the instructor has open (``page_path``)."""
    return join_links(
        public_url=public_url(),
        page_url=st.context.url,
        page_path=page_path,
        interfaces=_interfaces(),
        server_port=int(st.get_option("server.port")),
    )
