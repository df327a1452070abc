"""Make sure every page runs inside app.py's shell (menu, language switch, layout)."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def require_app_shell() -> None:
    """Rerun through app.py when Streamlit's legacy ``pages/`` discovery ran this page directly.

    Until some session has run ``st.navigation``, Streamlit (1.67) serves a deep link such as
    ``/join?code=...`` on a freshly started server by running ``pages/join.py`` alone: no menu, no
    language switch, wrong layout. A join QR scanned after a restart hits exactly that. Turning
    the legacy mode off and rerunning sends the same URL through app.py's ``st.navigation``.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
