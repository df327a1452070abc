"""Instructor screens: the passcode gate, opening and choosing a workshop, the toolbar."""

from __future__ import annotations

import math

import streamlit as st

from content_logic.i18n import LANGUAGES
from content_logic.workshop import Workshop, WorkshopError
from ui.i18n import current_language, t
from ui.instructor_session import (
    PASSCODE_ENV,
    PASSCODE_SECRET,
    SIGNIN_OUTCOME_KEY,
    choose_workshop,
    chosen_workshop_id,
    configured_passcode,
    is_instructor,
    keep_cookie,
    redeem_signin_link,
    sign_out,
    try_passcode,
    workshop_query,
)
from ui.room_view import plain
from ui.routes import AUDIENCE, INSTRUCTOR, PRESENTER, ROOM
from ui.workshop_state import error_text, store

PASSCODE_KEY = "instructor_passcode"
LOGIN_MESSAGE_KEY = "instructor_login_message"
PICK_KEY = "instructor_pick"
"""The workshop selector's widget key; the choice itself lives in the URL (``?w=``) and the session,
so it survives reloads, a second tab and the presenter and dashboard pages."""
NOTICE_KEY = "instructor_notice"
"""Session state: ``(kind, text)`` of the last action's outcome (opened, closed, deleted, refused)."""


def _login() -> None:
    try:
        attempt = try_passcode(str(st.session_state.get(PASSCODE_KEY) or ""))
    except WorkshopError as error:  # the passcode was right, but no session can be recorded
        st.session_state[LOGIN_MESSAGE_KEY] = error_text(error)
        return
    if attempt.ok:
        st.session_state.pop(LOGIN_MESSAGE_KEY, None)
        st.session_state[PASSCODE_KEY] = ""
        return
    if attempt.retry_after > 0:
        seconds = math.ceil(attempt.retry_after)
        message = t(
            "workshop.passcode.locked_one" if seconds == 1 else "workshop.passcode.locked", seconds=seconds
        )
        if attempt.checked:
            message = t("workshop.passcode.wrong") + " " + message
    else:
        message = t("workshop.passcode.wrong")
    st.session_state[LOGIN_MESSAGE_KEY] = message


def gate() -> bool:
    """Whether this session may use the instructor screens; draws what is needed otherwise: how to
    set a passcode (none configured: the area stays closed) or the passcode form."""
    if not configured_passcode():
        st.info(t("room.instructor.not_configured"), icon=":material/lock:")
        st.code(
            f"export {PASSCODE_ENV}='a-long-passcode-only-you-know'\n"
            f"# {t('room.instructor.or_secrets')}\n"
            f'{PASSCODE_SECRET} = "a-long-passcode-only-you-know"',
            language="bash",
        )
        return False
    redeem_signin_link()
    if is_instructor():
        keep_cookie()
        return True
    keep_cookie()  # a stale cookie (signed out elsewhere, passcode changed) goes
    outcome = st.session_state.pop(SIGNIN_OUTCOME_KEY, None)
    if outcome:
        st.warning(t(f"room.instructor.signin_{outcome}"), icon=":material/link_off:")
    with st.form("instructor_login", border=True):
        st.text_input(t("room.instructor.passcode"), type="password", key=PASSCODE_KEY)
        st.form_submit_button(
            t("room.instructor.enter"),
            key="instructor_enter",
            type="primary",
            on_click=_login,
            icon=":material/key:",
        )
    if st.session_state.get(LOGIN_MESSAGE_KEY):
        st.error(st.session_state[LOGIN_MESSAGE_KEY], icon=":material/block:")
    return False


def require_instructor() -> None:
    """Stop an instructor-only page for anyone without a valid instructor session."""
    if is_instructor():
        keep_cookie()
        return
    st.warning(t("room.instructor.only"), icon=":material/lock:")
    st.page_link(INSTRUCTOR.file, label=t("room.instructor.go"), icon=":material/key:")
    st.stop()


def notice(kind: str, text: str) -> None:
    """Keep an action's outcome (``"ok"`` or ``"error"``) to show once on the next run."""
    st.session_state[NOTICE_KEY] = (kind, text)


def show_notice() -> None:
    """The outcome of the last instructor action, once."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        kind, text = notice
        (st.success if kind == "ok" else st.error)(text)


def _open() -> None:
    if not is_instructor():  # a callback runs before the page's own check
        return
    name = str(st.session_state.get("instructor_new_name") or "")
    language = st.session_state.get("instructor_new_language") or current_language()
    try:
        workshop = store().open_workshop(name, language)
    except WorkshopError as error:
        notice("error", error_text(error))
        return
    choose_workshop(workshop.id)
    st.session_state.pop(PICK_KEY, None)
    notice("ok", t("room.instructor.opened", name=plain(workshop.name), code=workshop.display_code))


def open_form() -> None:
    """Name and language of a new workshop; it gets a fresh join code and becomes the chosen one."""
    if "instructor_new_language" not in st.session_state:
        st.session_state["instructor_new_language"] = current_language()
    with st.form("instructor_open_form", border=True):
        st.text_input(
            t("room.instructor.name"), key="instructor_new_name", placeholder=t("room.instructor.name_hint")
        )
        st.segmented_control(
            t("room.instructor.language"),
            LANGUAGES,
            format_func={code: t(f"room.language.{code}") for code in LANGUAGES}.__getitem__,
            key="instructor_new_language",
            required=True,
        )
        st.form_submit_button(
            t("room.instructor.open"), key="instructor_open", type="primary", on_click=_open
        )


def _label(workshop: Workshop) -> str:
    state = t("room.instructor.state_open" if workshop.is_open else "room.instructor.state_closed")
    return f"{workshop.name} · {workshop.display_code} · {state} · {workshop.created_at:%Y-%m-%d %H:%M}"


def _picked() -> None:
    choose_workshop(st.session_state.get(PICK_KEY))


def choose(workshops: list[Workshop]) -> Workshop | None:
    """Pick the workshop to run: the one in the URL or chosen in this tab, else the newest open one."""
    if not workshops:
        st.caption(t("room.instructor.none_yet"))
        return None
    by_id = {workshop.id: workshop for workshop in workshops}
    chosen = chosen_workshop_id()
    if chosen not in by_id:
        chosen = next((w.id for w in workshops if w.is_open), workshops[0].id)
    choose_workshop(chosen)
    if st.session_state.get(PICK_KEY) != chosen:
        st.session_state[PICK_KEY] = chosen
    labels = {
        workshop_id: _label(workshop) for workshop_id, workshop in by_id.items()
    }  # in this run's language
    st.selectbox(
        t("room.instructor.choose"),
        list(by_id),
        format_func=labels.__getitem__,
        key=PICK_KEY,
        on_change=_picked,
    )
    return by_id[chosen]


def toolbar(workshops: list[Workshop]) -> Workshop | None:
    """The chosen workshop, the way to the presenter and dashboard, a new workshop, and signing out."""
    pick, present, audience, watch, leave = st.columns([4, 2, 2, 2, 2], vertical_alignment="bottom")
    with pick:
        workshop = choose(workshops)
    if workshop is not None:
        links = workshop_query()
        present.page_link(
            PRESENTER.file,
            label=t("room.nav_presenter"),
            icon=":material/slideshow:",
            query_params=links,
        )
        audience.page_link(
            AUDIENCE.file, label=t("room.nav_audience"), icon=":material/cast:", query_params=links
        )
        watch.page_link(ROOM.file, label=t("room.nav_room"), icon=":material/monitoring:", query_params=links)
    leave.button(
        t("room.instructor.sign_out"), key="instructor_sign_out", on_click=sign_out, icon=":material/logout:"
    )
    with st.expander(t("room.instructor.open_header"), expanded=not workshops, icon=":material/add:"):
        open_form()
    return workshop
