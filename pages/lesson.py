"""Lesson: objectives, the text, keypoints, the knowledge check, and where to go next."""

import streamlit as st

from content_logic.lessons import score_quiz
from ui import lesson_view
from ui.attendee import save_progress
from ui.course import course, progress, record_answer, record_read
from ui.exercise import exercise_link
from ui.handouts import lesson_downloads
from ui.i18n import current_language, t
from ui.routes import CALCULATOR_ROUTES
from ui.shell import require_app_shell
from ui.widgets import broken_lessons_notice

require_app_shell()

# Selector key and URL parameter (?lesson=stock-up-trap), so a lesson link can be shared. Synced by
# hand rather than with bind="query-params": a bound widget writes its displayed title into the URL,
# and links must carry the stable id.
LESSON_KEY = "lesson"

lang = current_language()
lessons = course().in_language(lang)
if not lessons:
    st.warning(t("lesson.none_loaded"))
    broken_lessons_notice(course())
    st.stop()

ids = [lesson.meta.id for lesson in lessons]
by_id = {lesson.meta.id: lesson for lesson in lessons}


def _go_to(lesson_id: str) -> None:
    st.session_state[LESSON_KEY] = lesson_id


def _answered(lesson_id: str, question: int, widget_key: str) -> None:
    record_answer(lesson_id, question, widget_key)
    save_progress()  # a workshop attendee finds it again on return; nothing outside a workshop


def _ticked(lesson_id: str, widget_key: str) -> None:
    record_read(lesson_id, widget_key)
    save_progress()


if st.session_state.get(LESSON_KEY) not in by_id:
    requested = st.query_params.get(LESSON_KEY)
    st.session_state[LESSON_KEY] = requested if requested in by_id else ids[0]
lesson_id = st.selectbox(
    t("lesson.choose"),
    ids,
    format_func=lambda i: f"{by_id[i].meta.order}. {by_id[i].meta.title}",
    key=LESSON_KEY,
)
st.query_params[LESSON_KEY] = lesson_id
lesson = by_id[lesson_id]
meta = lesson.meta
broken_lessons_notice(course())

st.title(meta.title)
lesson_view.minutes_caption(meta.minutes)
with st.container(border=True, key="lesson_objectives"):
    st.markdown(f"**{t('lesson.objectives')}**\n\n" + "\n".join(f"- {o}" for o in meta.objectives))
    st.markdown(f"**{t('lesson.questions')}**\n\n" + "\n".join(f"- {q}" for q in meta.questions))

st.markdown(lesson.body)
lesson_view.exercises(meta)

with st.container(border=True, key="lesson_keypoints"):
    st.markdown(f"**{t('lesson.keypoints')}**\n\n" + "\n".join(f"- {k}" for k in meta.keypoints))
lesson_view.sources(meta.sources)

st.header(t("lesson.quiz_header"))
record = progress(meta.id)
for number, question in enumerate(meta.quiz):
    widget_key = f"quiz_{meta.id}_{number}"
    if widget_key not in st.session_state and number in record["answers"]:
        st.session_state[widget_key] = record["answers"][number]  # restore after a page switch
    choice = st.radio(
        f"{number + 1}. {question.question}",
        range(len(question.options)),
        format_func=question.options.__getitem__,
        index=None,
        key=widget_key,
        on_change=_answered,
        args=(meta.id, number, widget_key),
    )
    if question.prefill is not None:
        exercise_link(f"{meta.id}.quiz-{number + 1}", question.prefill, key=f"quiz_{meta.id}_{number}_data")
    if choice is not None:
        if choice == question.answer:
            st.success(f"**{t('lesson.right')}** {question.explanation}", icon=":material/check_circle:")
        else:
            right = question.options[question.answer]
            st.error(
                f"**{t('lesson.wrong', answer=right)}** {question.explanation}", icon=":material/cancel:"
            )

score = score_quiz(meta.quiz, record["answers"])
st.caption(t("lesson.score", correct=score.correct, total=score.total))

read_key = f"read_{meta.id}"
if read_key not in st.session_state:
    st.session_state[read_key] = record["read"]
st.checkbox(t("lesson.mark_read"), key=read_key, on_change=_ticked, args=(meta.id, read_key))

calculator = CALCULATOR_ROUTES.get(meta.calculator or "")
if calculator is not None:
    st.page_link(
        calculator.file,
        label=t("lesson.try_it", calculator=t(calculator.title_key)),
        icon=":material/calculate:",
    )

lesson_view.glossary_links(course().terms_used(lang, meta.id))
lesson_downloads(meta.id)

position = ids.index(lesson_id)
previous_col, next_col = st.columns(2)
if position > 0:
    previous_col.button(
        t("lesson.previous"),
        key="lesson_previous",
        on_click=_go_to,
        args=(ids[position - 1],),
        icon=":material/arrow_back:",
        width="stretch",
    )
if position < len(ids) - 1:
    next_col.button(
        t("lesson.next"),
        key="lesson_next",
        on_click=_go_to,
        args=(ids[position + 1],),
        icon=":material/arrow_forward:",
        width="stretch",
    )
