"""A few real phones for bench/room_driver.py: Debian's Chromium driven by Playwright, phone-sized.

They join, see the poll, answer and keep their own 5-second timers, exactly as an attendee's browser
does; the driver compares their figures and their server cost with the protocol phones'.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from playwright.async_api import Browser, Page, async_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
PHONE = {"width": 390, "height": 844}


@dataclass
class BrowserPhone:
    """One Chromium tab on the join page; counts the reruns its frontend sends."""

    page: Page
    sent_frames: int = 0
    visible_at: float | None = None
    answered: tuple[float, float] | None = None
    """(tap, acknowledged) times."""
    errors: list[str] = field(default_factory=list)


class BrowserPhones:
    """Start, join, watch and answer with a handful of Chromium phones."""

    def __init__(self) -> None:
        self.phones: list[BrowserPhone] = []
        self._playwright: Any = None
        self._browser: Browser | None = None

    async def start(self, count: int, join_url: str, timeout_s: float) -> None:
        if count <= 0:
            return
        self._playwright = await async_playwright().start()
        self._browser = await self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in range(count):
            context = await self._browser.new_context(viewport=PHONE, locale="en-US")
            page = await context.new_page()
            phone = BrowserPhone(page)

            def on_socket(socket: Any, phone: BrowserPhone = phone) -> None:
                def sent(_payload: Any) -> None:
                    phone.sent_frames += 1

                socket.on("framesent", sent)

            page.on("websocket", on_socket)
            await page.goto(join_url, timeout=timeout_s * 1000)
            await page.locator(".st-key-join_nickname input").fill(f"chromium-{n}", timeout=timeout_s * 1000)
            await page.locator(".st-key-join_submit button").click(timeout=timeout_s * 1000)
            await page.locator(".st-key-join_leave").wait_for(timeout=timeout_s * 1000)
            self.phones.append(phone)

    def frames(self) -> int:
        """Reruns (BackMsgs) the browsers sent so far."""
        return sum(phone.sent_frames for phone in self.phones)

    async def watch_poll(self, question: str, timeout_s: float) -> None:
        """Note when each browser shows the poll (its own timer brings it)."""

        async def watch(phone: BrowserPhone) -> None:
            try:
                await phone.page.get_by_text(question).first.wait_for(timeout=timeout_s * 1000)
                phone.visible_at = time.perf_counter()
            except Exception as error:  # noqa: BLE001 - a phone that never sees it is counted, not fatal
                phone.errors.append(f"poll not visible: {error!r}"[:200])

        await asyncio.gather(*(watch(phone) for phone in self.phones))

    async def answer(self, phone: BrowserPhone, option: str, saved_text: str, timeout_s: float) -> None:
        """Tap an option and wait for the saved message."""
        tapped = time.perf_counter()
        try:
            await (
                phone.page.locator(".st-key-join_poll label")
                .filter(has_text=option)
                .first.click(timeout=timeout_s * 1000)
            )
            await phone.page.get_by_text(saved_text).first.wait_for(timeout=timeout_s * 1000)
            phone.answered = (tapped, time.perf_counter())
        except Exception as error:  # noqa: BLE001
            phone.errors.append(f"answer: {error!r}"[:200])

    async def stop(self) -> None:
        if self._browser is not None:
            await self._browser.close()
        if self._playwright is not None:
            await self._playwright.stop()
