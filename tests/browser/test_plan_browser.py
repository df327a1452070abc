"""Real browser: run a calculator, open My plan from the menu, read the steps and download the PDF;
screenshots of My plan on a phone and on a projector, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from content_logic.i18n import LANGUAGES, Language, translate
from tests.browser.conftest import PHONE, PROJECTOR, AppServer, by_key, screenshot, wait_for_app
from tests.pdf_support import pdf_text, words


def _open_plan_from_the_menu(page: Page, lang: Language) -> None:
    page.set_viewport_size(PROJECTOR)  # the menu is in the sidebar, open at this width
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=translate("plan.nav_title", lang)).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name=translate("plan.title", lang), exact=True)).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_plan_follows_the_channel_checker_and_downloads_as_pdf(
    server: AppServer, page: Page, lang: Language, tmp_path: Path
) -> None:
    page.goto(f"{server.url}/?lang={lang}")
    wait_for_app(page)
    page.goto(f"{server.url}/channels?lang={lang}")  # Carla's demo: one creator carries the sales
    wait_for_app(page)
    expect(by_key(page, "channels_verdict")).to_be_visible()  # type: ignore[attr-defined]
    _open_plan_from_the_menu(page, lang)

    first = translate("plan.step.one_creator", lang)
    expect(by_key(page, "plan_step_1")).to_contain_text(first)  # type: ignore[attr-defined]
    expect(by_key(page, "plan_result_channels").locator(".js-plotly-plot")).to_be_visible()  # type: ignore[attr-defined]
    page.get_by_label(translate("plan.name_label", lang)).fill("Carla")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.set_viewport_size({**PROJECTOR, "height": 2400})  # tall: Streamlit scrolls inside the page
    screenshot(page, f"plan-{lang}-projector")
    page.set_viewport_size({**PHONE, "height": 4200})
    screenshot(page, f"plan-{lang}-phone")

    with page.expect_download() as started:
        by_key(page, "plan_download").get_by_role("button").click()  # type: ignore[attr-defined]
    saved = tmp_path / "plan.pdf"
    started.value.save_as(saved)
    text = pdf_text(saved.read_bytes())
    assert words(first) in text
    assert translate("plan.cover_for", lang, name="Carla") in text
    assert (
        words(translate("plan.step.run_calculator", lang, calculator=translate("team.nav_title", lang)))
        in text
    )
