"""Funnel page: comparing videos — the reference video and the trait columns to compare (options),
and the "replicate the winners" view (what the top videos share, by content traits only)."""

from __future__ import annotations

from functools import partial

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from content_logic.funnel import FunnelResult, text
from content_logic.i18n import Language, translate
from ui.funnel_state import KEEP_KEY, MAX_PICK, REFERENCE_KEY, REPLICATE_KEY
from ui.i18n import t

OPTIONS_EDIT_KEY = "funnel_options_edit"
"""The toggle that shows the batch options (reference video, columns to compare)."""

column_label = text.column_label


def batch_options(box: DeltaGenerator, result: FunnelResult, lang: Language) -> None:
    """Compare with a reference video (usually the winner), and pick the columns for the replicate view."""
    columns = list(result.comparable)
    chosen = st.session_state.get(REPLICATE_KEY) or []
    if any(c not in columns for c in chosen):  # columns of an earlier file: forget them
        st.session_state[REPLICATE_KEY] = [c for c in chosen if c in columns]
    with box.container(border=True, key="funnel_options"):
        if not st.toggle(t("funnel.options_header"), key=OPTIONS_EDIT_KEY, persist_state="session"):
            if (
                st.session_state.get(REFERENCE_KEY)
                and not (result.table["video"] == st.session_state[REFERENCE_KEY]).any()
            ):
                st.session_state[REFERENCE_KEY] = ""
            return
        labels = ["", *result.table["video"].head(MAX_PICK)]
        if st.session_state.get(REFERENCE_KEY) not in labels:
            st.session_state[REFERENCE_KEY] = ""
        st.selectbox(
            t("funnel.reference_label"),
            labels,
            key=REFERENCE_KEY,
            help=t("funnel.reference_help"),
            format_func=lambda v: v or translate("funnel.reference_none", lang),
            persist_state="session",
        )
        st.number_input(
            t("funnel.keep_label"),
            min_value=1.0,
            max_value=100.0,
            key=KEEP_KEY,
            help=t("funnel.keep_help"),
            persist_state="session",
        )
        st.multiselect(
            t("funnel.replicate_label"),
            columns,
            key=REPLICATE_KEY,
            format_func=partial(column_label, lang=lang),
            placeholder=t("funnel.replicate_all"),
            persist_state="session",
        )


def show_replicate(result: FunnelResult, lang: Language) -> None:
    """What the top videos share that the rest lack (only content traits), and their stage numbers."""
    view = result.replicate
    st.subheader(t("funnel.replicate_header"))
    if view.rank_by is None:
        st.caption(t("funnel.replicate_none"))
        return
    top = ", ".join(view.top[:10]) + (" …" if len(view.top) > 10 else "")
    lines = [t("funnel.replicate_intro", top=top) + " " + t(f"funnel.rank_by.{view.rank_by}"), ""]
    if view.small_sample:
        lines += [f"*{t('funnel.replicate_small')}*", ""]
    for trait in view.traits:
        top_share, rest_share = text.percent(trait.top_share, lang), text.percent(trait.rest_share, lang)
        column = column_label(trait.column, lang)
        line = t("funnel.trait_line", column=column, value=trait.value, top=top_share, rest=rest_share)
        lacking = t("funnel.lacking", videos=", ".join(trait.lacking)) if trait.lacking else ""
        lines.append(f"- {line} {lacking}")
    if not view.traits and view.columns:
        lines.append(t("funnel.no_traits", columns=", ".join(column_label(c, lang) for c in view.columns)))
    elif not view.traits:
        lines.append(t("funnel.no_trait_columns"))
    if view.gaps:
        lines += [
            "",
            f"| {t('funnel.col.measure')} | {t('funnel.top_videos')} | {t('funnel.other_videos')} |",
            "| --- | --- | --- |",
        ]
        lines += [
            f"| {text.measure_name(g.measure, lang)} | {text.measure(g.measure, g.top_median, lang)} | "
            f"{text.measure(g.measure, g.rest_median, lang)} |"
            for g in view.gaps
        ]
    st.markdown("\n".join(lines))
