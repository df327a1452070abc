"""Parsing one lesson file: front matter rules, body rules, notes and slides, quiz scoring."""

from __future__ import annotations

import textwrap

import pytest

from content_logic.lessons import LessonFileError, QuizQuestion, parse_lesson, score_quiz, split_body

FRONT = """\
id: sample-lesson
order: 1
title: A sample
minutes: {teaching: 5, exercises: 4}
calculator: channels
questions: [Why it matters]
objectives: [Do a thing]
keypoints: [A point]
quiz:
  - {question: Q1, options: [a, b], answer: 0, explanation: E1}
  - {question: Q2, options: [a, b, c], answer: 2, explanation: E2}
  - question: Q3
    options: [a, b]
    answer: 1
    explanation: E3
    prefill: {calculator: channels, filename: q3.csv, data: "week,Video\\n2024-01-01,5\\n"}
exercises:
  - id: weeks-of-cover
    title: Weeks of cover
    prompt: "Order **600** units at 40 a week."
    solution: "600 ÷ 40 = 15 weeks."
  - id: read-the-chart
    title: Read the chart
    prompt: Open the data and find the stable channel.
    solution: Video is stable.
    prefill:
      calculator: channels
      filename: carla-weeks.csv
      data: |
        week,Video,Paid
        2024-01-01,12,3
        2024-01-08,14,0
sources:
  - {label: "TikTok Shop Academy, Seller guide (2024)", url: "https://seller.tiktokglobalshop.com/university"}
  - label: The course's own worked example
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


def test_exercises_sources_and_timing_are_read_from_the_front_matter() -> None:
    meta = parse_lesson(lesson_text(), source="en/sample-lesson.md").meta
    assert (meta.minutes.teaching, meta.minutes.exercises, meta.minutes.total) == (5, 4, 9)
    assert [e.id for e in meta.exercises] == ["weeks-of-cover", "read-the-chart"]
    assert meta.exercises[0].prefill is None
    assert meta.exercises[1].solution == "Video is stable."
    assert [s.url for s in meta.sources] == ["https://seller.tiktokglobalshop.com/university", None]


def test_every_prefilled_file_is_addressed_by_exercise_id_or_quiz_number() -> None:
    tasks = parse_lesson(lesson_text(), source="en/sample-lesson.md").meta.prefills()
    assert list(tasks) == ["read-the-chart", "quiz-3"]
    chart = tasks["read-the-chart"]
    assert chart.title == "Read the chart"
    assert chart.prefill.filename == "carla-weeks.csv"
    assert chart.prefill.file_bytes() == b"week,Video,Paid\n2024-01-01,12,3\n2024-01-08,14,0\n"
    assert tasks["quiz-3"].title == "Q3"
    assert tasks["quiz-3"].prefill.file_bytes() == b"week,Video\n2024-01-01,5\n"


def test_a_lesson_without_exercises_has_no_exercise_minutes() -> None:
    front = FRONT.split("exercises:\n")[0] + "sources: []\n"
    meta = parse_lesson(lesson_text(front=front.replace("exercises: 4}", "exercises: 0}")), source="x").meta
    assert meta.exercises == [] and meta.minutes.total == 5
    assert problems_of(lesson_text(front=front)) == [
        "en/sample-lesson.md: minutes.exercises: is 4 but the lesson has no exercises: add them or count that time as teaching"
    ]


def test_a_byte_order_mark_is_tolerated() -> None:
    assert parse_lesson("\ufeff" + lesson_text(), source="x").meta.order == 1


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (FRONT.replace("title: A sample\n", ""), "en/sample-lesson.md: title: is required but missing"),
        (FRONT.replace("answer: 2", "answer: 3"), "en/sample-lesson.md: quiz[2]: answer 3 is out of range"),
        (
            FRONT.replace("teaching: 5", "teaching: five"),
            "en/sample-lesson.md: minutes.teaching: Input should be a valid integer",
        ),
        (
            FRONT.replace("minutes: {teaching: 5, exercises: 4}", "minutes: 9"),
            "en/sample-lesson.md: minutes: must be the two parts {teaching: N, exercises: M} (minutes of teaching and of exercises); got 9",
        ),
        (
            FRONT.replace("exercises: 4}", "exercises: 0}"),
            "en/sample-lesson.md: minutes.exercises: is 0 but the lesson has exercises: give them their time",
        ),
        (
            FRONT.replace("teaching: 5", "teaching: 121"),
            "en/sample-lesson.md: minutes.teaching: Input should be less than or equal to 120",
        ),
        (
            FRONT.replace("id: sample-lesson", "id: Sample Lesson"),
            "en/sample-lesson.md: id: must be lowercase words joined by hyphens, such as 'stock-up-trap'; got 'Sample Lesson'",
        ),
        (
            FRONT.replace("id: read-the-chart", "id: weeks-of-cover"),
            "en/sample-lesson.md: exercises[2].id: 'weeks-of-cover' is used by an earlier exercise",
        ),
        (
            FRONT.replace("id: read-the-chart", "id: quiz-3"),
            "en/sample-lesson.md: exercises[2].id: 'quiz-3' is reserved for quiz question pre-fills",
        ),
        (
            FRONT.replace("    solution: Video is stable.\n", ""),
            "en/sample-lesson.md: exercises[2].solution: is required but missing",
        ),
        (
            FRONT.replace("calculator: channels\n      filename", "calculator: roi\n      filename"),
            "en/sample-lesson.md: exercises[2].prefill.calculator: Input should be 'channels', 'team' or 'funnel'",
        ),
        (
            FRONT.replace("filename: carla-weeks.csv", "filename: carla weeks.xlsx"),
            "en/sample-lesson.md: exercises[2].prefill.filename: must be a plain file name ending in .csv, .tsv or .txt, such as 'weekly-orders.csv'; got 'carla weeks.xlsx'",
        ),
        (
            FRONT.replace("prefill: {calculator: channels, filename: q3.csv", "prefill: {filename: q3.csv"),
            "en/sample-lesson.md: quiz[3].prefill.calculator: is required but missing",
        ),
        (
            FRONT.replace(FRONT.split("prefill: ")[1].split("\n")[0], "q3.csv"),
            "en/sample-lesson.md: quiz[3].prefill: must be {calculator: channels|team|funnel, filename: NAME.csv, data: the file's text}; got 'q3.csv'",
        ),
        (
            FRONT.replace('url: "https://seller', 'url: "seller'),
            "en/sample-lesson.md: sources[1].url: must be a full web address starting with http:// or https://; got 'seller.tiktokglobalshop.com/university'",
        ),
        (
            FRONT.replace("  - label: The course's own worked example", "  - label: ''"),
            "en/sample-lesson.md: sources[2].label: String should have at least 1 character",
        ),
        (
            FRONT.replace("The course's own worked example", "TikTok Shop Academy, Seller guide (2024)"),
            "en/sample-lesson.md: sources[2].label: 'TikTok Shop Academy, Seller guide (2024)' is listed twice",
        ),
        (
            FRONT.replace(
                "  - label: The course's own worked example", "  - The course's own worked example"
            ),
            "en/sample-lesson.md: sources[2]: Input should be a valid dictionary",
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
    front = FRONT.replace("title: A sample\n", "").replace("minutes: {teaching: 5, exercises: 4}\n", "")
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
