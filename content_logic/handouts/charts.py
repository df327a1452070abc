"""Plotly figures drawn natively in the PDF: the page's own figure (as its JSON dict), no browser.

Only what the app's charts use is drawn: line charts over categories (``scatter``), bar charts
(``bar``, horizontal or vertical, with their colours and labels), radar charts (``scatterpolar``),
rectangles and lines from ``layout.shapes``, axis titles and a legend. Exporting through kaleido
and Chromium costs about 5 s a figure here, over the plan PDF's 1.5 s budget (see README).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fpdf import FPDF

PALETTE: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
"""Okabe–Ito, safe for colour-blind readers: used when a trace names no colour of its own."""

LEGEND_ROW = 5.0
"""Millimetres a legend line takes under the plot."""

NAMED = {"black": "#000000", "white": "#ffffff", "grey": "#888888", "gray": "#888888"}
"""The few CSS colour names figures may use; anything else unknown draws grey."""

Rgb = tuple[int, int, int]
Place = Callable[[float], float]
"""Data position to page millimetres along one axis."""


def rgb(color: object, default: str = "#888888") -> Rgb:
    """A plotly colour (``#abc``, ``#aabbcc``, ``rgb()``/``rgba()``, a few names) as RGB."""
    text = NAMED.get(str(color).lower(), str(color)) if color else default
    if text.startswith("#"):
        digits = text[1:]
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        if len(digits) >= 6:
            return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
    numbers = re.findall(r"[\d.]+", text)
    if text.startswith("rgb") and len(numbers) >= 3:
        return int(float(numbers[0])), int(float(numbers[1])), int(float(numbers[2]))
    return rgb(default) if text != default else (136, 136, 136)


def _get(data: Mapping[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)  # type: ignore[assignment]
    return data


def _text(value: Any) -> str:
    return str(value.get("text", "")) if isinstance(value, Mapping) else str(value or "")


def _number(value: Any) -> float:
    try:
        result = float(value)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if math.isnan(result) else result


def _color_at(colors: Any, index: int, fallback: str) -> Rgb:
    if isinstance(colors, Sequence) and not isinstance(colors, str):
        return rgb(colors[index] if index < len(colors) else None, fallback)
    return rgb(colors, fallback)


def _legend(pdf: FPDF, entries: list[tuple[str, Rgb]], x: float, y: float, w: float) -> None:
    pdf.set_font(size=7.5)
    cursor, row = x, y
    for name, color in entries:
        width = pdf.get_string_width(name) + 9
        if cursor + width > x + w:
            cursor, row = x, row + LEGEND_ROW
        pdf.set_fill_color(*color)
        pdf.rect(cursor, row + 1.2, 5, 2.5, style="F")
        pdf.set_xy(cursor + 6, row)
        pdf.cell(width - 6, LEGEND_ROW, name)
        cursor += width


def _legend_rows(pdf: FPDF, names: list[str], w: float) -> int:
    pdf.set_font(size=7.5)
    rows, cursor = 1, 0.0
    for name in names:
        width = pdf.get_string_width(name) + 9
        if cursor + width > w and cursor > 0:
            rows, cursor = rows + 1, 0.0
        cursor += width
    return rows if names else 0


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
    values = [_number(v) for t in traces for v in (t.get("x" if horizontal else "y") or [])]
    value_axis = _get(layout, "xaxis" if horizontal else "yaxis") or {}
    highest = max(values + [0.0])
    whole = all(float(v).is_integer() for v in values)
    top = (
        4.0 * math.ceil(highest / 4) if whole and 0 < highest <= 20 else _nice(highest * 1.05)
    )  # whole ticks
    if isinstance(value_axis.get("range"), Sequence):
        top = _number(value_axis["range"][1]) or top
    names = [str(t["name"]) for t in traces if t.get("name") and layout.get("showlegend", True)]
    legend_h = _legend_rows(pdf, names, w) * LEGEND_ROW
    pdf.set_font(size=7.5)
    label_w = max((pdf.get_string_width(c) for c in categories), default=0) + 2 if horizontal else 12
    left, plot_w = x + label_w, w - label_w - (22 if horizontal else 2)
    plot_top, plot_h = y + 4, h - 14 - legend_h
    slot = (plot_h if horizontal else plot_w) / max(len(categories), 1)

    def along(index: float) -> float:  # the category axis position of category ``index``
        if horizontal:
            reversed_axis = _get(layout, "yaxis", "autorange") == "reversed"
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
    for number, trace in enumerate(traces):
        fallback = PALETTE[number % len(PALETTE)]
        if trace.get("type") == "bar":
            _bars(pdf, trace, categories, along, scale, slot, horizontal, fallback)
            color = _color_at(_get(trace, "marker", "color"), 0, fallback)
        else:
            color = _line(pdf, trace, categories, along, scale, fallback)
        if trace.get("name"):
            entries.append((str(trace["name"]), color))
    axis_title = _text(value_axis.get("title"))
    if axis_title:
        pdf.set_font(size=7)
        pdf.text(left, plot_top + plot_h + 8 if horizontal else plot_top - 1, axis_title)
    if names:
        _legend(pdf, entries, x, y + h - legend_h - 1, w)


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
        pdf.set_fill_color(*_color_at(_get(trace, "marker", "color"), index, fallback))
        middle, end = along(categories.index(str(key))), scale(_number(value))
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
        (along(categories.index(str(key))), scale(_number(value)))
        for key, value in zip(trace.get("x") or [], trace.get("y") or [], strict=False)
    ]
    pdf.set_draw_color(*color)
    pdf.set_fill_color(*color)
    pdf.set_line_width(max(_number(line.get("width", 2)) * 0.18, 0.2))
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
            return left + _number(value) * width if is_x else top + height - _number(value) * height
        category_axis = not is_x if horizontal else is_x
        if category_axis:
            return along(_number(value))  # category positions: 0 is the first category's centre
        return scale(_number(value))

    x0 = place(shape.get("x0"), shape.get("xref"), True)
    x1 = place(shape.get("x1"), shape.get("xref"), True)
    y0 = place(shape.get("y0"), shape.get("yref"), False)
    y1 = place(shape.get("y1"), shape.get("yref"), False)
    if shape.get("type") == "rect":
        base = rgb(shape.get("fillcolor"))
        alpha = _number(shape.get("opacity", 0.2))
        pdf.set_fill_color(*(round(255 - (255 - c) * alpha) for c in base))  # opacity over white paper
        pdf.rect(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0), style="F")
    elif shape.get("type") == "line":
        pdf.set_draw_color(*rgb(_get(shape, "line", "color")))
        pdf.set_line_width(0.3)
        pdf.set_dash_pattern(dash=1.2, gap=0.9)
        pdf.line(x0, y0, x1, y1)
        pdf.set_dash_pattern()


def _polar(pdf: FPDF, figure: Mapping[str, Any], x: float, y: float, w: float, h: float) -> None:
    traces = [t for t in figure.get("data", []) if t.get("type") == "scatterpolar"]
    names = [str(t.get("name", "")) for t in traces if t.get("name")]
    legend_h = _legend_rows(pdf, names, w) * LEGEND_ROW
    radius = min(w / 2 - 30, (h - legend_h) / 2 - 6)
    cx, cy = x + w / 2, y + (h - legend_h) / 2
    axis_range = _get(figure, "layout", "polar", "radialaxis", "range")
    top = _number(axis_range[1]) if isinstance(axis_range, Sequence) else 100.0
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
    for number, trace in enumerate(traces):
        line = trace.get("line") or {}
        color = rgb(line.get("color"), PALETTE[number % len(PALETTE)])
        polygon = [point(i, _number(v)) for i, v in enumerate((trace.get("r") or [])[: len(labels)])]
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
    _legend(pdf, entries, x, y + h - legend_h, w)


def draw_figure(
    pdf: FPDF, figure: Mapping[str, Any], *, x: float, y: float, w: float, h: float, family: str
) -> None:
    """Draw a plotly figure's dict (``fig.to_plotly_json()``) into the box ``x, y, w, h`` (mm)."""
    pdf.set_font(family, "", 7.5)
    pdf.set_text_color(40, 40, 40)
    if any(t.get("type") == "scatterpolar" for t in figure.get("data", [])):
        _polar(pdf, figure, x, y, w, h)
    else:
        _cartesian(pdf, figure, x, y, w, h)
    pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)  # tables fill their cells with the current colour: never a chart's
    pdf.set_line_width(0.2)
