"""The instructor's signed session: in this tab, in a cookie for reloads, new tabs and restarts, and
ended everywhere by signing out; the passcode throttle keyed by the real client address; the
one-time sign-in link ``scripts/run.sh`` prints; and the chosen workshop, carried in the URL."""

from __future__ import annotations

import contextlib
import time

import streamlit as st

from content_logic.workshop import PasscodeAttempt, PasscodeThrottle, Workshop, WorkshopError
from content_logic.workshop.access import (
    client_address,
    issue_session,
    parse_trusted_proxies,
    read_signin_link_token,
    session_is_valid,
)
from ui.workshop_browser import read_cookie, write_cookie
from ui.workshop_state import setting, store

PASSCODE_ENV = "COMPANION_INSTRUCTOR_PASSCODE"
"""Environment variable holding the instructor passcode (``scripts/run.sh`` generates one if unset)."""

PASSCODE_SECRET = "instructor_passcode"
"""Key in ``.streamlit/secrets.toml`` for the instructor passcode (the environment variable wins)."""

TRUSTED_PROXIES_ENV = "COMPANION_TRUSTED_PROXIES"
"""Comma-separated proxy addresses/networks whose ``X-Forwarded-For`` header is believed."""

TRUSTED_PROXIES_SECRET = "trusted_proxies"
"""Key in ``.streamlit/secrets.toml`` for the trusted proxies (the environment variable wins)."""

FORWARDED_FOR_HEADER = "X-Forwarded-For"
"""The header a reverse proxy adds with the client's address."""

INSTRUCTOR_COOKIE = "companion_instructor"
"""Browser cookie with the signed session, so reloads, other tabs and restarts keep the instructor in."""

SESSION_KEY = "instructor_session"
"""Session state: this tab's signed session token."""

COOKIE_WRITTEN_KEY = "instructor_cookie_written"
"""Session state: the token last written into the cookie."""

SIGNIN_PARAM = "signin"
"""Query parameter of the one-time sign-in link (``/instructor?signin=…``)."""

SIGNIN_OUTCOME_KEY = "instructor_signin_outcome"
"""Session state: ``"used"`` or ``"invalid"`` after a sign-in link that didn't let the instructor in."""

WORKSHOP_PARAM = "w"
"""Query parameter naming the workshop the instructor runs, so a reload or a second tab stays on it."""

CHOSEN_WORKSHOP_KEY = "instructor_workshop"
"""Session state: the id of the workshop the instructor is running (instructor pages share it)."""

GENERATION_CACHE_SECONDS = 2.0
"""Signing out reaches every other tab within 2 s, at one database read per 2 s for all of them."""


def configured_passcode() -> str:
    """The instructor passcode from the environment or secrets; "" when none is set."""
    return setting(PASSCODE_ENV, PASSCODE_SECRET)


@st.cache_resource(show_spinner=False)
def throttle() -> PasscodeThrottle:
    """One passcode throttle for the process, keyed by client address."""
    return PasscodeThrottle()


@st.cache_data(ttl=GENERATION_CACHE_SECONDS, show_spinner=False)
def _generation() -> int:
    return store().instructor_generation()


def this_client() -> str:
    """The address this session's requests come from (a proxy's header only from a trusted proxy)."""
    peer = st.context.ip_address
    try:
        forwarded = st.context.headers.get(FORWARDED_FOR_HEADER)
    except Exception:  # no request behind this run (tests): no headers
        forwarded = None
    proxies = parse_trusted_proxies(setting(TRUSTED_PROXIES_ENV, TRUSTED_PROXIES_SECRET))
    return client_address(peer if isinstance(peer, str) else None, forwarded, proxies)


def _token() -> str | None:
    token = st.session_state.get(SESSION_KEY) or read_cookie(INSTRUCTOR_COOKIE)
    return token if isinstance(token, str) and token else None


def is_instructor() -> bool:
    """Whether this session holds a valid instructor session (checked on every run)."""
    passcode, token = configured_passcode(), _token()
    if not passcode or token is None:
        return False
    try:
        generation = _generation()
    except WorkshopError:
        return False
    return session_is_valid(token, passcode, generation, time.time())


def _start_session() -> None:
    token = issue_session(configured_passcode(), store().instructor_generation(), time.time())
    st.session_state[SESSION_KEY] = token


def try_passcode(given: str) -> PasscodeAttempt:
    """Check a passcode through this client's throttle; on success this browser signs in."""
    attempt = throttle().attempt(this_client(), given, configured_passcode(), time.monotonic())
    if attempt.ok:
        _start_session()
    return attempt


def redeem_signin_link() -> None:
    """Sign in with ``?signin=`` when it is a valid link not used before, then drop it from the URL.

    No throttle here: a link is a long random signed token, so guessing one is hopeless, and an
    attendee's wrong passcodes can never lock the instructor's link out.
    """
    token = st.query_params.get(SIGNIN_PARAM)
    if not token:
        return
    del st.query_params[SIGNIN_PARAM]
    nonce = read_signin_link_token(token, configured_passcode(), time.time())
    if nonce is None:
        st.session_state[SIGNIN_OUTCOME_KEY] = "invalid"
        return
    if not store().redeem_signin(nonce):
        st.session_state[SIGNIN_OUTCOME_KEY] = "used"
        return
    st.session_state.pop(SIGNIN_OUTCOME_KEY, None)
    _start_session()


def keep_cookie() -> None:
    """Keep the browser's cookie in step with this session: the token while valid, nothing after."""
    token = _token() if is_instructor() else None
    if token is not None:
        st.session_state[SESSION_KEY] = token
    write_cookie(INSTRUCTOR_COOKIE, token, written_key=COOKIE_WRITTEN_KEY)


def sign_out() -> None:
    """End the instructor session in every tab and browser (the generation moves on)."""
    # If the database can't be reached, this tab still forgets the session below.
    with contextlib.suppress(WorkshopError):
        store().end_instructor_sessions()
    _generation.clear()
    st.session_state.pop(SESSION_KEY, None)
    st.session_state.pop(CHOSEN_WORKSHOP_KEY, None)
    if WORKSHOP_PARAM in st.query_params:
        del st.query_params[WORKSHOP_PARAM]


def choose_workshop(workshop_id: str | None) -> None:
    """Make ``workshop_id`` the one this tab runs, in the session and the URL (None forgets it)."""
    if workshop_id:
        st.session_state[CHOSEN_WORKSHOP_KEY] = workshop_id
        if st.query_params.get(WORKSHOP_PARAM) != workshop_id:
            st.query_params[WORKSHOP_PARAM] = workshop_id
    else:
        st.session_state.pop(CHOSEN_WORKSHOP_KEY, None)
        if WORKSHOP_PARAM in st.query_params:
            del st.query_params[WORKSHOP_PARAM]


def chosen_workshop_id() -> str | None:
    """The workshop in the URL, else the one this tab chose last."""
    chosen = st.query_params.get(WORKSHOP_PARAM) or st.session_state.get(CHOSEN_WORKSHOP_KEY)
    return chosen if isinstance(chosen, str) and chosen else None


def chosen_workshop() -> Workshop | None:
    """The workshop the instructor is running, if one is chosen and still exists (kept in the URL)."""
    workshop_id = chosen_workshop_id()
    if workshop_id is None:
        return None
    try:
        workshop = store().get_workshop(workshop_id)
    except WorkshopError as error:
        if error.code == "unknown_workshop":
            choose_workshop(None)
            return None
        raise
    choose_workshop(workshop.id)
    return workshop


def workshop_query() -> dict[str, str]:
    """Query parameters that keep the chosen workshop on a link to another instructor page."""
    chosen = chosen_workshop_id()
    return {WORKSHOP_PARAM: chosen} if chosen else {}
