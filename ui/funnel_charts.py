"""Funnel page charts (plotly graph objects, about 1 ms a figure): each stage against its benchmark, and
how many videos stop first at each stage."""

from __future__ import annotations

import plotly.graph_objects as go

from content_logic.funnel import STAGES, FunnelResult, VideoDiagnosis, text
from content_logic.i18n import Language, translate

CHART_CAP = 200.0
"""The stage chart shows each number as % of its benchmark, cut at 200 % so no stage squashes the rest."""
COLORS = {"bottleneck": "#d55e00", "below": "#e69f00", "pass": "#009e73", "unknown": "#999999"}
"""Okabe–Ito vermillion, orange and bluish green: red and green that colour-blind eyes still tell apart."""
PATTERNS = {"bottleneck": "x", "below": "/", "pass": "", "unknown": "."}
"""A fill pattern per state, so a bar's verdict never rests on its colour alone."""
ICONS = {"bottleneck": ":material/error:", "below": ":material/warning:", "pass": ":material/check_circle:",
         "unknown": ":material/help:"}  # fmt: skip
NO_CHART_BAR = {"displayModeBar": False}


def state_of(diagnosis: VideoDiagnosis, stage: str, status: str) -> str:
    """How a stage is drawn: the bottleneck in red, other failing stages orange, passes green."""
    return "bottleneck" if stage == diagnosis.bottleneck else status


def stage_figure(diagnosis: VideoDiagnosis, lang: Language) -> go.Figure:
    """Each stage as a bar: its number as % of its benchmark; the dashed line is the benchmark."""
    names, ratios, texts, colors, patterns = [], [], [], [], []
    for check in diagnosis.stages:
        names.append(text.stage_name(check.stage, lang))
        colors.append(COLORS[state_of(diagnosis, check.stage, check.status)])
        patterns.append(PATTERNS[state_of(diagnosis, check.stage, check.status)])
        if check.status == "unknown" or check.value is None or check.threshold is None:
            ratios.append(0.0)
            texts.append(translate("funnel.chart_unknown", lang))
            continue
        ratio = check.value / check.threshold * 100 if check.threshold > 0 else CHART_CAP
        ratios.append(min(ratio, CHART_CAP))
        value = text.measure(check.measure, check.value, lang)
        texts.append(f"{value} / {text.measure(check.measure, check.threshold, lang)}")
    bar = go.Bar(x=ratios, y=names, orientation="h", marker={"color": colors, "pattern": {"shape": patterns}},
                 text=texts, textposition="outside", cliponaxis=False, hoverinfo="skip")  # fmt: skip
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
    states = ["bottleneck"] * len(STAGES) + ["pass"]
    marker = {"color": [COLORS[s] for s in states], "pattern": {"shape": [PATTERNS[s] for s in states]}}
    bar = go.Bar(x=counts, y=names, orientation="h", marker=marker, text=counts, textposition="outside",
                 cliponaxis=False, hoverinfo="skip")  # fmt: skip
    return go.Figure(
        bar,
        layout={
            "height": 260, "margin": {"l": 0, "r": 10, "t": 10, "b": 0}, "showlegend": False,
            "xaxis": {"title": translate("funnel.chart_videos", lang), "fixedrange": True},
            "yaxis": {"autorange": "reversed", "fixedrange": True},
        },
    )  # fmt: skip
