"""An attendee's saved work: calculator inputs kept only when they choose so, and the results they shared."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import streamlit as st
from pydantic import JsonValue

from content_logic.workshop import SubmissionReceipt, WorkshopError
from content_logic.workshop.sharing import SHARED_KEPT, SHARED_STATE_KEY, inputs_state_key
from ui.attendee import (
    KEEP_INPUTS_KEY,
    PREFERENCES_STATE_KEY,
    SAVED_INPUTS_KEY,
    SHARED_KEY,
    shared,
    token,
    warn,
)
from ui.workshop_state import store


def keeps_inputs() -> bool:
    """Whether the attendee chose to keep their calculator inputs on the workshop's server."""
    return bool(st.session_state.get(KEEP_INPUTS_KEY))


def set_keep_inputs(keep: bool, kinds: tuple[str, ...]) -> None:
    """Record the attendee's choice; choosing not to keep them removes the inputs saved so far."""
    resume_token = token()
    if resume_token is None:
        return
    st.session_state[KEEP_INPUTS_KEY] = keep
    try:
        store().save_state(resume_token, PREFERENCES_STATE_KEY, {"keep_inputs": keep})
        if not keep:
            for kind in kinds:
                store().save_state(resume_token, inputs_state_key(kind), None)
    except WorkshopError as error:
        warn(error)
    st.session_state[SAVED_INPUTS_KEY] = {}


def save_inputs(kind: str, data: JsonValue) -> bool:
    """Keep a calculator's inputs (JSON) for a returning attendee who chose to keep them; False when
    not joined, not chosen, or it failed. Saving what was saved last is skipped, so calling this on
    every rerun costs no database write."""
    resume_token = token()
    if resume_token is None or not keeps_inputs():
        return False
    last: dict[str, Any] = st.session_state.setdefault(SAVED_INPUTS_KEY, {})
    if kind in last and last[kind] == data:
        return True
    try:
        store().save_state(resume_token, inputs_state_key(kind), data)
    except WorkshopError as error:
        warn(error)
        return False
    last[kind] = data
    return True


def load_inputs(kind: str) -> JsonValue | None:
    """The calculator inputs this attendee saved, or None (not joined, nothing saved, or unreachable).
    Call it when the page's own state is empty, not on every rerun: it reads the database."""
    resume_token = token()
    if resume_token is None or not keeps_inputs():
        return None
    try:
        value = store().load_state(resume_token, inputs_state_key(kind))
    except WorkshopError as error:
        warn(error)
        return None
    st.session_state.setdefault(SAVED_INPUTS_KEY, {})[kind] = value
    return value


def record_share(kind: str, summary: dict[str, Any], raw_sent: bool, receipt: SubmissionReceipt) -> None:
    """Add a share to the attendee's list (in the session, and saved for their return)."""
    items = [item for item in shared() if item.get("submission_id") != receipt.submission_id]
    items.append(
        {
            "kind": kind,
            "submission_id": receipt.submission_id,
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "summary": summary,
            "raw": raw_sent,
        }
    )
    st.session_state[SHARED_KEY] = items[-SHARED_KEPT:]
    resume_token = token()
    if resume_token is not None:
        try:
            store().save_state(resume_token, SHARED_STATE_KEY, st.session_state[SHARED_KEY])
        except WorkshopError as error:
            warn(error)
