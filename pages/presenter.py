"""Presenter (instructor only): the slide, speaker notes, the next slide, a timer, and live polls."""

import streamlit as st

from content_logic.workshop import WorkshopError
from ui import instructor_view, presenter_view, workshop_browser
from ui.course import course
from ui.i18n import current_language, t
from ui.instructor_session import chosen_workshop, workshop_query
from ui.routes import AUDIENCE, INSTRUCTOR, ROOM
from ui.shell import require_app_shell
from ui.workshop_state import error_text, store

require_app_shell()

instructor_view.require_instructor()
try:
    workshop = chosen_workshop()
    current = store().current_poll(workshop.id) if workshop is not None else None
except WorkshopError as error:
    st.error(error_text(error), icon=":material/cloud_off:")
    st.stop()

lessons = course().in_language(workshop.language if workshop is not None else current_language())
if not lessons:
    st.warning(t("lesson.none_loaded"))
    st.stop()
presenter_view.resume_place(workshop, lessons)
pick, clock, links = st.columns([3, 1, 2], vertical_alignment="bottom")
with pick:
    lesson = presenter_view.choose_lesson(lessons, workshop)
with clock:
    workshop_browser.timer()
with links:
    if workshop is not None:
        st.markdown(t("room.presenter.join_with", code=workshop.display_code))
        query = workshop_query()
        st.page_link(
            AUDIENCE.file,
            label=t("room.nav_audience"),
            icon=":material/cast:",
            query_params=query,
        )
        st.page_link(
            ROOM.file,
            label=t("room.nav_room"),
            icon=":material/monitoring:",
            query_params=query,
        )
presenter_view.slides(lesson, workshop)

st.divider()
if workshop is None:
    st.info(t("room.presenter.no_workshop"), icon=":material/info:")
    st.page_link(INSTRUCTOR.file, label=t("room.instructor.go"), icon=":material/key:")
else:
    presenter_view.poll_controls(workshop, lesson, current)
