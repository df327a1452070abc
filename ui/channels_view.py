"""Drawing the channel checker: data inputs, verdict, cards, chart, stock panel, thresholds, downloads."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st
from pydantic import BaseModel
from streamlit.delta_generator import DeltaGenerator

from content_logic.channels.models import CHANNELS, ChannelId, WeeklySales
from content_logic.channels.policy import StabilityPolicy, StockPlan
from content_logic.channels.report import ChannelAssessment, ChannelReport
from content_logic.channels.summary import channel_table_csv, summary_markdown
from content_logic.channels.table import WEEK_COLUMN
from content_logic.channels.templates import template_csv
from content_logic.channels.text import (
    build_text,
    channel_name,
    check_text,
    note_text,
    number,
    percent,
    plan_text,
    unit,
    verdict_sentence,
    warning_text,
)
from content_logic.i18n import Language, translate
from ui import channels_state as state
from ui.i18n import t
from ui.widgets import problem_list

MARKS = {"stable": "✅", "emerging": "🌱", "volatile": "⚡", "inactive": "⏸️"}
COLORS: dict[ChannelId, str] = {
    "self_video": "#fe2c55",
    "influencer": "#25a5d8",
    "paid": "#f0a202",
    "live": "#8e44ad",
    "product_card": "#6c757d",
}
"""One colour per channel, the same in every story and language."""

STEPS = {
    "min_history_weeks": 1,
    "baseline_percentile": 5.0,
    "spike_factor": 0.5,
    "max_decline_pct": 1.0,
    "planned_order_units": 10.0,
    "stock_on_hand": 10.0,
}
"""Step of each number input; shares and CVs move by 0.05, weeks and units per order by 1."""


def lesson_links() -> None:
    """The two lessons this calculator applies."""
    for lesson, key in (("stock-up-trap", "lesson_stock_up"), ("five-channels", "lesson_five_channels")):
        st.page_link(
            "pages/lesson.py",
            label=t(f"channels.{key}"),
            icon=":material/menu_book:",
            query_params={"lesson": lesson},
        )


def data_section(lang: Language) -> WeeklySales:
    """Story, upload and the weekly table; returns the sales to analyse (the last good ones on bad input)."""
    with st.container(border=True, key="channels_data"):
        st.subheader(t("channels.data_header"))
        st.selectbox(
            t("channels.story"),
            state.STORY_OPTIONS,
            key=state.STORY_KEY,
            format_func=lambda s: translate(f"channels.story_name.{s}", lang),
            on_change=state.story_changed,
            help=t("channels.story_help"),
            persist_state="session",
        )
        upload = st.file_uploader(
            t("channels.upload"),
            type=["csv", "txt", "xlsx", "xls"],
            key=state.UPLOAD_KEY,
            help=t("channels.upload_help"),
        )
        state.sync_upload(upload)
        left, right = st.columns(2)
        for column, layout in ((left, "wide"), (right, "long")):
            column.download_button(
                t(f"channels.template_{layout}"),
                data=lambda layout=layout: template_csv(lang, layout),  # type: ignore[misc]
                file_name=f"channels-template-{layout}-{lang}.csv",
                mime="text/csv",
                key=f"channels_template_{layout}",
                icon=":material/download:",
                on_click="ignore",
            )
        failed = st.session_state.get(state.UPLOAD_PROBLEMS_KEY)
        if failed:
            problem_list(t("channels.upload_problems", file=failed[0]), [p.describe(lang) for p in failed[1]])
        base: WeeklySales = st.session_state[state.BASE_KEY]
        if source := st.session_state.get(state.SOURCE_KEY):
            st.info(
                t("channels.upload_in_use", file=source, weeks=len(base.weeks)), icon=":material/upload_file:"
            )
            _how_read(base, lang)
        sales = _table(lang)
        st.slider(
            t("channels.window"),
            4,
            26,
            key=state.WINDOW_KEY,
            help=t("channels.window_help"),
            persist_state="session",
        )
    return sales


def _how_read(sales: WeeklySales, lang: Language) -> None:
    if not sales.notes and not sales.labels:
        return
    with st.expander(t("channels.notes_header"), icon=":material/fact_check:"):
        st.markdown("\n".join(f"- {note_text(n, lang)}" for n in sales.notes))
        if sales.labels:
            rows = [f"| {t('channels.mapping_label')} | {t('channels.mapping_channel')} |", "| --- | --- |"]
            rows += [f"| {m.label} | {channel_name(m.channel, lang)} |" for m in sales.labels]
            st.markdown(f"**{t('channels.mapping_header')}**\n\n" + "\n".join(rows))


def _table(lang: Language) -> WeeklySales:
    names = {c: channel_name(c, lang) for c in CHANNELS} | {WEEK_COLUMN: t("channels.week_column")}
    config: dict[str, object] = {WEEK_COLUMN: st.column_config.TextColumn(names[WEEK_COLUMN])}
    config |= {c: st.column_config.NumberColumn(names[c], min_value=0, format="%g") for c in CHANNELS}
    st.markdown(f"**{t('channels.table_header')}**")
    st.caption(t("channels.table_help"))
    edited = st.data_editor(
        state.editor_data(lang),
        key=state.EDITOR_KEY,
        num_rows="dynamic",
        hide_index=True,
        column_config=config,
    )
    sales, problems = state.table_sales(edited, names)
    if problems:
        problem_list(t("channels.table_problems"), [p.describe(lang) for p in problems])
    return sales


def policy() -> StabilityPolicy:
    """The thresholds in use; contradicting edits are explained in the thresholds panel."""
    chosen, _ = state.policy_from_state()
    return chosen


def verdict(slot: DeltaGenerator, report: ChannelReport, lang: Language) -> None:
    """The answer in one sentence, then the warnings and, when nothing is stable, what to build first."""
    with slot:
        box = st.success if report.has_stable_short_video else st.warning
        box(verdict_sentence(report, lang), icon=":material/inventory_2:")
        for warning in report.warnings:
            st.markdown(f"⚠️ {warning_text(warning, lang, report.measure)}")
        if text := build_text(report, lang):
            st.markdown(text)


def cards(report: ChannelReport, lang: Language) -> None:
    """One bordered card per channel: verdict, numbers, and every test with its number and threshold."""
    st.subheader(t("channels.cards_header"))
    for assessment in report.channels:
        with st.container(border=True, key=f"channels_card_{assessment.channel}"):
            st.markdown(_card(assessment, report, lang))


def _card(a: ChannelAssessment, report: ChannelReport, lang: Language) -> str:
    s = a.stats
    head = f"#### {MARKS[a.verdict]} {channel_name(a.channel, lang)} · {t(f'channels.verdict.{a.verdict}')}"
    if a.verdict == "inactive":
        return f"{head}\n\n{t('channels.card.no_orders')}"
    key = "channels.card.paid_numbers" if a.overlaps else "channels.card.numbers"
    lines = [
        head,
        t(
            key,
            mean=number(s.mean, lang),
            unit=unit(report.measure, lang),
            share=percent(s.share, lang),
            baseline=number(s.baseline, lang),
        ),
    ]
    if s.span_weeks < len(report.window):
        first = report.window[len(report.window) - s.span_weeks]
        lines.append(t("channels.card.since", week=first, weeks=s.span_weeks))
    if s.top_creator:
        lines.append(
            t("channels.card.top_creator", creator=s.top_creator, share=percent(s.top_creator_share, lang))
        )
    if a.overlaps:
        lines.append(f"*{t('channels.paid_note')}*")
    lines.append("\n".join(f"- {check_text(c, lang)}" for c in a.checks))
    return "\n\n".join(lines)


def figure(sales: WeeklySales, report: ChannelReport, lang: Language) -> go.Figure:
    """Weekly numbers per channel; stable channels drawn thick and marked, the judged weeks shaded."""
    weeks = list(sales.weeks)
    traces = []
    for channel in CHANNELS:
        values = sales.orders[channel]
        if not any(values):
            continue
        stable = channel in report.stable_channels
        name = channel_name(channel, lang) + (f" ✓ {t('channels.chart_stable')}" if stable else "")
        dash = "dot" if channel == "paid" else "solid"
        line = {"width": 4 if stable else 1.5, "color": COLORS[channel], "dash": dash}
        traces.append(go.Scatter(x=weeks, y=list(values), name=name, mode="lines+markers", line=line))
    start = len(weeks) - len(report.window) - 0.5
    shade = {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": start,
        "x1": len(weeks) - 0.5,
        "y0": 0,
        "y1": 1,
    }
    label = {"x": start, "y": 1, "xref": "x", "yref": "paper", "xanchor": "left", "yanchor": "bottom"}
    return go.Figure(
        data=traces,
        layout={
            "height": 360,
            "margin": {"l": 8, "r": 8, "t": 28, "b": 8},
            "legend": {"orientation": "h", "y": -0.25},
            "hovermode": "x unified",
            "xaxis": {"type": "category"},
            "yaxis": {"title": {"text": unit(report.measure, lang)}, "rangemode": "tozero"},
            "shapes": [{**shade, "fillcolor": "#888", "opacity": 0.12, "line": {"width": 0}}]
            if report.window
            else [],
            "annotations": [{**label, "text": t("channels.chart_window"), "showarrow": False}]
            if report.window
            else [],
        },
    )


def chart(report: ChannelReport, sales: WeeklySales, lang: Language) -> None:
    """The weekly chart under its heading."""
    st.subheader(t("channels.chart_header_gmv" if report.measure == "gmv" else "channels.chart_header"))
    key = f"{lang}|{report.measure}|{report.window}|{report.stable_channels}|{sales.model_dump_json()}"
    st.plotly_chart(_figure(key, sales, report, lang), key="channels_chart", config={"displayModeBar": False})


@st.cache_resource(max_entries=256, show_spinner=False)
def _figure(key: str, _sales: WeeklySales, _report: ChannelReport, lang: Language) -> go.Figure:
    """The chart built once per distinct data, verdicts and language (``key``), shared read-only."""
    return figure(_sales, _report, lang)


def stock_panel(report: ChannelReport, lang: Language) -> None:
    """The purchase being considered, and what the stable demand says about it."""
    with st.container(border=True, key="channels_stock"):
        st.subheader(t("channels.stock_header"))
        left, right = st.columns(2)
        for column, field in zip((left, left, left, right, right), PLAN_INPUTS, strict=True):
            low, high = _bounds(StockPlan, field)
            column.number_input(
                t(f"channels.plan.{field}"),
                min_value=low,
                max_value=high,
                step=STEPS.get(field, 1.0),
                format="%g",
                key=state.plan_key(field),
                persist_state="session",
            )
        if report.measure == "gmv":
            right.number_input(
                t("channels.plan.average_order_value"),
                min_value=0.01,
                format="%g",
                key=state.plan_key("average_order_value"),
                help=t("channels.plan.average_order_value_help"),
                persist_state="session",
            )
        stock = report.stock
        a, b, c = st.columns(3)
        a.metric(
            t("channels.safe_demand"),
            f"{number(stock.safe_weekly_demand, lang)} {unit(report.measure, lang)}",
        )
        b.metric(
            t("channels.weeks_cover"),
            "–" if stock.weeks_of_cover is None else number(stock.weeks_of_cover, lang),
        )
        largest = stock.largest_order_units
        c.metric(t("channels.largest_order"), "–" if largest is None else number(largest, lang, digits=0))
        if stock.demand_channels:
            st.caption(
                t(
                    "channels.safe_from",
                    channels=", ".join(channel_name(x, lang) for x in stock.demand_channels),
                )
            )
        else:
            st.caption(t("channels.safe_none"))
        st.markdown(plan_text(report, lang))


PLAN_INPUTS = ("planned_order_units", "stock_on_hand", "units_per_order", "lead_time_weeks", "buffer_weeks")
"""In reading order: on a phone the left column comes first, then the right."""


def rules_editor(lang: Language) -> None:
    """The formulas and every threshold, editable; drawn only while the panel is open."""
    _, problems = state.policy_from_state()
    if problems:
        problem_list(t("channels.rules_header"), [p.describe(lang) for p in problems])
    panel = st.expander(
        t("channels.rules_header"), key="channels_rules", on_change="rerun", icon=":material/tune:"
    )
    if not panel.open:
        return
    with panel:
        st.markdown(t("channels.formulas"))
        for field in state.POLICY_FIELDS:
            if field == "demand_channels":
                st.multiselect(
                    t("channels.policy.demand_channels"),
                    CHANNELS,
                    key=state.policy_key(field),
                    format_func=lambda c: channel_name(c, lang),
                    help=t("channels.policy_help.demand_channels"),
                    persist_state="session",
                )
                continue
            low, high = _bounds(StabilityPolicy, field)
            st.number_input(
                t(f"channels.policy.{field}"),
                min_value=low,
                max_value=high,
                step=STEPS.get(field, 0.05),
                key=state.policy_key(field),
                help=t(f"channels.policy_help.{field}"),
                persist_state="session",
            )
        st.button(
            t("channels.reset"),
            key="channels_policy_reset",
            on_click=state.reset_policy,
            icon=":material/undo:",
        )


def _bounds(model: type[BaseModel], field: str) -> tuple[float | None, float | None]:
    """The model's own limits for a number, so an input can't produce an invalid model."""
    info = model.model_fields[field]
    low = high = None
    step = STEPS.get(field, 0.05 if model is StabilityPolicy else 1.0)
    for rule in info.metadata:
        low = getattr(rule, "ge", low)
        if getattr(rule, "gt", None) is not None:
            low = rule.gt + step
        high = getattr(rule, "le", high)
    if isinstance(info.default, int) and not isinstance(info.default, bool) and model is StabilityPolicy:
        return low, high
    return (None if low is None else float(low)), (None if high is None else float(high))


def downloads(report: ChannelReport, lang: Language) -> None:
    """The per-channel table (CSV) and the summary (Markdown), built only when clicked."""
    st.subheader(t("channels.downloads_header"))
    left, right = st.columns(2)
    left.download_button(
        t("channels.download_csv"),
        data=lambda: channel_table_csv(report, lang),
        file_name=f"channels-{lang}.csv",
        mime="text/csv",
        key="channels_download_csv",
        icon=":material/table:",
        on_click="ignore",
    )
    right.download_button(
        t("channels.download_md"),
        data=lambda: summary_markdown(report, lang),
        file_name=f"channels-summary-{lang}.md",
        mime="text/markdown",
        key="channels_download_md",
        icon=":material/description:",
        on_click="ignore",
    )
