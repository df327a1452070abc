"""Real browser: home, switch to Spanish, open a lesson, answer a question; phone and projector shots."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from content_logic.course import LESSONS_DIR, load_course
from content_logic.i18n import translate
from tests.browser.conftest import PROJECTOR, AppServer, screenshot, wait_for_app

COURSE = load_course(LESSONS_DIR)


def test_an_attendee_reads_a_lesson_in_spanish_and_answers_on_a_phone(server: AppServer, page: Page) -> None:
    page.goto(server.url)
    wait_for_app(page)
    expect(page.get_by_role("heading", name=translate("home.lessons_header", "en"))).to_be_visible()

    # Phone width: the language switch lives in the collapsed sidebar.
    page.get_by_test_id("stExpandSidebarButton").click()
    page.locator(".st-key-lang").get_by_role("radio", name="es", exact=True).click()
    expect(page.get_by_role("heading", name=translate("home.lessons_header", "es"))).to_be_visible()
    page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
    wait_for_app(page)
    screenshot(page, "home-es-phone")

    lesson = COURSE.in_language("es")[2]
    page.locator(f".st-key-home_lesson_{lesson.meta.id}").get_by_role(
        "link", name=translate("home.open_lesson", "es")
    ).click()
    expect(page.get_by_role("heading", name=lesson.meta.title, exact=True)).to_be_visible()
    assert f"lesson={lesson.meta.id}" in page.url and "lang=es" in page.url

    question = lesson.meta.quiz[0]
    quiz = page.locator(f".st-key-quiz_{lesson.meta.id}_0")
    quiz.get_by_text(question.options[question.answer], exact=True).click()
    expect(page.get_by_test_id("stAlert").filter(has_text=question.explanation)).to_be_visible()
    expect(page.get_by_text(translate("lesson.right", "es"), exact=False).first).to_be_visible()
    screenshot(page, "lesson-es-phone")

    page.set_viewport_size(PROJECTOR)
    screenshot(page, "lesson-es-projector")


def test_a_shared_lesson_link_opens_in_its_language(server: AppServer, page: Page) -> None:
    lesson = COURSE.in_language("es")[0]
    page.goto(f"{server.url}/lesson?lang=es&lesson={lesson.meta.id}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name=lesson.meta.title, exact=True)).to_be_visible()


def test_a_deep_link_on_a_freshly_started_server_gets_the_app_shell(page: Page) -> None:
    """The first visit after a restart may be a shared link or a scanned QR, not the home page."""
    fresh = AppServer()
    try:
        fresh.wait_healthy()
        lesson = COURSE.in_language("es")[1]
        page.goto(f"{fresh.url}/lesson?lang=es&lesson={lesson.meta.id}")
        wait_for_app(page)
        expect(page.get_by_role("heading", name=lesson.meta.title, exact=True)).to_be_visible()
        page.get_by_test_id("stExpandSidebarButton").click()
        expect(page.locator(".st-key-lang")).to_be_visible()
        expect(page.get_by_test_id("stSidebarNav")).to_contain_text(translate("nav.home", "es"))
    finally:
        fresh.stop()


def test_an_exercise_opens_its_calculator_pre_filled_and_the_answers_stay(
    server: AppServer, page: Page
) -> None:
    """The exercise link stays inside the app (no reload): the calculator reads the exercise's file
    and, back on the lesson, the quiz answer given before is still there."""
    lesson, exercise = next(
        (l, e)
        for l in COURSE.in_language("es")
        for e in l.meta.exercises
        if e.prefill is not None and e.prefill.calculator == "channels"
    )
    assert exercise.prefill is not None
    page.goto(f"{server.url}/lesson?lang=es&lesson={lesson.meta.id}")
    wait_for_app(page)
    question = lesson.meta.quiz[0]
    page.locator(f".st-key-quiz_{lesson.meta.id}_0").get_by_text(
        question.options[question.answer], exact=True
    ).click()
    expect(page.get_by_test_id("stAlert").filter(has_text=question.explanation)).to_be_visible()

    card = page.locator(f".st-key-exercise_{lesson.meta.id}_{exercise.id}")
    card.get_by_text(translate("lesson.solution", "es"), exact=True).click()
    expect(card.get_by_test_id("stExpander").get_by_test_id("stMarkdown").first).to_be_visible()
    screenshot(page, "lesson-exercise-es")

    page.locator(f".st-key-exercise_{lesson.meta.id}_{exercise.id}_data").get_by_test_id(
        "stPageLink-NavLink"
    ).click()
    wait_for_app(page)
    expect(page.get_by_text(exercise.prefill.filename).first).to_be_visible()
    assert f"exercise={lesson.meta.id}.{exercise.id}" in page.url
    screenshot(page, "channels-from-exercise-es")

    page.go_back()
    wait_for_app(page)
    expect(page.get_by_role("heading", name=lesson.meta.title, exact=True)).to_be_visible()
    expect(page.get_by_test_id("stAlert").filter(has_text=question.explanation)).to_be_visible()
