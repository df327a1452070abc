"""The audience screen: the presenter's slide and the join code, large, for the projector; it follows
the presenter by reading the shared screen state every second."""

from __future__ import annotations

import streamlit as st

from content_logic.lessons import Lesson
from content_logic.workshop import Workshop, WorkshopError
from content_logic.workshop.join_url import JoinLinks, join_url
from content_logic.workshop.screen import revealed, slide_index
from ui.course import course
from ui.i18n import t
from ui.room_view import big_text_style, plain
from ui.workshop_state import error_text, room_snapshot, screen_state

FOLLOW_SECONDS = 1
"""How often an audience screen looks for the presenter's new slide (a shared 1-second cache read)."""


def _lesson(lessons: list[Lesson], lesson_id: str | None) -> Lesson:
    return next((lesson for lesson in lessons if lesson.meta.id == lesson_id), lessons[0])


def join_footer(workshop: Workshop, links: JoinLinks) -> None:
    """The join address and code in one large line under the slide."""
    url = join_url(links.bases[0], workshop.join_code, workshop.language) if links.bases else None
    with st.container(key="audience_join"):
        if url is not None:
            st.markdown(t("room.audience.join_at", url=plain(url.split("?")[0]), code=workshop.display_code))
        else:
            st.markdown(t("room.audience.join_code", code=workshop.display_code))


def _revealed(workshop: Workshop, poll_id: int, lessons: list[Lesson]) -> None:
    answer = revealed(room_snapshot(workshop.id), poll_id, lessons)
    if answer is None:
        return
    with st.container(border=True, key="audience_answer"):
        st.markdown(t("room.audience.right_answer", answer=plain(answer.option)))
        st.markdown(answer.explanation)


@st.fragment(run_every=FOLLOW_SECONDS)
def follow(workshop: Workshop, links: JoinLinks) -> None:
    """The slide the presenter shows now (or the lesson's first), then a revealed answer, then how to join."""
    lessons = course().in_language(workshop.language)
    try:
        shown = screen_state(workshop.id)
    except WorkshopError as error:
        st.warning(error_text(error), icon=":material/cloud_off:")
        return
    big_text_style()
    if lessons:
        lesson = _lesson(lessons, shown.lesson_id if shown else None)
        if lesson.slides:
            slide = lesson.slides[slide_index(lesson, shown.slide if shown else 0)]
            with st.container(key="audience_slide"):
                st.markdown(f"## {slide.title or lesson.meta.title}")
                st.markdown(slide.body)
    if shown is not None and shown.revealed_poll_id is not None:
        _revealed(workshop, shown.revealed_poll_id, lessons)
    join_footer(workshop, links)
