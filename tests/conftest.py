"""Shared fixtures: AppTest through the real entry point, with caches cleared between tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
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
