"""What to do about the verdicts: the warnings, the safe stock, and which channel to build first."""

from __future__ import annotations

import math

from content_logic.channels.models import (
    CHANNELS,
    OVERLAPPING_CHANNELS,
    SHORT_VIDEO_CHANNELS,
    ChannelId,
    Measure,
    WeeklySales,
)
from content_logic.channels.policy import StabilityPolicy, StockPlan
from content_logic.channels.result import BuildAdvice, ChannelAssessment, ChannelWarning, StockAdvice
from content_logic.channels.stats import trend_pct
from content_logic.problems import Scalar

_VERDICT_RANK = {"stable": 0, "emerging": 1, "volatile": 2, "inactive": 3}
"""Closer to stable first: emerging needs time, volatile needs fixing, inactive needs starting."""

_TOLERANCE = 1e-9


def find_warnings(
    channels: tuple[ChannelAssessment, ...],
    *,
    sales: WeeklySales,
    start: int,
    peaks: tuple[str | None, ...],
    policy: StabilityPolicy,
) -> tuple[ChannelWarning, ...]:
    """Every warning that applies, each with the numbers that triggered it."""
    found: list[ChannelWarning] = []
    if any(peaks):
        found.append(_seasonal(sales.weeks[start:], peaks, policy))
    by_id = {a.channel: a for a in channels}
    card = by_id["product_card"].stats.share
    if card is not None and card > policy.shelf_share:  # the card's share alone decides
        found.append(ChannelWarning(code="shelf_logic", channel="product_card", values={"share": _pct(card)}))
    for a in channels:
        share = a.stats.share
        if share is None:
            continue
        if a.channel not in OVERLAPPING_CHANNELS and share > policy.single_channel_share:
            found.append(ChannelWarning(code="one_channel", channel=a.channel, values={"share": _pct(share)}))
        if share < policy.min_warning_share:
            continue
        failed = {c.rule for c in a.checks if not c.passed}
        if "no_spike" in failed:
            found.append(_spike(a))
        if "recent" in failed and a.stats.recent_change is not None:
            values: dict[str, Scalar] = {"drop": _pct(-a.stats.recent_change), "weeks": policy.recent_weeks}
            found.append(ChannelWarning(code="recent_drop", channel=a.channel, values=values))
        if "creators" in failed and a.stats.top_creator is not None:
            values = {"creator": a.stats.top_creator, "share": _pct(a.stats.top_creator_share or 0.0)}
            found.append(ChannelWarning(code="one_creator", channel=a.channel, values=values))
    organic = [a for a in channels if a.channel not in OVERLAPPING_CHANNELS and a.stats.total > 0]
    if organic:
        best = max(organic, key=lambda a: a.stats.share or 0.0)  # rounded share: ties go to course order
        if best.stats.trend_pct < -policy.max_decline_pct:
            values = {"trend": round(-best.stats.trend_pct / 100, 4)}
            found.append(ChannelWarning(code="falling", channel=best.channel, values=values))
    if (paid := _paid_dependence(by_id["paid"], sales, start, peaks, policy)) is not None:
        found.append(paid)
    return tuple(found)


def _seasonal(
    weeks: tuple[str, ...], peaks: tuple[str | None, ...], policy: StabilityPolicy
) -> ChannelWarning:
    inside = [w for w, p in zip(weeks, peaks, strict=True) if p]
    names = "|".join(dict.fromkeys(p for p in peaks if p))  # ids or names, translated by the text layer
    held = any(peaks[-policy.recent_weeks :])
    values: dict[str, Scalar] = {"count": len(inside), "weeks": ", ".join(inside), "peaks": names}
    return ChannelWarning(code="seasonal", variant="held" if held else None, values=values)


def _paid_dependence(
    paid: ChannelAssessment,
    sales: WeeklySales,
    start: int,
    peaks: tuple[str | None, ...],
    policy: StabilityPolicy,
) -> ChannelWarning | None:
    """Paid orders growing while organic ones don't: demand that lasts only as long as the budget."""
    if paid.stats.share is None or paid.stats.share < policy.min_warning_share:
        return None
    ordinary = [start + i for i, p in enumerate(peaks) if p is None]
    organic = [sum(sales.orders[c][i] for c in CHANNELS if c not in OVERLAPPING_CHANNELS) for i in ordinary]
    paid_trend, organic_trend = paid.stats.trend_pct, trend_pct(organic)
    if paid_trend <= policy.paid_growth_pct or organic_trend >= policy.organic_growth_pct:
        return None
    values: dict[str, Scalar] = {"paid": round(paid_trend / 100, 4), "organic": round(organic_trend / 100, 4)}
    return ChannelWarning(code="paid_dependence", channel="paid", values=values)


def _spike(a: ChannelAssessment) -> ChannelWarning:
    ratio = a.stats.spike_ratio
    values: dict[str, Scalar] = {"week": a.stats.peak_week or "", "peak": _num(a.stats.peak)}
    if ratio is None or math.isinf(ratio):
        return ChannelWarning(code="spike", variant="one_week", channel=a.channel, values=values)
    values |= {
        "ratio": round(ratio, 1),
        "next": _num(a.stats.next_best),
        "share": _pct(a.stats.peak_share or 0),
    }
    return ChannelWarning(code="spike", channel=a.channel, values=values)


def stock_advice(
    channels: tuple[ChannelAssessment, ...], *, measure: Measure, policy: StabilityPolicy, plan: StockPlan
) -> StockAdvice:
    """Safe demand = stable demand channels' baselines summed; paid overlaps, so it is compared, never added.

    Baselines come from ordinary weeks only, so no stock is ever sized on a sales peak.
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


def _pct(share: float) -> float:
    return round(share, 4)


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 1)
