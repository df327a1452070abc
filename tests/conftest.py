"""Shared fixtures: AppTest through the real entry point, with caches cleared between tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


@pytest.fixture(autouse=True)
def _clear_streamlit_caches() -> Iterator[None]:
    """st.cache_data/cache_resource values leak across AppTest instances in one process."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def _runs_go_through_app_py(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make AppTest route every run through app.py's ``st.navigation``, as a running server does.

    AppTest resets Streamlit's legacy ``pages/`` flag before each run (streamlit 1.67,
    testing/v1/app_test.py), so after ``switch_page`` it would run ``pages/x.py`` bare, without
    the shell. A server keeps the flag off once any session ran ``st.navigation``; the bare first
    run it can still see is handled by ``ui.shell.require_app_shell`` and tested in a browser.
    """
    original = PagesManager.__init__

    def init_without_legacy_pages(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init_without_legacy_pages)


@pytest.fixture
def app() -> Callable[..., AppTest]:
    """Build an AppTest of ``app.py`` in a language, run once, optionally switched to a page."""

    def make(lang: str = "en", page: str | None = None, **query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        at.query_params["lang"] = lang
        at.run()
        if page is not None:
            for name, value in query.items():
                at.query_params[name] = value
            at.switch_page(page).run()
        return at

    return make
