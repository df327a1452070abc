"""The attendee's join screen: the join form, then their link, the open poll and what they shared."""

from __future__ import annotations

import streamlit as st

from content_logic.workshop import NICKNAME_MAX_CHARS, AttendeeView, WorkshopError, normalize_join_code
from content_logic.workshop.join_url import CODE_PARAM, RESUME_PARAM
from ui import attendee
from ui.i18n import t
from ui.room_view import plain, qr_image
from ui.share import summary_view
from ui.workshop_state import error_text, open_poll, store, workshop_is_open

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
PREFILLED_KEY = "join_code_prefilled"
"""Session state: the ``?code=`` last copied into the code field."""
DELETE_CONFIRM_KEY = "join_delete_confirm"
"""Widget key of the "yes, delete my data" checkbox."""
DELETED_KEY = "join_deleted"
"""Session state: set once the attendee's data was deleted, to say so on the join form."""


def same_workshop(code: str) -> bool:
    """Whether ``code`` (typed any way) is the workshop this session already joined."""
    details = attendee.info()
    if details is None:
        return False
    try:
        return normalize_join_code(code) == normalize_join_code(str(details["code"]))
    except WorkshopError:
        return False


def _join() -> None:
    code = str(st.session_state.get(CODE_KEY) or "")
    nickname = str(st.session_state.get(NICKNAME_KEY) or "")
    if same_workshop(code):  # joining again from the same phone is the same attendee
        st.session_state.pop(ERROR_KEY, None)
        return
    try:
        result = store().join(code, nickname or None)
        attendee.begin(result.resume_token, result.attendee, result.workshop)
    except WorkshopError as error:
        st.session_state[ERROR_KEY] = error_text(error)
        return
    st.session_state.pop(ERROR_KEY, None)
    st.session_state[NOTES_KEY] = list(result.nickname_changes)
    for key in (ANSWERS_KEY, LAST_POLL_KEY, POLL_STATUS_KEY, DELETED_KEY):
        st.session_state.pop(key, None)
    if CODE_PARAM in st.query_params:
        del st.query_params[CODE_PARAM]


def join_form() -> None:
    """The code (filled in from ``?code=``) and an optional nickname; errors keep what was typed."""
    wanted = st.query_params.get(CODE_PARAM, "")
    if CODE_KEY not in st.session_state or (wanted and st.session_state.get(PREFILLED_KEY) != wanted):
        st.session_state[CODE_KEY] = wanted  # from a scanned QR; once, so a correction isn't undone
        st.session_state[PREFILLED_KEY] = wanted
    if st.session_state.pop(DELETED_KEY, False):
        st.success(t("room.join.deleted"), icon=":material/delete:")
    st.markdown(t("room.join.intro"))
    with st.form("join_form", border=True):
        st.text_input(t("room.join.code"), key=CODE_KEY, placeholder="ABC-234")
        st.text_input(
            t("room.join.nickname"),
            key=NICKNAME_KEY,
            help=t("room.join.nickname_help", limit=NICKNAME_MAX_CHARS),
            max_chars=NICKNAME_MAX_CHARS,
        )
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
    """The open poll to answer (changeable while open), or a clear word that it or the workshop closed."""
    try:
        is_open = workshop_is_open(workshop_id)
        poll = open_poll(workshop_id) if is_open else None
    except WorkshopError as error:
        st.warning(error_text(error), icon=":material/cloud_off:")
        return
    if not is_open:
        st.warning(t("room.join.workshop_closed"), icon=":material/lock:")
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
    for key in (NOTES_KEY, ANSWERS_KEY, LAST_POLL_KEY, POLL_STATUS_KEY, DELETE_CONFIRM_KEY):
        st.session_state.pop(key, None)


def _delete_my_data() -> None:
    if not st.session_state.get(DELETE_CONFIRM_KEY):
        return
    try:
        attendee.delete_my_data()
    except WorkshopError as error:
        st.session_state[ERROR_KEY] = error_text(error)
        return
    _leave()
    st.session_state[DELETED_KEY] = True


def _personal_link() -> None:
    link = attendee.personal_link()
    st.header(t("room.join.link_header"))
    st.caption(t("room.join.link_help"))
    with st.container(key="join_personal_link"):
        st.code(link, language=None, wrap_lines=True)  # wraps on a 390 px phone; has a copy button
    with st.expander(t("room.join.link_qr"), icon=":material/qr_code_2:"):
        st.image(qr_image(link), width=260, alt=f"{t('room.join.link_header')}: {link}")


def _privacy() -> None:
    with st.expander(t("room.join.my_data"), icon=":material/shield_person:"):
        st.markdown(t("room.join.stored_list"))
        st.checkbox(t("room.join.delete_confirm"), key=DELETE_CONFIRM_KEY)
        st.button(
            t("room.join.delete"),
            key="join_delete",
            on_click=_delete_my_data,
            disabled=not st.session_state.get(DELETE_CONFIRM_KEY),
            icon=":material/delete_forever:",
        )


def joined(details: dict[str, object], view: AttendeeView) -> None:
    """The attendee's screen once in: who they are, their link, the poll, their shares."""
    resume_token = attendee.token() or ""
    if st.query_params.get(RESUME_PARAM) != resume_token:
        # This page's own address is the personal link, so a refresh here works even where cookies
        # are blocked (and the load benches' protocol phones, which run no script, find it there).
        st.query_params[RESUME_PARAM] = resume_token
    if CODE_PARAM in st.query_params:
        del st.query_params[CODE_PARAM]
    name = plain(attendee.display_name(details))
    st.success(
        t("room.join.welcome", workshop=plain(view.workshop.name), name=name), icon=":material/groups:"
    )
    for change in st.session_state.get(NOTES_KEY, []):
        st.caption(t(f"workshop.nickname.{change}", limit=NICKNAME_MAX_CHARS))
    if view.open_poll is not None and view.my_answer is not None:
        st.session_state.setdefault(ANSWERS_KEY, {}).setdefault(view.open_poll.id, view.my_answer)

    st.header(t("room.join.poll_header"))
    poll_panel(view.workshop.id)

    _personal_link()

    st.header(t("room.join.shared_header"))
    _shared_list()
    _privacy()
    if st.session_state.get(ERROR_KEY):
        st.error(st.session_state.pop(ERROR_KEY), icon=":material/error:")
    st.button(t("room.join.leave"), key="join_leave", on_click=_leave, icon=":material/logout:")
