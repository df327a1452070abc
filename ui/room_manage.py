"""Managing the chosen workshop: close it (asked twice, so a misclick on the projector ends nothing),
reopen it with the same code and attendees, or delete all its data (confirmed first)."""

from __future__ import annotations

import streamlit as st

from content_logic.workshop import Workshop, WorkshopError
from ui.i18n import t
from ui.instructor_session import choose_workshop, is_instructor
from ui.instructor_view import notice
from ui.room_view import plain
from ui.workshop_state import error_text, room_changed, store

CLOSE_CONFIRM_KEY = "room_close_confirming"
"""Session state: the id of the workshop whose "close" was clicked and awaits confirmation."""


def _ask_to_close(workshop_id: str | None) -> None:
    st.session_state[CLOSE_CONFIRM_KEY] = workshop_id


def _close(workshop_id: str) -> None:
    st.session_state.pop(CLOSE_CONFIRM_KEY, None)
    if not is_instructor():
        return
    try:
        closed = store().close_workshop(workshop_id)
    except WorkshopError as error:
        notice("error", error_text(error))
        return
    room_changed()
    notice("ok", t("room.manage.closed", name=plain(closed.name)))


def _reopen(workshop_id: str) -> None:
    if not is_instructor():
        return
    try:
        reopened = store().reopen_workshop(workshop_id)
    except WorkshopError as error:
        notice("error", error_text(error))
        return
    room_changed()
    notice("ok", t("room.manage.reopened", name=plain(reopened.name), code=reopened.display_code))


def _delete(workshop_id: str) -> None:
    if not is_instructor() or not st.session_state.get("room_delete_confirm"):
        return
    try:
        deleted = store().delete_workshop(workshop_id)
    except WorkshopError as error:
        notice("error", error_text(error))
        return
    room_changed()
    choose_workshop(None)
    st.session_state.pop("room_delete_confirm", None)
    notice(
        "ok" if deleted else "error", t("room.manage.deleted" if deleted else "room.manage.already_deleted")
    )


def _close_controls(workshop: Workshop) -> None:
    if st.session_state.get(CLOSE_CONFIRM_KEY) != workshop.id:
        st.button(
            t("room.manage.close"),
            key="room_close",
            on_click=_ask_to_close,
            args=(workshop.id,),
            icon=":material/lock:",
        )
        return
    with st.container(border=True, key="room_close_confirm"):
        st.warning(t("room.manage.close_question", name=plain(workshop.name)), icon=":material/lock:")
        yes, no = st.columns(2)
        yes.button(
            t("room.manage.close_yes"),
            key="room_close_yes",
            type="primary",
            on_click=_close,
            args=(workshop.id,),
            icon=":material/lock:",
            width="stretch",
        )
        no.button(
            t("room.manage.close_no"),
            key="room_close_no",
            on_click=_ask_to_close,
            args=(None,),
            icon=":material/undo:",
            width="stretch",
        )


def manage(workshop: Workshop) -> None:
    """Close the workshop (asked twice), reopen a closed one (same code, same attendees), or delete
    all its data (confirmed first)."""
    if workshop.is_open:
        _close_controls(workshop)
    else:
        st.button(
            t("room.manage.reopen"),
            key="room_reopen",
            type="primary",
            on_click=_reopen,
            args=(workshop.id,),
            icon=":material/lock_open:",
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
