"""Content Logic Companion: the entry point that builds the menu and the shared sidebar."""

import streamlit as st

from ui.attendee import sidebar as workshop_sidebar
from ui.i18n import language_switch, t
from ui.routes import ROUTES

st.set_page_config(page_title="Content Logic Companion", page_icon=":material/play_lesson:", layout="wide")

language_switch()
workshop_sidebar()

sections: dict[str, list[st.Page]] = {}
for route in ROUTES:
    page = st.Page(
        route.file,
        title=t(route.title_key),
        icon=route.icon,
        url_path=route.url_path,
        default=route.url_path == "home",
        visibility="hidden" if route.hidden else "visible",
    )
    sections.setdefault(t(f"nav.section_{route.section}"), []).append(page)

st.navigation(sections).run()
