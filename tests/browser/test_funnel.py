"""Real browser: the one-video form on a phone (verdict, typing, impossible numbers), Spanish, projector."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from content_logic.funnel.text import stage_name
from content_logic.i18n import translate
from tests.browser.conftest import PROJECTOR, AppServer, by_key, screenshot, wait_for_app

DATA = Path(__file__).parent.parent / "data" / "funnel"


def _open(page: Page, server: AppServer, lang: str) -> None:
    """Enter through the app's root first: a server's very first session that deep-links to a page
    runs it under Streamlit's legacy pages/ discovery, without app.py's navigation."""
    page.goto(f"{server.url}/?lang={lang}")
    wait_for_app(page)
    page.goto(f"{server.url}/funnel?lang={lang}")
    wait_for_app(page)


def _fill(page: Page, key: str, value: str) -> None:
    field = by_key(page, key).locator("input")  # type: ignore[attr-defined]
    field.fill(value)
    field.press("Enter")
    wait_for_app(page)


def test_a_seller_diagnoses_one_video_on_a_phone(server: AppServer, page: Page) -> None:
    _open(page, server, "en")
    verdict = by_key(page, "funnel_single_verdict")
    expect(verdict).to_contain_text(f"Bottleneck: {stage_name('interest', 'en')}")  # the lesson's example
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "funnel-single-phone")

    # The creator's next video: clicks reach 1 % of views, so the leak moves to conversion.
    _fill(page, "funnel_single_product_clicks", "3000")
    expect(verdict).to_contain_text(f"Bottleneck: {stage_name('conversion', 'en')}")
    expect(by_key(page, "funnel_single_verdict")).to_contain_text(
        translate("funnel.meaning.conversion", "en")[2:30]
    )

    # Impossible numbers: a clear message, no verdict, and the typed number stays.
    _fill(page, "funnel_single_orders", "5000")
    expect(page.get_by_text("5000 orders are more than the 3000 product clicks")).to_be_visible()
    expect(verdict).to_have_count(0)
    expect(by_key(page, "funnel_single_orders").locator("input")).to_have_value("5000")  # type: ignore[attr-defined]
    _fill(page, "funnel_single_orders", "60")
    expect(verdict).to_contain_text(translate("funnel.verdict.healthy_partial", "en", judged=4, total=5))

    page.set_viewport_size(PROJECTOR)
    screenshot(page, "funnel-single-projector")


def test_the_form_speaks_spanish(server: AppServer, page: Page) -> None:
    _open(page, server, "es")
    expect(page.get_by_role("heading", name=translate("funnel.title", "es"))).to_be_visible()
    expect(by_key(page, "funnel_single_verdict")).to_contain_text("Cuello de botella: Interés")
    expect(by_key(page, "funnel_single_verdict")).to_contain_text("0,16 %")
    screenshot(page, "funnel-single-es-phone")


def test_the_winner_and_its_copies_fit_a_phone(server: AppServer, page: Page) -> None:
    _open(page, server, "en")
    by_key(page, "funnel_mode").get_by_role("radio", name=translate("funnel.mode_batch", "en")).click()  # type: ignore[attr-defined]
    wait_for_app(page)
    picker = by_key(page, "funnel_demo")
    picker.evaluate("element => element.scrollIntoView({block: 'center'})")  # type: ignore[attr-defined]
    picker.click()  # type: ignore[attr-defined]  # at the screen's bottom edge the list would not open
    page.get_by_role("option", name=translate("funnel.demo_name.copies", "en")).click()
    wait_for_app(page)
    expect(page.get_by_text(translate("funnel.reference_note", "en", video="Winner"))).to_be_visible()
    expect(by_key(page, "funnel_detail_verdict")).to_contain_text("Bottleneck:")
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "funnel-copies-phone")


def test_a_seller_center_export_uploaded_on_a_phone(server: AppServer, page: Page) -> None:
    # The .xlsx as Seller Center writes it: a date range on row 1, a blank row, the header on row 3.
    _open(page, server, "en")
    by_key(page, "funnel_mode").get_by_role("radio", name=translate("funnel.mode_batch", "en")).click()  # type: ignore[attr-defined]
    wait_for_app(page)
    by_key(page, "funnel_batch_source").get_by_role(
        "radio", name=translate("funnel.source_upload", "en")
    ).click()  # type: ignore[attr-defined]
    wait_for_app(page)
    page.locator("input[type=file]").set_input_files(str(DATA / "seller_center.xlsx"))
    wait_for_app(page)
    expect(page.get_by_text(translate("funnel.definition.full_watches_per_view", "en")).first).to_be_visible()
    expect(by_key(page, "funnel_detail_verdict")).to_contain_text(
        f"Bottleneck: {stage_name('interest', 'en')}"
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "funnel-seller-center-phone")
