"""Stock-up guidance: safe weekly demand from stable channels only, weeks of cover, what to build first."""

from __future__ import annotations

from content_logic.channels.models import OVERLAPPING_CHANNELS, SHORT_VIDEO_CHANNELS, ChannelId, Measure
from content_logic.channels.policy import StabilityPolicy, StockPlan
from content_logic.channels.report import BuildAdvice, ChannelAssessment, StockAdvice

_VERDICT_RANK = {"stable": 0, "emerging": 1, "volatile": 2, "inactive": 3}
"""Closer to stable first: emerging needs time, volatile needs fixing, inactive needs starting."""

_TOLERANCE = 1e-9


def stock_advice(
    channels: tuple[ChannelAssessment, ...], *, measure: Measure, policy: StabilityPolicy, plan: StockPlan
) -> StockAdvice:
    """Safe demand = stable demand channels' baselines summed; paid overlaps, so it is compared, never added.

    Weeks of cover = (stock on hand + planned order) ÷ safe weekly units.
    Largest order = safe weekly units × (lead time + buffer weeks) − stock on hand.
    """
    stable = [a for a in channels if a.verdict == "stable" and a.channel in policy.demand_channels]
    organic = [a for a in stable if a.channel not in OVERLAPPING_CHANNELS]
    organic_sum = sum(a.stats.baseline for a in organic)
    overlapping = max((a for a in stable if a.channel in OVERLAPPING_CHANNELS), key=_baseline, default=None)
    used: tuple[ChannelId, ...]
    if overlapping is not None and overlapping.stats.baseline > organic_sum:
        safe, used = overlapping.stats.baseline, (overlapping.channel,)
    else:
        safe, used = organic_sum, tuple(a.channel for a in organic)
    units = _units(safe, measure=measure, plan=plan)
    if not units:
        fits = False if plan.planned_order_units > 0 and units is not None else None
        return StockAdvice(
            safe_weekly_demand=safe,
            safe_weekly_units=units,
            demand_channels=used,
            weeks_of_cover=None,
            largest_order_units=None,
            plan_fits=fits,
        )
    largest = max(0.0, units * (plan.lead_time_weeks + plan.buffer_weeks) - plan.stock_on_hand)
    planned = plan.planned_order_units
    return StockAdvice(
        safe_weekly_demand=safe,
        safe_weekly_units=units,
        demand_channels=used,
        weeks_of_cover=(plan.stock_on_hand + planned) / units,
        largest_order_units=largest,
        plan_fits=planned <= largest + _TOLERANCE if planned > 0 else None,
    )


def build_first(channels: tuple[ChannelAssessment, ...]) -> BuildAdvice:
    """The short-video channel closest to stable: best verdict, fewest failed tests, then largest share."""
    candidates = [a for a in channels if a.channel in SHORT_VIDEO_CHANNELS]
    best = min(
        candidates,
        key=lambda a: (
            _VERDICT_RANK[a.verdict],
            sum(not c.passed for c in a.checks),
            -(a.stats.share or 0.0),
            SHORT_VIDEO_CHANNELS.index(a.channel),
        ),
    )
    failed = () if best.verdict == "inactive" else tuple(c.rule for c in best.checks if not c.passed)
    return BuildAdvice(channel=best.channel, verdict=best.verdict, failed=failed)


def _baseline(a: ChannelAssessment) -> float:
    return a.stats.baseline


def _units(safe: float, *, measure: Measure, plan: StockPlan) -> float | None:
    if measure == "orders":
        return safe * plan.units_per_order
    if plan.average_order_value is None:
        return None
    return safe / plan.average_order_value * plan.units_per_order
