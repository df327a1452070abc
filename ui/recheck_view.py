"""The 30-day re-check on the attendee's side: opting in once the workshop closed, the personal link's
"run your calculators again", and saving a re-run result from a calculator page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from content_logic.workshop import SUBMISSION_KINDS, Workshop, WorkshopError
from content_logic.workshop.recheck import RULES, RecheckStatus, recheck_opens
from ui import attendee
from ui.i18n import t
from ui.workshop_state import error_text, store, workshop_is_open

CALCULATOR_PAGES = {kind: f"pages/{kind}.py" for kind in SUBMISSION_KINDS}
"""Where each calculator runs again."""

MESSAGE_KEY = "recheck_message"
"""Session state: the last re-check action's outcome (``{"ok": bool, "text": str}``)."""


def _status() -> RecheckStatus | None:
    try:
        return store().recheck_status(attendee.token() or "")
    except WorkshopError as error:
        st.warning(error_text(error), icon=":material/cloud_off:")
        return None


def _set(opted_in: bool) -> None:
    try:
        store().set_recheck(attendee.token() or "", opted_in)
    except WorkshopError as error:
        st.session_state[MESSAGE_KEY] = {"ok": False, "text": error_text(error)}


def _save(kind: str, summary: dict[str, Any]) -> None:
    try:
        store().save_recheck(attendee.token() or "", kind, summary)
    except WorkshopError as error:
        st.session_state[MESSAGE_KEY] = {"ok": False, "text": error_text(error)}
        return
    st.session_state[MESSAGE_KEY] = {"ok": True, "text": t("report.recheck.saved")}


def _message() -> None:
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        if message["ok"]:
            st.success(message["text"], icon=":material/check_circle:")
        else:
            st.error(message["text"], icon=":material/error:")


def _calculator_links(status: RecheckStatus) -> None:
    st.markdown(f"**{t('report.recheck.run_again')}**")
    st.caption(t("report.recheck.run_again_help"))
    for kind in SUBMISSION_KINDS:
        done = kind in status.rerun
        st.page_link(
            CALCULATOR_PAGES[kind],
            label=t(
                "report.recheck.done" if done else "report.recheck.todo", calculator=t(f"{kind}.nav_title")
            ),
            icon=":material/check_circle:" if done else ":material/replay:",
        )


def recheck_panel(workshop: Workshop) -> None:
    """On the personal link's page, once the workshop closed: the opt-in, and when it is time, the
    calculators to run again (with which ones are done)."""
    if workshop.is_open or attendee.token() is None:
        return
    status = _status()
    if status is None:
        return
    with st.container(border=True, key="recheck_panel"):
        st.subheader(t("report.recheck.header"))
        if status.opted_in_at is None:
            st.markdown(t("report.recheck.offer", days=RULES.after_days))
            st.button(
                t("report.recheck.opt_in"),
                key="recheck_opt_in",
                on_click=_set,
                args=(True,),
                type="primary",
                icon=":material/event_repeat:",
            )
        elif status.due:
            _calculator_links(status)
        elif status.closed_at is not None:
            date = recheck_opens(status.closed_at).astimezone().strftime("%Y-%m-%d")
            st.info(t("report.recheck.waiting", date=date), icon=":material/event:")
        if status.opted_in_at is not None:
            st.caption(t("report.recheck.kept"))
            st.button(t("report.recheck.opt_out"), key="recheck_opt_out", on_click=_set, args=(False,))
        _message()


def recheck_share(kind: str, summary: Callable[[], dict[str, Any]]) -> bool:
    """Under a calculator's result, for an attendee whose re-check is open: save this run as their
    re-check (instead of sharing with a closed room). False when there is no re-check to offer."""
    details = attendee.info()
    if details is None or workshop_is_open(str(details["workshop_id"])):
        return False  # the usual case: no database read
    status = _status()
    if status is None or not status.due:
        return False
    built = summary()
    with st.container(border=True, key=f"recheck_{kind}"):
        st.markdown(f"**{t('report.recheck.save_title')}**")
        st.caption(t("report.recheck.save_help"))
        st.button(
            t("report.recheck.save"),
            key=f"recheck_{kind}_save",
            type="primary",
            icon=":material/save:",
            on_click=_save,
            args=(kind, built),
        )
        _message()
    return True
