"""Checks across a course's lessons: quizzes that can't be passed by pattern, and figures without a source."""

from __future__ import annotations

import re
from collections import Counter
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from content_logic.course import Course
from content_logic.glossary import GlossaryTerm, find_banned
from content_logic.i18n import LANGUAGES, Language
from content_logic.lessons import Lesson, QuizQuestion

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class QuizBalancePolicy(BaseModel):
    """How predictable a language's quizzes may be before they can be passed without reading."""

    model_config = _FROZEN

    max_longest_share: Annotated[float, Field(ge=0, le=1)] = 1 / 3
    """The right option may be the strictly longest in at most a third of the questions: with three or
    four options, "pick the longest" then does no better than a fair guess."""
    max_position_share: Annotated[float, Field(ge=0, le=1)] = 0.4
    """No option position (A, B, …) may hold more than 40 % of the right answers, so "always B" fails."""


class QuizBalance(BaseModel):
    """The counts behind the policy, per language."""

    model_config = ConfigDict(frozen=True)

    questions: int
    right_is_longest: int
    """Questions whose right option is strictly longer than every other option."""
    positions: dict[int, int]
    """Right answers per option position (0 = first)."""


def right_is_strictly_longest(question: QuizQuestion) -> bool:
    """Whether the right option is longer (in characters) than every other option."""
    right = len(question.options[question.answer].strip())
    others = [len(o.strip()) for i, o in enumerate(question.options) if i != question.answer]
    return all(right > other for other in others)


def quiz_balance(lessons: list[Lesson]) -> QuizBalance:
    """Count, over every quiz question of these lessons, the longest-right and the right positions."""
    questions = [q for lesson in lessons for q in lesson.meta.quiz]
    return QuizBalance(
        questions=len(questions),
        right_is_longest=sum(right_is_strictly_longest(q) for q in questions),
        positions=dict(sorted(Counter(q.answer for q in questions).items())),
    )


def quiz_balance_problems(
    lang: Language, lessons: list[Lesson], *, policy: QuizBalancePolicy | None = None
) -> list[str]:
    """What makes this language's quizzes guessable, in words; empty when they meet the policy."""
    policy = policy or QuizBalancePolicy()
    balance = quiz_balance(lessons)
    if not balance.questions:
        return []
    found = []
    if balance.right_is_longest > policy.max_longest_share * balance.questions:
        found.append(
            f"{lang}: quiz: the right option is the strictly longest in {balance.right_is_longest} of "
            f"{balance.questions} questions; at most {policy.max_longest_share:.0%} may be "
            "(lengthen distractors or shorten the right option)"
        )
    for position, count in balance.positions.items():
        if count > policy.max_position_share * balance.questions:
            found.append(
                f"{lang}: quiz: option {chr(ord('A') + position)} is right in {count} of {balance.questions} "
                f"questions; at most {policy.max_position_share:.0%} may be (move some right answers)"
            )
    return found


class FigurePolicy(BaseModel):
    """What counts as a stated figure, and the wording that marks one as an example, per language."""

    model_config = _FROZEN

    figure: str = (
        r"\d[\d.,]*\s?%|\d[\d.,]*\s?[x×]\b|\b\d+ (?:times|veces)\b"
        r"|\b(?:twice|double|triple|\w+ times (?:more|as))\b|\b(?:el doble|el triple|\w+ veces más)\b"
    )
    """Percentages and multipliers, in digits or words: the numbers that read as facts about the world
    ("70 %", "10×", "ten times more")."""
    example_words: dict[Language, tuple[str, ...]] = {
        "en": ("example", "e.g.", "imagine", "suppose", "say,", "in this story", "carla", "rule of thumb"),
        "es": (
            "ejemplo",
            "p. ej.",
            "imaginen",
            "supongamos",
            "digamos",
            "en esta historia",
            "carla",
            "regla práctica",
        ),
    }
    """Words that mark a sentence as a worked example or an adjustable rule of thumb, not a claim."""


class FigureNote(BaseModel):
    """A sentence that states a figure as a fact in a lesson that lists no source."""

    model_config = ConfigDict(frozen=True)

    file: str
    sentence: str

    def __str__(self) -> str:
        return f"{self.file}: body: figure without a source or example wording: {self.sentence}"


def unsourced_figures(
    lesson: Lesson, lang: Language, *, policy: FigurePolicy | None = None
) -> list[FigureNote]:
    """Sentences with a percentage or multiplier in a lesson without sources, outside any ``##``
    section worded as an example (a section is one when any of its text uses an example word).

    A reading aid for the editor, not a gate: whether a number is a claim needs a person to judge.
    """
    if lesson.meta.sources:
        return []
    policy = policy or FigurePolicy()
    figure = re.compile(policy.figure, re.IGNORECASE)
    markers = policy.example_words[lang]
    notes = []
    for slide in lesson.slides:
        section = f"{slide.title}\n{slide.body}".lower()
        if any(marker in section for marker in markers):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+|\n{2,}", slide.body):
            flat = " ".join(sentence.split())
            if figure.search(flat):
                notes.append(FigureNote(file=lesson.source, sentence=flat))
    return notes


def _lesson_fields(lesson: Lesson) -> list[tuple[str, str]]:
    meta = lesson.meta
    fields = [("title", meta.title), ("body", lesson.body), *(("notes", n) for n in lesson.notes)]
    for name in ("questions", "objectives", "keypoints"):
        fields += [(f"{name}[{i}]", text) for i, text in enumerate(getattr(meta, name), start=1)]
    for i, q in enumerate(meta.quiz, start=1):
        fields += [(f"quiz[{i}]", text) for text in (q.question, *q.options, q.explanation)]
    for i, e in enumerate(meta.exercises, start=1):
        fields += [(f"exercises[{i}]", text) for text in (e.title, e.prompt, e.solution)]
    fields += [(f"sources[{i}].label", s.label) for i, s in enumerate(meta.sources, start=1)]
    return fields


def banned_in_lessons(lessons: list[Lesson], terms: list[GlossaryTerm]) -> list[str]:
    """Every banned glossary variant a lesson uses, as ``file: field: what is wrong``."""
    found = []
    for lesson in lessons:
        for field, text in _lesson_fields(lesson):
            for use in find_banned(text, terms):
                found.append(
                    f"{lesson.source}: {field}: says '{use.found}'; the glossary term '{use.term_id}' "
                    f"bans '{use.variant}'"
                )
    return list(dict.fromkeys(found))


def course_check_problems(course: Course) -> list[str]:
    """What ``lessons check`` reports beyond broken files: guessable quizzes and banned variants."""
    found: list[str] = []
    for lang in LANGUAGES:
        found += quiz_balance_problems(lang, course.in_language(lang))
        found += banned_in_lessons(course.in_language(lang), course.glossary.get(lang, []))
    return found


def figure_notes(course: Course) -> list[str]:
    """The editor's reading list: figures stated as facts in lessons that list no source."""
    return [
        str(note)
        for lang in LANGUAGES
        for l in course.in_language(lang)
        for note in unsourced_figures(l, lang)
    ]
