"""The instructor's room report downloads (PDF, CSV; made on the click, live or after) and the
30-day re-check's cohort view."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from content_logic.handouts import render_pdf
from content_logic.i18n import Language
from content_logic.workshop import Workshop, WorkshopError
from content_logic.workshop.cohort_text import cohort_lines
from content_logic.workshop.recheck import RULES, cohort, recheck_due, recheck_opens
from content_logic.workshop.report import RoomReport, room_report
from content_logic.workshop.report_document import report_csv, report_handout
from ui.course import course
from ui.i18n import current_language, t
from ui.workshop_state import error_text, store


def _report(workshop: Workshop) -> RoomReport:
    data = store().room_report_data(workshop.id)
    return room_report(data, course().in_language(workshop.language))


def report_pdf(workshop: Workshop, lang: Language) -> bytes:
    """The room report as PDF, with everything up to this moment."""
    return render_pdf(report_handout(_report(workshop), lang))


def report_csv_file(workshop: Workshop, lang: Language) -> bytes:
    """The room report's counts as CSV, with everything up to this moment."""
    return report_csv(_report(workshop), lang)


def report_downloads(workshop: Workshop) -> None:
    """Two buttons: the room report as PDF and as CSV (counts only), in the page's language."""
    lang = current_language()
    stem = f"room-report-{workshop.join_code}-{datetime.now():%Y%m%d-%H%M}"
    st.caption(t("report.download_help"))
    pdf_column, csv_column = st.columns(2)
    pdf_column.download_button(
        t("report.download_pdf"),
        lambda: report_pdf(workshop, lang),
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        key="room_report_pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        width="stretch",
    )
    csv_column.download_button(
        t("report.download_csv"),
        lambda: report_csv_file(workshop, lang),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key="room_report_csv",
        icon=":material/table:",
        on_click="ignore",
        width="stretch",
    )


def cohort_view(workshop: Workshop) -> None:
    """The room then and now over the attendees who re-ran (groups under the minimum hidden)."""
    with st.container(border=True, key="cohort_view"):
        st.subheader(t("report.cohort.header"))
        if workshop.closed_at is None:
            st.caption(t("report.cohort.closed_only", days=RULES.after_days))
            return
        try:
            view = cohort(store().cohort_data(workshop.id))
        except WorkshopError as error:
            st.warning(error_text(error), icon=":material/cloud_off:")
            return
        date = recheck_opens(workshop.closed_at).astimezone().strftime("%Y-%m-%d")
        opened = recheck_due(workshop.closed_at, datetime.now(UTC))
        st.markdown(
            t("report.cohort.opened" if opened else "report.cohort.opted_in", count=view.opted_in, date=date)
        )
        st.caption(t("report.cohort.min_group", min=view.min_group))
        for line in cohort_lines(view, current_language()):
            st.markdown(f"- {line}")
