"""Lesson exercises in the calculators: the link that opens one pre-filled, and the file it delivers."""

from __future__ import annotations

import streamlit as st

from content_logic.lessons import Prefill
from ui.course import course
from ui.i18n import current_language, t
from ui.routes import CALCULATOR_ROUTES

EXERCISE_PARAM = "exercise"
"""URL parameter naming the exercise: ``?exercise=<lesson-id>.<exercise-id>`` (or ``.quiz-<n>``)."""

DELIVERED_KEY = "exercise_delivered"
"""Session state: the exercise addresses whose file was already handed to a calculator, so the
learner's later edits are never overwritten by the same link."""


def exercise_link(address: str, prefill: Prefill, *, key: str) -> None:
    """A link that opens the exercise's calculator with the exercise's file read as if uploaded."""
    route = CALCULATOR_ROUTES.get(prefill.calculator)
    if route is None:
        return
    with st.container(key=key):
        st.page_link(
            route.file,
            label=t("lesson.open_exercise", calculator=t(route.title_key)),
            icon=":material/calculate:",
            query_params={EXERCISE_PARAM: address},
        )


def prefilled_file(calculator_id: str) -> tuple[bytes, str] | None:
    """The file of the exercise in ``?exercise=`` as ``(data, filename)``, once per session and
    exercise, when it belongs to this calculator; else None (and a notice for an unknown one)."""
    address = st.query_params.get(EXERCISE_PARAM)
    if not address:
        return None
    delivered: set[str] = st.session_state.setdefault(DELIVERED_KEY, set())
    if address in delivered:
        return None
    delivered.add(address)
    task = course().prefilled_task(current_language(), address)
    if task is None or task.prefill.calculator != calculator_id:
        st.warning(t("lesson.exercise_unknown", exercise=address), icon=":material/link_off:")
        return None
    st.toast(
        t("lesson.exercise_loaded", title=task.title, file=task.prefill.filename), icon=":material/exercise:"
    )
    return task.prefill.file_bytes(), task.prefill.filename
