"""Instructor: behind the passcode, open or choose a workshop and show its join code and QR code."""

import streamlit as st

from content_logic.workshop import WorkshopError
from ui import instructor_view, room_view
from ui.i18n import t
from ui.workshop_state import error_text, links_for, store

st.title(t("room.instructor.title"))
if not instructor_view.gate():
    st.stop()

instructor_view.show_notice()
try:
    workshops = store().list_workshops()
except WorkshopError as error:
    st.error(error_text(error), icon=":material/cloud_off:")
    st.stop()

room_column, side_column = st.columns([3, 2], gap="large")
with side_column:
    workshop = instructor_view.choose(workshops)
    with st.expander(t("room.instructor.open_header"), expanded=not workshops):
        instructor_view.open_form()
    if workshop is not None:
        st.page_link(
            instructor_view.PRESENTER_PAGE_FILE, label=t("room.nav_presenter"), icon=":material/slideshow:"
        )
        st.page_link(instructor_view.ROOM_PAGE_FILE, label=t("room.nav_room"), icon=":material/monitoring:")
    instructor_view.sign_out_button()
with room_column:
    if workshop is not None:
        st.header(room_view.plain(workshop.name))
        room_view.join_panel(workshop, links_for("instructor"))
