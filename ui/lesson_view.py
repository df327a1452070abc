"""The lesson page's parts beyond the text: timing, exercises with solutions, sources, glossary links."""

from __future__ import annotations

import streamlit as st

from content_logic.glossary import GlossaryTerm
from content_logic.lessons import LessonMeta, Minutes, Source
from ui.exercise import exercise_link
from ui.i18n import t
from ui.routes import GLOSSARY

TERM_PARAM = "term"
"""URL parameter of the glossary page naming the term to show first (``/glossary?term=creator``)."""


def minutes_caption(minutes: Minutes) -> None:
    """ "About 20 minutes: 14 teaching, 6 exercises" (just the total when there are no exercises)."""
    if minutes.exercises:
        st.caption(
            t(
                "lesson.minutes_split",
                total=minutes.total,
                teaching=minutes.teaching,
                exercises=minutes.exercises,
            )
        )
    else:
        st.caption(t("lesson.minutes", minutes=minutes.total))


def exercises(meta: LessonMeta) -> None:
    """Each exercise visible, its solution folded away (the Carpentries pattern), its data one tap
    from the calculator."""
    if not meta.exercises:
        return
    st.header(t("lesson.exercises_header"))
    for exercise in meta.exercises:
        with st.container(border=True, key=f"exercise_{meta.id}_{exercise.id}"):
            st.subheader(exercise.title)
            st.markdown(exercise.prompt)
            if exercise.prefill is not None:
                exercise_link(
                    f"{meta.id}.{exercise.id}", exercise.prefill, key=f"exercise_{meta.id}_{exercise.id}_data"
                )
            with st.expander(t("lesson.solution"), icon=":material/lightbulb:"):
                st.markdown(exercise.solution)


def sources(listed: list[Source]) -> None:
    """Where the lesson's numbers come from, as a list at its end (links when there is an address)."""
    if not listed:
        return
    with st.container(key="lesson_sources"):
        st.subheader(t("lesson.sources_header"))
        st.markdown(
            "\n".join(
                f"- [{source.label}]({source.url})" if source.url else f"- {source.label}"
                for source in listed
            )
        )


def glossary_links(terms: list[GlossaryTerm]) -> None:
    """The glossary terms this lesson uses, each a link to its entry (inside the app: no reload)."""
    if not terms:
        return
    with (
        st.expander(t("lesson.glossary_terms"), icon=":material/dictionary:"),
        st.container(key="lesson_terms"),
    ):
        for term in terms:
            st.page_link(GLOSSARY.file, label=term.term, query_params={TERM_PARAM: term.id})
