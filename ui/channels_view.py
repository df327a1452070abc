"""Drawing the channel checker's answer: verdict, cards, chart, stock panel, downloads."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from content_logic.channels import (
    CHANNELS,
    ChannelReport,
    ReportText,
    WeeklySales,
    summary_markdown,
    table_csv,
)
from content_logic.i18n import Language, translate
from ui import channels_inputs
from ui.i18n import t
from ui.routes import LESSON

MARKS = {"stable": "✅", "emerging": "🌱", "volatile": "⚡", "inactive": "⏸️"}
COLORS: dict[str, str] = {
    "self_video": "#d55e00",
    "influencer": "#0072b2",
    "paid": "#e69f00",
    "live": "#cc79a7",
    "product_card": "#009e73",
}
"""One colour per channel, the same in every story and language; Okabe–Ito, told apart by any eyes."""
SYMBOLS: dict[str, str] = {
    "self_video": "circle",
    "influencer": "square",
    "paid": "diamond",
    "live": "triangle-up",
    "product_card": "x",
}
"""One marker shape per channel, so a line is known without its colour (and in grey print)."""


def lesson_links() -> None:
    """The two lessons this calculator applies."""
    for lesson, key in (("stock-up-trap", "lesson_stock_up"), ("five-channels", "lesson_five_channels")):
        st.page_link(
            LESSON.file,
            label=t(f"channels.{key}"),
            icon=":material/menu_book:",
            query_params={"lesson": lesson},
        )


def verdict(slot: DeltaGenerator, report: ChannelReport, text: ReportText) -> None:
    """The answer in one sentence, then the warnings and, when nothing is stable, what to build first."""
    with slot:
        box = st.success if report.has_stable_short_video else st.warning
        box(text.verdict, icon=":material/inventory_2:")
        for caveat in text.caveats:
            st.markdown(f"ℹ️ {caveat[:1].upper()}{caveat[1:]}")
        for warning in text.warnings:
            st.markdown(f"⚠️ {warning}")
        if text.build:
            st.markdown(text.build)


def cards(text: ReportText) -> None:
    """One bordered card per channel: verdict, numbers, and every test with its number and threshold."""
    st.header(t("channels.cards_header"))
    for card in text.cards:
        with st.container(border=True, key=f"channels_card_{card.channel}"):
            st.markdown(f"### {MARKS[card.verdict]} {card.title}\n\n{card.body}")


def figure(sales: WeeklySales, report: ChannelReport, lang: Language) -> go.Figure:
    """Weekly numbers per channel; stable channels drawn thick and marked, the judged weeks shaded."""
    weeks = list(sales.weeks)
    traces = []
    for channel in CHANNELS:
        values = sales.orders[channel]
        if not any(values):
            continue
        stable = channel in report.stable_channels
        name = translate(f"channels.name.{channel}", lang) + (
            f" ✓ {t('channels.chart_stable')}" if stable else ""
        )
        dash = "dot" if report.channel(channel).overlaps else "solid"  # overlapping orders: never summed
        line = {"width": 4 if stable else 1.5, "color": COLORS[channel], "dash": dash}
        marker = {"symbol": SYMBOLS[channel], "size": 9 if stable else 7}
        traces.append(
            go.Scatter(x=weeks, y=list(values), name=name, mode="lines+markers", line=line, marker=marker)
        )
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
            "yaxis": {
                "title": {"text": translate(f"channels.unit.{report.measure}", lang)},
                "rangemode": "tozero",
            },
            "shapes": (
                [{**shade, "fillcolor": "#888", "opacity": 0.12, "line": {"width": 0}}]
                if report.window
                else []
            )
            + _peak_shapes(report, len(weeks)),
            "annotations": (
                [{**label, "text": t("channels.chart_window"), "showarrow": False}] if report.window else []
            )
            + _peak_label(report, len(weeks), lang),
        },
    )


def _peak_shapes(report: ChannelReport, weeks: int) -> list[dict[str, object]]:
    """A hatched band over each judged week that falls in a sales peak (left out of the numbers)."""
    first = weeks - len(report.window)
    return [
        {
            "type": "rect", "xref": "x", "yref": "paper", "x0": first + i - 0.5, "x1": first + i + 0.5,
            "y0": 0, "y1": 1, "fillcolor": "#f0a202", "opacity": 0.15, "line": {"width": 0},
        }
        for i, peak in enumerate(report.peaks) if peak
    ]  # fmt: skip


def _peak_label(report: ChannelReport, weeks: int, lang: Language) -> list[dict[str, object]]:
    """ "sales peak" written over the first peak band, so the orange weeks explain themselves."""
    first = next((i for i, peak in enumerate(report.peaks) if peak), None)
    if first is None:
        return []
    x = weeks - len(report.window) + first
    text = translate("channels.chart_peak", lang)
    return [
        {
            "x": x,
            "y": 0.92,
            "xref": "x",
            "yref": "paper",
            "text": text,
            "showarrow": False,
            "font": {"size": 11},
        }
    ]


def chart(report: ChannelReport, sales: WeeklySales, lang: Language) -> None:
    """The weekly chart under its heading."""
    st.header(t("channels.chart_header_gmv" if report.measure == "gmv" else "channels.chart_header"))
    key = f"{lang}|{report.measure}|{report.window}|{report.peaks}|{report.stable_channels}"
    key += f"|{sales.model_dump_json()}"
    st.plotly_chart(_figure(key, sales, report, lang), key="channels_chart", config={"displayModeBar": False})


@st.cache_resource(max_entries=256, show_spinner=False)
def _figure(key: str, _sales: WeeklySales, _report: ChannelReport, lang: Language) -> go.Figure:
    """The chart built once per distinct data, verdicts and language (``key``), shared read-only."""
    return figure(_sales, _report, lang)


def stock_panel(report: ChannelReport, text: ReportText) -> None:
    """The purchase being considered, and what the stable demand says about it."""
    with st.container(border=True, key="channels_stock"):
        st.header(t("channels.stock_header"))
        channels_inputs.plan_inputs(report.measure)
        a, b, c = st.columns(3)
        a.metric(t("channels.safe_demand"), text.safe_demand)
        b.metric(t("channels.weeks_cover"), text.weeks_of_cover)
        c.metric(t("channels.largest_order"), text.largest_order)
        st.caption(text.safe_from)
        st.markdown(text.plan)


def downloads(report: ChannelReport, lang: Language) -> None:
    """The per-channel table (CSV) and the summary (Markdown), built only when clicked."""
    st.header(t("channels.downloads_header"))
    left, right = st.columns(2)
    left.download_button(
        t("channels.download_csv"),
        data=lambda: table_csv(report, lang),
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
