"""Real browser: build a small team on a phone, see its headline gap; bad input; Spanish; projector."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from content_logic.i18n import translate
from tests.browser.conftest import PROJECTOR, AppServer, by_key, screenshot, wait_for_app

# A small content team with an editor and a director, but nobody who can explain views without sales.
SMALL_TEAM = "role,headcount\nfounder,1\ncontent_director,1\nvideographer_editor,1\non_camera_talent,1\n"


def _headline(lang: str, capability: str) -> str:
    return translate("team.headline", lang, capability=translate(f"team.cap.{capability}", lang))


def _open(page: Page, url: str) -> None:
    """Enter through the app's root first: a server's very first session that deep-links to a page
    runs it under Streamlit's legacy pages/ discovery, without app.py's navigation and layout."""
    page.goto(url.split("/team")[0])
    wait_for_app(page)
    page.goto(url)
    wait_for_app(page)


def _fill(page: Page, key: str, value: str) -> None:
    field = by_key(page, key).locator("input")  # type: ignore[attr-defined]
    field.fill(value)
    field.press("Enter")
    wait_for_app(page)


def test_an_owner_builds_a_small_team_and_sees_its_headline_gap(
    server: AppServer, page: Page, tmp_path: Path
) -> None:
    _open(page, f"{server.url}/team?lang=en")
    headline = by_key(page, "team_headline")
    expect(headline).to_contain_text(_headline("en", "founder_oversight"))  # the shelf team first

    roster = tmp_path / "my-team.csv"
    roster.write_text(SMALL_TEAM, encoding="utf-8")
    by_key(page, "team_upload").locator("input[type=file]").set_input_files(roster)  # type: ignore[attr-defined]
    expect(page.get_by_text(translate("team.import_ok", "en", count=4, file="my-team.csv"))).to_be_visible()
    _fill(page, "team_founder_content_hours", "12")
    _fill(page, "team_founder_networking_hours", "2")
    expect(headline).to_contain_text(_headline("en", "content_diagnosis"))
    expect(by_key(page, "team_plan")).to_contain_text("Train for Content diagnosis")
    expect(page.get_by_test_id("stPlotlyChart")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "team-small-team-phone")

    # An impossible week: a clear message, and the typed number stays in the box.
    _fill(page, "team_founder_content_hours", "200")
    expect(page.get_by_text("the founder's content hours must be between 0 and 168")).to_be_visible()
    expect(by_key(page, "team_founder_content_hours").locator("input")).to_have_value("200.00")  # type: ignore[attr-defined]
    expect(headline).to_have_count(0)
    _fill(page, "team_founder_content_hours", "12")
    expect(headline).to_contain_text(_headline("en", "content_diagnosis"))

    page.set_viewport_size(PROJECTOR)
    screenshot(page, "team-small-team-projector")


def test_the_team_page_speaks_spanish(server: AppServer, page: Page) -> None:
    _open(page, f"{server.url}/team?lang=es")
    expect(page.get_by_role("heading", name=translate("team.title", "es"))).to_be_visible()
    page.locator(".st-key-team_preset").click()
    page.get_by_role("option", name=translate("team.preset.solo_founder", "es")).click()
    wait_for_app(page)
    expect(by_key(page, "team_headline")).to_contain_text(_headline("es", "content_direction"))
    screenshot(page, "team-solo-es-phone")


def test_an_xlsx_roster_with_a_title_row_is_read_and_its_unknown_title_mapped_on_a_phone(
    server: AppServer, page: Page
) -> None:
    _open(page, f"{server.url}/team?lang=es")
    roster = Path(__file__).parent.parent / "data" / "team" / "rosters" / "titled.xlsx"
    by_key(page, "team_upload").locator("input[type=file]").set_input_files(roster)  # type: ignore[attr-defined]
    wait_for_app(page)
    expect(page.get_by_text(translate("team.import_ok", "es", count=5, file="titled.xlsx"))).to_be_visible()
    mapping = by_key(page, "team_titles_mapping")
    expect(mapping).to_contain_text("«Virtual assistant»")
    expect(by_key(page, "team_headline")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "team-xlsx-mapping-es-phone")
