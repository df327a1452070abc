"""Parsing one lesson file: front matter rules, body rules, notes and slides, quiz scoring."""

from __future__ import annotations

import textwrap

import pytest

from content_logic.lessons import LessonFileError, QuizQuestion, parse_lesson, score_quiz, split_body

FRONT = """\
id: sample-lesson
order: 1
title: A sample
minutes: 5
calculator: channels
questions: [Why it matters]
objectives: [Do a thing]
keypoints: [A point]
quiz:
  - {question: Q1, options: [a, b], answer: 0, explanation: E1}
  - {question: Q2, options: [a, b, c], answer: 2, explanation: E2}
  - {question: Q3, options: [a, b], answer: 1, explanation: E3}
"""

BODY = """
## First idea

Text for the room.

::: notes
Ask who has stock at home.
:::

## Second idea

More text.
"""


def lesson_text(front: str = FRONT, body: str = BODY) -> str:
    return f"---\n{front}---\n{body}"


def problems_of(text: str) -> list[str]:
    with pytest.raises(LessonFileError) as caught:
        parse_lesson(text, source="en/sample-lesson.md")
    return [str(p) for p in caught.value.problems]


def test_a_valid_lesson_parses_with_notes_kept_out_of_the_attendee_body() -> None:
    lesson = parse_lesson(lesson_text(), source="en/sample-lesson.md")
    assert lesson.meta.id == "sample-lesson"
    assert lesson.meta.calculator == "channels"
    assert "Ask who has stock" not in lesson.body
    assert ":::" not in lesson.body
    assert lesson.notes == ["Ask who has stock at home."]
    assert [s.title for s in lesson.slides] == ["First idea", "Second idea"]
    assert lesson.slides[0].notes == "Ask who has stock at home."
    assert "Ask who" not in lesson.slides[0].body
    assert lesson.slides[1].notes == ""


def test_a_byte_order_mark_is_tolerated() -> None:
    assert parse_lesson("\ufeff" + lesson_text(), source="x").meta.order == 1


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (FRONT.replace("title: A sample\n", ""), "en/sample-lesson.md: title: is required but missing"),
        (FRONT.replace("answer: 2", "answer: 3"), "en/sample-lesson.md: quiz[2]: answer 3 is out of range"),
        (
            FRONT.replace("minutes: 5", "minutes: five"),
            "en/sample-lesson.md: minutes: Input should be a valid integer",
        ),
        (
            FRONT.replace("id: sample-lesson", "id: Sample Lesson"),
            "en/sample-lesson.md: id: String should match",
        ),
        (
            FRONT.replace("calculator: channels", "calculator: roi"),
            "en/sample-lesson.md: calculator: Input should be",
        ),
        (FRONT + "colour: red\n", "en/sample-lesson.md: colour: is not a lesson field"),
        (
            FRONT.split("  - {question: Q3")[0].replace(
                "  - {question: Q2, options: [a, b, c], answer: 2, explanation: E2}\n", ""
            ),
            "en/sample-lesson.md: quiz: List should have at least 3 items",
        ),
        (
            FRONT.replace("options: [a, b]", "options: [a]", 1),
            "en/sample-lesson.md: quiz[1].options: List should have at least 2",
        ),
    ],
)
def test_front_matter_problems_name_the_file_and_field(front: str, expected: str) -> None:
    assert any(p.startswith(expected) for p in problems_of(lesson_text(front=front))), problems_of(
        lesson_text(front=front)
    )


def test_invalid_yaml_is_reported_with_its_line() -> None:
    broken = FRONT.replace("title: A sample", "title: [unclosed")
    (problem,) = problems_of(lesson_text(front=broken))
    assert problem.startswith("en/sample-lesson.md: front matter: invalid YAML (line")


def test_a_file_without_front_matter_says_how_it_must_start() -> None:
    (problem,) = problems_of("## Just a body\n")
    assert "must start with '---'" in problem


def test_front_matter_that_is_not_a_mapping_is_refused() -> None:
    (problem,) = problems_of("---\n- a\n- b\n---\n## Body\n")
    assert problem.endswith("must be a YAML mapping of fields")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("\n# Title again\n\n## Section\n", "has a level-1 heading"),
        ("\nNo sections at all.\n", "has no '## ' section heading"),
        ("\n## Section\n\n::: notes\nnever closed\n", "is not closed"),
    ],
)
def test_body_problems(body: str, expected: str) -> None:
    assert any(expected in p for p in problems_of(lesson_text(body=body)))


def test_all_problems_are_reported_at_once() -> None:
    front = FRONT.replace("title: A sample\n", "").replace("minutes: 5\n", "")
    problems = problems_of(lesson_text(front=front, body="\n# Heading\n"))
    assert len(problems) >= 4


def test_split_body_without_headings_keeps_the_text_as_one_slide() -> None:
    attendee, notes, slides = split_body(textwrap.dedent("Intro text.\n\n::: notes\nsay hi\n:::\n"))
    assert attendee == "Intro text."
    assert notes == ["say hi"]
    assert slides[0].title == "" and slides[0].notes == "say hi"


QUIZ = [
    QuizQuestion(question="q", options=["a", "b"], answer=0, explanation="e"),
    QuizQuestion(question="q", options=["a", "b", "c"], answer=2, explanation="e"),
    QuizQuestion(question="q", options=["a", "b"], answer=1, explanation="e"),
]


@pytest.mark.parametrize(
    ("answers", "correct", "answered"),
    [({}, 0, 0), ({0: 0}, 1, 1), ({0: 1, 1: 2, 2: 1}, 2, 3), ({0: 0, 1: 2, 2: 1}, 3, 3), ({7: 0}, 0, 0)],
)
def test_score_quiz(answers: dict[int, int], correct: int, answered: int) -> None:
    score = score_quiz(QUIZ, answers)
    assert (score.correct, score.answered, score.total) == (correct, answered, 3)
