"""The presenter's screen: a lesson as slides in large type, speaker notes, and its quiz as live polls."""

from __future__ import annotations

import streamlit as st

from content_logic.lessons import Lesson
from content_logic.workshop import Poll, Workshop, WorkshopError
from content_logic.workshop.board import poll_board
from content_logic.workshop.models import PollCounts
from ui.i18n import t
from ui.room_view import big_text_style, poll_chart
from ui.workshop_state import error_text, is_instructor, room_changed, room_snapshot, store

LIVE_POLL_SECONDS = 3
"""How often the presenter's poll bars refresh (from the shared room cache)."""

LESSON_KEY = "presenter_lesson"
"""Session state: the lesson being presented (kept while the instructor visits other pages)."""
PICK_KEY = "presenter_pick"
SLIDE_KEY = "presenter_slide"
"""Session state: the slide index (from 0) within the lesson."""
MESSAGE_KEY = "presenter_message"


def choose_lesson(lessons: list[Lesson]) -> Lesson:
    """The lesson selector, keeping the choice across pages; a new lesson starts at its first slide."""
    by_id = {lesson.meta.id: lesson for lesson in lessons}
    if st.session_state.get(LESSON_KEY) not in by_id:
        st.session_state[LESSON_KEY] = lessons[0].meta.id
        st.session_state[SLIDE_KEY] = 0
    st.session_state[PICK_KEY] = st.session_state[LESSON_KEY]

    def picked() -> None:
        st.session_state[LESSON_KEY] = st.session_state[PICK_KEY]
        st.session_state[SLIDE_KEY] = 0
        st.session_state.pop("presenter_question", None)

    st.selectbox(
        t("room.presenter.lesson"),
        list(by_id),
        format_func=lambda i: f"{by_id[i].meta.order}. {by_id[i].meta.title}",
        key=PICK_KEY,
        on_change=picked,
    )
    return by_id[st.session_state[LESSON_KEY]]


def _step(delta: int, count: int) -> None:
    current = int(st.session_state.get(SLIDE_KEY, 0))
    st.session_state[SLIDE_KEY] = min(max(current + delta, 0), count - 1)


def slides(lesson: Lesson) -> None:
    """The current slide big, the slide number, previous/next, and its notes beside it."""
    count = len(lesson.slides)
    if count == 0:
        st.info(t("room.presenter.no_slides"))
        return
    index = min(max(int(st.session_state.get(SLIDE_KEY, 0)), 0), count - 1)
    st.session_state[SLIDE_KEY] = index
    slide = lesson.slides[index]
    big_text_style()
    slide_column, notes_column = st.columns([3, 1], gap="large")
    with slide_column, st.container(border=True, key="presenter_slide"):
        st.markdown(f"## {slide.title or lesson.meta.title}")
        st.markdown(slide.body)
    with notes_column, st.expander(t("room.presenter.notes"), expanded=True, icon=":material/speaker_notes:"):
        st.markdown(slide.notes or t("room.presenter.no_notes"))
    back, number, forward = st.columns([2, 1, 2], vertical_alignment="center")
    back.button(
        t("room.presenter.previous"),
        key="presenter_previous",
        on_click=_step,
        args=(-1, count),
        disabled=index == 0,
        icon=":material/arrow_back:",
        width="stretch",
    )
    with number.container(key="presenter_number"):
        st.markdown(f"**{index + 1} / {count}**")
    forward.button(
        t("room.presenter.next"),
        key="presenter_next",
        on_click=_step,
        args=(1, count),
        disabled=index == count - 1,
        icon=":material/arrow_forward:",
        width="stretch",
    )


def _open_poll(workshop_id: str, lesson: Lesson) -> None:
    if not is_instructor():
        return
    number = int(st.session_state.get("presenter_question") or 0)
    question = lesson.meta.quiz[number]
    try:
        store().open_poll(workshop_id, lesson.meta.id, number, question.question, question.options)
    except WorkshopError as error:
        st.session_state[MESSAGE_KEY] = error_text(error)
        return
    st.session_state.pop(MESSAGE_KEY, None)
    room_changed()


def _close_poll(poll_id: int) -> None:
    if not is_instructor():
        return
    try:
        store().close_poll(poll_id)
    except WorkshopError as error:
        st.session_state[MESSAGE_KEY] = error_text(error)
        return
    room_changed()


@st.fragment(run_every=LIVE_POLL_SECONDS)
def live_answers(workshop_id: str) -> None:
    """The open poll's answers as bars, refreshed from the shared room cache."""
    try:
        snapshot = room_snapshot(workshop_id)
    except WorkshopError as error:
        st.warning(error_text(error))
        return
    counted: PollCounts | None = snapshot.open_poll or (
        snapshot.recent_polls[0] if snapshot.recent_polls else None
    )
    if counted is not None:
        poll_chart(poll_board(counted), "presenter_poll_chart")


def poll_controls(workshop: Workshop, lesson: Lesson, current: Poll | None) -> None:
    """Open one of the lesson's quiz questions as the room's poll, close it, and show the answers."""
    if current is not None:
        st.success(t("room.presenter.poll_open", question=current.question), icon=":material/how_to_vote:")
        st.button(
            t("room.presenter.close_poll"),
            key="presenter_close_poll",
            on_click=_close_poll,
            args=(current.id,),
            icon=":material/stop_circle:",
        )
    if workshop.is_open:
        quiz = lesson.meta.quiz
        st.selectbox(
            t("room.presenter.question"),
            range(len(quiz)),
            format_func=lambda i: f"{i + 1}. {quiz[i].question}",
            key="presenter_question",
        )
        st.button(
            t("room.presenter.open_poll"),
            key="presenter_open_poll",
            type="primary",
            on_click=_open_poll,
            args=(workshop.id, lesson),
            icon=":material/how_to_vote:",
        )
    else:
        st.warning(t("room.closed_notice"), icon=":material/lock:")
    if st.session_state.get(MESSAGE_KEY):
        st.error(st.session_state[MESSAGE_KEY])
    if st.toggle(t("room.presenter.show_answers"), key="presenter_show_answers"):
        live_answers(workshop.id)
