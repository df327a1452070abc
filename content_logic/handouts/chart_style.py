"""What every chart drawn in a PDF shares: colours from plotly's notations, a colour-blind-safe
default palette, reading a figure's JSON, and the legend under the plot."""

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


def get(data: Mapping[str, Any], *path: str) -> Any:
    """The value at ``path`` in nested dicts, ``None`` where a key is missing."""
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)  # type: ignore[assignment]
    return data


def text_of(value: Any) -> str:
    """A title given as text or as ``{"text": ...}``."""
    return str(value.get("text", "")) if isinstance(value, Mapping) else str(value or "")


def number(value: Any) -> float:
    """A number from figure data; 0 for missing or NaN values."""
    try:
        result = float(value)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if math.isnan(result) else result


def color_at(colors: Any, index: int, fallback: str) -> Rgb:
    """The colour of item ``index`` from one colour or a list of them."""
    if isinstance(colors, Sequence) and not isinstance(colors, str):
        return rgb(colors[index] if index < len(colors) else None, fallback)
    return rgb(colors, fallback)


def legend(pdf: FPDF, entries: list[tuple[str, Rgb]], x: float, y: float, w: float) -> None:
    """Coloured keys and names in rows under the plot."""
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


def legend_rows(pdf: FPDF, names: list[str], w: float) -> int:
    """How many rows the legend of these names takes in width ``w``."""
    pdf.set_font(size=7.5)
    rows, cursor = 1, 0.0
    for name in names:
        width = pdf.get_string_width(name) + 9
        if cursor + width > w and cursor > 0:
            rows, cursor = rows + 1, 0.0
        cursor += width
    return rows if names else 0
