"""The numbers a verdict is made of, over a channel's weekly series: variability, trend, the fall in
the latest weeks, and the low-week baseline."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

DIGITS = 9
"""Ratios are rounded to 9 decimals so that scaling every number by a factor can't flip a verdict."""


def recent_change(values: Sequence[float], recent: int) -> float | None:
    """Mean of the last ``recent`` weeks ÷ median of the earlier weeks since the first order, minus 1.

    Every week counts here, peaks too: a fall after a peak is a fall now. ``None`` with fewer than two
    earlier weeks or a zero median (nothing to compare with).
    """
    first = next((i for i, v in enumerate(values) if v > 0), len(values))
    span = list(values[first:])
    earlier, latest = span[:-recent], span[-recent:]
    if len(earlier) < 2 or not latest:
        return None
    middle = statistics.median(earlier)
    if middle <= 0:
        return None
    return round(sum(latest) / len(latest) / middle - 1, DIGITS)


def cv(values: Sequence[float]) -> float:
    """Population standard deviation ÷ mean; 0 for no data."""
    if not values:
        return 0.0
    mean = sum(values) / len(values)
    if mean <= 0:
        return 0.0
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    return round(math.sqrt(variance) / mean, DIGITS)


def trend_pct(values: Sequence[float]) -> float:
    """Least-squares slope per week as % of the mean (0 with fewer than three weeks: two are not a line)."""
    n = len(values)
    mean = sum(values) / n if n else 0.0
    if n < 3 or mean <= 0:
        return 0.0
    x_mean = (n - 1) / 2
    slope = sum((i - x_mean) * (v - mean) for i, v in enumerate(values)) / sum(
        (i - x_mean) ** 2 for i in range(n)
    )
    return round(100 * slope / mean, DIGITS)


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile with linear interpolation between ranks (numpy's default); 0 for no data."""
    if not values:
        return 0.0
    ranked = sorted(values)
    position = pct / 100 * (len(ranked) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ranked) - 1)
    return ranked[low] + (ranked[high] - ranked[low]) * (position - low)
