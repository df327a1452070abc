"""Live room dashboard (instructor only, projected): joins, poll answers, shared results; export,
close (confirmed), reopen, delete."""

from datetime import datetime
from functools import partial

import streamlit as st

from content_logic.workshop import WorkshopError
from ui import dashboard_view, instructor_view, report_view, room_manage, room_view
from ui.i18n import t
from ui.instructor_session import chosen_workshop, workshop_query
from ui.routes import AUDIENCE, INSTRUCTOR, PRESENTER
from ui.shell import require_app_shell
from ui.workshop_state import error_text, links_for, store

require_app_shell()

instructor_view.require_instructor()
room_view.projector_layout()
instructor_view.show_notice()
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
    dashboard_view.dashboard_header(workshop, links_for("room"))
    dashboard_view.live_dashboard(workshop.id)

st.divider()
query = workshop_query()
present, watch, home = st.columns(3)
present.page_link(
    PRESENTER.file,
    label=t("room.nav_presenter"),
    icon=":material/slideshow:",
    query_params=query,
)
watch.page_link(
    AUDIENCE.file,
    label=t("room.nav_audience"),
    icon=":material/cast:",
    query_params=query,
)
home.page_link(
    INSTRUCTOR.file,
    label=t("room.nav_instructor"),
    icon=":material/key:",
    query_params=query,
)
st.download_button(
    t("room.manage.export"),
    data=partial(store().export_csv, workshop.id),
    file_name=f"workshop-{workshop.join_code}-{datetime.now():%Y%m%d-%H%M}.csv",
    mime="text/csv",
    key="room_export",
    icon=":material/download:",
)
# Room report and 30-day re-check (room-report's): counts only, made on the click.
report_view.report_downloads(workshop)
report_view.cohort_view(workshop)
room_manage.manage(workshop)
