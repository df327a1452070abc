"""AppTest through app.py: the course map and every lesson, in both languages."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content_logic.course import LESSONS_DIR, load_course
from content_logic.i18n import LANGUAGES, translate
from tests.conftest import APP

COURSE = load_course(LESSONS_DIR)
LESSON_PAGE = "pages/lesson.py"
App = Callable[..., AppTest]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_lists_every_lesson_in_order(app: App, lang: str) -> None:
    at = app(lang=lang)
    assert not at.exception
    assert at.title[0].value == translate("home.title", lang)
    titles = [h.value for h in at.subheader]
    expected = [f"{l.meta.order}. {l.meta.title}" for l in COURSE.in_language(lang)]  # type: ignore[arg-type]
    assert titles[: len(expected)] == expected


def test_the_browser_locale_picks_the_language_when_the_url_does_not() -> None:
    at = AppTest.from_file(APP, default_timeout=30)
    at.context["locale"] = "es-AR"
    at.run()
    assert not at.exception
    assert at.session_state["lang"] == "es"
    assert at.header[0].value == translate("home.lessons_header", "es")


def test_switching_language_changes_the_text(app: App) -> None:
    at = app(lang="en")
    at.button_group(key="lang").set_value("es").run()
    assert at.header[0].value == translate("home.lessons_header", "es")


LESSON_CASES = [(lang, l.meta.id) for lang in LANGUAGES for l in COURSE.in_language(lang)]


@pytest.mark.parametrize(("lang", "lesson_id"), LESSON_CASES, ids=[f"{g}-{i}" for g, i in LESSON_CASES])
def test_every_lesson_renders(app: App, lang: str, lesson_id: str) -> None:
    at = app(lang=lang, page=LESSON_PAGE, lesson=lesson_id)
    assert not at.exception
    lesson = COURSE.find(lang, lesson_id)  # type: ignore[arg-type]
    assert lesson is not None
    assert at.title[0].value == lesson.meta.title
    body = "\n".join(m.value for m in at.markdown)
    assert lesson.meta.keypoints[0] in body
    assert "::: notes" not in body
    for note in lesson.notes:
        assert note[:40] not in body, "speaker notes leaked into the attendee view"
    assert len(at.radio) == len(lesson.meta.quiz)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answering_shows_right_or_wrong_with_the_explanation(app: App, lang: str) -> None:
    lesson = COURSE.in_language(lang)[2]  # type: ignore[arg-type]
    at = app(lang=lang, page=LESSON_PAGE, lesson=lesson.meta.id)
    first, second = lesson.meta.quiz[0], lesson.meta.quiz[1]
    at.radio(key=f"quiz_{lesson.meta.id}_0").set_value(first.answer).run()
    wrong = (second.answer + 1) % len(second.options)
    at.radio(key=f"quiz_{lesson.meta.id}_1").set_value(wrong).run()
    assert not at.exception
    assert at.success[0].value.endswith(first.explanation)
    assert at.success[0].value.startswith(f"**{translate('lesson.right', lang)}**")
    assert second.options[second.answer] in at.error[0].value
    assert at.error[0].value.endswith(second.explanation)


def test_progress_shows_on_the_course_map(app: App) -> None:
    lesson = COURSE.in_language("en")[0]
    at = app(lang="en", page=LESSON_PAGE, lesson=lesson.meta.id)
    at.radio(key=f"quiz_{lesson.meta.id}_0").set_value(lesson.meta.quiz[0].answer).run()
    at.checkbox(key=f"read_{lesson.meta.id}").check().run()
    at.switch_page("pages/home.py").run()
    caption = next(c.value for c in at.caption if c.value.startswith(f"{lesson.meta.minutes.total} min"))
    assert translate("home.read", "en") in caption
    assert translate("home.quiz_score", "en", correct=1, total=len(lesson.meta.quiz)) in caption
    # and the answer is still there when the attendee comes back to the lesson
    at.switch_page(LESSON_PAGE).run()
    assert at.radio(key=f"quiz_{lesson.meta.id}_0").value == lesson.meta.quiz[0].answer


def test_next_and_previous_move_through_the_course(app: App) -> None:
    ids = [l.meta.id for l in COURSE.in_language("en")]
    at = app(lang="en", page=LESSON_PAGE, lesson=ids[0])
    assert not [b for b in at.button if b.key == "lesson_previous"]
    at.button(key="lesson_next").click().run()
    assert at.selectbox(key="lesson").value == ids[1]
    at.button(key="lesson_previous").click().run()
    assert at.selectbox(key="lesson").value == ids[0]


def test_a_broken_lesson_file_gets_a_notice_and_the_rest_is_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "lessons"
    shutil.copytree(LESSONS_DIR, copy)
    broken = copy / "es" / "stock-up-trap.md"
    broken.write_text(broken.read_text().replace("answer: 1", "answer: 9", 1), encoding="utf-8")
    monkeypatch.setenv("COMPANION_LESSONS_DIR", str(copy))
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = "es"
    at.run()
    assert not at.exception
    assert at.expander[0].label == translate("common.broken_lessons", "es", count=1)
    titles = [h.value for h in at.subheader]
    assert not any("abastecerse" in t for t in titles)
    assert len(titles) >= len(COURSE.in_language("es")) - 1
    at.switch_page(LESSON_PAGE).run()
    assert not at.exception
    assert "stock-up-trap" not in at.selectbox(key="lesson").options


def test_the_home_page_offers_the_other_language_without_the_sidebar(app: App) -> None:
    at = app(lang="en")
    button = at.button(key="home_other_language")
    assert button.label == "Español"
    button.click().run()
    assert at.header[0].value == translate("home.lessons_header", "es")
    assert at.button(key="home_other_language").label == "English"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_course_map_shows_the_time_split_into_teaching_and_exercises(app: App, lang: str) -> None:
    at = app(lang=lang)
    whole = COURSE.time(lang)  # type: ignore[arg-type]
    assert whole.exercises > 0 and whole.total == whole.teaching + whole.exercises
    captions = [c.value for c in at.caption]
    assert (
        translate(
            "home.course_time",
            lang,
            total=whole.total,
            teaching=whole.teaching,
            exercises=whole.exercises,  # type: ignore[arg-type]
        )
        in captions
    )
    for lesson in COURSE.in_language(lang):  # type: ignore[arg-type]
        time = lesson.meta.minutes
        split = translate(
            "home.minutes_split", lang, total=time.total, teaching=time.teaching, exercises=time.exercises
        )  # type: ignore[arg-type]
        assert any(c.startswith(split + " · ") for c in captions), split


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_page_lists_every_term_of_its_language(app: App, lang: str) -> None:
    at = app(lang=lang, page="pages/glossary.py")
    assert not at.exception
    terms = COURSE.glossary[lang]  # type: ignore[index]
    assert [s.value for s in at.subheader] == [term.term for term in terms]
    assert at.title[0].value == translate("glossary.title", lang)  # type: ignore[arg-type]
