"""The course: every lesson file of every language, loaded, validated and cross-checked."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from content_logic.i18n import LANGUAGES, Language
from content_logic.lessons import Lesson, LessonFileError, LessonProblem, parse_lesson

LESSONS_DIR = Path(__file__).resolve().parent.parent / "lessons"
"""Where the app finds ``en/`` and ``es/``; one markdown file per lesson in each."""


class Course(BaseModel):
    """The lessons that loaded, in order per language, and the problems of those that didn't."""

    model_config = ConfigDict(frozen=True)

    lessons: dict[Language, list[Lesson]]
    problems: list[LessonProblem]

    def in_language(self, lang: Language) -> list[Lesson]:
        """The lessons of one language, ordered by their ``order`` field."""
        return self.lessons.get(lang, [])

    def find(self, lang: Language, lesson_id: str) -> Lesson | None:
        """The lesson with this id in this language, if it loaded."""
        return next((l for l in self.in_language(lang) if l.meta.id == lesson_id), None)

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


def _parity(root: Path, by_lang: dict[Language, list[Lesson]]) -> list[LessonProblem]:
    problems: list[LessonProblem] = []
    files = {lang: {p.stem for p in (root / lang).glob("*.md")} for lang in LANGUAGES}
    for lang in LANGUAGES:
        for other in LANGUAGES:
            for stem in sorted(files[lang] - files[other]):
                problems.append(
                    LessonProblem(
                        file=f"{root.name}/{lang}/{stem}.md",
                        field="id",
                        message=f"exists in '{lang}' but not in '{other}': add {root.name}/{other}/{stem}.md",
                    )
                )
    reference = {l.meta.id: l for l in by_lang.get(LANGUAGES[0], [])}
    for lang in LANGUAGES[1:]:
        for lesson in by_lang.get(lang, []):
            twin = reference.get(lesson.meta.id)
            if twin is None:
                continue
            problems.extend(_same_shape(twin, lesson))
    return problems


def _same_shape(reference: Lesson, lesson: Lesson) -> list[LessonProblem]:
    ref, meta = reference.meta, lesson.meta

    def problem(field: str, message: str) -> LessonProblem:
        return LessonProblem(file=lesson.source, field=field, message=message)

    if len(ref.quiz) != len(meta.quiz):
        return [problem("quiz", f"has {len(meta.quiz)} questions; {reference.source} has {len(ref.quiz)}")]
    found = []
    for number, (a, b) in enumerate(zip(ref.quiz, meta.quiz, strict=True), start=1):
        if len(a.options) != len(b.options) or a.answer != b.answer:
            found.append(
                problem(
                    f"quiz[{number}]",
                    f"has {len(b.options)} options with answer {b.answer}; {reference.source} "
                    f"has {len(a.options)} options with answer {a.answer}",
                )
            )
    for field in ("order", "calculator"):
        if getattr(ref, field) != getattr(meta, field):
            found.append(
                problem(field, f"is {getattr(meta, field)!r}; {reference.source} has {getattr(ref, field)!r}")
            )
    return found


def load_course(root: Path = LESSONS_DIR) -> Course:
    """Load every lesson under ``root/<lang>/``; a broken file becomes a problem, never an exception."""
    lessons: dict[Language, list[Lesson]] = {}
    problems: list[LessonProblem] = []
    for lang in LANGUAGES:
        loaded, found = _load_language(root, lang)
        kept, duplicates = _unique(lang, loaded)
        lessons[lang] = kept
        problems += found + duplicates
    problems += _parity(root, lessons)
    return Course(lessons=lessons, problems=problems)
