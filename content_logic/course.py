"""The course: every lesson file of every language, loaded, validated and cross-checked."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from content_logic.course_parity import glossary_parity, lesson_parity
from content_logic.glossary import GlossaryTerm, load_glossary, terms_in
from content_logic.i18n import LANGUAGES, Language
from content_logic.lessons import (
    Lesson,
    LessonFileError,
    LessonProblem,
    PrefilledTask,
    parse_lesson,
)

LESSONS_DIR = Path(__file__).resolve().parent.parent / "lessons"
"""Where the app finds ``en/`` and ``es/``; one markdown file per lesson in each."""


class CourseTime(BaseModel):
    """The minutes of a set of lessons, split the way each lesson declares them."""

    model_config = ConfigDict(frozen=True)

    teaching: int
    exercises: int

    @property
    def total(self) -> int:
        """Teaching plus exercise time."""
        return self.teaching + self.exercises


class Course(BaseModel):
    """The lessons that loaded, in order per language, and the problems of those that didn't."""

    model_config = ConfigDict(frozen=True)

    lessons: dict[Language, list[Lesson]]
    problems: list[LessonProblem]
    glossary: dict[Language, list[GlossaryTerm]] = {}
    """Each language's glossary terms, in the file's order (empty when there is no glossary file)."""
    lesson_terms: dict[Language, dict[str, list[str]]] = {}
    """Per language and lesson id, the ids of the glossary terms the lesson's text uses (found once at
    load: searching 40 terms in a lesson costs milliseconds, too much for every rerun)."""

    def in_language(self, lang: Language) -> list[Lesson]:
        """The lessons of one language, ordered by their ``order`` field."""
        return self.lessons.get(lang, [])

    def time(self, lang: Language) -> CourseTime:
        """The whole course's minutes in one language: teaching and exercises."""
        lessons = self.in_language(lang)
        return CourseTime(
            teaching=sum(l.meta.minutes.teaching for l in lessons),
            exercises=sum(l.meta.minutes.exercises for l in lessons),
        )

    def find(self, lang: Language, lesson_id: str) -> Lesson | None:
        """The lesson with this id in this language, if it loaded."""
        return next((l for l in self.in_language(lang) if l.meta.id == lesson_id), None)

    def prefilled_task(self, lang: Language, address: str) -> PrefilledTask | None:
        """The task whose file ``<lesson-id>.<exercise-id>`` (or ``<lesson-id>.quiz-<n>``) names."""
        lesson_id, _, item = address.partition(".")
        lesson = self.find(lang, lesson_id)
        return lesson.meta.prefills().get(item) if lesson is not None else None

    def terms_used(self, lang: Language, lesson_id: str) -> list[GlossaryTerm]:
        """The glossary terms a lesson's text and exercises use, in glossary order."""
        wanted = set(self.lesson_terms.get(lang, {}).get(lesson_id, []))
        return [term for term in self.glossary.get(lang, []) if term.id in wanted]

    def broken_files(self) -> list[str]:
        """Files that failed validation, for the notice the app shows instead of them."""
        return sorted({p.file for p in self.problems})


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _load_language(root: Path, lang: Language) -> tuple[list[Lesson], list[LessonProblem]]:
    lessons: list[Lesson] = []
    problems: list[LessonProblem] = []
    for path in sorted((root / lang).glob("*.md")):
        source = _relative(path, root)
        try:
            lesson = parse_lesson(path.read_text(encoding="utf-8"), source=source)
        except UnicodeDecodeError:
            problems.append(LessonProblem(file=source, field="file", message="is not UTF-8 text"))
            continue
        except LessonFileError as exc:
            problems.extend(exc.problems)
            continue
        if path.stem != lesson.meta.id:
            problems.append(
                LessonProblem(
                    file=source,
                    field="id",
                    message=f"'{lesson.meta.id}' must match the file name '{path.stem}.md'",
                )
            )
            continue
        lessons.append(lesson)
    return lessons, problems


def _unique(lang: Language, lessons: list[Lesson]) -> tuple[list[Lesson], list[LessonProblem]]:
    kept: list[Lesson] = []
    problems: list[LessonProblem] = []
    seen_ids: dict[str, str] = {}
    seen_orders: dict[int, str] = {}
    for lesson in lessons:
        meta = lesson.meta
        if meta.id in seen_ids:
            problems.append(
                LessonProblem(
                    file=lesson.source,
                    field="id",
                    message=f"duplicate id '{meta.id}', also used by {seen_ids[meta.id]}",
                )
            )
            continue
        if meta.order in seen_orders:
            problems.append(
                LessonProblem(
                    file=lesson.source,
                    field="order",
                    message=f"order {meta.order} is also used by {seen_orders[meta.order]}",
                )
            )
        seen_ids[meta.id] = lesson.source
        seen_orders.setdefault(meta.order, lesson.source)
        kept.append(lesson)
    return sorted(kept, key=lambda l: (l.meta.order, l.meta.id)), problems


def load_course(root: Path = LESSONS_DIR) -> Course:
    """Load every lesson under ``root/<lang>/``; a broken file becomes a problem, never an exception."""
    lessons: dict[Language, list[Lesson]] = {}
    glossary: dict[Language, list[GlossaryTerm]] = {}
    problems: list[LessonProblem] = []
    for lang in LANGUAGES:
        loaded, found = _load_language(root, lang)
        kept, duplicates = _unique(lang, loaded)
        lessons[lang] = kept
        glossary[lang], glossary_problems = load_glossary(root, lang)
        problems += found + duplicates + glossary_problems
    problems += lesson_parity(root, lessons) + glossary_parity(root, glossary)
    lesson_terms = {
        lang: {
            lesson.meta.id: [term.id for term in terms_in(_reading_text(lesson), glossary[lang])]
            for lesson in lessons[lang]
        }
        for lang in LANGUAGES
    }
    return Course(lessons=lessons, problems=problems, glossary=glossary, lesson_terms=lesson_terms)


def _reading_text(lesson: Lesson) -> str:
    exercises = (f"{e.title}\n{e.prompt}\n{e.solution}" for e in lesson.meta.exercises)
    return "\n".join([lesson.body, *exercises])
