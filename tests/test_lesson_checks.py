"""Checks across lessons: quiz balance, banned glossary variants in lessons, figures without a source."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content_logic.__main__ import main
from content_logic.glossary import GlossaryTerm
from content_logic.lesson_checks import (
    QuizBalancePolicy,
    banned_in_lessons,
    quiz_balance,
    quiz_balance_problems,
    right_is_strictly_longest,
    unsourced_figures,
)
from content_logic.lessons import Lesson, QuizQuestion, parse_lesson
from tests.test_course import write
from tests.test_lessons import FRONT, lesson_text


def _question(options: list[str], answer: int) -> QuizQuestion:
    return QuizQuestion(question="q", options=options, answer=answer, explanation="e")


def _lesson_with(quiz: list[QuizQuestion], source: str = "en/x.md") -> Lesson:
    lesson = parse_lesson(lesson_text(), source=source)
    return lesson.model_copy(update={"meta": lesson.meta.model_copy(update={"quiz": quiz})})


@pytest.mark.parametrize(
    ("options", "answer", "expected"),
    [
        (["short", "a much longer option"], 1, True),
        (["short", "a much longer option"], 0, False),
        (["same", "size"], 0, False),  # a tie is not "strictly longest"
        (["abc  ", "ab"], 0, True),
        (["  ab", "abc"], 0, False),  # surrounding spaces don't count
    ],
)
def test_right_is_strictly_longest(options: list[str], answer: int, expected: bool) -> None:
    assert right_is_strictly_longest(_question(options, answer)) is expected


def test_quiz_balance_counts_longest_and_positions() -> None:
    quiz = [_question(["a", "bbb"], 1), _question(["aaa", "b", "c"], 0), _question(["a", "b", "c"], 1)]
    balance = quiz_balance([_lesson_with(quiz)])
    assert (balance.questions, balance.right_is_longest, balance.positions) == (3, 2, {0: 1, 1: 2})


@pytest.mark.parametrize(
    ("answers", "longest", "expected"),
    [
        # ten questions: at most 3 longest (a third), at most 4 at one position (40 %)
        ([0, 1, 2, 3, 0, 1, 2, 3, 0, 1], 3, []),
        (
            [0, 1, 2, 3, 0, 1, 2, 3, 0, 1],
            4,
            ["en: quiz: the right option is the strictly longest in 4 of 10 questions"],
        ),
        ([1, 1, 1, 1, 1, 0, 2, 3, 0, 2], 0, ["en: quiz: option B is right in 5 of 10 questions"]),
        ([1, 1, 1, 1, 0, 0, 2, 3, 0, 2], 0, []),
    ],
)
def test_quiz_balance_problems(answers: list[int], longest: int, expected: list[str]) -> None:
    quiz = []
    for number, answer in enumerate(answers):
        options = ["same1", "same2", "same3", "same4"]
        if number < longest:
            options[answer] = "the longest option"
        quiz.append(_question(options, answer))
    problems = quiz_balance_problems("en", [_lesson_with(quiz)])
    assert [p.split(";")[0] for p in problems] == expected


def test_a_stricter_policy_can_be_passed_in() -> None:
    quiz = [_question(["a", "b"], 0), _question(["a", "b"], 1), _question(["a", "b"], 0)]
    assert quiz_balance_problems("es", [_lesson_with(quiz)]) == [
        "es: quiz: option A is right in 2 of 3 questions; at most 40% may be (move some right answers)"
    ]
    assert (
        quiz_balance_problems("es", [_lesson_with(quiz)], policy=QuizBalancePolicy(max_position_share=0.7))
        == []
    )


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # 2 shared cores
@given(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=40))
def test_positions_always_add_up_to_the_questions(answers: list[int]) -> None:
    quiz = [_question(["a", "b", "c", "d"], answer) for answer in answers]
    balance = quiz_balance([_lesson_with(quiz)])
    assert sum(balance.positions.values()) == balance.questions == len(answers)
    assert balance.right_is_longest == 0


TERMS = [GlossaryTerm(id="video", term="video", definition="d", banned=["vídeo", "vídeos"])]


def test_banned_variants_are_reported_with_file_and_field() -> None:
    front = FRONT.replace("title: A sample", "title: Un Vídeo").replace(
        "options: [a, b, c]", "options: [a, vídeos, c]"
    )
    lesson = parse_lesson(
        lesson_text(front=front, body="\n## Uno\n\nUn video y un vídeo.\n"), source="es/x.md"
    )
    assert banned_in_lessons([lesson], TERMS) == [
        "es/x.md: title: says 'Vídeo'; the glossary term 'video' bans 'vídeo'",
        "es/x.md: body: says 'vídeo'; the glossary term 'video' bans 'vídeo'",
        "es/x.md: quiz[2]: says 'vídeos'; the glossary term 'video' bans 'vídeos'",
    ]


SECTIONS = {
    "claim": "\n## Spikes\n\nViral spikes multiply volume ten times more in a few hours.\n",
    "example": "\n## An example\n\nCarla's video brought 40% of her orders.\n",
    "percent": "\n## Search\n\nSearch brings 20 % of the traffic.\n",
    "plain": "\n## Plain\n\nPost three videos a week.\n",
}


@pytest.mark.parametrize(
    ("body", "sourced", "expected"),
    [
        (SECTIONS["claim"], False, ["Viral spikes multiply volume ten times more in a few hours."]),
        (SECTIONS["percent"], False, ["Search brings 20 % of the traffic."]),
        (SECTIONS["example"], False, []),
        (SECTIONS["plain"], False, []),
        (
            SECTIONS["claim"] + SECTIONS["example"],
            False,
            ["Viral spikes multiply volume ten times more in a few hours."],
        ),
        (SECTIONS["claim"], True, []),
    ],
)
def test_figures_without_a_source_are_listed_for_the_editor(
    body: str, sourced: bool, expected: list[str]
) -> None:
    front = FRONT if sourced else FRONT.split("sources:")[0]
    lesson = parse_lesson(lesson_text(front=front, body=body), source="en/x.md")
    assert [note.sentence for note in unsourced_figures(lesson, "en")] == expected


def test_the_cli_reports_guessable_quizzes_and_banned_variants(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lessons"
    biased = (
        FRONT.replace("answer: 0", "answer: 1")
        .replace("answer: 2", "answer: 1")
        .replace("[a, b, c]", "[a, b, d]")
    )
    for lang in ("en", "es"):
        write(root, lang, "first", front=biased, order=1)
        (root / lang / "glossary.yaml").write_text(
            "- {id: card, term: product card, definition: d, banned: [Text for]}\n", encoding="utf-8"
        )
    assert main(["lessons", "check", str(root), "--figures"]) == 1
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert (
        "en: quiz: option B is right in 3 of 3 questions; at most 40% may be (move some right answers)"
        in lines
    )
    assert "lessons/es/first.md: body: says 'Text for'; the glossary term 'card' bans 'Text for'" in lines
    assert "note:" not in out.err  # the sample lesson lists sources
