"""Contract over the real lesson files: valid, complete, the same shape in English and Spanish."""

from __future__ import annotations

import re

import pytest

from content_logic.course import LESSONS_DIR, load_course
from content_logic.i18n import LANGUAGES
from content_logic.lesson_checks import quiz_balance_problems
from content_logic.lessons import Lesson

COURSE = load_course(LESSONS_DIR)
CURRICULUM = {
    "shelf-vs-feed",
    "five-channels",
    "stock-up-trap",
    "content-multiplier",
    "views-no-sales",
    "replicate-winners",
    "founder-owns-content",
}
ALL_LESSONS = [(lang, lesson) for lang in LANGUAGES for lesson in COURSE.in_language(lang)]


def test_every_lesson_file_is_valid() -> None:
    assert [str(p) for p in COURSE.problems] == []


def test_the_curriculum_is_covered_in_both_languages() -> None:
    for lang in LANGUAGES:
        assert {l.meta.id for l in COURSE.in_language(lang)} >= CURRICULUM


def test_same_ids_order_and_quiz_shape_in_every_language() -> None:
    def shape(lang: str) -> list[tuple[str, int, list[tuple[int, int]]]]:
        return [
            (l.meta.id, l.meta.order, [(len(q.options), q.answer) for q in l.meta.quiz])
            for l in COURSE.in_language(lang)  # type: ignore[arg-type]
        ]

    assert shape("en") == shape("es")


@pytest.mark.parametrize(("lang", "lesson"), ALL_LESSONS, ids=[f"{g}/{l.meta.id}" for g, l in ALL_LESSONS])
def test_lesson_body_shape(lang: str, lesson: Lesson) -> None:
    words = len(re.findall(r"\w+", lesson.body))
    assert 450 <= words <= 1300, f"{lesson.source}: {words} words"
    assert lesson.notes, f"{lesson.source}: no speaker notes"
    assert "::: notes" not in lesson.body
    assert len(lesson.slides) >= 3
    assert len(lesson.meta.quiz) >= 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quizzes_cannot_be_passed_by_picking_the_longest_option_or_one_position(lang: str) -> None:
    """Per language: the right option is the strictly longest in at most a third of the questions,
    and no option position holds more than 40 % of the right answers (issue 14)."""
    assert quiz_balance_problems(lang, COURSE.in_language(lang)) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "lesson"), ALL_LESSONS, ids=[f"{g}/{l.meta.id}" for g, l in ALL_LESSONS])
def test_every_lesson_has_visible_exercises_and_a_question_on_its_calculator(
    lang: str, lesson: Lesson
) -> None:
    meta = lesson.meta
    assert 1 <= len(meta.exercises) <= 2, f"{lesson.source}: one or two exercises"
    assert meta.minutes.exercises > 0
    if meta.calculator is not None:
        calculators = {q.prefill.calculator for q in meta.quiz if q.prefill is not None}
        assert meta.calculator in calculators, (
            f"{lesson.source}: no quiz question opens the {meta.calculator} calculator"
        )
