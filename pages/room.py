"""Live room dashboard (instructor only): joins, poll answers, shared results; export, close, delete."""

from datetime import datetime
from functools import partial

import streamlit as st

from content_logic.workshop import WorkshopError
from ui import instructor_view, room_view
from ui.i18n import t
from ui.shell import require_app_shell
from ui.workshop_state import chosen_workshop, error_text, store

require_app_shell()

instructor_view.require_instructor()
instructor_view.show_notice()
try:
    workshop = chosen_workshop()
except WorkshopError as error:
    st.error(error_text(error), icon=":material/cloud_off:")
    st.stop()
if workshop is None:
    st.info(t("room.presenter.no_workshop"), icon=":material/info:")
    st.page_link(instructor_view.INSTRUCTOR_PAGE_FILE, label=t("room.instructor.go"), icon=":material/key:")
    st.stop()

st.title(t("room.dashboard_title", name=room_view.plain(workshop.name)))
st.caption(t("room.dashboard_code", code=workshop.display_code))
st.page_link(instructor_view.PRESENTER_PAGE_FILE, label=t("room.nav_presenter"), icon=":material/slideshow:")
room_view.live_dashboard(workshop.id)

st.divider()
st.download_button(
    t("room.manage.export"),
    data=partial(store().export_csv, workshop.id),
    file_name=f"workshop-{workshop.join_code}-{datetime.now():%Y%m%d-%H%M}.csv",
    mime="text/csv",
    key="room_export",
    icon=":material/download:",
)
instructor_view.manage(workshop)
