"""Plotly figures drawn natively in the PDF: the page's own figure (as its JSON dict), no browser.

Only what the app's charts use is drawn: line charts over categories (``scatter``), bar charts
(``bar``, horizontal or vertical, with their colours and labels), radar charts (``scatterpolar``),
rectangles and lines from ``layout.shapes``, axis titles and a legend. Exporting through kaleido
and Chromium costs about 5 s a figure here, over the plan PDF's 1.5 s budget (see README).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from fpdf import FPDF

from content_logic.handouts.chart_style import (
    LEGEND_ROW,
    PALETTE,
    Place,
    Rgb,
    color_at,
    get,
    legend,
    legend_rows,
    number,
    rgb,
    text_of,
)
from content_logic.handouts.radar import draw_radar


def _nice(value: float) -> float:
    """The axis top: the next 1, 2, 2.5 or 5 × a power of ten, so the four ticks read cleanly."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return float(next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value))


def _cartesian(pdf: FPDF, figure: Mapping[str, Any], x: float, y: float, w: float, h: float) -> None:
    traces = [t for t in figure.get("data", []) if t.get("type", "scatter") in ("scatter", "bar")]
    layout = figure.get("layout", {})
    horizontal = any(t.get("type") == "bar" and t.get("orientation") == "h" for t in traces)
    categories: list[str] = []
    for trace in traces:
        for value in trace.get("y" if horizontal else "x") or []:
            if str(value) not in categories:
                categories.append(str(value))
    values = [number(v) for t in traces for v in (t.get("x" if horizontal else "y") or [])]
    value_axis = get(layout, "xaxis" if horizontal else "yaxis") or {}
    highest = max(values + [0.0])
    whole = all(float(v).is_integer() for v in values)
    top = (
        4.0 * math.ceil(highest / 4) if whole and 0 < highest <= 20 else _nice(highest * 1.05)
    )  # whole ticks
    if isinstance(value_axis.get("range"), Sequence):
        top = number(value_axis["range"][1]) or top
    names = [str(t["name"]) for t in traces if t.get("name") and layout.get("showlegend", True)]
    legend_h = legend_rows(pdf, names, w) * LEGEND_ROW
    pdf.set_font(size=7.5)
    label_w = max((pdf.get_string_width(c) for c in categories), default=0) + 2 if horizontal else 12
    left, plot_w = x + label_w, w - label_w - (22 if horizontal else 2)
    plot_top, plot_h = y + 4, h - 14 - legend_h
    slot = (plot_h if horizontal else plot_w) / max(len(categories), 1)

    def along(index: float) -> float:  # the category axis position of category ``index``
        if horizontal:
            reversed_axis = get(layout, "yaxis", "autorange") == "reversed"
            return plot_top + (index + 0.5 if reversed_axis else len(categories) - index - 0.5) * slot
        return left + (index + 0.5) * slot

    def scale(value: float) -> float:
        share = min(max(value / top, 0.0), 1.0)
        return left + share * plot_w if horizontal else plot_top + plot_h - share * plot_h

    for shape in layout.get("shapes", []):
        _shape(pdf, shape, along, scale, (left, plot_top, plot_w, plot_h), horizontal)
    pdf.set_draw_color(150, 150, 150)
    pdf.set_line_width(0.2)
    pdf.line(left, plot_top + plot_h, left + plot_w, plot_top + plot_h)
    pdf.line(left, plot_top, left, plot_top + plot_h)
    for step in range(5):
        tick = top * step / 4
        pdf.set_font(size=6.5)
        label = f"{tick:g}"
        if horizontal:
            pdf.text(scale(tick) - pdf.get_string_width(label) / 2, plot_top + plot_h + 3.5, label)
        else:
            pdf.text(left - pdf.get_string_width(label) - 1, scale(tick) + 1, label)
    pdf.set_font(size=7.5)
    widest = max((pdf.get_string_width(c) for c in categories), default=0) + 2
    every = max(1, math.ceil(widest / slot))
    for index, category in enumerate(categories):
        if horizontal:
            pdf.text(x, along(index) + 1, category)
        elif index % every == 0:  # only as many labels as fit side by side
            pdf.text(along(index) - pdf.get_string_width(category) / 2, plot_top + plot_h + 3.5, category)
    entries: list[tuple[str, Rgb]] = []
    for position, trace in enumerate(traces):
        fallback = PALETTE[position % len(PALETTE)]
        if trace.get("type") == "bar":
            _bars(pdf, trace, categories, along, scale, slot, horizontal, fallback)
            color = color_at(get(trace, "marker", "color"), 0, fallback)
        else:
            color = _line(pdf, trace, categories, along, scale, fallback)
        if trace.get("name"):
            entries.append((str(trace["name"]), color))
    axis_title = text_of(value_axis.get("title"))
    if axis_title:
        pdf.set_font(size=7)
        pdf.text(left, plot_top + plot_h + 8 if horizontal else plot_top - 1, axis_title)
    if names:
        legend(pdf, entries, x, y + h - legend_h - 1, w)


def _bars(
    pdf: FPDF,
    trace: Mapping[str, Any],
    categories: list[str],
    along: Place,
    scale: Place,
    slot: float,
    horizontal: bool,
    fallback: str,
) -> None:
    keys = trace.get("y" if horizontal else "x") or []
    values = trace.get("x" if horizontal else "y") or []
    labels = trace.get("text")
    for index, (key, value) in enumerate(zip(keys, values, strict=False)):
        pdf.set_fill_color(*color_at(get(trace, "marker", "color"), index, fallback))
        middle, end = along(categories.index(str(key))), scale(number(value))
        thick = slot * 0.7
        if horizontal:
            pdf.rect(scale(0), middle - thick / 2, max(end - scale(0), 0.01), thick, style="F")
        else:
            pdf.rect(middle - thick / 2, end, thick, max(scale(0) - end, 0.01), style="F")
        if isinstance(labels, Sequence) and not isinstance(labels, str) and index < len(labels):
            pdf.set_font(size=6.5)
            label = str(labels[index])
            if horizontal:
                pdf.text(end + 1, middle + 1, label)
            else:
                pdf.text(middle - pdf.get_string_width(label) / 2, end - 1, label)


def _line(
    pdf: FPDF, trace: Mapping[str, Any], categories: list[str], along: Place, scale: Place, fallback: str
) -> Rgb:
    line = trace.get("line") or {}
    color = rgb(line.get("color"), fallback)
    points = [
        (along(categories.index(str(key))), scale(number(value)))
        for key, value in zip(trace.get("x") or [], trace.get("y") or [], strict=False)
    ]
    pdf.set_draw_color(*color)
    pdf.set_fill_color(*color)
    pdf.set_line_width(max(number(line.get("width", 2)) * 0.18, 0.2))
    if line.get("dash") in ("dot", "dash", "dashdot"):
        pdf.set_dash_pattern(dash=1.2, gap=0.9)
    for start, end in zip(points, points[1:], strict=False):
        pdf.line(*start, *end)
    pdf.set_dash_pattern()
    for px, py in points:
        pdf.circle(px, py, 0.5, style="F")
    return color


def _shape(
    pdf: FPDF,
    shape: Mapping[str, Any],
    along: Place,
    scale: Place,
    box: tuple[float, float, float, float],
    horizontal: bool,
) -> None:
    left, top, width, height = box

    def place(value: Any, ref: str | None, is_x: bool) -> float:
        if ref == "paper":
            return left + number(value) * width if is_x else top + height - number(value) * height
        category_axis = not is_x if horizontal else is_x
        if category_axis:
            return along(number(value))  # category positions: 0 is the first category's centre
        return scale(number(value))

    x0 = place(shape.get("x0"), shape.get("xref"), True)
    x1 = place(shape.get("x1"), shape.get("xref"), True)
    y0 = place(shape.get("y0"), shape.get("yref"), False)
    y1 = place(shape.get("y1"), shape.get("yref"), False)
    if shape.get("type") == "rect":
        base = rgb(shape.get("fillcolor"))
        alpha = number(shape.get("opacity", 0.2))
        pdf.set_fill_color(*(round(255 - (255 - c) * alpha) for c in base))  # opacity over white paper
        pdf.rect(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0), style="F")
    elif shape.get("type") == "line":
        pdf.set_draw_color(*rgb(get(shape, "line", "color")))
        pdf.set_line_width(0.3)
        pdf.set_dash_pattern(dash=1.2, gap=0.9)
        pdf.line(x0, y0, x1, y1)
        pdf.set_dash_pattern()


def draw_figure(
    pdf: FPDF, figure: Mapping[str, Any], *, x: float, y: float, w: float, h: float, family: str
) -> None:
    """Draw a plotly figure's dict (``fig.to_plotly_json()``) into the box ``x, y, w, h`` (mm)."""
    pdf.set_font(family, "", 7.5)
    pdf.set_text_color(40, 40, 40)
    if any(t.get("type") == "scatterpolar" for t in figure.get("data", [])):
        draw_radar(pdf, figure, x, y, w, h)
    else:
        _cartesian(pdf, figure, x, y, w, h)
    pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)  # tables fill their cells with the current colour: never a chart's
    pdf.set_line_width(0.2)
