"""Radar charts (plotly ``scatterpolar``) drawn in a PDF: rings, spokes, labels, filled polygons."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from fpdf import FPDF

from content_logic.handouts.chart_style import LEGEND_ROW, PALETTE, Rgb, get, legend, legend_rows, number, rgb


def draw_radar(pdf: FPDF, figure: Mapping[str, Any], x: float, y: float, w: float, h: float) -> None:
    """Every ``scatterpolar`` trace of the figure in the box ``x, y, w, h`` (mm)."""
    traces = [t for t in figure.get("data", []) if t.get("type") == "scatterpolar"]
    names = [str(t.get("name", "")) for t in traces if t.get("name")]
    legend_h = legend_rows(pdf, names, w) * LEGEND_ROW
    radius = min(w / 2 - 30, (h - legend_h) / 2 - 6)
    cx, cy = x + w / 2, y + (h - legend_h) / 2
    axis_range = get(figure, "layout", "polar", "radialaxis", "range")
    top = number(axis_range[1]) if isinstance(axis_range, Sequence) else 100.0
    labels = [str(v) for v in (traces[0].get("theta") or [])] if traces else []
    if labels and len(labels) > 1 and labels[0] == labels[-1]:
        labels = labels[:-1]  # the polygon is closed by repeating the first point

    def point(index: int, value: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * index / max(len(labels), 1)  # first axis up, clockwise
        share = min(max(value / top, 0.0), 1.0) * radius
        return cx + share * math.cos(angle), cy - share * math.sin(angle)

    pdf.set_draw_color(200, 200, 200)
    pdf.set_line_width(0.15)
    for ring in (0.25, 0.5, 0.75, 1.0):
        pdf.polygon([point(i, top * ring) for i in range(len(labels))], style="D")
    pdf.set_font(size=7)
    for index, label in enumerate(labels):
        pdf.line(cx, cy, *point(index, top))
        lx, ly = point(index, top * 1.12)
        shift = 0 if abs(lx - cx) < 2 else (0 if lx > cx else pdf.get_string_width(label))
        pdf.text(lx - (pdf.get_string_width(label) / 2 if abs(lx - cx) < 2 else shift), ly + 1, label)
    entries: list[tuple[str, Rgb]] = []
    for position, trace in enumerate(traces):
        line = trace.get("line") or {}
        color = rgb(line.get("color"), PALETTE[position % len(PALETTE)])
        polygon = [point(i, number(v)) for i, v in enumerate((trace.get("r") or [])[: len(labels)])]
        if trace.get("fill") == "toself":
            pdf.set_fill_color(*(round(255 - (255 - c) * 0.3) for c in color))
            pdf.polygon(polygon, style="F")
        pdf.set_draw_color(*color)
        pdf.set_line_width(0.5)
        if line.get("dash"):
            pdf.set_dash_pattern(dash=1.2, gap=0.9)
        pdf.polygon(polygon, style="D")
        pdf.set_dash_pattern()
        if trace.get("name"):
            entries.append((str(trace["name"]), color))
    legend(pdf, entries, x, y + h - legend_h, w)
