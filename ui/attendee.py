"""This session as a workshop attendee: the resume token, saved progress and calculator inputs."""

from __future__ import annotations

from typing import Any

import streamlit as st

from content_logic.workshop import Attendee, Workshop, WorkshopError
from content_logic.workshop.join_url import RESUME_PARAM, app_base, resume_url
from content_logic.workshop.sharing import (
    PROGRESS_STATE_KEY,
    SHARED_STATE_KEY,
    merge_progress,
    progress_from_json,
    progress_to_json,
)
from ui.course import PROGRESS_KEY
from ui.i18n import t
from ui.routes import JOIN
from ui.workshop_browser import read_cookie, write_cookie
from ui.workshop_state import error_text, public_url, store

TOKEN_KEY = "workshop_token"
"""Session state: the attendee's secret resume token (also in the ``companion_attendee`` cookie)."""

ATTENDEE_COOKIE = "companion_attendee"
"""Browser cookie holding the resume token, so every page, reload and new tab knows the attendee
(see ``ui/workshop_browser.py`` for why a cookie and not ``?me=`` in every URL)."""

COOKIE_WRITTEN_KEY = "workshop_cookie_written"
"""Session state: the token last written into the cookie ("" after leaving)."""

KEEP_INPUTS_KEY = "workshop_keep_inputs"
"""Session state: whether the attendee chose to keep their calculator inputs on the server."""

PREFERENCES_STATE_KEY = "preferences"
"""Saved-state key of the attendee's choices (``{"keep_inputs": bool}``)."""

ATTENDEE_KEY = "workshop_attendee"
"""Session state: what the screens show about the attendee without a database read."""

SHARED_KEY = "workshop_shared"
"""Session state: the results this attendee shared, newest last (also saved in the store)."""

SAVED_INPUTS_KEY = "workshop_saved_inputs"
"""Session state: the last inputs saved per calculator, so an unchanged save is skipped."""

FAILED_TOKEN_KEY = "workshop_failed_token"
"""Session state: a ``?me=`` token that didn't work, so it isn't tried again on every rerun."""

RESTORE_ERROR_KEY = "workshop_restore_error"
"""Session state: why a personal link didn't work, shown once by the join page."""

JOIN_PAGE_PATH = JOIN.url_path
"""The join page's URL path, stripped from the browser's URL to find the app's base address."""


def token() -> str | None:
    """The resume token of the workshop this session joined, if any."""
    value = st.session_state.get(TOKEN_KEY)
    return value if isinstance(value, str) and value else None


def info() -> dict[str, Any] | None:
    """``{"workshop_id", "workshop", "code", "language", "nickname", "number"}`` of the joined workshop."""
    value = st.session_state.get(ATTENDEE_KEY)
    return value if token() and isinstance(value, dict) else None


def shared() -> list[dict[str, Any]]:
    """The results this attendee shared (kind, time, summary, whether raw data went too)."""
    value = st.session_state.get(SHARED_KEY)
    return value if isinstance(value, list) else []


def _forget_lesson_widgets(lesson_ids: list[str]) -> None:
    # The lesson page seeds its quiz and "read" widgets from the progress record only when the widget
    # has no state yet; dropping stale widget state lets restored progress show.
    prefixes = tuple(f"quiz_{lesson_id}_" for lesson_id in lesson_ids)
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefixes)]:
        del st.session_state[key]
    for lesson_id in lesson_ids:
        st.session_state.pop(f"read_{lesson_id}", None)


def begin(resume_token: str, attendee: Attendee, workshop: Workshop) -> None:
    """Make this session the attendee's: keep the token, restore their progress and shares."""
    st.session_state[TOKEN_KEY] = resume_token
    st.session_state[ATTENDEE_KEY] = {
        "workshop_id": workshop.id,
        "workshop": workshop.name,
        "code": workshop.display_code,
        "language": workshop.language,
        "nickname": attendee.nickname,
        "number": attendee.number,
    }
    st.session_state[SAVED_INPUTS_KEY] = {}
    preferences = store().load_state(resume_token, PREFERENCES_STATE_KEY)
    st.session_state[KEEP_INPUTS_KEY] = (
        isinstance(preferences, dict) and preferences.get("keep_inputs") is True
    )
    saved_shares = store().load_state(resume_token, SHARED_STATE_KEY)
    st.session_state[SHARED_KEY] = saved_shares if isinstance(saved_shares, list) else []
    saved = progress_from_json(store().load_state(resume_token, PROGRESS_STATE_KEY))
    current = st.session_state.get(PROGRESS_KEY) or {}
    merged = merge_progress(current, saved)
    _forget_lesson_widgets(list(saved))
    st.session_state[PROGRESS_KEY] = merged
    if merged != saved:
        store().save_state(resume_token, PROGRESS_STATE_KEY, progress_to_json(merged))


def _take_over(wanted: str) -> WorkshopError | None:
    if wanted == token() or wanted == st.session_state.get(FAILED_TOKEN_KEY):
        return None
    try:
        view = store().resume(wanted)
        begin(wanted, view.attendee, view.workshop)
    except WorkshopError as error:
        st.session_state[FAILED_TOKEN_KEY] = wanted
        return error
    return None


def resume_from_url() -> WorkshopError | None:
    """Take over the attendee in ``?me=`` (a personal link, on any page), then drop it from the
    address bar: the cookie carries it from here, and a copied URL must not carry someone's identity.
    The error if the link doesn't work."""
    wanted = st.query_params.get(RESUME_PARAM)
    if not wanted:
        return None
    problem = _take_over(wanted)
    if problem is None:
        del st.query_params[RESUME_PARAM]
    return problem


def restore() -> WorkshopError | None:
    """Who this session is, before any page draws: ``?me=``, else the cookie of an earlier visit.

    Costs nothing once the session knows its attendee (or has no cookie); a cookie whose workshop was
    deleted is forgotten.
    """
    problem = resume_from_url()
    if problem is not None or token() is not None:
        return problem
    remembered = read_cookie(ATTENDEE_COOKIE)
    problem = _take_over(remembered) if remembered else None
    if problem is not None and problem.code == "invalid_token":  # not for a database hiccup
        write_cookie(ATTENDEE_COOKIE, None, written_key=COOKIE_WRITTEN_KEY)
    return None


def leave() -> None:
    """Forget the workshop on this device (the attendee's record stays; their link still works)."""
    for key in (TOKEN_KEY, ATTENDEE_KEY, SHARED_KEY, SAVED_INPUTS_KEY, KEEP_INPUTS_KEY):
        st.session_state.pop(key, None)
    if RESUME_PARAM in st.query_params:
        del st.query_params[RESUME_PARAM]


def delete_my_data() -> None:
    """Delete this attendee's record with their answers, shares and saved work, and forget them here.

    Raises ``WorkshopError`` when the database refuses (nothing is forgotten then)."""
    resume_token = token()
    if resume_token is not None:
        store().delete_attendee(resume_token)
    leave()


def personal_link() -> str:
    """The attendee's resume link, on the address they reached the app through (or the public one)."""
    resume_token = token() or ""
    page_url = st.context.url
    base = app_base(public_url(), "") or app_base(
        page_url.split("?")[0] if page_url else None, JOIN_PAGE_PATH
    )
    details = info() or {}
    return resume_url(base or "", resume_token, str(details.get("language") or "") or None)


def warn(error: WorkshopError) -> None:
    """Say briefly that something wasn't saved (the page goes on)."""
    st.toast(error_text(error), icon=":material/cloud_off:")


def save_progress() -> None:
    """Save this session's lesson progress for the attendee (nothing when not in a workshop)."""
    resume_token = token()
    if resume_token is None:
        return
    try:
        store().save_state(resume_token, PROGRESS_STATE_KEY, progress_to_json(st.session_state[PROGRESS_KEY]))
    except WorkshopError as error:
        warn(error)


def display_name(details: dict[str, Any]) -> str:
    """The attendee's nickname, else "Attendee 7" (their join number)."""
    return (
        str(details["nickname"])
        if details.get("nickname")
        else t("room.attendee_number", n=details["number"])
    )


def sidebar() -> None:
    """On every page, before it draws: who this session is (link or cookie), the cookie kept in step,
    and in the sidebar the workshop this session joined with the way back to its poll."""
    problem = restore()
    if problem is not None:
        st.session_state[RESTORE_ERROR_KEY] = error_text(problem)
    write_cookie(ATTENDEE_COOKIE, token(), written_key=COOKIE_WRITTEN_KEY)
    details = info()
    if details is None:
        return
    from ui.room_view import plain  # imported here: keeps this module's import light for ui.course

    st.sidebar.caption(
        t("room.sidebar", workshop=plain(str(details["workshop"])), name=plain(display_name(details)))
    )
    st.sidebar.page_link(JOIN.file, label=t("room.sidebar_link"), icon=":material/how_to_vote:")
