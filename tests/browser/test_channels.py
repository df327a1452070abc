"""Real browser: upload a CSV on a phone and see the verdict; a bad file explained; Spanish; projector."""

from __future__ import annotations

from pathlib import Path

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
    expect(verdict).to_contain_text("Yes: you have a stable short-video channel (Self-video)")  # Carla's demo

    trap = tmp_path / "tiktok-export.csv"
    trap.write_text(TRAP, encoding="utf-8")
    _upload(page, trap)
    expect(page.get_by_text("tiktok-export.csv", exact=False).first).to_be_visible()
    expect(verdict).to_contain_text("No short-video channel is stable yet: don't stock up.")
    expect(verdict).to_contain_text(
        "Creators: the week 2026-W03 had 91 orders (96% of the channel's total), 45.5× its next best week (2)."
    )
    expect(by_key(page, "channels_card_influencer")).to_contain_text("Volatile")

    steady = tmp_path / "weekly.csv"
    steady.write_text(STEADY, encoding="utf-8")
    _upload(page, steady)
    expect(verdict).to_contain_text("Yes: you have a stable short-video channel (Self-video)")
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
    expect(by_key(page, "channels_verdict")).to_contain_text("Sí: tienes un canal de vídeo corto estable")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "channels-bad-file-es-phone")
