"""My plan's parts: the session's lesson records, the steps as cards, results, and the PDF button."""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from content_logic.handouts import render_pdf
from content_logic.handouts.fonts import fonts_available
from content_logic.handouts.plan import PlanDocument, plan_handout
from content_logic.i18n import Language
from content_logic.lessons import score_quiz
from content_logic.plan import ActionPlan, LessonRecord
from content_logic.plan_text import calculator_name, step_text
from ui import attendee
from ui.course import PROGRESS_KEY, course
from ui.i18n import t
from ui.plan_results import Assessed
from ui.routes import CALCULATOR_ROUTES, LESSON

NAME_KEY = "plan_name"
"""Widget key of the name printed on the PDF's cover."""


def lesson_records(lang: Language) -> list[LessonRecord]:
    """This session's reading and quiz record of every lesson, in course order."""
    store = st.session_state.get(PROGRESS_KEY, {})
    records = []
    for lesson in course().in_language(lang):
        done = store.get(lesson.meta.id, {"read": False, "answers": {}})
        score = score_quiz(lesson.meta.quiz, done["answers"])
        records.append(
            LessonRecord(
                lesson_id=lesson.meta.id,
                read=bool(done["read"]),
                correct=score.correct,
                answered=score.answered,
                total=score.total,
            )
        )
    return records


def lesson_titles(lang: Language) -> dict[str, str]:
    """Lesson id → title in this language."""
    return {lesson.meta.id: lesson.meta.title for lesson in course().in_language(lang)}


def name_input() -> str:
    """The name for the cover: the workshop nickname to start with, editable."""
    details = attendee.info()
    if NAME_KEY not in st.session_state and details and details.get("nickname"):
        st.session_state[NAME_KEY] = str(details["nickname"])
    return st.text_input(t("plan.name_label"), key=NAME_KEY, max_chars=60)


def steps(plan: ActionPlan, lang: Language) -> None:
    """Each step in a card: the sentence, why, and the lesson to re-read."""
    st.header(t("plan.steps_header"))
    titles = lesson_titles(lang)
    for number, step in enumerate(plan.steps, start=1):
        text = step_text(step, lang, titles)
        with st.container(border=True, key=f"plan_step_{number}"):
            st.markdown(f"**{number}. {text.title}**")
            st.caption(f"{text.why} {t('plan.reread', lesson=text.lesson)}")
            if step.lesson_id in titles:
                st.page_link(  # a short label: page links don't wrap, and lesson titles overflow a phone
                    LESSON.file,
                    label=t("plan.open_lesson"),
                    icon=":material/menu_book:",
                    query_params={"lesson": step.lesson_id},
                )


def results(assessed: list[Assessed], failed: list[str], lang: Language) -> None:
    """Each calculator's latest chart and summary, or a link to run it."""
    st.header(t("plan.results_header"))
    by_id = {a.calculator: a for a in assessed}
    for calculator, route in CALCULATOR_ROUTES.items():
        with st.container(border=True, key=f"plan_result_{calculator}"):
            st.subheader(calculator_name(calculator, lang))
            found = by_id.get(calculator)  # type: ignore[call-overload]
            if found is None:
                if calculator in failed:
                    st.warning(t("plan.calculator_error", calculator=calculator_name(calculator, lang)))
                st.caption(t("plan.not_run"))
                st.page_link(
                    route.file,
                    label=t("plan.open_calculator", calculator=calculator_name(calculator, lang)),
                    icon=route.icon,
                )
                continue
            for number, figure in enumerate(found.figures):
                st.plotly_chart(
                    figure, key=f"plan_chart_{calculator}_{number}", config={"displayModeBar": False}
                )
            with st.expander(t("plan.full_summary")):
                st.markdown(found.markdown)


def lessons(records: list[LessonRecord], lang: Language) -> None:
    """One line per lesson: read or not, and the quiz score."""
    st.header(t("plan.lessons_header"))
    if not records:
        st.caption(t("plan.no_lessons"))
        return
    titles = lesson_titles(lang)
    st.markdown(
        "\n".join(
            "- "
            + t(
                "plan.lesson_line",
                lesson=titles.get(r.lesson_id, r.lesson_id),
                read=t("plan.read" if r.read else "plan.not_read"),
                correct=r.correct,
                total=r.total,
            )
            for r in records
        )
    )


def plan_pdf(document: PlanDocument) -> bytes:
    """The plan PDF (made when the button is clicked, on Streamlit's download thread)."""
    return render_pdf(plan_handout(document))


def download(document: PlanDocument) -> None:
    """The PDF button; the personal link's QR goes in only for a workshop attendee."""
    if document.link is None:
        st.caption(t("plan.link_missing"))
    if not fonts_available():
        st.warning(t("plan.unavailable"), icon=":material/print_disabled:")
        return
    st.download_button(
        t("plan.download"),
        partial(plan_pdf, document),
        file_name=f"my-plan-{document.lang}-{document.made_on.isoformat()}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        key="plan_download",
        type="primary",
    )


def document(
    plan: ActionPlan, records: list[LessonRecord], assessed: list[Assessed], lang: Language, name: str
) -> PlanDocument:
    """Everything the PDF prints, gathered now so the click needs nothing from the session."""
    return PlanDocument(
        lang=lang,
        name=name,
        made_on=date.today(),
        plan=plan,
        lessons=records,
        lesson_titles=lesson_titles(lang),
        sections=[a.section() for a in assessed],
        link=attendee.personal_link() if attendee.token() else None,
    )
