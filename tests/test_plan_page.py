"""My plan through app.py: the steps from this session, the results, the lessons, the PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content_logic.course import LESSONS_DIR, load_course
from content_logic.handouts import fonts
from content_logic.i18n import LANGUAGES, Language, translate

COURSE = load_course(LESSONS_DIR)
PLAN_PAGE = "pages/plan.py"
App = Callable[..., AppTest]


def _steps(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith(("**1.", "**2.", "**3."))]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_new_visitor_is_told_to_run_the_three_calculators(app: App, lang: Language) -> None:
    at = app(lang=lang, page=PLAN_PAGE)
    assert not at.exception
    assert at.title[0].value == translate("plan.title", lang)
    names = [translate(f"{c}.nav_title", lang) for c in ("channels", "team", "funnel")]
    expected = [
        f"**{n}. {translate('plan.step.run_calculator', lang, calculator=name)}**"
        for n, name in enumerate(names, 1)
    ]
    assert _steps(at) == expected
    assert [b.proto.label for b in at.get("download_button")] == [translate("plan.download", lang)]


def test_a_failed_quiz_sends_the_lesson_back(app: App) -> None:
    lesson = COURSE.find("en", "stock-up-trap")
    assert lesson is not None
    at = app(lang="en", page="pages/lesson.py", lesson="stock-up-trap")
    for number, question in enumerate(lesson.meta.quiz):
        at.radio(key=f"quiz_stock-up-trap_{number}").set_value(
            (question.answer + 1) % len(question.options)
        ).run()
    at.switch_page(PLAN_PAGE).run()
    assert not at.exception
    first = translate(
        "plan.step.quiz_review", "en", correct=0, total=len(lesson.meta.quiz), lesson=lesson.meta.title
    )
    assert _steps(at)[0] == f"**1. {first}**"
    assert f"{lesson.meta.title}: not read, quiz 0 of {len(lesson.meta.quiz)}" in at.markdown[-1].value


@pytest.mark.parametrize("calculator", ["channels", "team", "funnel"])
def test_a_calculator_run_in_this_session_shows_on_the_plan(app: App, calculator: str) -> None:
    at = app(lang="es", page=f"pages/{calculator}.py")
    assert not at.exception
    at.switch_page(PLAN_PAGE).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) >= 1
    not_run = translate(
        "plan.step.run_calculator", "es", calculator=translate(f"{calculator}.nav_title", "es")
    )
    assert all(not_run not in step for step in _steps(at))
    assert at.caption.values.count(translate("plan.not_run", "es")) == 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_the_font_the_pages_say_what_to_install(
    app: App, lang: Language, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts, "FONT_DIRS", (tmp_path,))
    at = app(lang=lang, page=PLAN_PAGE)
    assert not at.exception
    assert not at.get("download_button")
    assert [w.value for w in at.warning] == [translate("plan.unavailable", lang)]
    at.switch_page("pages/lesson.py").run()
    assert [w.value for w in at.warning] == [translate("handout.unavailable", lang)]
