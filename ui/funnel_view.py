"""Funnel page results: the verdict first, the stage chart, the batch tables, replicate view, downloads.

Figures and display tables are cached per result (plotly figures cost milliseconds to build, and
every session's rerun shares one process), so a warm rerun only re-sends them.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from content_logic.funnel import STAGES, FunnelResult, VideoDiagnosis, summary_markdown, table_csv, text
from content_logic.i18n import Language, translate
from ui.funnel_state import DETAIL_KEY, BatchRun
from ui.i18n import t
from ui.widgets import problem_list

CHART_CAP = 200.0
"""The stage chart shows each number as % of its benchmark, cut at 200 % so no stage squashes the rest."""
COLORS = {"bottleneck": "#c62828", "below": "#ef6c00", "pass": "#2e7d32", "unknown": "#9e9e9e"}
ICONS = {"bottleneck": ":material/error:", "below": ":material/warning:", "pass": ":material/check_circle:",
         "unknown": ":material/help:"}  # fmt: skip
MAX_PICK = 500
"""At most this many videos are offered in pickers (the table and the CSV have them all)."""
NO_CHART_BAR = {"displayModeBar": False}
TABLE_NUMBERS = ("views", "hook_rate", "completion_rate", "click_through", "click_to_order", "orders", "gpm")


column_label = text.column_label


def _state(diagnosis: VideoDiagnosis, stage: str, status: str) -> str:
    return "bottleneck" if stage == diagnosis.bottleneck else status


def stage_figure(diagnosis: VideoDiagnosis, lang: Language) -> go.Figure:
    """Each stage as a bar: its number as % of its benchmark; the dashed line is the benchmark."""
    names, ratios, texts, colors = [], [], [], []
    for check in diagnosis.stages:
        names.append(text.stage_name(check.stage, lang))
        colors.append(COLORS[_state(diagnosis, check.stage, check.status)])
        if check.status == "unknown" or check.value is None or check.threshold is None:
            ratios.append(0.0)
            texts.append(translate("funnel.chart_unknown", lang))
            continue
        ratio = check.value / check.threshold * 100 if check.threshold > 0 else CHART_CAP
        ratios.append(min(ratio, CHART_CAP))
        value = text.measure(check.measure, check.value, lang)
        texts.append(f"{value} / {text.measure(check.measure, check.threshold, lang)}")
    bar = go.Bar(x=ratios, y=names, orientation="h", marker_color=colors, text=texts, textposition="outside",
                 cliponaxis=False, hoverinfo="skip")  # fmt: skip
    benchmark = {"type": "line", "x0": 100, "x1": 100, "y0": -0.5, "y1": len(names) - 0.5,
                 "line": {"dash": "dash", "color": "#616161"}}  # fmt: skip
    return go.Figure(
        bar,
        layout={
            "height": 250, "margin": {"l": 0, "r": 10, "t": 10, "b": 0}, "showlegend": False,
            "xaxis": {"range": [0, CHART_CAP * 1.3], "title": translate("funnel.chart_axis", lang),
                      "fixedrange": True},
            "yaxis": {"autorange": "reversed", "fixedrange": True}, "shapes": [benchmark],
        },
    )  # fmt: skip


def distribution_figure(result: FunnelResult, lang: Language) -> go.Figure:
    """How many videos stop first at each stage, and how many nowhere."""
    names = [text.stage_name(s, lang) for s in STAGES] + [translate("funnel.status_word.healthy", lang)]
    counts = [result.bottlenecks[s] for s in STAGES] + [result.healthy]
    colors = [COLORS["bottleneck"]] * len(STAGES) + [COLORS["pass"]]
    bar = go.Bar(x=counts, y=names, orientation="h", marker_color=colors, text=counts, textposition="outside",
                 cliponaxis=False, hoverinfo="skip")  # fmt: skip
    return go.Figure(
        bar,
        layout={
            "height": 260, "margin": {"l": 0, "r": 10, "t": 10, "b": 0}, "showlegend": False,
            "xaxis": {"title": translate("funnel.chart_videos", lang), "fixedrange": True},
            "yaxis": {"autorange": "reversed", "fixedrange": True},
        },
    )  # fmt: skip


@st.cache_resource(max_entries=512, show_spinner=False)
def _stage_chart(key: str, lang: Language, _diagnosis: VideoDiagnosis) -> go.Figure:
    return stage_figure(_diagnosis, lang)


@st.cache_resource(max_entries=128, ttl="1h", show_spinner=False)
def _batch_views(key: str, lang: Language, _result: FunnelResult) -> tuple[go.Figure, pd.DataFrame]:
    """The distribution chart and the video table with translated bottlenecks, once per result."""
    names = {s: text.stage_name(s, lang) for s in STAGES}
    healthy = translate("funnel.status_word.healthy", lang)
    shown = ["video", "creator", "bottleneck", *_result.traits, *TABLE_NUMBERS]
    bottleneck = _result.table["bottleneck"].cat.rename_categories(names)
    frame = _result.table[shown].assign(bottleneck=bottleneck.cat.add_categories(healthy).fillna(healthy))
    return distribution_figure(_result, lang), frame


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
        f"- {ICONS[_state(diagnosis, c.stage, c.status)]} **{text.stage_name(c.stage, lang)}** — "
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
    chart, frame = _batch_views(run.key, lang, result)
    st.plotly_chart(chart, key="funnel_distribution", config=NO_CHART_BAR)
    st.subheader(t("funnel.videos_header"))
    config: dict[str, object] = {
        name: st.column_config.Column(column_label(name, lang)) for name in frame.columns
    }
    config.update(
        {n: st.column_config.NumberColumn(column_label(n, lang), format="localized") for n in TABLE_NUMBERS}
    )
    st.dataframe(frame, hide_index=True, column_config=config, key="funnel_batch_table")
    labels = list(result.table["video"].head(MAX_PICK))
    if st.session_state.get(DETAIL_KEY) not in labels:
        with_bottleneck = result.table.loc[result.table["bottleneck"].notna(), "video"]
        st.session_state[DETAIL_KEY] = with_bottleneck.iloc[0] if len(with_bottleneck) else labels[0]
    with st.container(border=True, key="funnel_detail"):
        label = st.selectbox(t("funnel.detail_pick"), labels, key=DETAIL_KEY)
        detail = result.for_video(label)
        show_verdict(detail, lang, key="funnel_detail")
        show_details(detail, lang, key="funnel_detail")
    if len(result.creators) > 1:
        st.subheader(t("funnel.creators_header"))
        healthy = translate("funnel.status_word.healthy", lang)
        main = result.creators["main_bottleneck"].map(
            lambda s: text.stage_name(s, lang) if isinstance(s, str) else healthy
        )
        creators = result.creators.assign(main_bottleneck=main)
        config = {c: st.column_config.Column(column_label(c, lang)) for c in creators.columns}
        st.dataframe(creators, hide_index=True, column_config=config, key="funnel_creators")
    _replicate(result, lang)
    brief = partial(summary_markdown, result, lang)
    _downloads("funnel_batch", brief, partial(table_csv, result, lang), "funnel-videos.csv")


def _replicate(result: FunnelResult, lang: Language) -> None:
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
