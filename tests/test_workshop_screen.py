"""The room's screen: slides kept in range, and a revealed poll's right answer found in its lesson."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.course import LESSONS_DIR, load_course
from content_logic.workshop.models import Poll, PollCounts, RoomSnapshot, Workshop
from content_logic.workshop.screen import quiz_question, revealed, slide_index

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
LESSONS = load_course(LESSONS_DIR).in_language("es")
LESSON = LESSONS[0]
WORKSHOP = Workshop(id="w" * 32, name="Sala", language="es", join_code="ABC234", created_at=NOW)


def _poll(poll_id: int, lesson_id: str, index: int, *, open_: bool) -> PollCounts:
    quiz = LESSON.meta.quiz[0]
    poll = Poll(
        id=poll_id,
        workshop_id=WORKSHOP.id,
        lesson_id=lesson_id,
        question_index=index,
        question=quiz.question,
        options=tuple(quiz.options),
        opened_at=NOW,
        closed_at=None if open_ else NOW,
    )
    return PollCounts(poll=poll, counts=tuple(0 for _ in quiz.options))


def _snapshot(open_poll: PollCounts | None, *recent: PollCounts) -> RoomSnapshot:
    return RoomSnapshot(
        workshop=WORKSHOP, attendees=0, open_poll=open_poll, recent_polls=recent, submissions={}, sharers={},
        stable_short_video=0, gaps=(), bottlenecks=(), taken_at=NOW,
    )  # fmt: skip


@given(st.integers(min_value=-1000, max_value=1000))
def test_a_slide_index_always_names_a_slide_of_the_lesson(wanted: int) -> None:
    index = slide_index(LESSON, wanted)
    assert 0 <= index < len(LESSON.slides)
    if 0 <= wanted < len(LESSON.slides):
        assert index == wanted


@pytest.mark.parametrize(
    ("snapshot", "poll_id", "found"),
    [
        (_snapshot(_poll(7, LESSON.meta.id, 0, open_=True)), 7, True),  # the open poll
        (_snapshot(None, _poll(6, LESSON.meta.id, 0, open_=False)), 6, True),  # just closed
        (_snapshot(_poll(7, LESSON.meta.id, 0, open_=True)), 8, False),  # another poll
        (_snapshot(_poll(7, "no-such-lesson", 0, open_=True)), 7, False),  # its lesson is gone
        (_snapshot(_poll(7, LESSON.meta.id, 99, open_=True)), 7, False),  # its question is gone
    ],
)
def test_a_revealed_answer_is_the_lessons_right_option_and_explanation(
    snapshot: RoomSnapshot, poll_id: int, found: bool
) -> None:
    answer = revealed(snapshot, poll_id, LESSONS)
    if not found:
        assert answer is None
        return
    question = LESSON.meta.quiz[0]
    assert answer is not None and answer.poll_id == poll_id
    assert (answer.answer, answer.option, answer.explanation) == (
        question.answer,
        question.options[question.answer],
        question.explanation,
    )


def test_quiz_question_is_none_for_unknown_lessons_and_indexes() -> None:
    assert quiz_question(LESSONS, LESSON.meta.id, 0) == LESSON.meta.quiz[0]
    assert quiz_question(LESSONS, LESSON.meta.id, -1) is None
    assert quiz_question([], LESSON.meta.id, 0) is None
