"""Real browser: the room's workflow in Chromium, phones at 390 px and the instructor at 1920 px.

Attendees answer and the dashboard shows it by itself; a reload on a calculator page keeps the
attendee; a second instructor tab stays signed in; closing asks first, reopening works and phones
see "closed" without a reload; 20 wrong passcodes from one client block neither the one-time link
nor another client; clicker keys move slides and an audience screen follows; and the projected
dashboard's answer labels, join code and URL are measured at 1920 × 1080.

Different clients are told apart the way a phone's own address would be: each browser context
sends its own ``X-Forwarded-For``, which the server believes only from loopback (uvicorn's default).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from content_logic.course import LESSONS_DIR, load_course
from content_logic.i18n import translate
from content_logic.workshop import Workshop
from content_logic.workshop.access import issue_signin_link_token
from storage import WorkshopStore
from tests.browser.conftest import CHROMIUM, PHONE, PROJECTOR, AppServer, by_key, screenshot, wait_for_app

PASSCODE = "browser-test-passcode"
PUBLIC_URL = "http://192.0.2.10:8501"
"""A venue address (TEST-NET) for the join link and QR; the test server itself listens on loopback."""
LIVE_TIMEOUT_MS = 20_000
"""A fragment's refresh (≤ 5 s) plus the shared cache (2 s) plus a slow CI machine."""

LESSON = load_course(LESSONS_DIR).in_language("en")[0]


class Room:
    """The module's server and a store of our own on its database."""

    def __init__(self, server: AppServer, store: WorkshopStore, env: dict[str, str]) -> None:
        self.server, self.store, self.env = server, store, env

    def url(self, path: str) -> str:
        return f"{self.server.url}/{path}"


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Room]:
    """A server of its own: a fresh database, an instructor passcode, a public address."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/test.sh installs it (apt-get install chromium)")
    url = f"sqlite:///{tmp_path_factory.mktemp('room') / 'room.sqlite3'}"
    env = {
        "COMPANION_DATABASE_URL": url,
        "COMPANION_INSTRUCTOR_PASSCODE": PASSCODE,
        "COMPANION_PUBLIC_URL": PUBLIC_URL,
    }
    server = AppServer(env=env)
    server.wait_healthy()
    store = WorkshopStore.from_url(url)
    yield Room(server, store, env)
    store.dispose()
    server.stop()


def _context(browser: Browser, viewport: dict[str, int], client: str) -> BrowserContext:
    return browser.new_context(
        viewport=viewport,  # type: ignore[arg-type]
        locale="en-US",
        extra_http_headers={"X-Forwarded-For": client},
    )


def _open(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    wait_for_app(page)
    return page


def _click(page: Page, key: str) -> None:
    by_key(page, key).locator("button").click()  # type: ignore[attr-defined]
    wait_for_app(page)


def _instructor(browser: Browser, room: Room, workshop: Workshop, page: str = "room") -> Page:
    """A signed-in instructor window (one-time link) on one of the workshop's pages."""
    context = _context(browser, PROJECTOR, "192.168.1.10")
    link = issue_signin_link_token(PASSCODE, time.time())
    signed_in = _open(context, room.url(f"instructor?lang=en&signin={link}&w={workshop.id}"))
    expect(by_key(signed_in, "instructor_pick")).to_be_visible()  # type: ignore[arg-type]
    signed_in.goto(room.url(f"{page}?lang=en&w={workshop.id}"))
    wait_for_app(signed_in)
    return signed_in


def _shown(text: str) -> re.Pattern[str]:
    """``text`` as the page shows user text: an invisible word joiner may precede ``.``, ``:`` and ``@``
    (it keeps Markdown from turning them into links)."""
    return re.compile("".join(("\u2060?" if char in ".:@" else "") + re.escape(char) for char in text))


def _phone(browser: Browser, room: Room, workshop: Workshop, nickname: str, client: str) -> Page:
    """A phone that joined with the QR's link and a nickname."""
    page = _open(_context(browser, PHONE, client), room.url(f"join?code={workshop.join_code}&lang=en"))
    by_key(page, "join_nickname").locator("input").fill(nickname)  # type: ignore[attr-defined]
    _click(page, "join_submit")
    expect(page.get_by_test_id("stMain").get_by_text(_shown(f"as {nickname}"))).to_be_visible()
    return page


def _answer(page: Page, option: str) -> None:
    poll = by_key(page, "join_poll")
    expect(poll).to_contain_text(LESSON.meta.quiz[0].question, timeout=LIVE_TIMEOUT_MS)  # type: ignore[arg-type]
    poll.get_by_text(option, exact=True).click()  # type: ignore[attr-defined]
    expect(page.get_by_text(translate("room.join.answer_saved", "en"))).to_be_visible()


def _open_first_question(room: Room, workshop: Workshop) -> None:
    quiz = LESSON.meta.quiz[0]
    room.store.open_poll(workshop.id, LESSON.meta.id, 0, quiz.question, quiz.options)


def test_two_attendees_answer_and_the_instructors_dashboard_shows_both(room: Room, browser: Browser) -> None:
    workshop = room.store.open_workshop("Browser room", "en")
    _open_first_question(room, workshop)
    dashboard = _instructor(browser, room, workshop)
    expect(by_key(dashboard, "room_open_poll")).to_contain_text("0 answered")  # type: ignore[arg-type]
    quiz = LESSON.meta.quiz[0]
    first = _phone(browser, room, workshop, "Ana", "192.168.1.21")
    second = _phone(browser, room, workshop, "Luis", "192.168.1.22")
    _answer(first, quiz.options[quiz.answer])
    _answer(second, quiz.options[(quiz.answer + 1) % len(quiz.options)])
    screenshot(first, "workshop-attendee-phone")
    # Nobody touches the instructor's window: the dashboard's fragment refreshes by itself.
    expect(by_key(dashboard, "room_open_poll")).to_contain_text("2 answered", timeout=LIVE_TIMEOUT_MS)  # type: ignore[arg-type]
    expect(dashboard.get_by_test_id("stMetricValue").first).to_have_text("2", timeout=LIVE_TIMEOUT_MS)
    screenshot(dashboard, "workshop-dashboard-projector")


def test_a_reload_on_a_calculator_page_keeps_the_attendee(room: Room, browser: Browser) -> None:
    workshop = room.store.open_workshop("Reload room", "en")
    phone = _phone(browser, room, workshop, "www.ana.example", "192.168.1.31")
    expect(phone.get_by_test_id("stMain").locator("a[href*='ana']")).to_have_count(
        0
    )  # shown as text, no link
    phone.goto(room.url("channels"))  # a new page load: a new Streamlit session
    wait_for_app(phone)
    phone.reload()
    wait_for_app(phone)
    assert "me=" not in phone.url  # the cookie carries the attendee, not the calculator's URL
    expect(by_key(phone, "share_channels")).to_be_visible()  # the share panel knows who this is
    screenshot(phone, "workshop-calculator-after-reload-phone")
    phone.goto(room.url(f"join?code={workshop.join_code}"))  # scanning the QR again
    wait_for_app(phone)
    expect(phone.get_by_test_id("stMain").get_by_text(_shown("as www.ana.example"))).to_be_visible()
    assert room.store.room_snapshot(workshop.id).attendees == 1  # the same attendee, never a second


def test_a_second_instructor_tab_stays_signed_in_on_the_same_workshop(room: Room, browser: Browser) -> None:
    running = room.store.open_workshop("Running room", "en")
    room.store.open_workshop("A newer room", "en")
    presenter = _instructor(browser, room, running, "presenter")
    expect(by_key(presenter, "presenter_slide")).to_be_visible()  # type: ignore[arg-type]
    projector = _open(presenter.context, room.url(f"room?w={running.id}"))
    expect(by_key(projector, "room_dashboard_code")).to_contain_text(running.display_code)  # type: ignore[arg-type]
    projector.reload()
    wait_for_app(projector)
    expect(by_key(projector, "room_dashboard_code")).to_contain_text(running.display_code)  # type: ignore[arg-type]
    home = _open(presenter.context, room.url("instructor"))  # no ?w=: the instructor is still in
    expect(by_key(home, "instructor_pick")).to_be_visible()  # type: ignore[arg-type]


def test_a_restarted_server_keeps_the_instructor_signed_in(room: Room, browser: Browser) -> None:
    workshop = room.store.open_workshop("Restart room", "en")
    dashboard = _instructor(browser, room, workshop)
    expect(by_key(dashboard, "room_dashboard_code")).to_be_visible()  # type: ignore[arg-type]
    # A second server on the same database is the same app after a restart; cookies are per host,
    # not per port, so the browser brings its session cookie along.
    restarted = AppServer(env=room.env)
    restarted.wait_healthy()
    try:
        again = _open(dashboard.context, f"{restarted.url}/room?w={workshop.id}")
        expect(by_key(again, "room_dashboard_code")).to_contain_text(workshop.display_code)  # type: ignore[arg-type]
    finally:
        restarted.stop()


def test_closing_asks_first_reopen_works_and_phones_see_it_without_reloading(
    room: Room, browser: Browser
) -> None:
    workshop = room.store.open_workshop("Closing room", "en")
    phone = _phone(browser, room, workshop, "Ana", "192.168.1.41")
    dashboard = _instructor(browser, room, workshop)
    _click(dashboard, "room_close")
    expect(by_key(dashboard, "room_close_confirm")).to_be_visible()  # type: ignore[arg-type]
    assert room.store.get_workshop(workshop.id).is_open  # a misclick closed nothing
    screenshot(dashboard, "workshop-close-confirm-projector")
    _click(dashboard, "room_close_yes")
    expect(by_key(dashboard, "room_reopen")).to_be_visible()  # type: ignore[arg-type]  # the close has run
    assert not room.store.get_workshop(workshop.id).is_open
    closed = translate("room.join.workshop_closed", "en")
    expect(phone.get_by_text(closed)).to_be_visible(timeout=LIVE_TIMEOUT_MS)  # nobody reloaded the phone
    screenshot(phone, "workshop-closed-phone")
    _click(dashboard, "room_reopen")
    assert room.store.get_workshop(workshop.id).join_code == workshop.join_code
    expect(phone.get_by_text(translate("room.join.no_poll", "en"))).to_be_visible(timeout=LIVE_TIMEOUT_MS)


def test_twenty_wrong_passcodes_block_neither_the_link_nor_another_client(
    room: Room, browser: Browser
) -> None:
    guesser = _open(_context(browser, PROJECTOR, "192.168.1.66"), room.url("instructor?lang=en"))
    for _ in range(20):
        by_key(guesser, "instructor_passcode").locator("input").fill("a guess")  # type: ignore[attr-defined]
        _click(guesser, "instructor_enter")
    expect(guesser.get_by_text(re.compile("Try again in"))).to_be_visible()
    # The same address with the one-time link printed at start: in.
    link = issue_signin_link_token(PASSCODE, time.time())
    same_address = _open(_context(browser, PROJECTOR, "192.168.1.66"), room.url(f"instructor?signin={link}"))
    expect(by_key(same_address, "instructor_sign_out")).to_be_visible()  # type: ignore[arg-type]
    assert "signin=" not in same_address.url
    # Another client with the passcode: in, no wait.
    other = _open(_context(browser, PROJECTOR, "192.168.1.10"), room.url("instructor?lang=en"))
    by_key(other, "instructor_passcode").locator("input").fill(PASSCODE)  # type: ignore[attr-defined]
    _click(other, "instructor_enter")
    expect(by_key(other, "instructor_sign_out")).to_be_visible()  # type: ignore[arg-type]


def test_clicker_keys_move_slides_and_the_audience_screen_follows(room: Room, browser: Browser) -> None:
    workshop = room.store.open_workshop("Slides room", "en")
    presenter = _instructor(browser, room, workshop, "presenter")
    audience = _open(presenter.context, room.url(f"audience?w={workshop.id}"))
    audience_slide = by_key(audience, "audience_slide")
    expect(audience_slide).to_contain_text(LESSON.slides[0].title)  # type: ignore[arg-type]
    expect(audience.get_by_test_id("stSidebar")).to_be_hidden()
    number = by_key(presenter, "presenter_number")
    count = len(LESSON.slides)
    presenter.bring_to_front()
    by_key(presenter, "presenter_notes").click(position={"x": 5, "y": 5})  # type: ignore[attr-defined]  # focus the page, not a field
    for key, expected in [("ArrowRight", 2), ("Space", 3), ("PageUp", 2), ("PageDown", 3), ("ArrowLeft", 2)]:
        presenter.keyboard.press(key)
        # While the rerun draws, Streamlit can show the old number beside the new one: wait for the new
        # one, then for the run to end, when only it is left.
        shown = number.filter(has_text=re.compile(rf"^{expected} / {count}$"))  # type: ignore[attr-defined]
        expect(shown.first).to_be_visible()
        wait_for_app(presenter)
        expect(number).to_have_text(f"{expected} / {count}")  # type: ignore[arg-type]
    expect(by_key(presenter, "presenter_notes")).to_be_visible()  # type: ignore[arg-type]
    expect(audience_slide).to_contain_text(LESSON.slides[1].title, timeout=LIVE_TIMEOUT_MS)  # type: ignore[arg-type]
    shown = audience.get_by_test_id("stMain").inner_text()
    assert all(
        slide.notes not in shown for slide in LESSON.slides if slide.notes
    )  # notes stay with the presenter
    screenshot(presenter, "workshop-presenter-projector")
    screenshot(audience, "workshop-audience-projector")


def _font_px(page: Page, selector: str) -> float:
    size = page.locator(selector).first.evaluate("e => getComputedStyle(e).fontSize")
    return float(str(size).removesuffix("px"))


def test_the_projected_dashboard_is_readable_from_the_back_at_1920_by_1080(
    room: Room, browser: Browser
) -> None:
    workshop = room.store.open_workshop("Projector room", "en")
    _open_first_question(room, workshop)
    quiz = LESSON.meta.quiz[0]
    for n in range(3):
        token = room.store.join(workshop.join_code, f"P{n}").resume_token
        room.store.answer_poll(token, room.store.current_poll(workshop.id).id, n % len(quiz.options))  # type: ignore[union-attr]
    dashboard = _instructor(browser, room, workshop)
    chart = by_key(dashboard, "room_open_poll").get_by_test_id("stPlotlyChart")  # type: ignore[attr-defined]
    expect(chart.locator("g.ytick text").first).to_be_visible(timeout=LIVE_TIMEOUT_MS)
    assert _font_px(dashboard, ".st-key-room_open_poll g.ytick text") >= 20  # the answer labels
    assert _font_px(dashboard, ".st-key-room_dashboard_code p") >= 48  # the join code
    assert _font_px(dashboard, ".st-key-room_join_url code") >= 24  # the join URL
    assert _font_px(dashboard, ".st-key-room_stable p") >= 24  # the room's results
    expect(dashboard.get_by_test_id("stSidebar")).to_be_hidden()
    box = chart.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PROJECTOR["height"]  # above the fold
    screenshot(dashboard, "workshop-dashboard-measured-projector")
