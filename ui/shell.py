"""The app's shell (page config, language switch, workshop sidebar, menu), shared by app.py and the pages."""

from __future__ import annotations

# Loaded whole here, before any page runs: plotly looks pandas up in sys.modules and fails on a
# half-imported module when several sessions start at once on a fresh server (seen under load).
import pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ui.attendee import sidebar as workshop_sidebar
from ui.i18n import language_switch, t
from ui.routes import HOME, ROUTES


def app_shell() -> st.Page:
    """Draw the shared frame and return the page ``st.navigation`` picked for this URL."""
    st.set_page_config(
        page_title="Content Logic Companion", page_icon=":material/play_lesson:", layout="wide"
    )
    language_switch()
    sections: dict[str, list[st.Page]] = {}
    for route in ROUTES:
        screen = st.Page(
            route.file,
            title=t(route.title_key),
            icon=route.icon,
            url_path=route.url_path,
            default=route is HOME,
            visibility="hidden" if route.hidden else "visible",
        )
        sections.setdefault(t(f"nav.section_{route.section}"), []).append(screen)
    page = st.navigation(sections)
    workshop_sidebar()  # after st.navigation: it links to pages, which exist only from here on
    return page


def require_app_shell() -> None:
    """Run this page inside the shell when Streamlit's legacy ``pages/`` discovery ran it alone.

    Until some session has run ``st.navigation``, Streamlit (1.67) serves a deep link such as
    ``/join?code=...`` on a freshly started server by running ``pages/join.py`` by itself: no menu,
    no language switch, wrong layout; a join QR scanned after a restart hits exactly that. Here the
    shell is drawn and the page run inside it (as app.py would), then this bare run stops. No
    rerun, so a widget change that arrived with this run is not lost.
    """
    if PagesManager.uses_pages_directory:
        app_shell().run()
        st.stop()
