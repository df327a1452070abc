"""Workshop mode's process-wide pieces: settings, the store, the shared short-lived caches, and the
addresses phones can join on (the instructor's session is in ``ui/instructor_session.py``)."""

from __future__ import annotations

import os

import psutil
import streamlit as st

from content_logic.workshop import (
    Poll,
    RoomSnapshot,
    WorkshopError,
)
from content_logic.workshop.join_url import JoinLinks, join_links
from content_logic.workshop.screen import ScreenState
from storage import DATABASE_URL_ENV, WorkshopStore, resolve_database_url
from storage.versions import RoomVersion
from ui.i18n import t

DATABASE_URL_SECRET = "database_url"
"""Key in ``.streamlit/secrets.toml`` for the database URL (the environment variable wins)."""

PUBLIC_URL_ENV = "COMPANION_PUBLIC_URL"
"""Environment variable with the address phones use to reach the app (``http://192.168.1.20:8501``)."""

PUBLIC_URL_SECRET = "public_url"
"""Key in ``.streamlit/secrets.toml`` for the public address (the environment variable wins)."""

INTERFACES_CACHE_SECONDS = 30.0
"""Network addresses are read again after this long (the laptop may change Wi-Fi)."""


def secret(name: str) -> str:
    """A value from ``.streamlit/secrets.toml``, or "" when there is no such file or key."""
    try:
        value = st.secrets.get(name)
    except Exception:  # no secrets file, or one that doesn't parse: treat as not configured
        return ""
    return str(value).strip() if value is not None else ""


def setting(env: str, secret_name: str) -> str:
    """A setting from the environment, else from secrets; "" when neither has it."""
    return (os.environ.get(env) or "").strip() or secret(secret_name)


@st.cache_resource(show_spinner=False, on_release=WorkshopStore.dispose)
def _open_store(url: str) -> WorkshopStore:
    return WorkshopStore.from_url(url)


def store() -> WorkshopStore:
    """The process's one store (URL from the environment, secrets, or the SQLite default).

    Raises ``WorkshopError("storage_unavailable")`` when the database can't be opened; the next call
    tries again.
    """
    return _open_store(resolve_database_url(setting(DATABASE_URL_ENV, DATABASE_URL_SECRET) or None))


def error_text(error: WorkshopError) -> str:
    """The user-facing message of a refused workshop action, in the session's language."""
    return t(error.message_key, **error.values)


def room_version(workshop_id: str) -> RoomVersion:
    """The room's version numbers (no database read): screens compare them before anything else."""
    return store().live.version(workshop_id)


def room_snapshot(workshop_id: str) -> RoomSnapshot:
    """The dashboard aggregate, shared by every session of this process until the room changes."""
    return store().live.snapshot(workshop_id)


def open_poll(workshop_id: str) -> Poll | None:
    """The workshop's open poll as the phones see it, shared until a poll opens or closes."""
    return store().live.open_poll(workshop_id)


def workshop_is_open(workshop_id: str) -> bool:
    """Whether the workshop still takes answers, as the phones see it: read again only when it is
    closed or reopened (both move the poll version), so a phone says "closed" within its poll
    interval, without a reload and without a database read per look."""
    workshop = store().live.workshop(workshop_id)
    return workshop is not None and workshop.is_open


SCREEN_CACHE_SECONDS = 1.0
"""An audience screen follows the presenter within about a second, at one read per second for all."""


@st.cache_data(ttl=SCREEN_CACHE_SECONDS, max_entries=256, show_spinner=False)
def screen_state(workshop_id: str) -> ScreenState | None:
    """Where the presenter is, shared by every audience screen for :data:`SCREEN_CACHE_SECONDS`."""
    return store().screen(workshop_id)


def screen_changed() -> None:
    """Forget the shared presenter place after the presenter moved (their own tab sees it at once)."""
    screen_state.clear()


def room_changed() -> None:
    """Forget the shared room data after the instructor changed the room (a poll, a close); the
    room's version moved with the write already, this only frees the memory at once."""
    store().live.forget()


# Join addresses -------------------------------------------------------------------------------


@st.cache_data(ttl=INTERFACES_CACHE_SECONDS, show_spinner=False)
def _interfaces() -> list[tuple[str, str]]:
    return [(name, address.address) for name, found in psutil.net_if_addrs().items() for address in found]


def public_url() -> str:
    """The configured public address of the app, or ""."""
    return setting(PUBLIC_URL_ENV, PUBLIC_URL_SECRET)


def links_for(page_path: str) -> JoinLinks:
    """Base URLs phones can use, judged from the page the instructor has open (``page_path``)."""
    return join_links(
        public_url=public_url(),
        page_url=st.context.url,
        page_path=page_path,
        interfaces=_interfaces(),
        server_port=int(st.get_option("server.port")),
        listen_address=st.get_option("server.address"),
    )
