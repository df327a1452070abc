"""A lesson's front matter: timing, quiz, exercises, pre-filled calculator data and sources."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content_logic.calculator import CalculatorId

LESSON_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Lesson ids are URL slugs (``shelf-vs-feed``): they appear in links and must match across languages."""

QUIZ_PREFILL_ID = re.compile(r"quiz-[0-9]+")
"""Exercise ids are slugs like lesson ids (they end up in ``?exercise=<lesson>.<exercise>``), but
``quiz-N`` is taken: it names the pre-fill of the lesson's quiz question N."""

PREFILL_FILENAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.(?:csv|tsv|txt)$"
"""The data is written in YAML, so it is text: a CSV/TSV/TXT name the calculator's reader knows."""

SOURCE_URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"
"""A source's link must be a full web address a reader can open."""

MAX_LESSON_MINUTES = 120
"""No part of a lesson runs over two hours; a bigger number is a typo (seconds, or a total)."""

NonEmptyText = Annotated[str, Field(min_length=1)]
_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Minutes(BaseModel):
    """How long a lesson takes in class, split the way the course map shows it."""

    model_config = _FROZEN

    teaching: Annotated[int, Field(ge=1, le=MAX_LESSON_MINUTES)]
    """Reading, discussion and the quiz."""
    exercises: Annotated[int, Field(ge=0, le=MAX_LESSON_MINUTES)]
    """The visible exercises; 0 only for a lesson without any."""

    @property
    def total(self) -> int:
        """Teaching plus exercise time."""
        return self.teaching + self.exercises


class Prefill(BaseModel):
    """A small data file that opens a calculator as if the learner had uploaded it."""

    model_config = _FROZEN

    calculator: CalculatorId
    filename: Annotated[str, Field(pattern=PREFILL_FILENAME_PATTERN)]
    data: NonEmptyText
    """The file's text (UTF-8), in any shape the calculator's file reader accepts."""

    def file_bytes(self) -> bytes:
        """The file exactly as an upload would deliver it."""
        return self.data.encode("utf-8")


class PrefilledTask(BaseModel):
    """An exercise or quiz question that carries a file, with the title the calculator shows for it."""

    model_config = _FROZEN

    title: str
    prefill: Prefill


class QuizQuestion(BaseModel):
    """One multiple-choice knowledge check with its right answer and why it is right."""

    model_config = _FROZEN

    question: NonEmptyText
    options: Annotated[list[NonEmptyText], Field(min_length=2, max_length=6)]
    answer: Annotated[int, Field(ge=0)]
    """Index (from 0) of the right option in ``options``."""
    explanation: NonEmptyText
    prefill: Prefill | None = None
    """The data the question gives, opened in its calculator (``?exercise=<lesson>.quiz-<n>``)."""

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> QuizQuestion:
        if self.answer >= len(self.options):
            raise ValueError(
                f"answer {self.answer} is out of range: there are {len(self.options)} options, "
                f"so it must be between 0 and {len(self.options) - 1}"
            )
        return self


class Exercise(BaseModel):
    """A visible challenge with a collapsible solution (the Carpentries pattern)."""

    model_config = _FROZEN

    id: Annotated[str, Field(pattern=LESSON_ID_PATTERN)]
    title: NonEmptyText
    prompt: NonEmptyText
    """Markdown: the task, with the data it needs."""
    solution: NonEmptyText
    """Markdown: the worked answer, hidden until the learner opens it."""
    prefill: Prefill | None = None


class Source(BaseModel):
    """Where a number or claim in the lesson comes from, listed at the lesson's end."""

    model_config = _FROZEN

    label: NonEmptyText
    """What a reader needs to find it: author or publisher, title, year."""
    url: Annotated[str, Field(pattern=SOURCE_URL_PATTERN)] | None = None


class LessonMeta(BaseModel):
    """The structured part of a lesson, from its YAML front matter."""

    model_config = _FROZEN

    id: Annotated[str, Field(pattern=LESSON_ID_PATTERN)]
    order: Annotated[int, Field(ge=1)]
    title: NonEmptyText
    minutes: Minutes
    questions: Annotated[list[NonEmptyText], Field(min_length=1)]
    objectives: Annotated[list[NonEmptyText], Field(min_length=1)]
    keypoints: Annotated[list[NonEmptyText], Field(min_length=1)]
    calculator: CalculatorId | None = None
    quiz: Annotated[list[QuizQuestion], Field(min_length=3)]
    exercises: list[Exercise] = []
    sources: list[Source] = []

    def prefills(self) -> dict[str, PrefilledTask]:
        """Every pre-filled file by its id in the lesson: exercise ids, and ``quiz-<n>`` (from 1)."""
        found = {
            e.id: PrefilledTask(title=e.title, prefill=e.prefill)
            for e in self.exercises
            if e.prefill is not None
        }
        for number, question in enumerate(self.quiz, start=1):
            if question.prefill is not None:
                found[f"quiz-{number}"] = PrefilledTask(title=question.question, prefill=question.prefill)
        return found


def consistency_problems(meta: LessonMeta) -> list[tuple[str, str]]:
    """``(field, what is wrong)`` for rules across fields: unique exercise ids, time for exercises,
    sources listed once."""
    found: list[tuple[str, str]] = []
    ids = [exercise.id for exercise in meta.exercises]
    for number, exercise_id in enumerate(ids, start=1):
        if QUIZ_PREFILL_ID.fullmatch(exercise_id):
            found.append(
                (f"exercises[{number}].id", f"'{exercise_id}' is reserved for quiz question pre-fills")
            )
        elif exercise_id in ids[: number - 1]:
            found.append((f"exercises[{number}].id", f"'{exercise_id}' is used by an earlier exercise"))
    if meta.exercises and meta.minutes.exercises == 0:
        found.append(("minutes.exercises", "is 0 but the lesson has exercises: give them their time"))
    if not meta.exercises and meta.minutes.exercises > 0:
        found.append(
            (
                "minutes.exercises",
                f"is {meta.minutes.exercises} but the lesson has no exercises: "
                "add them or count that time as teaching",
            )
        )
    labels = [source.label for source in meta.sources]
    for number, label in enumerate(labels, start=1):
        if label in labels[: number - 1]:
            found.append((f"sources[{number}].label", f"'{label}' is listed twice"))
    return found
