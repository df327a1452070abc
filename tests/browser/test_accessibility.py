"""axe-core (bundled by axe-playwright-python, nothing downloaded) over every screen in ``ui/routes.py``,
at 390 and 1920 px, in English and Spanish: no serious or critical finding from our markup.

The calculators open on their demo story; the workshop screens are scanned with a workshop open (an
instructor signed in with the passcode, a poll open, an attendee joined), as the workshop browser tests
set them up. Streamlit's own findings are listed, with why, in ``tests/browser/a11y_allowlist.py``.
One server for the module; each language reuses one window per role, resized between the two widths.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from content_logic.i18n import Language
from tests.browser.a11y_allowlist import is_streamlits
from tests.browser.conftest import CHROMIUM, PHONE, PROJECTOR, AppServer, by_key, wait_for_app
from ui.routes import ROUTES

PASSCODE = "a11y-test-passcode"
FAILING = ("serious", "critical")
"""The impacts that fail the test (the issue's bar); moderate and minor ones are left to review."""
WIDTHS = {"390px": PHONE, "1920px": PROJECTOR}
AXE = Axe()
OPENED_BY_INSTRUCTOR = ("join", "instructor")
"""Workshop screens reached by their own flow; the other workshop routes are followed from the instructor's."""


@pytest.fixture(scope="module")
def a11y_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """A server of its own with a fresh workshop database and an instructor passcode."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/test.sh installs it (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("a11y")
    server = AppServer(
        env={
            "COMPANION_DATABASE_URL": f"sqlite:///{folder / 'room.sqlite3'}",
            "COMPANION_INSTRUCTOR_PASSCODE": PASSCODE,
            "COMPANION_PUBLIC_URL": "http://192.0.2.10:8501",  # a venue address (TEST-NET): the QR is shown
        }
    )
    server.wait_healthy()
    yield server
    server.stop()


def _ours(page: Page, screen: str) -> list[str]:
    """axe's serious and critical findings on the page as it is now, less Streamlit's listed ones."""
    for attempt in range(3):  # the live dashboard redraws every second: a skeleton may flash by
        try:
            wait_for_app(page)
            break
        except AssertionError:
            if attempt == 2:
                raise
    found = []
    for violation in AXE.run(page).response["violations"]:
        if violation["impact"] not in FAILING:
            continue
        for node in violation["nodes"]:
            if not is_streamlits(page, violation["id"], node["target"]):
                found.append(
                    f"{screen}: {violation['id']} ({violation['impact']}, {violation['help']}) at "
                    f"{node['target']}: {node['html'][:200]}"
                )
    return found


def _at_both_widths(page: Page, screen: str) -> list[str]:
    """Scan at 390 px and at 1920 px (Streamlit re-lays the same session out; no rerun)."""
    found = []
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)  # type: ignore[arg-type]
        found += _ours(page, f"{screen} @ {width}")
    return found


def _window(browser: Browser) -> Page:
    return browser.new_context(viewport=PHONE, locale="en-US").new_page()  # type: ignore[arg-type]


def _click(page: Page, key: str) -> None:
    by_key(page, key).locator("button").click()  # type: ignore[attr-defined]
    wait_for_app(page)


def _follow(page: Page, url_path: str) -> None:
    """Open a screen by a link in the current page, else from the instructor's page (same session)."""
    hrefs = f"[href='{url_path}'], [href^='{url_path}?'], [href$='/{url_path}'], [href*='/{url_path}?']"
    link = page.locator(f"[data-testid='stPageLink-NavLink']:is({hrefs})")
    if link.count() == 0:
        page.get_by_test_id("stSidebarNav").locator("a[href*='/instructor']").click()
        wait_for_app(page)
    link.first.click()
    wait_for_app(page)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_screen_without_a_workshop(a11y_server: AppServer, browser: Browser, lang: Language) -> None:
    page = _window(browser)
    page.goto(f"{a11y_server.url}/?lang={lang}")  # through the root first: app.py's navigation
    found = []
    for route in ROUTES:
        page.goto(f"{a11y_server.url}/{route.url_path}?lang={lang}")
        found += _at_both_widths(page, f"/{route.url_path}?lang={lang}")
        if route.url_path == "lesson":  # and once answered: the quiz's feedback
            option = page.locator("[class*='st-key-quiz_']").first.get_by_role("radio").first
            option.locator("xpath=ancestor::label[1]").click()  # the input itself is visually hidden
            expect(page.get_by_test_id("stAlert").first).to_be_visible()
            found += _at_both_widths(page, f"/lesson?lang={lang}, a question answered")
    page.context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_workshop_screen_with_a_workshop_open(
    a11y_server: AppServer, browser: Browser, lang: Language
) -> None:
    instructor = _window(browser)
    instructor.goto(f"{a11y_server.url}/instructor?lang={lang}")
    wait_for_app(instructor)
    by_key(instructor, "instructor_passcode").locator("input").fill(PASSCODE)  # type: ignore[attr-defined]
    _click(instructor, "instructor_enter")
    found = _at_both_widths(instructor, f"instructor signed in ({lang})")
    name = by_key(instructor, "instructor_new_name").locator("input")  # type: ignore[attr-defined]
    if not name.is_visible():  # the form is folded once a workshop exists (the other language's run)
        instructor.get_by_test_id("stExpander").filter(has=name).locator("summary").click()
    name.fill(f"A11y {lang}")
    _click(instructor, "instructor_open")
    code = by_key(instructor, "room_code").inner_text().strip().replace("-", "")  # type: ignore[attr-defined]
    expect(instructor.get_by_test_id("stImage").locator("img")).to_be_visible()  # the QR code
    found += _at_both_widths(instructor, f"instructor, workshop open ({lang})")

    followed = [r for r in ROUTES if r.section == "workshop" and r.url_path not in OPENED_BY_INSTRUCTOR]
    for route in followed:  # in the instructor's session: links in the page, not a new page load
        _follow(instructor, route.url_path)
        if route.url_path == "presenter":
            _click(instructor, "presenter_open_poll")  # so the room and the phones have a poll to show
        found += _at_both_widths(instructor, f"/{route.url_path} ({lang})")

    phone = _window(browser)
    phone.goto(f"{a11y_server.url}/join?code={code}&lang={lang}")
    wait_for_app(phone)
    found += _at_both_widths(phone, f"join with a code ({lang})")
    by_key(phone, "join_nickname").locator("input").fill("Ana")  # type: ignore[attr-defined]
    _click(phone, "join_submit")
    expect(phone.locator(".st-key-join_poll")).to_be_visible()
    found += _at_both_widths(phone, f"join, attendee in with a poll open ({lang})")
    for window in (instructor, phone):
        window.context.close()
    assert not found, "\n".join(found)
