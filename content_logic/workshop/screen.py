"""What the room's screen shows: the presenter's lesson and slide, and a poll whose answer is revealed."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from content_logic.lessons import Lesson, QuizQuestion
from content_logic.workshop.models import RoomSnapshot


class ScreenState(BaseModel):
    """The presenter's place, shared through the store so an audience screen can follow it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    workshop_id: str
    lesson_id: str
    slide: int = Field(ge=0)
    """Slide index from 0 within the lesson."""
    revealed_poll_id: int | None = None
    """The poll whose right answer and explanation are shown to the room, if any."""
    updated_at: datetime


def quiz_question(lessons: list[Lesson], lesson_id: str, index: int) -> QuizQuestion | None:
    """The quiz question a poll was opened from (its right answer and explanation), if it still exists."""
    for lesson in lessons:
        if lesson.meta.id == lesson_id:
            quiz = lesson.meta.quiz
            return quiz[index] if 0 <= index < len(quiz) else None
    return None


def slide_index(lesson: Lesson, wanted: int) -> int:
    """``wanted`` kept within the lesson's slides (0 for a lesson without slides)."""
    return min(max(wanted, 0), max(len(lesson.slides) - 1, 0))


class RevealedAnswer(BaseModel):
    """A poll's right answer and why, as the room sees it once the presenter reveals it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    poll_id: int
    answer: int
    """Index of the right option."""
    option: str
    explanation: str


def revealed(snapshot: RoomSnapshot, poll_id: int, lessons: list[Lesson]) -> RevealedAnswer | None:
    """The right answer of a revealed poll among the snapshot's open and recent polls, if its quiz
    question still exists in the room's lessons."""
    polls = [item.poll for item in (snapshot.open_poll, *snapshot.recent_polls) if item is not None]
    poll = next((item for item in polls if item.id == poll_id), None)
    if poll is None:
        return None
    question = quiz_question(lessons, poll.lesson_id, poll.question_index)
    if question is None:
        return None
    return RevealedAnswer(
        poll_id=poll.id,
        answer=question.answer,
        option=question.options[question.answer],
        explanation=question.explanation,
    )
