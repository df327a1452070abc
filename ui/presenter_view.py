"""The presenter's screen: the slide, its speaker notes, the next slide, a timer, the clicker keys,
and the lesson's quiz as live polls whose right answer can be revealed; every slide change is
recorded so an audience screen can follow."""

from __future__ import annotations

import streamlit as st

from content_logic.lessons import Lesson
from content_logic.workshop import Poll, Workshop, WorkshopError
from content_logic.workshop.board import poll_board
from content_logic.workshop.models import PollCounts
from content_logic.workshop.screen import slide_index
from ui.i18n import t
from ui.instructor_session import is_instructor
from ui.room_view import big_text_style, poll_chart
from ui.workshop_browser import slide_keys
from ui.workshop_state import error_text, room_changed, room_snapshot, screen_changed, store

LIVE_POLL_SECONDS = 3
"""How often the presenter's poll bars refresh (from the shared room cache)."""

LESSON_KEY = "presenter_lesson"
"""Session state: the lesson being presented (kept while the instructor visits other pages)."""
PICK_KEY = "presenter_pick"
SLIDE_KEY = "presenter_slide"
"""Session state: the slide index (from 0) within the lesson."""
MESSAGE_KEY = "presenter_message"
REVEALED_KEY = "presenter_revealed"
"""Session state: the poll whose right answer the room sees (None: not revealed)."""


def _publish(workshop: Workshop | None) -> None:
    """Tell the audience screen where the presenter is now (nothing without a workshop)."""
    if workshop is None or not is_instructor():
        return
    lesson_id = st.session_state.get(LESSON_KEY)
    if not lesson_id:
        return
    try:
        store().set_screen(
            workshop.id,
            str(lesson_id),
            int(st.session_state.get(SLIDE_KEY, 0)),
            st.session_state.get(REVEALED_KEY),
        )
    except WorkshopError as error:
        st.session_state[MESSAGE_KEY] = error_text(error)
        return
    screen_changed()


def resume_place(workshop: Workshop | None, lessons: list[Lesson]) -> None:
    """A new tab (or a restart) picks up where the presenter was, from the shared screen state."""
    if workshop is None or LESSON_KEY in st.session_state:
        return
    try:
        shown = store().screen(workshop.id)
    except WorkshopError:
        return
    if shown is not None and any(lesson.meta.id == shown.lesson_id for lesson in lessons):
        st.session_state[LESSON_KEY] = shown.lesson_id
        st.session_state[SLIDE_KEY] = shown.slide
        st.session_state[REVEALED_KEY] = shown.revealed_poll_id


def choose_lesson(lessons: list[Lesson], workshop: Workshop | None) -> Lesson:
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
        _publish(workshop)

    st.selectbox(
        t("room.presenter.lesson"),
        list(by_id),
        format_func=lambda i: f"{by_id[i].meta.order}. {by_id[i].meta.title}",
        key=PICK_KEY,
        on_change=picked,
    )
    return by_id[st.session_state[LESSON_KEY]]


def _step(delta: int, lesson: Lesson, workshop: Workshop | None) -> None:
    current = int(st.session_state.get(SLIDE_KEY, 0))
    st.session_state[SLIDE_KEY] = slide_index(lesson, current + delta)
    _publish(workshop)


def slides(lesson: Lesson, workshop: Workshop | None) -> None:
    """The current slide big with previous/next (and the clicker keys), its speaker notes and the
    next slide's title beside it: the presenter's laptop, never mirrored to the room."""
    count = len(lesson.slides)
    if count == 0:
        st.info(t("room.presenter.no_slides"))
        return
    index = slide_index(lesson, int(st.session_state.get(SLIDE_KEY, 0)))
    st.session_state[SLIDE_KEY] = index
    slide = lesson.slides[index]
    big_text_style()
    slide_keys()
    slide_column, notes_column = st.columns([3, 2], gap="large")
    with slide_column:
        with st.container(border=True, key="presenter_slide"):
            st.markdown(f"## {slide.title or lesson.meta.title}")
            st.markdown(slide.body)
        _buttons(lesson, workshop, index, count)
    with notes_column:
        with st.container(border=True, key="presenter_notes"):
            st.markdown(f"**{t('room.presenter.notes')}**")
            st.markdown(slide.notes or t("room.presenter.no_notes"))
        with st.container(border=True, key="presenter_upcoming"):
            upcoming = lesson.slides[index + 1].title if index + 1 < count else t("room.presenter.last_slide")
            st.caption(t("room.presenter.next_slide"))
            st.markdown(f"**{upcoming}**")
        st.caption(t("room.presenter.keys"))


def _buttons(lesson: Lesson, workshop: Workshop | None, index: int, count: int) -> None:
    back, number, forward = st.columns([2, 1, 2], vertical_alignment="center")
    back.button(
        t("room.presenter.previous"),
        key="presenter_previous",
        on_click=_step,
        args=(-1, lesson, workshop),
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
        args=(1, lesson, workshop),
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


def _reveal(workshop: Workshop, poll_id: int | None) -> None:
    st.session_state[REVEALED_KEY] = poll_id
    _publish(workshop)
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


def _reveal_button(workshop: Workshop, poll: Poll) -> None:
    revealed = st.session_state.get(REVEALED_KEY) == poll.id
    st.button(
        t("room.presenter.hide_answer" if revealed else "room.presenter.reveal_answer"),
        key="presenter_reveal",
        on_click=_reveal,
        args=(workshop, None if revealed else poll.id),
        icon=":material/visibility_off:" if revealed else ":material/visibility:",
    )


def poll_controls(workshop: Workshop, lesson: Lesson, current: Poll | None) -> None:
    """Open one of the lesson's quiz questions as the room's poll, close it, reveal its right answer
    to the room, and show the answers."""
    if current is not None:
        st.success(t("room.presenter.poll_open", question=current.question), icon=":material/how_to_vote:")
        close, reveal = st.columns(2)
        close.button(
            t("room.presenter.close_poll"),
            key="presenter_close_poll",
            on_click=_close_poll,
            args=(current.id,),
            icon=":material/stop_circle:",
        )
        with reveal:
            _reveal_button(workshop, current)
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
