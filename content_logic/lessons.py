"""Lessons: parsing a lesson file into its front matter, the attendee text, slides and notes."""

from __future__ import annotations

import re

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from content_logic.lesson_meta import (
    LESSON_ID_PATTERN,
    Exercise,
    LessonMeta,
    Minutes,
    Prefill,
    PrefilledTask,
    QuizQuestion,
    Source,
    consistency_problems,
)

__all__ = [
    "LESSON_ID_PATTERN",
    "Exercise",
    "Lesson",
    "LessonFileError",
    "LessonMeta",
    "LessonProblem",
    "Minutes",
    "Prefill",
    "PrefilledTask",
    "QuizQuestion",
    "QuizScore",
    "Slide",
    "Source",
    "parse_lesson",
    "score_quiz",
    "split_body",
]

NOTES_BLOCK = re.compile(r"^:::\s*notes\s*$\n(.*?)^:::\s*$\n?", re.MULTILINE | re.DOTALL)
"""Speaker notes are fenced ``::: notes`` … ``:::``; the attendee view never shows them."""

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)^---\s*$\n?(.*)\Z", re.MULTILINE | re.DOTALL)
"""A lesson file opens with YAML between two ``---`` lines; the rest is CommonMark."""


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


PATTERN_RULES = {
    "id": "must be lowercase words joined by hyphens, such as 'stock-up-trap'",
    "filename": "must be a plain file name ending in .csv, .tsv or .txt, such as 'weekly-orders.csv'",
    "url": "must be a full web address starting with http:// or https://",
}
"""What a field's pattern means, said in words instead of the regular expression."""

SHAPE_RULES = {
    "minutes": "must be the two parts {teaching: N, exercises: M} (minutes of teaching and of exercises)",
    "prefill": "must be {calculator: channels|team|funnel, filename: NAME.csv, data: the file's text}",
}
"""How a structured field is written, for the one who wrote a plain value instead."""


def _validation_problems(source: str, error: ValidationError) -> list[LessonProblem]:
    problems = []
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        last = next((str(p) for p in reversed(item["loc"]) if isinstance(p, str)), "")
        if item["type"] == "missing":
            message = "is required but missing"
        elif item["type"] == "extra_forbidden":
            message = "is not a lesson field (check the spelling)"
        elif item["type"] == "string_pattern_mismatch" and last in PATTERN_RULES:
            message = f"{PATTERN_RULES[last]}; got {item['input']!r}"
        elif item["type"] == "model_type" and last in SHAPE_RULES:
            message = f"{SHAPE_RULES[last]}; got {item['input']!r}"
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
    problems += [LessonProblem(file=source, field=f, message=m) for f, m in consistency_problems(meta)]
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
