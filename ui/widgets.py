"""Small rendering pieces shared by pages: notices, problem lists, links."""

from __future__ import annotations

import streamlit as st

from content_logic.course import Course
from ui.i18n import t


def broken_lessons_notice(loaded: Course) -> None:
    """Say which lesson files could not be loaded and why; the rest of the course still works."""
    if not loaded.problems:
        return
    with st.expander(t("common.broken_lessons", count=len(loaded.broken_files())), icon=":material/warning:"):
        st.markdown("\n".join(f"- `{problem}`" for problem in loaded.problems))


def problem_list(title: str, problems: list[str]) -> None:
    """An error box that lists every problem, one per line, so all can be fixed in one pass."""
    st.error(title + "\n\n" + "\n".join(f"- {p}" for p in problems), icon=":material/error:")
