"""Real browser: an instructor window and two attendee phones in one Chromium; the attendees join with
the code and answer a poll, and the instructor's dashboard shows both answers by itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from content_logic.course import LESSONS_DIR, load_course
from content_logic.i18n import translate
from tests.browser.conftest import CHROMIUM, PHONE, PROJECTOR, AppServer, by_key, screenshot, wait_for_app

PASSCODE = "browser-test-passcode"
LIVE_TIMEOUT_MS = 20_000
"""Dashboard refresh (3 s) plus the shared cache (2 s) plus a slow CI machine."""

LESSON = load_course(LESSONS_DIR).in_language("en")[0]


@pytest.fixture(scope="module")
def room_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """A server of its own: a fresh database and an instructor passcode."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/test.sh installs it (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("room")
    server = AppServer(
        env={
            "COMPANION_DATABASE_URL": f"sqlite:///{folder / 'room.sqlite3'}",
            "COMPANION_INSTRUCTOR_PASSCODE": PASSCODE,
            "COMPANION_PUBLIC_URL": "",
        }
    )
    server.wait_healthy()
    yield server
    server.stop()


def _window(browser: Browser, viewport: dict[str, int]) -> Page:
    return browser.new_context(viewport=viewport, locale="en-US").new_page()  # type: ignore[arg-type]


def _click(page: Page, key: str) -> None:
    by_key(page, key).locator("button").click()  # type: ignore[attr-defined]
    wait_for_app(page)


def _follow(page: Page, label: str) -> None:
    """Click a link in the page itself (same session), not the menu's."""
    page.get_by_test_id("stPageLink-NavLink").filter(has_text=label).click()


def _join(page: Page, server: AppServer, code: str, nickname: str, option: str) -> None:
    page.goto(f"{server.url}/join?code={code}&lang=en")
    wait_for_app(page)
    expect(by_key(page, "join_code").locator("input")).to_have_value(code)  # type: ignore[attr-defined]
    by_key(page, "join_nickname").locator("input").fill(nickname)  # type: ignore[attr-defined]
    _click(page, "join_submit")
    expect(page.get_by_test_id("stMain").get_by_text(f"as {nickname}", exact=False)).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]me="))
    poll = by_key(page, "join_poll")
    expect(poll).to_contain_text(LESSON.meta.quiz[0].question)  # type: ignore[arg-type]
    poll.get_by_text(option, exact=True).click()  # type: ignore[attr-defined]
    expect(page.get_by_text(translate("room.join.answer_saved", "en"))).to_be_visible()


def test_two_attendees_answer_and_the_instructors_dashboard_shows_both(
    room_server: AppServer, browser: Browser
) -> None:
    instructor = _window(browser, PROJECTOR)
    instructor.goto(f"{room_server.url}/instructor?lang=en")
    wait_for_app(instructor)
    by_key(instructor, "instructor_passcode").locator("input").fill(PASSCODE)  # type: ignore[attr-defined]
    _click(instructor, "instructor_enter")
    by_key(instructor, "instructor_new_name").locator("input").fill("Browser room")  # type: ignore[attr-defined]
    _click(instructor, "instructor_open")
    code_box = by_key(instructor, "room_code")
    expect(code_box).to_have_text(re.compile(r"^[A-Z2-9]{3}-[A-Z2-9]{3}$"))  # type: ignore[arg-type]
    code = code_box.inner_text().strip().replace("-", "")  # type: ignore[attr-defined]
    expect(instructor.get_by_test_id("stImage").locator("img")).to_be_visible()  # the QR code
    screenshot(instructor, "workshop-instructor-projector")

    _follow(instructor, translate("room.nav_presenter", "en"))
    wait_for_app(instructor)
    expect(by_key(instructor, "presenter_slide")).to_contain_text(LESSON.slides[0].title)  # type: ignore[arg-type]
    _click(instructor, "presenter_open_poll")
    screenshot(instructor, "workshop-presenter-projector")
    _follow(instructor, translate("room.nav_room", "en"))
    wait_for_app(instructor)
    expect(by_key(instructor, "room_open_poll")).to_contain_text("0 answered")  # type: ignore[arg-type]

    quiz = LESSON.meta.quiz[0]
    first, second = _window(browser, PHONE), _window(browser, PHONE)
    _join(first, room_server, code, "Ana", quiz.options[quiz.answer])
    _join(second, room_server, code, "Luis", quiz.options[(quiz.answer + 1) % len(quiz.options)])
    screenshot(first, "workshop-attendee-phone")

    # Nobody touches the instructor's window: the dashboard's fragment refreshes by itself.
    expect(by_key(instructor, "room_open_poll")).to_contain_text("2 answered", timeout=LIVE_TIMEOUT_MS)  # type: ignore[arg-type]
    expect(instructor.get_by_test_id("stMetricValue").first).to_have_text("2", timeout=LIVE_TIMEOUT_MS)
    screenshot(instructor, "workshop-dashboard-projector")
    for window in (instructor, first, second):
        window.context.close()
