"""Audience screen (instructor only, for the projector): the presenter's slide and the join code, large."""

import streamlit as st

from content_logic.workshop import WorkshopError
from ui import audience_view, instructor_view, room_view
from ui.i18n import t
from ui.instructor_session import chosen_workshop
from ui.routes import INSTRUCTOR
from ui.shell import require_app_shell
from ui.workshop_state import error_text, links_for

require_app_shell()

instructor_view.require_instructor()
room_view.projector_layout()
try:
    workshop = chosen_workshop()
except WorkshopError as error:
    st.error(error_text(error), icon=":material/cloud_off:")
    st.stop()
if workshop is None:
    st.info(t("room.presenter.no_workshop"), icon=":material/info:")
    st.page_link(INSTRUCTOR.file, label=t("room.instructor.go"), icon=":material/key:")
    st.stop()
with st.container(key="projected"):
    audience_view.follow(workshop, links_for("audience"))
