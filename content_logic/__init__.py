"""Content Logic Companion's brain: models and pure functions, no Streamlit."""

from content_logic.course import Course, load_course
from content_logic.i18n import LANGUAGES, Language, resolve_language, translate
from content_logic.lessons import (
    Lesson,
    LessonFileError,
    LessonMeta,
    LessonProblem,
    QuizQuestion,
    parse_lesson,
)

__all__ = [
    "LANGUAGES",
    "Course",
    "Language",
    "Lesson",
    "LessonFileError",
    "LessonMeta",
    "LessonProblem",
    "QuizQuestion",
    "load_course",
    "parse_lesson",
    "resolve_language",
    "translate",
]
