"""Glossary: every term of the course in the page's language, the one looked up shown first."""

import streamlit as st

from ui.course import course
from ui.i18n import current_language, t
from ui.lesson_view import TERM_PARAM
from ui.shell import require_app_shell

require_app_shell()

terms = course().glossary.get(current_language(), [])
st.title(t("glossary.title"))
st.caption(t("glossary.intro"))
if not terms:
    st.info(t("glossary.none"), icon=":material/dictionary:")
    st.stop()

wanted = next((term for term in terms if term.id == st.query_params.get(TERM_PARAM)), None)
if wanted is not None:
    with st.container(border=True, key="glossary_looked_up"):
        st.caption(t("glossary.looked_up"))
        st.subheader(wanted.term, anchor=False)
        st.markdown(wanted.definition)

for term in terms:
    with st.container(key=f"glossary_{term.id}"):
        st.subheader(term.term, anchor=term.id)
        st.markdown(term.definition)
        if term.banned:
            st.caption(t("glossary.avoid", variants=", ".join(term.banned)))
