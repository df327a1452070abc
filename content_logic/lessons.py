"""Lessons: front matter models, the markdown body split into attendee text, slides and notes."""

from __future__ import annotations

import re
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from content_logic.calculator import CalculatorId

LESSON_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Lesson ids are URL slugs (``shelf-vs-feed``): they appear in links and must match across languages."""

NOTES_BLOCK = re.compile(r"^:::\s*notes\s*$\n(.*?)^:::\s*$\n?", re.MULTILINE | re.DOTALL)
"""Speaker notes are fenced ``::: notes`` … ``:::``; the attendee view never shows them."""

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)^---\s*$\n?(.*)\Z", re.MULTILINE | re.DOTALL)
"""A lesson file opens with YAML between two ``---`` lines; the rest is CommonMark."""

NonEmptyText = Annotated[str, Field(min_length=1)]


class QuizQuestion(BaseModel):
    """One multiple-choice knowledge check with its right answer and why it is right."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question: NonEmptyText
    options: Annotated[list[NonEmptyText], Field(min_length=2, max_length=6)]
    answer: Annotated[int, Field(ge=0)]
    """Index (from 0) of the right option in ``options``."""
    explanation: NonEmptyText

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> QuizQuestion:
        if self.answer >= len(self.options):
            raise ValueError(
                f"answer {self.answer} is out of range: there are {len(self.options)} options, "
                f"so it must be between 0 and {len(self.options) - 1}"
            )
        return self


class LessonMeta(BaseModel):
    """The structured part of a lesson, from its YAML front matter."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, Field(pattern=LESSON_ID_PATTERN)]
    order: Annotated[int, Field(ge=1)]
    title: NonEmptyText
    minutes: Annotated[int, Field(ge=1, le=120)]
    questions: Annotated[list[NonEmptyText], Field(min_length=1)]
    objectives: Annotated[list[NonEmptyText], Field(min_length=1)]
    keypoints: Annotated[list[NonEmptyText], Field(min_length=1)]
    calculator: CalculatorId | None = None
    quiz: Annotated[list[QuizQuestion], Field(min_length=3)]


class Slide(BaseModel):
    """One presenter slide: a ``##`` section of the body with the notes written inside it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    body: str
    notes: str


class Lesson(BaseModel):
    """A parsed lesson: its front matter, the attendee body (notes removed) and its slides."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    meta: LessonMeta
    body: str
    notes: list[str]
    slides: list[Slide]
    source: str


class LessonProblem(BaseModel):
    """What is wrong with a lesson file, in the ``file: field: what is wrong`` shape."""

    model_config = ConfigDict(frozen=True)

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class LessonFileError(ValueError):
    """Raised with every problem found in one lesson file, so all can be fixed in one pass."""

    def __init__(self, problems: list[LessonProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _location(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item + 1}]")  # people count questions from 1
        else:
            parts.append(("." if parts else "") + item)
    return "".join(parts) or "front matter"


def _validation_problems(source: str, error: ValidationError) -> list[LessonProblem]:
    problems = []
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "missing":
            message = "is required but missing"
        elif item["type"] == "extra_forbidden":
            message = "is not a lesson field (check the spelling)"
        problems.append(LessonProblem(file=source, field=_location(item["loc"]), message=message))
    return problems


def split_body(body: str) -> tuple[str, list[str], list[Slide]]:
    """The attendee text without speaker notes, the notes, and the slides cut at ``##`` headings."""
    notes = [match.strip() for match in NOTES_BLOCK.findall(body)]
    slides: list[Slide] = []
    for chunk in re.split(r"^(?=## )", body, flags=re.MULTILINE):
        if not chunk.strip():
            continue
        first, _, rest = chunk.partition("\n")
        title = first[3:].strip() if first.startswith("## ") else ""
        text = rest if first.startswith("## ") else chunk
        slide_notes = "\n\n".join(m.strip() for m in NOTES_BLOCK.findall(text))
        slides.append(Slide(title=title, body=NOTES_BLOCK.sub("", text).strip(), notes=slide_notes))
    attendee = re.sub(r"\n{3,}", "\n\n", NOTES_BLOCK.sub("", body)).strip()
    return attendee, notes, slides


def _body_problems(source: str, body: str) -> list[LessonProblem]:
    problems = []
    if re.search(r"^# ", body, flags=re.MULTILINE):
        problems.append(
            LessonProblem(
                file=source,
                field="body",
                message="has a level-1 heading ('# '); the title comes from the front matter, "
                "so start sections with '## '",
            )
        )
    if not re.search(r"^## ", body, flags=re.MULTILINE):
        problems.append(LessonProblem(file=source, field="body", message="has no '## ' section heading"))
    opened = len(re.findall(r"^:::\s*notes\s*$", body, flags=re.MULTILINE))
    if opened != len(NOTES_BLOCK.findall(body)):
        problems.append(
            LessonProblem(
                file=source,
                field="body",
                message="a '::: notes' block is not closed with a ':::' line",
            )
        )
    return problems


def parse_lesson(text: str, *, source: str) -> Lesson:
    """Parse one lesson file's text; raise ``LessonFileError`` listing every problem found."""
    match = FRONT_MATTER.match(text.lstrip("\ufeff"))
    if match is None:
        raise LessonFileError(
            [
                LessonProblem(
                    file=source,
                    field="front matter",
                    message="missing: the file must start with '---', YAML fields, then '---'",
                )
            ]
        )
    raw_meta, body = match.groups()
    try:
        data = yaml.safe_load(raw_meta)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise LessonFileError(
            [LessonProblem(file=source, field="front matter", message=f"invalid YAML{where}: {problem}")]
        ) from None
    if not isinstance(data, dict):
        raise LessonFileError(
            [LessonProblem(file=source, field="front matter", message="must be a YAML mapping of fields")]
        )
    problems = _body_problems(source, body)
    try:
        meta = LessonMeta.model_validate(data)
    except ValidationError as exc:
        raise LessonFileError(_validation_problems(source, exc) + problems) from None
    if problems:
        raise LessonFileError(problems)
    attendee, notes, slides = split_body(body)
    return Lesson(meta=meta, body=attendee, notes=notes, slides=slides, source=source)


class QuizScore(BaseModel):
    """How an attendee did on one lesson's knowledge check."""

    model_config = ConfigDict(frozen=True)

    correct: int
    answered: int
    total: int


def score_quiz(quiz: list[QuizQuestion], answers: dict[int, int]) -> QuizScore:
    """Count right answers; ``answers`` maps question index to the chosen option index."""
    valid = {i: a for i, a in answers.items() if 0 <= i < len(quiz)}
    correct = sum(1 for i, a in valid.items() if quiz[i].answer == a)
    return QuizScore(correct=correct, answered=len(valid), total=len(quiz))
