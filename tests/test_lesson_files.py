"""Contract over the real lesson files: valid, complete, the same shape in English and Spanish."""

from __future__ import annotations

import re

import pytest

from content_logic.course import LESSONS_DIR, load_course
from content_logic.i18n import LANGUAGES

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
def test_lesson_body_shape(lang: str, lesson: object) -> None:
    from content_logic.lessons import Lesson

    assert isinstance(lesson, Lesson)
    words = len(re.findall(r"\w+", lesson.body))
    assert 450 <= words <= 1300, f"{lesson.source}: {words} words"
    assert lesson.notes, f"{lesson.source}: no speaker notes"
    assert "::: notes" not in lesson.body
    assert len(lesson.slides) >= 3
    assert len(lesson.meta.quiz) >= 3
