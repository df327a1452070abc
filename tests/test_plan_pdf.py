"""The plan PDF for a demo attendee in both languages: its text has the steps and every calculator's
verdict, and every page renders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content_logic.course import LESSONS_DIR, load_course
from content_logic.handouts import render_pdf
from content_logic.handouts.plan import plan_handout
from content_logic.i18n import LANGUAGES, Language, translate
from content_logic.plan_text import step_text
from tests.pdf_support import pdf_pages, pdf_text, render_pages, words
from tests.plan_demo import DEMO_LINK, demo_document

COURSE = load_course(LESSONS_DIR)


def _verdict(markdown: str) -> str:
    """A summary's first sentence of substance: its first bold line (the calculator's verdict)."""
    bold = re.search(r"\*\*(.+?)\*\*", markdown)
    assert bold, markdown[:200]
    return words(bold.group(1))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_demo_attendees_plan_prints_steps_verdicts_and_link(lang: Language, tmp_path: Path) -> None:
    document = demo_document(COURSE, lang)
    data = render_pdf(plan_handout(document))
    text = pdf_text(data)
    assert translate("plan.cover_for", lang, name="Carla Núñez") in text
    assert DEMO_LINK in text
    assert len(document.plan.steps) == 3
    for step in document.plan.steps:
        shown = step_text(step, lang, document.lesson_titles)
        assert words(shown.title) in text
        assert words(translate("plan.reread", lang, lesson=shown.lesson)) in text
    for section in document.sections:
        assert _verdict(section.summary_markdown) in text
    pages = render_pages(data, tmp_path)
    assert len(pages) == pdf_pages(data) >= 1 + len(document.sections)


def test_the_demo_plan_puts_the_team_and_funnel_verdicts_above_the_failed_quiz() -> None:
    plan = demo_document(COURSE, "en").plan
    assert plan.calculators_run == ["channels", "team", "funnel"]
    # The demo shop (team: shelf-style roster; funnel: creator videos) has nobody directing content
    # and loses its buyers at interest; those outrank the founder gap and the failed quiz.
    assert [(step.rule, step.subject) for step in plan.steps] == [
        ("content_direction_gap", "content_direction"),
        ("funnel_bottleneck", "interest"),
        ("founder_gap", "founder_oversight"),
    ]
