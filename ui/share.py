"""The calculators' "Share with my workshop" panel, and saving their inputs for a returning attendee.

A calculator page calls ``restore_saved_inputs(kind, restore)`` before drawing its widgets and
``calculator_sharing(kind, room_summary(result), inputs_json)`` under its result.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import streamlit as st
from pydantic import JsonValue

from content_logic.problems import InputError
from content_logic.workshop import SUBMISSION_KINDS, SubmissionReceipt, WorkshopError
from content_logic.workshop.sharing import share_fingerprint, summary_lines
from ui import attendee, recheck_view
from ui.attendee_saves import keeps_inputs, load_inputs, record_share, save_inputs, set_keep_inputs
from ui.i18n import current_language, t
from ui.plan_results import remember_inputs
from ui.room_view import plain
from ui.routes import JOIN
from ui.workshop_state import error_text, store

__all__ = [
    "calculator_sharing",
    "load_inputs",
    "restore_saved_inputs",
    "save_inputs",
    "share_panel",
    "summary_view",
]


def _prepared_key(kind: str) -> str:
    return f"share_{kind}_prepared"


def summary_view(kind: str, summary: dict[str, Any]) -> None:
    """A shared summary as labelled lines, exactly the fields that are (or were) sent."""
    lines = summary_lines(kind, summary, current_language())
    st.markdown("\n".join(f"- **{line.label}:** {line.value}" for line in lines))


def _prepared(kind: str, summary: dict[str, Any], raw: JsonValue | None) -> dict[str, Any]:
    """The share as it would be sent now, with one submission id for as long as it stays the same."""
    fingerprint = share_fingerprint(kind, summary, raw)
    prepared = st.session_state.get(_prepared_key(kind))
    if not isinstance(prepared, dict) or prepared.get("fingerprint") != fingerprint:
        prepared = {
            "fingerprint": fingerprint,
            "submission_id": str(uuid.uuid4()),
            "receipt": None,
            "error": None,
        }
        st.session_state[_prepared_key(kind)] = prepared
    return prepared


def _send(kind: str, summary: dict[str, Any], raw: JsonValue | None) -> None:
    prepared = _prepared(kind, summary, raw)
    resume_token = attendee.token()
    if resume_token is None:
        return
    try:
        receipt = store().submit(
            resume_token, submission_id=prepared["submission_id"], kind=kind, summary=summary, raw=raw
        )
    except WorkshopError as error:
        prepared["error"] = error_text(error)
        return
    prepared["error"] = None
    prepared["receipt"] = receipt.model_dump()
    record_share(kind, summary, raw is not None, receipt)


def _join_first() -> None:
    st.page_link(JOIN.file, label=t("room.share.join_first"), icon=":material/groups:")


def _keep_changed(widget_key: str) -> None:
    set_keep_inputs(bool(st.session_state.get(widget_key)), SUBMISSION_KINDS)


def keep_inputs_choice(kind: str) -> None:
    """The attendee's choice to keep their calculator inputs on the server, said as it is."""
    widget_key = f"share_{kind}_keep"
    st.session_state[widget_key] = keeps_inputs()
    keep = st.checkbox(
        t("room.share.keep_inputs"), key=widget_key, on_change=_keep_changed, args=(widget_key,)
    )
    st.caption(t("room.share.keep_on") if keep else t("room.share.keep_off"))


def share_panel(kind: str, summary: dict[str, Any], raw: dict[str, Any] | None) -> None:
    """Offer to share a calculator result with the joined workshop, showing exactly what is sent;
    the raw inputs go too only when the attendee ticks the box. One line with a link when not joined."""
    details = attendee.info()
    if details is None:
        _join_first()
        return
    with st.container(border=True, key=f"share_{kind}"):
        st.markdown(f"**{t('room.share.title')}**")
        st.caption(t("room.share.what", workshop=plain(details["workshop"])))
        summary_view(kind, summary)
        include_raw = False
        if raw is not None:
            include_raw = st.checkbox(t("room.share.include_raw"), value=False, key=f"share_{kind}_raw")
            st.caption(t("room.share.raw_on") if include_raw else t("room.share.raw_off"))
        sent_raw = raw if include_raw else None
        prepared = _prepared(kind, summary, sent_raw)
        st.button(
            t("room.share.send"),
            key=f"share_{kind}_send",
            type="primary",
            icon=":material/send:",
            on_click=_send,
            args=(kind, summary, sent_raw),
        )
        if prepared["error"]:
            st.error(prepared["error"], icon=":material/error:")
        elif prepared["receipt"]:
            receipt = SubmissionReceipt.model_validate(prepared["receipt"])
            st.success(
                t(
                    "room.share.stored" if receipt.stored else "room.share.already",
                    workshop=plain(details["workshop"]),
                ),
                icon=":material/check_circle:",
            )
        keep_inputs_choice(kind)


def restore_saved_inputs(kind: str, restore: Callable[[Any], None]) -> None:
    """Once per session, before the page draws its widgets: a workshop attendee's saved inputs come back.

    ``restore`` turns the saved JSON into the page's state; a save that no longer fits (an older
    app version) is reported and the page starts fresh instead.
    """
    done_key = f"{kind}_saved_inputs_checked"
    if st.session_state.get(done_key):
        return
    st.session_state[done_key] = True
    saved = load_inputs(kind)
    if saved is None:
        return
    try:
        restore(saved)
    except InputError:
        st.toast(t("room.share.restore_failed"), icon=":material/warning:")
        return
    st.toast(t("room.share.restored"), icon=":material/history:")


def calculator_sharing(
    kind: str, summary: Callable[[], dict[str, Any]], inputs: Callable[[], dict[str, Any]]
) -> None:
    """Under a calculator's result: keep its inputs for a returning attendee, and offer to share.

    ``summary`` and ``inputs`` build the room summary and the JSON inputs; they run only for an
    attendee who joined a workshop, not on every rerun of everyone else.
    """
    remember_inputs(kind, inputs)  # My plan reads the latest inputs of every calculator (no work here)
    if attendee.info() is None:
        _join_first()
        return
    data = inputs()
    save_inputs(kind, data)  # only when the attendee chose to keep them (the panel's last box)
    if recheck_view.recheck_share(kind, summary):  # the room closed and this attendee's re-check is open
        return
    share_panel(kind, summary(), data)
