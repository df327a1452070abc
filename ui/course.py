"""The loaded course and the attendee's progress through it, for this session.

Nothing here knows about workshops: ``ui.attendee`` reads the progress from this module to save it,
and the lesson page asks it to after each change (issue 10: no ``ui.attendee`` ↔ ``ui.course`` cycle).
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from content_logic.course import LESSONS_DIR, Course, load_course

LESSONS_DIR_VARIABLE = "COMPANION_LESSONS_DIR"
"""Environment variable naming another lessons folder (with en/ and es/), e.g. a course team's draft."""

PROGRESS_KEY = "lesson_progress"
"""Session state: ``{lesson_id: {"read": bool, "answers": {question: option}}}``."""


@st.cache_resource(show_spinner=False)
def course() -> Course:
    """Every lesson, loaded once per process; a frozen model shared read-only (no per-run copy)."""
    return load_course(Path(os.environ.get(LESSONS_DIR_VARIABLE) or LESSONS_DIR))


def progress(lesson_id: str) -> dict:
    """This session's progress record for one lesson, created on first use."""
    store = st.session_state.setdefault(PROGRESS_KEY, {})
    return store.setdefault(lesson_id, {"read": False, "answers": {}})


def record_answer(lesson_id: str, question: int, widget_key: str) -> None:
    """Widget callback: keep a quiz answer after the widget itself is gone (another page)."""
    choice = st.session_state.get(widget_key)
    answers = progress(lesson_id)["answers"]
    if choice is None:
        answers.pop(question, None)
    else:
        answers[question] = choice


def record_read(lesson_id: str, widget_key: str) -> None:
    """Widget callback: remember the "I've read it" tick for the home page."""
    progress(lesson_id)["read"] = bool(st.session_state.get(widget_key))
