"""Real browser: upload a CSV on a phone and see the verdict; a bad file explained; Spanish; projector;
a Seller Center .xlsx with a title row and an unknown label mapped on the phone."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from tests.browser.conftest import PROJECTOR, AppServer, by_key, screenshot, wait_for_app

# Ten weeks from a shop export: own videos steady, one creator spike, the product card following.
WEEKS = ["2026-W01", "2026-W02", "2026-W03", "2026-W04", "2026-W05", "2026-W06", "2026-W07", "2026-W08"]
STEADY = "week,Video,Affiliate,Product card\n" + "".join(
    f"{w},{v},{a},{p}\n"
    for w, v, a, p in zip(
        WEEKS, [30, 33, 29, 35, 31, 34, 32, 36], [0, 0, 150, 4, 0, 2, 0, 1], [12] * 8, strict=True
    )
)
TRAP = "date,channel,orders\n" + "".join(
    f"2026-01-{d:02d},Affiliate,{90 if d == 14 else (1 if d % 5 == 0 else 0)}\n" for d in range(5, 26)
)


def _open(page: Page, url: str) -> None:
    """Enter through the root first (a first deep link would bypass app.py's navigation)."""
    page.goto(url.split("/channels")[0])
    wait_for_app(page)
    page.goto(url)
    wait_for_app(page)


def _upload(page: Page, path: Path) -> None:
    by_key(page, "channels_upload").locator("input[type=file]").set_input_files(path)  # type: ignore[attr-defined]
    wait_for_app(page)


def test_a_seller_uploads_a_csv_on_a_phone_and_sees_the_verdict(
    server: AppServer, page: Page, tmp_path: Path
) -> None:
    _open(page, f"{server.url}/channels?lang=en")
    verdict = by_key(page, "channels_verdict")
    expect(verdict).to_contain_text("Yes: you have a stable short-video channel (Own video)")  # Carla's demo

    trap = tmp_path / "tiktok-export.csv"
    trap.write_text(TRAP, encoding="utf-8")
    _upload(page, trap)
    expect(page.get_by_text("tiktok-export.csv", exact=False).first).to_be_visible()
    expect(verdict).to_contain_text("No short-video channel is stable yet: don't stock up.")
    # 5–25 Jan: the week of 5 Jan touches Reyes (6 Jan), so it is shown but left out of the numbers
    expect(verdict).to_contain_text(
        "Sales peaks (Christmas and Reyes (Spain)) touch 1 of the judged weeks: 2026-W02."
    )
    expect(verdict).to_contain_text(
        "Creators: the week 2026-W03 had 91 orders (98% of the channel's total), 45.5× its next best week (2)."
    )
    expect(by_key(page, "channels_card_influencer")).to_contain_text("Volatile")

    steady = tmp_path / "weekly.csv"
    steady.write_text(STEADY, encoding="utf-8")
    _upload(page, steady)
    expect(verdict).to_contain_text("Yes: you have a stable short-video channel (Own video)")
    expect(verdict).to_contain_text(
        "Creators: the week 2026-W03 had 150 orders (96% of the channel's total), 37.5× its next best week (4)."
    )
    expect(by_key(page, "channels_card_self_video")).to_contain_text("Stable")
    expect(page.get_by_test_id("stPlotlyChart")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "channels-upload-phone")

    page.set_viewport_size(PROJECTOR)
    screenshot(page, "channels-upload-projector")


def test_a_bad_file_is_explained_and_the_page_keeps_working(
    server: AppServer, page: Page, tmp_path: Path
) -> None:
    _open(page, f"{server.url}/channels?lang=es")
    expect(page.get_by_role("heading", name="Comprobador de estabilidad de canales")).to_be_visible()
    bad = tmp_path / "ventas.csv"
    bad.write_bytes("fecha;canal;pedidos\n05/01/2026;Vídeo;diez\n".encode("latin-1"))
    _upload(page, bad)
    expect(
        page.get_by_text("ventas.csv, fila 2, columna «pedidos»: «diez» no es un número.", exact=False)
    ).to_be_visible()
    expect(by_key(page, "channels_verdict")).to_contain_text("Sí: tienes un canal de video corto estable")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "channels-bad-file-es-phone")


def seller_center_xlsx(path: Path) -> Path:
    """Eight full weeks (2 Feb – 29 Mar 2026, no sales peak) as Seller Center writes them: a date-range
    title and a blank row above the header; own video 6 a day, affiliate video 2, the product card 3, and
    a source the vocabulary doesn't know ("Partner", 1 a day)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2026-02-02 ~ 2026-03-29"])
    sheet.append([])
    sheet.append(["Date", "Content type", "Source", "GMV ($)", "Orders"])
    for i in range(56):
        day = (date(2026, 2, 2) + timedelta(days=i)).isoformat()
        for carrier, source, orders in (
            ("Video", "Seller-owned", 6), ("Video", "Affiliate", 2), ("Product card", "Seller-owned", 3),
            ("Video", "Partner", 1),
        ):  # fmt: skip
            sheet.append([day, carrier, source, f"${orders * 19.9:,.2f}", orders])
    book.save(path)
    return path


def test_a_seller_center_xlsx_with_a_title_row_is_read_and_mapped_on_a_phone(
    server: AppServer, page: Page, tmp_path: Path
) -> None:
    _open(page, f"{server.url}/channels?lang=en")
    _upload(page, seller_center_xlsx(tmp_path / "seller-center.xlsx"))
    verdict = by_key(page, "channels_verdict")
    # own video 42 a week and creators 14 a week, both steady: stable; the product card is upside
    expect(verdict).to_contain_text("Yes: you have a stable short-video channel (Own video, Creators)")
    expect(verdict).to_contain_text("planning on about 56 orders a week")
    mapping = page.get_by_text("Treat “Partner” (56 rows in column “Source”) as", exact=False)
    expect(mapping).to_be_visible()
    widget = by_key(page, f"channels_upload_map_{hashlib.sha1(b'Partner').hexdigest()[:10]}")
    box = widget.get_by_role("combobox")  # type: ignore[attr-defined]
    box.click()
    box.fill("Creat")  # the phone's combobox opens on typing; the list narrows to Creators
    expect(page.get_by_role("option", name="Creators")).to_be_visible()
    box.press("Enter")  # picks the one option left (a tap can land while the list re-renders)
    wait_for_app(page)
    expect(verdict).to_contain_text("planning on about 63 orders a week")  # creators now 21 a week
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "channels-xlsx-mapped-phone")
