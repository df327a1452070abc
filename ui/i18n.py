"""The session's language and the ``t()`` lookup every page uses for its text."""

from __future__ import annotations

import streamlit as st

from content_logic.i18n import LANGUAGES, Language, resolve_language, translate

LANGUAGE_KEY = "lang"
"""Widget key of the language switch; also the URL query parameter (``?lang=es``)."""


def current_language() -> Language:
    """The language chosen this session: the switch, else the URL, else the browser, else English."""
    chosen = st.session_state.get(LANGUAGE_KEY)
    if chosen in LANGUAGES:  # the usual case, checked first: t() calls this for every string
        return chosen  # type: ignore[no-any-return]
    return resolve_language(chosen, st.query_params.get(LANGUAGE_KEY), st.context.locale)


def t(key: str, /, **values: object) -> str:
    """The UI text for ``key`` in the session's language."""
    return translate(key, current_language(), **values)


def language_switch() -> Language:
    """Draw the en/es switch in the sidebar; bound to ``?lang=`` so a shared link keeps the language.

    The options are the bare codes because a bound widget writes its *displayed* label into the URL:
    ``?lang=es`` must stay what people type and what links carry.
    """
    if LANGUAGE_KEY not in st.session_state and LANGUAGE_KEY not in st.query_params:
        # First visit without ?lang=: start in the browser's language.
        st.session_state[LANGUAGE_KEY] = resolve_language(st.context.locale)
    st.sidebar.segmented_control(
        t("app.language"),
        LANGUAGES,
        key=LANGUAGE_KEY,
        required=True,
        bind="query-params",
    )
    return current_language()


def _choose(lang: Language) -> None:
    st.session_state[LANGUAGE_KEY] = lang


def other_language_button(key: str) -> None:
    """A one-tap switch to the other language in the main area: on phones the sidebar is hidden."""
    other: Language = "es" if current_language() == "en" else "en"
    st.button(
        translate("app.switch_to", other),
        key=key,
        on_click=_choose,
        args=(other,),
        icon=":material/translate:",
        type="tertiary",
    )
