"""Funnel page results: the verdict first, the stage chart, the batch tables, replicate view, downloads.

Figures and display tables are cached per result (plotly figures cost milliseconds to build, and
every session's rerun shares one process), so a warm rerun only re-sends them.
"""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from content_logic.funnel import STAGES, FunnelResult, VideoDiagnosis, summary_markdown, table_csv, text
from content_logic.i18n import Language, translate
from ui.funnel_charts import ICONS, NO_CHART_BAR, distribution_figure, stage_figure, state_of
from ui.funnel_replicate import show_replicate
from ui.funnel_state import DETAIL_KEY, MAX_PICK, BatchRun
from ui.i18n import t
from ui.widgets import problem_list

TABLE_NUMBERS = ("views", "hook_rate", "completion_rate", "click_through", "click_to_order", "orders", "gpm")


column_label = text.column_label


@st.cache_resource(max_entries=512, show_spinner=False)
def _stage_chart(key: str, lang: Language, _diagnosis: VideoDiagnosis) -> go.Figure:
    return stage_figure(_diagnosis, lang)


class BatchViews(NamedTuple):
    """What the batch view draws, built once per result and language."""

    chart: go.Figure
    videos: pd.DataFrame
    creators: pd.DataFrame
    labels: list[str]
    """The videos offered in the detail picker."""
    first_pick: str
    """The first video with a bottleneck (else the first video)."""


@st.cache_resource(max_entries=128, ttl="1h", show_spinner=False)
def _batch_views(key: str, lang: Language, _result: FunnelResult) -> BatchViews:
    """The distribution chart, the video and creator tables with translated stages, the picker's videos."""
    names = {s: text.stage_name(s, lang) for s in STAGES}
    healthy = translate("funnel.status_word.healthy", lang)
    table = _result.table
    shown = ["video", "creator", "bottleneck", *_result.traits, *TABLE_NUMBERS]
    bottleneck = table["bottleneck"].cat.rename_categories(names)
    frame = table[shown].assign(bottleneck=bottleneck.cat.add_categories(healthy).fillna(healthy))
    main = _result.creators["main_bottleneck"].map(names)
    main = main.where(main.notna(), healthy)
    labels = list(table["video"].head(MAX_PICK))
    with_bottleneck = table.loc[table["bottleneck"].notna(), "video"]
    first = str(with_bottleneck.iloc[0]) if len(with_bottleneck) else labels[0]
    creators = _result.creators.assign(main_bottleneck=main)
    return BatchViews(distribution_figure(_result, lang), frame, creators, labels, first)


@st.cache_resource(max_entries=512, ttl="1h", show_spinner=False)
def _detail(key: str, label: str, _result: FunnelResult) -> VideoDiagnosis:
    """One video of a batch as a full diagnosis, once per result and video."""
    return _result.for_video(label)


def _verdict_box(diagnosis: VideoDiagnosis, lang: Language) -> None:
    sentence = text.verdict(diagnosis, lang)
    if diagnosis.bottleneck is not None:
        st.warning(f"**{sentence}**", icon=":material/filter_alt:")
    elif len(diagnosis.not_judged) == len(STAGES):
        st.info(sentence, icon=":material/info:")
    else:
        st.success(f"**{sentence}**", icon=":material/check_circle:")


def _notes(diagnosis: VideoDiagnosis, lang: Language) -> list[str]:
    notes = []
    if diagnosis.later_below:
        notes.append(
            t("funnel.later_below", stages=", ".join(text.stage_name(s, lang) for s in diagnosis.later_below))
        )
    if diagnosis.unjudged_before:
        before = ", ".join(text.stage_name(s, lang) for s in diagnosis.unjudged_before)
        notes.append(t("funnel.unjudged_before", stages=before))
    if diagnosis.thin_sample and diagnosis.video.orders is not None:
        notes.append(t("funnel.thin_sample", orders=diagnosis.video.orders))
    if diagnosis.bottleneck is not None:
        notes.append(t("funnel.audience_note"))
    return notes


def _downloads(key: str, brief: partial[str], table: partial[bytes], csv_name: str) -> None:
    left, right = st.columns(2)
    left.download_button(
        t("funnel.download_brief"), brief, file_name="funnel-brief.md", mime="text/markdown",
        key=f"{key}_brief", icon=":material/description:", on_click="ignore",
    )  # fmt: skip
    right.download_button(
        t("funnel.download_csv"), table, file_name=csv_name, mime="text/csv", key=f"{key}_csv",
        icon=":material/download:", on_click="ignore",
    )  # fmt: skip


def show_verdict(diagnosis: VideoDiagnosis, lang: Language, *, key: str) -> None:
    """The verdict and what it usually means, in a container keyed ``<key>_verdict``."""
    with st.container(key=f"{key}_verdict"):
        _verdict_box(diagnosis, lang)
        st.markdown(t(diagnosis.advice.meaning))


def show_details(
    diagnosis: VideoDiagnosis, lang: Language, *, key: str, downloads: FunnelResult | None = None
) -> None:
    """After the verdict: caveats, the chart, every stage's numbers, fixes, brief lines, downloads."""
    notes = _notes(diagnosis, lang)
    if notes:
        st.caption("\n\n".join(notes))
    chart = _stage_chart(diagnosis.model_dump_json(), lang, diagnosis)
    st.plotly_chart(chart, key=f"{key}_chart", config=NO_CHART_BAR)
    lines = [
        f"- {ICONS[state_of(diagnosis, c.stage, c.status)]} **{text.stage_name(c.stage, lang)}** — "
        + text.check_text(c, lang)
        for c in diagnosis.stages
    ]
    st.markdown("\n".join(lines))
    fixes, brief = st.columns(2)
    fixes.markdown(
        f"**{t('funnel.fixes_header')}**\n\n" + "\n".join(f"- {t(k)}" for k in diagnosis.advice.fixes)
    )
    brief.markdown(
        f"**{t('funnel.brief_header')}**\n\n" + "\n".join(f"- {t(k)}" for k in diagnosis.advice.brief)
    )
    if downloads is not None:
        brief_file = partial(summary_markdown, downloads, lang)
        _downloads(key, brief_file, partial(table_csv, downloads, lang), "funnel-stages.csv")


def show_problems(run: BatchRun, lang: Language) -> None:
    """File problems (nothing analysed), skipped rows (the rest analysed) and notes about the data."""
    if run.problems:
        problem_list(t("funnel.file_problems"), [p.describe(lang) for p in run.problems])
    if run.skipped:
        rows = list(dict.fromkeys(p.row for p in run.skipped if p.row is not None))
        problem_list(
            t("funnel.skipped_title", count=len(rows), rows=", ".join(str(r) for r in rows)),
            [p.describe(lang) for p in run.skipped],
        )
    empty = [n.row for n in run.notes if n.code == "funnel_row_empty" and n.row is not None]
    if empty:
        st.info(t("funnel.skipped_empty", rows=", ".join(str(r) for r in empty)), icon=":material/info:")
    for note in run.notes:
        if note.code not in ("funnel_row_empty", "funnel_unmapped_column"):
            st.info(note.describe(lang), icon=":material/info:")


def _headline(result: FunnelResult, lang: Language) -> None:
    """The batch verdict by the one tie rule (the same sentence as the downloaded brief)."""
    head = result.headline
    if head.stage is not None:
        st.warning(f"**{text.headline_text(result, lang)}** {t(f'funnel.meaning.{head.stage}')}",
                   icon=":material/filter_alt:")  # fmt: skip
    else:
        st.success(f"**{text.headline_text(result, lang)}**", icon=":material/check_circle:")
    notes = []
    if result.measures_used:
        notes.append(t("funnel.definitions_note", definitions=text.definitions_text(result, lang)))
    if (value := text.value_note(result, lang)) is not None:
        notes.append(value)
    elif result.sources["value"] == "rule_of_thumb":
        notes.append(t("funnel.value_not_judged"))
    if result.reference_video:
        notes.append(t("funnel.reference_note", video=result.reference_video))
    if notes:
        st.caption("\n\n".join(notes))


def show_batch(run: BatchRun, lang: Language) -> None:
    """Batch verdict first, then the distribution, the table, one video, creators, replicate, downloads."""
    result = run.result
    if result is None:
        return
    _headline(result, lang)
    views = _batch_views(run.key, lang, result)
    frame = views.videos
    st.plotly_chart(views.chart, key="funnel_distribution", config=NO_CHART_BAR)
    st.subheader(t("funnel.videos_header"))
    config: dict[str, object] = {
        name: st.column_config.Column(column_label(name, lang)) for name in frame.columns
    }
    config.update(
        {n: st.column_config.NumberColumn(column_label(n, lang), format="localized") for n in TABLE_NUMBERS}
    )
    st.dataframe(frame, hide_index=True, column_config=config, key="funnel_batch_table")
    labels = views.labels
    if st.session_state.get(DETAIL_KEY) not in labels:
        st.session_state[DETAIL_KEY] = views.first_pick
    with st.container(border=True, key="funnel_detail"):
        label = st.selectbox(t("funnel.detail_pick"), labels, key=DETAIL_KEY)
        detail = _detail(run.key, label, result)
        show_verdict(detail, lang, key="funnel_detail")
        show_details(detail, lang, key="funnel_detail")
    if len(result.creators) > 1:
        st.subheader(t("funnel.creators_header"))
        creators = views.creators
        config = {c: st.column_config.Column(column_label(c, lang)) for c in creators.columns}
        st.dataframe(creators, hide_index=True, column_config=config, key="funnel_creators")
    show_replicate(result, lang)
    brief = partial(summary_markdown, result, lang)
    _downloads("funnel_batch", brief, partial(table_csv, result, lang), "funnel-videos.csv")
