"""Home: the course map with the attendee's progress, and what each calculator answers."""

import streamlit as st

from content_logic.lessons import score_quiz
from ui.course import course, progress
from ui.handouts import course_downloads
from ui.i18n import current_language, other_language_button, t
from ui.routes import CALCULATOR_ROUTES, LESSON
from ui.shell import require_app_shell
from ui.widgets import broken_lessons_notice

require_app_shell()

lang = current_language()
lessons = course().in_language(lang)

other_language_button("home_other_language")
st.title(t("home.title"))
st.markdown(t("home.intro"))
broken_lessons_notice(course())

st.header(t("home.lessons_header"))
whole = course().time(lang)
if whole.exercises:
    st.caption(t("home.course_time", total=whole.total, teaching=whole.teaching, exercises=whole.exercises))
else:
    st.caption(t("home.course_minutes", total=whole.total))
for lesson in lessons:
    meta = lesson.meta
    done = progress(meta.id)
    score = score_quiz(meta.quiz, done["answers"])
    with st.container(border=True, key=f"home_lesson_{meta.id}"):
        st.subheader(f"{meta.order}. {meta.title}")
        minutes = meta.minutes
        status = [
            t(
                "home.minutes_split",
                total=minutes.total,
                teaching=minutes.teaching,
                exercises=minutes.exercises,
            )
            if minutes.exercises
            else t("home.minutes", minutes=minutes.total)
        ]
        status.append(t("home.read") if done["read"] else t("home.not_read"))
        status.append(t("home.quiz_score", correct=score.correct, total=score.total))
        st.caption(" · ".join(status))
        st.markdown("\n".join(f"- {objective}" for objective in meta.objectives))
        st.page_link(
            LESSON.file,
            label=t("home.open_lesson"),
            icon=":material/arrow_forward:",
            query_params={"lesson": meta.id},
        )
course_downloads()

if CALCULATOR_ROUTES:
    st.header(t("home.calculators_header"))
    for route in CALCULATOR_ROUTES.values():
        with st.container(border=True, key=f"home_calc_{route.url_path}"):
            st.page_link(route.file, label=t(route.title_key), icon=route.icon)
            if route.summary_key:
                st.caption(t(route.summary_key))
