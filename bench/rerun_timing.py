"""Shared helper for the bench scripts: warm rerun medians of a page against an empty page, via AppTest."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.runtime.pages_manager import PagesManager  # noqa: E402
from streamlit.testing.v1 import AppTest, app_test  # noqa: E402


def _as_a_running_server() -> None:
    """Make AppTest reruns cost what a running server's reruns cost.

    First, route every run through app.py's ``st.navigation``, as a running server does.

    AppTest resets Streamlit's legacy ``pages/`` flag before each run, so reruns after
    ``switch_page`` would also pay for a scan of ``pages/`` and a second shell, which a server
    only pays on its very first run (see ui/shell.py and tests/conftest.py).
    """
    original = PagesManager.__init__

    def init_without_legacy_pages(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init_without_legacy_pages  # type: ignore[method-assign]
    # AppTest also starts every run with an empty script cache, so each rerun would recompile
    # app.py and the page; a server compiles each file once and keeps the bytecode.
    shared_cache = app_test.ScriptCache()
    app_test.ScriptCache = lambda: shared_cache  # type: ignore[attr-defined,assignment]


_as_a_running_server()

EMPTY_PAGE = "import streamlit as st\nst.write('')\n"
"""The baseline: Streamlit's own cost of one script run in AppTest."""


def open_page(page: str, **query: str) -> AppTest:
    """An English AppTest of app.py switched to ``page`` (``pages/x.py``) with optional query parameters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    for name, value in query.items():
        at.query_params[name] = value
    return at.switch_page(page).run()


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
