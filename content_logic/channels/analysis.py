"""Judge each channel over the recent window and the shop as a whole: ``assess_channels``."""

from __future__ import annotations

import math
from collections.abc import Sequence

from content_logic.channels.models import (
    CHANNELS,
    OVERLAPPING_CHANNELS,
    SHORT_VIDEO_CHANNELS,
    ChannelId,
    WeeklySales,
)
from content_logic.channels.policy import StabilityPolicy, StockPlan
from content_logic.channels.report import ChannelAssessment, ChannelReport, ChannelStats, Check, Verdict
from content_logic.channels.stockup import build_first, stock_advice
from content_logic.channels.warnings import find_warnings

_DIGITS = 9
"""Ratios are rounded to 9 decimals so that scaling every number by a factor can't flip a verdict."""


def assess_channels(
    sales: WeeklySales,
    *,
    policy: StabilityPolicy = StabilityPolicy(),  # noqa: B008 (frozen, so a shared default is safe)
    plan: StockPlan = StockPlan(),  # noqa: B008
) -> ChannelReport:
    """Verdict per channel, the overall verdict, warnings and stock advice for the last window of weeks."""
    start = max(0, len(sales.weeks) - policy.window_weeks)
    window = sales.weeks[start:]
    total = sum(sum(sales.orders[c][start:]) for c in CHANNELS if c not in OVERLAPPING_CHANNELS)
    channels = tuple(_assess(channel, sales, start, total, policy) for channel in CHANNELS)
    stable = tuple(a.channel for a in channels if a.verdict == "stable")
    has_stable_short_video = any(c in SHORT_VIDEO_CHANNELS for c in stable)
    return ChannelReport(
        window=window,
        weeks_available=len(sales.weeks),
        measure=sales.measure,
        channels=channels,
        total=total,
        has_stable_short_video=has_stable_short_video,
        stable_channels=stable,
        warnings=find_warnings(channels, policy=policy, weeks_available=len(sales.weeks), window=window),
        stock=stock_advice(channels, measure=sales.measure, policy=policy, plan=plan),
        build_first=None if has_stable_short_video else build_first(channels),
        policy=policy,
        plan=plan,
        labels=sales.labels,
        notes=sales.notes,
    )


def _assess(
    channel: ChannelId, sales: WeeklySales, start: int, total: float, policy: StabilityPolicy
) -> ChannelAssessment:
    values = sales.orders[channel][start:]
    stats = _stats(channel, values, sales, start, total, policy)
    checks = _checks(stats, policy, has_creators=bool(sales.creators.get(channel)))
    return ChannelAssessment(
        channel=channel,
        verdict=_verdict(stats, checks, policy),
        overlaps=channel in OVERLAPPING_CHANNELS,
        checks=checks,
        stats=stats,
    )


def _stats(
    channel: ChannelId,
    values: Sequence[float],
    sales: WeeklySales,
    start: int,
    total: float,
    policy: StabilityPolicy,
) -> ChannelStats:
    window_total = sum(values)
    first = next((i for i, v in enumerate(values) if v > 0), len(values))
    span = values[first:]
    peak = max(values, default=0.0)
    ranked = sorted(span, reverse=True)
    spike = None if len(span) < 2 else (ranked[0] / ranked[1] if ranked[1] > 0 else math.inf)
    top_creator, top_share = _top_creator(sales.creators.get(channel, {}), start, window_total)
    gmv = sum(sales.gmv[channel][start:]) if sales.gmv else None
    return ChannelStats(
        total=window_total,
        mean=window_total / len(values) if values else 0.0,
        share=round(window_total / total, _DIGITS) if total > 0 else None,
        active_weeks=sum(1 for v in span if v > 0),
        span_weeks=len(span),
        cv=_cv(span),
        trend_pct=_trend_pct(span),
        baseline=percentile(span, policy.baseline_percentile),
        peak=peak,
        peak_week=sales.weeks[start + values.index(peak)] if span else None,
        peak_share=round(peak / window_total, _DIGITS) if window_total > 0 else None,
        next_best=ranked[1] if len(ranked) > 1 else 0.0,
        spike_ratio=spike if spike is None or math.isinf(spike) else round(spike, _DIGITS),
        top_creator=top_creator,
        top_creator_share=top_share,
        gmv=gmv,
    )


def _checks(stats: ChannelStats, policy: StabilityPolicy, *, has_creators: bool) -> tuple[Check, ...]:
    span = stats.span_weeks
    regular = stats.active_weeks / span if span else 0.0
    spike = 1.0 if stats.spike_ratio is None else stats.spike_ratio
    history = min(policy.min_history_weeks, policy.window_weeks)  # a shorter window lowers the bar
    checks = [
        Check(
            rule="history",
            passed=span >= history,
            value=span,
            threshold=history,
        ),
        Check(
            rule="regular",
            passed=round(regular, _DIGITS) >= policy.min_active_share,
            value=regular,
            threshold=policy.min_active_share,
        ),
        Check(
            rule="steady",
            passed=stats.cv <= policy.max_cv_stable,
            value=stats.cv,
            threshold=policy.max_cv_stable,
        ),
        Check(
            rule="no_spike", passed=spike < policy.spike_factor, value=spike, threshold=policy.spike_factor
        ),
        Check(
            rule="trend",
            passed=stats.trend_pct >= -policy.max_decline_pct,
            value=stats.trend_pct,
            threshold=-policy.max_decline_pct,
        ),
    ]
    if has_creators and stats.top_creator_share is not None:
        share = stats.top_creator_share
        checks.append(
            Check(
                rule="creators",
                passed=share <= policy.max_creator_share,
                value=share,
                threshold=policy.max_creator_share,
            )
        )
    return tuple(checks)


def _verdict(stats: ChannelStats, checks: tuple[Check, ...], policy: StabilityPolicy) -> Verdict:
    if stats.total <= 0:
        return "inactive"
    failed = {c.rule for c in checks if not c.passed}
    if not failed:
        return "stable"
    if failed & {"no_spike", "trend"} or stats.cv > policy.max_cv_emerging:
        return "volatile"
    return "emerging"


def _top_creator(
    per_creator: dict[str, tuple[float, ...]], start: int, channel_total: float
) -> tuple[str | None, float | None]:
    if not per_creator or channel_total <= 0:
        return None, None
    totals = {name: sum(series[start:]) for name, series in per_creator.items()}
    name = max(sorted(totals), key=totals.__getitem__)
    return name, round(totals[name] / channel_total, _DIGITS)


def _cv(values: Sequence[float]) -> float:
    """Population standard deviation ÷ mean; 0 for no data."""
    if not values:
        return 0.0
    mean = sum(values) / len(values)
    if mean <= 0:
        return 0.0
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    return round(math.sqrt(variance) / mean, _DIGITS)


def _trend_pct(values: Sequence[float]) -> float:
    """Least-squares slope per week as % of the mean (0 with fewer than two weeks)."""
    n = len(values)
    mean = sum(values) / n if n else 0.0
    if n < 2 or mean <= 0:
        return 0.0
    x_mean = (n - 1) / 2
    slope = sum((i - x_mean) * (v - mean) for i, v in enumerate(values)) / sum(
        (i - x_mean) ** 2 for i in range(n)
    )
    return round(100 * slope / mean, _DIGITS)


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile with linear interpolation between ranks (numpy's default); 0 for no data."""
    if not values:
        return 0.0
    ranked = sorted(values)
    position = pct / 100 * (len(ranked) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ranked) - 1)
    return ranked[low] + (ranked[high] - ranked[low]) * (position - low)
