"""Download buttons for the printable course: made on the click (deferred), cached per lesson,
language and edition, so drawing a page never pays for a PDF nobody asked for."""

from __future__ import annotations

from functools import partial

import streamlit as st

from content_logic.handouts import render_pdf
from content_logic.handouts.course import Edition, course_handout, lesson_handout
from content_logic.handouts.fonts import fonts_available
from content_logic.i18n import Language
from ui.course import course
from ui.i18n import current_language, t
from ui.instructor_session import is_instructor

PDF = "application/pdf"


@st.cache_data(max_entries=64, show_spinner=False)
def lesson_pdf(lesson_id: str, lang: Language, edition: Edition) -> bytes:
    """One lesson's handout; empty bytes when the lesson didn't load (the button isn't shown then)."""
    handout = lesson_handout(course(), lang, lesson_id, edition=edition)
    return render_pdf(handout) if handout is not None else b""


@st.cache_data(max_entries=4, show_spinner=False)
def course_pdf(lang: Language, edition: Edition) -> bytes:
    """The whole course's handout (2–4 s to draw, so made once per language and edition)."""
    return render_pdf(course_handout(course(), lang, edition=edition))


def _editions() -> list[Edition]:
    """The instructor edition carries speaker notes and answers: only for a signed-in instructor."""
    return ["attendee", "instructor"] if is_instructor() else ["attendee"]


def lesson_downloads(lesson_id: str) -> None:
    """The lesson's handout buttons (and the instructor edition's, for the instructor)."""
    lang = current_language()
    if not fonts_available():
        st.warning(t("handout.unavailable"), icon=":material/print_disabled:")
        return
    for edition in _editions():
        st.download_button(
            t("handout.download_lesson" if edition == "attendee" else "handout.download_lesson_instructor"),
            partial(lesson_pdf, lesson_id, lang, edition),
            file_name=f"{lesson_id}-{lang}{'-instructor' if edition == 'instructor' else ''}.pdf",
            mime=PDF,
            icon=":material/picture_as_pdf:",
            on_click="ignore",
            key=f"handout_lesson_{edition}",
        )


def course_downloads() -> None:
    """The whole course's handout buttons under a short heading, for the course map."""
    lang = current_language()
    st.subheader(t("handout.downloads_header"))
    st.caption(t("handout.downloads_help"))
    if not fonts_available():
        st.warning(t("handout.unavailable"), icon=":material/print_disabled:")
        return
    columns = st.columns(len(_editions()))
    for column, edition in zip(columns, _editions(), strict=True):
        column.download_button(
            t("handout.download_course" if edition == "attendee" else "handout.download_course_instructor"),
            partial(course_pdf, lang, edition),
            file_name=f"content-logic-course-{lang}{'-instructor' if edition == 'instructor' else ''}.pdf",
            mime=PDF,
            icon=":material/picture_as_pdf:",
            on_click="ignore",
            key=f"handout_course_{edition}",
            width="stretch",
        )
