"""Instructor screens: the passcode gate, opening and choosing a workshop, closing and deleting it."""

from __future__ import annotations

import math

import streamlit as st

from content_logic.i18n import LANGUAGES
from content_logic.workshop import Workshop, WorkshopError
from ui.i18n import current_language, t
from ui.room_view import plain
from ui.workshop_state import (
    CHOSEN_WORKSHOP_KEY,
    PASSCODE_ENV,
    PASSCODE_SECRET,
    configured_passcode,
    error_text,
    is_instructor,
    room_changed,
    sign_out,
    store,
    try_passcode,
)

INSTRUCTOR_PAGE_FILE = "pages/instructor.py"
PRESENTER_PAGE_FILE = "pages/presenter.py"
ROOM_PAGE_FILE = "pages/room.py"

PASSCODE_KEY = "instructor_passcode"
LOGIN_MESSAGE_KEY = "instructor_login_message"
PICK_KEY = "instructor_pick"
"""The workshop selector's widget key; the choice itself lives in ``CHOSEN_WORKSHOP_KEY`` so it
survives on the presenter and dashboard pages, where the selector isn't drawn."""
NOTICE_KEY = "instructor_notice"
"""Session state: ``(kind, text)`` of the last action's outcome (opened, closed, deleted, refused)."""


def _login() -> None:
    attempt = try_passcode(str(st.session_state.get(PASSCODE_KEY) or ""))
    if attempt.ok:
        st.session_state.pop(LOGIN_MESSAGE_KEY, None)
        st.session_state[PASSCODE_KEY] = ""
        return
    if attempt.retry_after > 0:
        message = t("workshop.passcode.locked", seconds=math.ceil(attempt.retry_after))
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
    if is_instructor():
        return True
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
    """Stop an instructor-only page for anyone who hasn't entered the passcode in this session."""
    if is_instructor():
        return
    st.warning(t("room.instructor.only"), icon=":material/lock:")
    st.page_link(INSTRUCTOR_PAGE_FILE, label=t("room.instructor.go"), icon=":material/key:")
    st.stop()


def _notice(kind: str, text: str) -> None:
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
        _notice("error", error_text(error))
        return
    st.session_state[CHOSEN_WORKSHOP_KEY] = workshop.id
    st.session_state.pop(PICK_KEY, None)
    _notice("ok", t("room.instructor.opened", name=plain(workshop.name), code=workshop.display_code))


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
    st.session_state[CHOSEN_WORKSHOP_KEY] = st.session_state.get(PICK_KEY)


def choose(workshops: list[Workshop]) -> Workshop | None:
    """Pick the workshop to run (the newest open one unless the instructor chose another)."""
    if not workshops:
        st.caption(t("room.instructor.none_yet"))
        return None
    by_id = {workshop.id: workshop for workshop in workshops}
    chosen = st.session_state.get(CHOSEN_WORKSHOP_KEY)
    if chosen not in by_id:
        chosen = next((w.id for w in workshops if w.is_open), workshops[0].id)
        st.session_state[CHOSEN_WORKSHOP_KEY] = chosen
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


def _close(workshop_id: str) -> None:
    if not is_instructor():
        return
    try:
        closed = store().close_workshop(workshop_id)
    except WorkshopError as error:
        _notice("error", error_text(error))
        return
    room_changed()
    _notice("ok", t("room.manage.closed", name=plain(closed.name)))


def _delete(workshop_id: str) -> None:
    if not is_instructor() or not st.session_state.get("room_delete_confirm"):
        return
    try:
        deleted = store().delete_workshop(workshop_id)
    except WorkshopError as error:
        _notice("error", error_text(error))
        return
    room_changed()
    st.session_state.pop(CHOSEN_WORKSHOP_KEY, None)
    st.session_state.pop("room_delete_confirm", None)
    _notice(
        "ok" if deleted else "error", t("room.manage.deleted" if deleted else "room.manage.already_deleted")
    )


def manage(workshop: Workshop) -> None:
    """Close the workshop (no more joins, answers or shares) or delete all its data, confirmed first."""
    if workshop.is_open:
        st.button(
            t("room.manage.close"),
            key="room_close",
            on_click=_close,
            args=(workshop.id,),
            icon=":material/lock:",
        )
    st.checkbox(t("room.manage.confirm_delete", name=plain(workshop.name)), key="room_delete_confirm")
    st.button(
        t("room.manage.delete"),
        key="room_delete",
        on_click=_delete,
        args=(workshop.id,),
        disabled=not st.session_state.get("room_delete_confirm"),
        icon=":material/delete_forever:",
    )


def toolbar(workshops: list[Workshop]) -> Workshop | None:
    """The chosen workshop, the way to the presenter and dashboard, a new workshop, and signing out."""
    pick, present, watch, leave = st.columns([4, 2, 2, 2], vertical_alignment="bottom")
    with pick:
        workshop = choose(workshops)
    if workshop is not None:
        present.page_link(PRESENTER_PAGE_FILE, label=t("room.nav_presenter"), icon=":material/slideshow:")
        watch.page_link(ROOM_PAGE_FILE, label=t("room.nav_room"), icon=":material/monitoring:")
    leave.button(
        t("room.instructor.sign_out"), key="instructor_sign_out", on_click=sign_out, icon=":material/logout:"
    )
    with st.expander(t("room.instructor.open_header"), expanded=not workshops, icon=":material/add:"):
        open_form()
    return workshop
