"""Real browser: the 30-day re-check and the room report in Chromium.

A phone (390 px) opens its personal link after the workshop closed, opts in, and — the re-check being
open — runs the team calculator again and saves the run; the instructor (1920 px) then sees the cohort
view compare the room then and now, and downloads the room report's PDF. Screens are saved in both
languages at both widths under ``screenshots/``.
"""

from __future__ import annotations

import io
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pypdf import PdfReader
from sqlalchemy import update

from content_logic.i18n import translate
from content_logic.workshop import Workshop
from content_logic.workshop.access import issue_signin_link_token
from content_logic.workshop.recheck import MIN_GROUP, RULES
from storage import WorkshopStore
from storage.schema import workshops
from tests.browser.conftest import CHROMIUM, PHONE, PROJECTOR, AppServer, by_key, screenshot, wait_for_app

PASSCODE = "browser-recheck-passcode"
LANGS = ("en", "es")


class Room:
    """The module's server and a store of our own on its database."""

    def __init__(self, server: AppServer, store: WorkshopStore) -> None:
        self.server, self.store = server, store

    def url(self, path: str) -> str:
        return f"{self.server.url}/{path}"


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Room]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/test.sh installs it (apt-get install chromium)")
    url = f"sqlite:///{tmp_path_factory.mktemp('recheck') / 'room.sqlite3'}"
    server = AppServer(env={"COMPANION_DATABASE_URL": url, "COMPANION_INSTRUCTOR_PASSCODE": PASSCODE})
    server.wait_healthy()
    store = WorkshopStore.from_url(url)
    yield Room(server, store)
    store.dispose()
    server.stop()


def _open(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    wait_for_app(page)
    return page


def _closed_a_month_ago(room: Room, lang: str) -> tuple[Workshop, list[str]]:
    """A closed workshop whose re-check is open: six attendees shared a team result; the first five
    opted in and all but the first re-ran it (that one does it in the browser)."""
    workshop = room.store.open_workshop("Madrid", lang)
    tokens = [room.store.join(workshop.join_code).resume_token for _ in range(MIN_GROUP + 1)]
    for token in tokens:
        summary = {"headline_gap": "content_direction"}
        room.store.submit(token, submission_id=str(uuid.uuid4()), kind="team", summary=summary)
    room.store.close_workshop(workshop.id)
    with room.store.engine.begin() as conn:
        closed = datetime.now(UTC) - timedelta(days=RULES.after_days + 1)
        conn.execute(update(workshops).where(workshops.c.id == workshop.id).values(closed_at=closed))
    for token in tokens[1:MIN_GROUP]:
        room.store.set_recheck(token, True)
        room.store.save_recheck(token, "team", {"headline_gap": "scripting"})
    return workshop, tokens


@pytest.mark.parametrize("lang", LANGS)
def test_opt_in_run_again_and_the_instructor_sees_then_and_now(
    room: Room, browser: Browser, lang: str
) -> None:
    workshop, tokens = _closed_a_month_ago(room, lang)
    phone = browser.new_context(viewport=PHONE, locale="en-US")  # type: ignore[arg-type]
    page = _open(phone, room.url(f"join?me={tokens[0]}&lang={lang}"))
    panel = by_key(page, "recheck_panel")
    expect(panel).to_contain_text(translate("report.recheck.header", lang))  # type: ignore[arg-type]
    screenshot(page, f"recheck-offer-{lang}-390")
    by_key(page, "recheck_opt_in").locator("button").click()  # type: ignore[attr-defined]
    wait_for_app(page)
    team = translate("team.nav_title", lang)
    link = page.get_by_role("link", name=translate("report.recheck.todo", lang, calculator=team))
    expect(link).to_be_visible()
    screenshot(page, f"recheck-run-again-{lang}-390")
    link.click()
    wait_for_app(page)
    save = by_key(page, "recheck_team_save").locator("button")  # type: ignore[attr-defined]
    expect(save).to_be_visible(timeout=20_000)
    save.click()
    expect(page.get_by_text(translate("report.recheck.saved", lang))).to_be_visible()
    assert room.store.recheck_status(tokens[0]).rerun == ("team",)
    wide = _open(
        browser.new_context(viewport=PROJECTOR, locale="en-US"), room.url(f"join?me={tokens[0]}&lang={lang}")
    )  # type: ignore[arg-type]
    screenshot(wide, f"recheck-done-{lang}-1920")

    for viewport, width in ((PROJECTOR, 1920), (PHONE, 390)):
        context = browser.new_context(viewport=viewport, locale="en-US")  # type: ignore[arg-type]
        signin = issue_signin_link_token(PASSCODE, time.time())
        instructor = _open(context, room.url(f"instructor?lang={lang}&signin={signin}&w={workshop.id}"))
        instructor.goto(room.url(f"room?lang={lang}&w={workshop.id}"))
        wait_for_app(instructor)
        cohort = by_key(instructor, "cohort_view")
        expect(cohort).to_contain_text(translate("report.cohort.header", lang))  # type: ignore[arg-type]
        expect(cohort).to_contain_text(f"{MIN_GROUP}")  # type: ignore[arg-type]
        expect(cohort).to_contain_text(translate("team.cap.content_direction", lang))  # type: ignore[arg-type]
        cohort.scroll_into_view_if_needed()  # type: ignore[attr-defined]
        screenshot(instructor, f"room-report-cohort-{lang}-{width}")
        if width == 1920:
            with instructor.expect_download() as download:
                by_key(instructor, "room_report_pdf").locator("button").click()  # type: ignore[attr-defined]
            pdf = Path(download.value.path()).read_bytes()
            text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
            assert translate("report.title", lang, name="Madrid") in text
        context.close()
    phone.close()
