"""Instructor: behind the passcode, open or choose a workshop and show its join code and QR code."""

import streamlit as st

from content_logic.workshop import WorkshopError
from ui import instructor_view, room_view
from ui.i18n import t
from ui.shell import require_app_shell
from ui.workshop_state import error_text, links_for, store

require_app_shell()

st.title(t("room.instructor.title"))
if not instructor_view.gate():
    st.stop()

instructor_view.show_notice()
try:
    workshops = store().list_workshops()
except WorkshopError as error:
    st.error(error_text(error), icon=":material/cloud_off:")
    st.stop()

workshop = instructor_view.toolbar(workshops)
if workshop is not None:
    st.header(room_view.plain(workshop.name))
    room_view.join_panel(workshop, links_for("instructor"))
