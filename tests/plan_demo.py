"""A demo attendee for My plan's PDF tests and bench: every calculator's first demo, two lessons read,
one quiz failed, a nickname and a personal link."""

from __future__ import annotations

import importlib
from datetime import date

from content_logic.calculator import CALCULATOR_IDS
from content_logic.course import Course
from content_logic.handouts.plan import PlanDocument
from content_logic.i18n import Language
from content_logic.lessons import score_quiz
from content_logic.plan import LessonRecord, PlanInputs, action_plan
from ui.plan_results import Assessed, assess_saved

DEMO_LINK = "http://192.168.1.20:8501/join?me=demo-attendee-token"
"""A personal link as a workshop on the venue network prints it."""


def demo_results(lang: Language) -> list[Assessed]:
    """Each calculator assessed on its first demo, through the contract verbs, as My plan does."""
    results = []
    for calculator in CALCULATOR_IDS:
        package = importlib.import_module(f"content_logic.{calculator}")
        data = package.inputs_to_json(package.demo_inputs(package.DEMO_IDS[0]))
        results.append(assess_saved(calculator, data, lang))
    return results


def demo_records(course: Course, lang: Language) -> list[LessonRecord]:
    """The first two lessons read with every answer right; the third's quiz all wrong."""
    records = []
    for number, lesson in enumerate(course.in_language(lang)):
        quiz = lesson.meta.quiz
        answers = {}
        if number < 2:
            answers = {i: q.answer for i, q in enumerate(quiz)}
        elif number == 2:
            answers = {i: (q.answer + 1) % len(q.options) for i, q in enumerate(quiz)}
        score = score_quiz(quiz, answers)
        records.append(
            LessonRecord(
                lesson_id=lesson.meta.id,
                read=number < 2,
                correct=score.correct,
                answered=score.answered,
                total=score.total,
            )
        )
    return records


def demo_document(course: Course, lang: Language) -> PlanDocument:
    """The demo attendee's plan, ready to print."""
    results = demo_results(lang)
    records = demo_records(course, lang)
    summaries = {result.calculator: result.summary for result in results}
    plan = action_plan(PlanInputs(lessons=records, **summaries))
    return PlanDocument(
        lang=lang,
        name="Carla Núñez",
        made_on=date(2026, 12, 1),
        plan=plan,
        lessons=records,
        lesson_titles={lesson.meta.id: lesson.meta.title for lesson in course.in_language(lang)},
        sections=[result.section() for result in results],
        link=DEMO_LINK,
    )
