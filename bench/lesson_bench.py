"""Figures for the lesson experience: warm rerun of a lesson page vs an empty page; cold start to content.

Run: .venv/bin/python bench/lesson_bench.py   (targets: within 10 ms of the empty page; start < 4 s)
"""

from __future__ import annotations

import statistics
import sys
import time

from rerun_timing import ROOT, compare_with_empty_page, open_page
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, AppServer  # noqa: E402


def lesson_page() -> AppTest:
    return open_page("pages/lesson.py", lesson="views-no-sales")


def start_to_content_seconds() -> float:
    """From launching `streamlit run` to the home page's lesson list visible in headless Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        server = AppServer()
        try:
            server.wait_healthy()
            page.goto(server.url)
            page.locator(".st-key-home_lesson_shelf-vs-feed").wait_for(state="visible", timeout=30_000)
            elapsed = time.monotonic() - server.started
        finally:
            server.stop()
            browser.close()
    return elapsed


if __name__ == "__main__":
    page_ms, empty_ms = compare_with_empty_page("lesson page", lesson_page)
    print(f"  target: within 10 ms of the empty page -> {'met' if page_ms - empty_ms <= 10 else 'MISSED'}")
    starts = [start_to_content_seconds() for _ in range(3)]
    print(
        f"start to home content in Chromium: median {statistics.median(starts):.2f} s "
        f"(runs: {', '.join(f'{s:.2f}' for s in starts)}); target < 4 s"
    )
