"""The attendee's join screen: the join form, then their link, the open poll and what they shared."""

from __future__ import annotations

import streamlit as st

from content_logic.workshop import NICKNAME_MAX_CHARS, AttendeeView, WorkshopError
from content_logic.workshop.join_url import CODE_PARAM, RESUME_PARAM
from ui import attendee
from ui.i18n import t
from ui.room_view import plain
from ui.share import summary_view
from ui.workshop_state import error_text, open_poll, store

ATTENDEE_POLL_SECONDS = 5
"""How often a phone looks for a newly opened poll. Each look compares the room's poll version with
the process's copy (no database read), so 300 phones cost 60 fragment runs of ~2 ms a second."""

CODE_KEY = "join_code"
NICKNAME_KEY = "join_nickname"
ERROR_KEY = "join_error"
NOTES_KEY = "join_notes"
"""Session state: what cleaning changed in the nickname, shown while the attendee stays."""
ANSWERS_KEY = "join_answers"
"""Session state: ``{poll_id: option_index}`` of this attendee's answers."""
LAST_POLL_KEY = "join_last_poll"
"""Session state: the last open poll this phone showed, to say clearly when it has closed."""
POLL_STATUS_KEY = "join_poll_status"
"""Session state: ``{"poll": id, "ok": bool, "text": str}`` after the last answer."""


def _join() -> None:
    code = str(st.session_state.get(CODE_KEY) or "")
    nickname = str(st.session_state.get(NICKNAME_KEY) or "")
    try:
        result = store().join(code, nickname or None)
        attendee.begin(result.resume_token, result.attendee, result.workshop)
    except WorkshopError as error:
        st.session_state[ERROR_KEY] = error_text(error)
        return
    st.session_state.pop(ERROR_KEY, None)
    st.session_state[NOTES_KEY] = list(result.nickname_changes)
    st.query_params[RESUME_PARAM] = result.resume_token
    if CODE_PARAM in st.query_params:
        del st.query_params[CODE_PARAM]


def join_form() -> None:
    """The code (filled in from ``?code=``) and an optional nickname; errors keep what was typed."""
    if CODE_KEY not in st.session_state:
        st.session_state[CODE_KEY] = st.query_params.get(CODE_PARAM, "")
    st.markdown(t("room.join.intro"))
    with st.form("join_form", border=True):
        st.text_input(t("room.join.code"), key=CODE_KEY, placeholder="ABC-234")
        st.text_input(t("room.join.nickname"), key=NICKNAME_KEY, help=t("room.join.nickname_help"))
        st.form_submit_button(
            t("room.join.button"), key="join_submit", type="primary", on_click=_join, icon=":material/login:"
        )
    if st.session_state.get(ERROR_KEY):
        st.error(st.session_state[ERROR_KEY], icon=":material/error:")


def _answer(poll_id: int, widget_key: str) -> None:
    choice = st.session_state.get(widget_key)
    resume_token = attendee.token()
    if choice is None or resume_token is None:
        return
    try:
        store().answer_poll(resume_token, poll_id, int(choice))
    except WorkshopError as error:
        st.session_state[POLL_STATUS_KEY] = {"poll": poll_id, "ok": False, "text": error_text(error)}
        return
    st.session_state.setdefault(ANSWERS_KEY, {})[poll_id] = int(choice)
    st.session_state[POLL_STATUS_KEY] = {"poll": poll_id, "ok": True, "text": t("room.join.answer_saved")}


@st.fragment(run_every=ATTENDEE_POLL_SECONDS)
def poll_panel(workshop_id: str) -> None:
    """The open poll to answer (changeable while open), or a clear word that it closed."""
    try:
        poll = open_poll(workshop_id)
    except WorkshopError as error:
        st.warning(error_text(error), icon=":material/cloud_off:")
        return
    answers: dict[int, int] = st.session_state.setdefault(ANSWERS_KEY, {})
    last = st.session_state.get(LAST_POLL_KEY)
    if poll is None:
        if last is None:
            st.caption(t("room.join.no_poll"))
            return
        mine = answers.get(last["id"])
        chosen = last["options"][mine] if mine is not None else t("room.join.no_answer")
        st.info(t("room.join.poll_closed", question=last["question"], answer=chosen), icon=":material/lock:")
        return
    st.session_state[LAST_POLL_KEY] = {
        "id": poll.id,
        "question": poll.question,
        "options": list(poll.options),
    }
    widget_key = f"join_poll_{poll.id}"
    if widget_key not in st.session_state and poll.id in answers:
        st.session_state[widget_key] = answers[poll.id]
    with st.container(border=True, key="join_poll"):
        st.radio(
            poll.question,
            range(len(poll.options)),
            format_func=poll.options.__getitem__,
            index=None,
            key=widget_key,
            on_change=_answer,
            args=(poll.id, widget_key),
        )
        status = st.session_state.get(POLL_STATUS_KEY)
        if status and status["poll"] == poll.id:
            if status["ok"]:
                st.success(status["text"], icon=":material/check:")
            else:
                st.error(status["text"], icon=":material/error:")


def _shared_list() -> None:
    items = attendee.shared()
    if not items:
        st.caption(t("room.join.shared_none"))
        return
    for item in reversed(items):
        when = str(item.get("at", ""))[:16].replace("T", " ")
        with st.expander(t("room.join.shared_item", calculator=t(f"{item['kind']}.nav_title"), time=when)):
            summary_view(str(item["kind"]), dict(item.get("summary") or {}))
            st.caption(t("room.join.raw_sent") if item.get("raw") else t("room.join.raw_not_sent"))


def _leave() -> None:
    attendee.leave()
    for key in (NOTES_KEY, ANSWERS_KEY, LAST_POLL_KEY, POLL_STATUS_KEY):
        st.session_state.pop(key, None)


def joined(details: dict[str, object], view: AttendeeView) -> None:
    """The attendee's screen once in: who they are, their link, the poll, their shares."""
    resume_token = attendee.token() or ""
    if st.query_params.get(RESUME_PARAM) != resume_token:
        st.query_params[RESUME_PARAM] = resume_token  # so a refreshed phone keeps its place
    if CODE_PARAM in st.query_params:
        del st.query_params[CODE_PARAM]
    name = plain(attendee.display_name(details))
    st.success(
        t("room.join.welcome", workshop=plain(view.workshop.name), name=name), icon=":material/groups:"
    )
    for change in st.session_state.get(NOTES_KEY, []):
        st.caption(t(f"workshop.nickname.{change}", limit=NICKNAME_MAX_CHARS))
    if not view.workshop.is_open:
        st.warning(t("room.join.workshop_closed"), icon=":material/lock:")
    if view.open_poll is not None and view.my_answer is not None:
        st.session_state.setdefault(ANSWERS_KEY, {}).setdefault(view.open_poll.id, view.my_answer)

    st.header(t("room.join.poll_header"))
    poll_panel(view.workshop.id)

    st.header(t("room.join.link_header"))
    st.caption(t("room.join.link_help"))
    st.code(attendee.personal_link(), language=None, wrap_lines=True)  # no scroll box on a phone

    st.header(t("room.join.shared_header"))
    _shared_list()
    st.button(t("room.join.leave"), key="join_leave", on_click=_leave, icon=":material/logout:")
