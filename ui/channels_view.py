"""Drawing the channel checker's answer: verdict, cards, chart, stock panel, downloads."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from content_logic.channels.models import CHANNELS, ChannelId, WeeklySales
from content_logic.channels.report import ChannelAssessment, ChannelReport
from content_logic.channels.summary import channel_table_csv, summary_markdown
from content_logic.channels.text import (
    build_text,
    channel_name,
    check_text,
    number,
    percent,
    plan_text,
    unit,
    verdict_sentence,
    warning_text,
)
from content_logic.i18n import Language
from ui import channels_inputs
from ui.i18n import t

MARKS = {"stable": "✅", "emerging": "🌱", "volatile": "⚡", "inactive": "⏸️"}
COLORS: dict[ChannelId, str] = {
    "self_video": "#fe2c55",
    "influencer": "#25a5d8",
    "paid": "#f0a202",
    "live": "#8e44ad",
    "product_card": "#6c757d",
}
"""One colour per channel, the same in every story and language."""


def lesson_links() -> None:
    """The two lessons this calculator applies."""
    for lesson, key in (("stock-up-trap", "lesson_stock_up"), ("five-channels", "lesson_five_channels")):
        st.page_link(
            "pages/lesson.py",
            label=t(f"channels.{key}"),
            icon=":material/menu_book:",
            query_params={"lesson": lesson},
        )


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
        channels_inputs.plan_inputs(report.measure)
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
