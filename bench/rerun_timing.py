"""Shared helper for the bench scripts: warm rerun medians of a page against an empty page, via AppTest."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

EMPTY_PAGE = "import streamlit as st\nst.write('')\n"
"""The baseline: Streamlit's own cost of one script run in AppTest."""


def median_rerun_ms(at: AppTest, runs: int) -> float:
    """Median wall time of ``runs`` warm reruns of an AppTest that has already run once."""
    at.run()  # warm: imports, caches
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def compare_with_empty_page(
    name: str, prepare: Callable[[], AppTest], *, runs: int = 30
) -> tuple[float, float]:
    """Print the page's warm rerun median, the empty page's, their difference and ratio."""
    empty = AppTest.from_string(EMPTY_PAGE, default_timeout=30)
    empty.run()
    page = prepare()
    page_ms = median_rerun_ms(page, runs)
    empty_ms = median_rerun_ms(empty, runs)
    if page.exception:
        raise SystemExit(f"{name}: the page raised {page.exception[0].value}")
    print(
        f"{name}: warm rerun median {page_ms:.1f} ms; empty page {empty_ms:.1f} ms; "
        f"difference {page_ms - empty_ms:+.1f} ms; ratio {page_ms / empty_ms:.2f}x"
    )
    return page_ms, empty_ms
