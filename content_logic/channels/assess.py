"""Judge each channel over the recent window, peak weeks left out: ``assess`` → ``ChannelReport``.

A channel is stable when it passes every check (history, regularity, variability, volume, share, no
spike, no fall over the window, no fall now, no peak in the latest weeks, no single creator); a
failed spike, trend or recent-drop check, or a CV above the volatile line, makes it volatile;
anything else short of stable is emerging.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from content_logic.channels.advice import build_first, find_warnings, stock_advice
from content_logic.channels.inputs import ChannelInputs
from content_logic.channels.models import (
    CHANNELS,
    OVERLAPPING_CHANNELS,
    SHORT_VIDEO_CHANNELS,
    ChannelId,
    Note,
    WeeklySales,
)
from content_logic.channels.policy import StabilityPolicy, StockPlan, peak_weeks
from content_logic.channels.result import ChannelAssessment, ChannelReport, ChannelStats, Check, Verdict
from content_logic.channels.stats import DIGITS, cv, percentile, recent_change, trend_pct
from content_logic.problems import Scalar


def assess(inputs: ChannelInputs) -> ChannelReport:
    """Verdict per channel, the overall verdict, warnings and stock advice for the seller's inputs."""
    return assess_sales(inputs.sales, policy=inputs.policy, plan=inputs.plan)


def assess_sales(
    sales: WeeklySales,
    *,
    policy: StabilityPolicy = StabilityPolicy(),  # noqa: B008 (frozen, so a shared default is safe)
    plan: StockPlan = StockPlan(),  # noqa: B008
) -> ChannelReport:
    """The same as :func:`assess`, from the weekly sales and the rules directly."""
    start = max(0, len(sales.weeks) - policy.window_weeks)
    window = sales.weeks[start:]
    peaks = peak_weeks(sales.mondays()[start:], policy.peaks)
    ordinary = tuple(i for i, p in enumerate(peaks) if p is None)
    held = any(p is not None for p in peaks[-policy.recent_weeks :])
    total = sum(
        sales.orders[c][start + i] for c in CHANNELS if c not in OVERLAPPING_CHANNELS for i in ordinary
    )
    channels = tuple(_assess(c, sales, start, ordinary, total, policy, held=held) for c in CHANNELS)
    stable = tuple(a.channel for a in channels if a.verdict == "stable")
    has_stable_short_video = any(c in SHORT_VIDEO_CHANNELS for c in stable)
    notes = sales.notes
    if len(sales.weeks) < policy.window_weeks:
        values: dict[str, Scalar] = {"weeks": len(sales.weeks), "window": policy.window_weeks}
        notes = (*notes, Note(code="short_history", values=values))
    return ChannelReport(
        window=window,
        peaks=peaks,
        weeks_available=len(sales.weeks),
        measure=sales.measure,
        channels=channels,
        total=total,
        has_stable_short_video=has_stable_short_video,
        stable_channels=stable,
        warnings=find_warnings(channels, sales=sales, start=start, peaks=peaks, policy=policy),
        stock=stock_advice(channels, measure=sales.measure, policy=policy, plan=plan),
        build_first=None if has_stable_short_video else build_first(channels),
        policy=policy,
        plan=plan,
        labels=sales.labels,
        notes=notes,
    )


def _assess(
    channel: ChannelId,
    sales: WeeklySales,
    start: int,
    ordinary: tuple[int, ...],
    total: float,
    policy: StabilityPolicy,
    *,
    held: bool,
) -> ChannelAssessment:
    values = sales.orders[channel][start:]
    stats = _stats(channel, values, sales, start, ordinary, total, policy)
    checks = _checks(stats, policy, sales=sales, held=held, channel=channel)
    return ChannelAssessment(
        channel=channel,
        verdict=_verdict(stats, checks, policy, raw_total=sum(values)),
        overlaps=channel in OVERLAPPING_CHANNELS,
        checks=checks,
        stats=stats,
    )


def _stats(
    channel: ChannelId,
    values: Sequence[float],
    sales: WeeklySales,
    start: int,
    ordinary: tuple[int, ...],
    total: float,
    policy: StabilityPolicy,
) -> ChannelStats:
    kept = [values[i] for i in ordinary]
    window_total = sum(kept)
    first = next((i for i, v in enumerate(kept) if v > 0), len(kept))
    span = kept[first:]
    peak = max(span, default=0.0)
    ranked = sorted(span, reverse=True)
    spike = None if len(span) < 2 else (ranked[0] / ranked[1] if ranked[1] > 0 else math.inf)
    creators = {n: tuple(s[start + i] for i in ordinary) for n, s in sales.creators.get(channel, {}).items()}
    top_creator, top_share = _top_creator(creators, window_total)
    peak_at = ordinary[first + span.index(peak)] if span else None
    return ChannelStats(
        total=window_total,
        mean=window_total / len(kept) if kept else 0.0,
        share=round(window_total / total, DIGITS) if total > 0 else None,
        active_weeks=sum(1 for v in span if v > 0),
        span_weeks=len(span),
        cv=cv(span),
        trend_pct=trend_pct(span),
        baseline=percentile(span, policy.baseline_percentile),
        peak=peak,
        peak_week=sales.weeks[start + peak_at] if peak_at is not None else None,
        peak_share=round(peak / window_total, DIGITS) if window_total > 0 else None,
        next_best=ranked[1] if len(ranked) > 1 else 0.0,
        spike_ratio=spike if spike is None or math.isinf(spike) else round(spike, DIGITS),
        recent_change=recent_change(values, policy.recent_weeks),
        top_creator=top_creator,
        top_creator_share=top_share,
        gmv=sum(sales.gmv[channel][start + i] for i in ordinary) if sales.gmv else None,
    )


def _checks(
    stats: ChannelStats, policy: StabilityPolicy, *, sales: WeeklySales, held: bool, channel: ChannelId
) -> tuple[Check, ...]:
    span = stats.span_weeks
    regular = stats.active_weeks / span if span else 0.0
    spike = 1.0 if stats.spike_ratio is None else stats.spike_ratio
    history = min(policy.min_history_weeks, policy.window_weeks)  # a shorter window lowers the bar
    recent = 0.0 if stats.recent_change is None else stats.recent_change
    level = stats.total / span if span else 0.0
    checks = [
        Check(rule="history", passed=span >= history, value=span, threshold=history),
        Check(
            rule="regular",
            passed=round(regular, DIGITS) >= policy.min_active_share,
            value=regular,
            threshold=policy.min_active_share,
        ),
        Check(
            rule="steady",
            passed=stats.cv <= policy.max_cv_stable,
            value=stats.cv,
            threshold=policy.max_cv_stable,
        ),
    ]
    if sales.measure == "orders":  # a GMV file's numbers are money, not a count of orders
        volume = policy.min_weekly_orders
        checks.append(Check(rule="volume", passed=level >= volume, value=level, threshold=volume))
    share = stats.share or 0.0
    checks += [
        Check(
            rule="share",
            passed=share >= policy.min_stable_share,
            value=share,
            threshold=policy.min_stable_share,
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
        Check(
            rule="recent",
            passed=round(recent, DIGITS) >= -policy.max_recent_drop,
            value=recent,
            threshold=-policy.max_recent_drop,
        ),
    ]
    if held:
        checks.append(Check(rule="season", passed=False, value=1, threshold=0))
    if sales.creators.get(channel) and stats.top_creator_share is not None:
        top = stats.top_creator_share
        checks.append(
            Check(
                rule="creators",
                passed=top <= policy.max_creator_share,
                value=top,
                threshold=policy.max_creator_share,
            )
        )
    return tuple(checks)


def _verdict(
    stats: ChannelStats, checks: tuple[Check, ...], policy: StabilityPolicy, *, raw_total: float
) -> Verdict:
    if raw_total <= 0:
        return "inactive"
    failed = {c.rule for c in checks if not c.passed}
    if not failed:
        return "stable"
    if failed & {"no_spike", "trend", "recent"} or stats.cv > policy.max_cv_emerging:
        return "volatile"
    return "emerging"


def _top_creator(
    per_creator: dict[str, tuple[float, ...]], channel_total: float
) -> tuple[str | None, float | None]:
    if not per_creator or channel_total <= 0:
        return None, None
    totals = {name: sum(series) for name, series in per_creator.items()}
    name = max(sorted(totals), key=totals.__getitem__)
    return name, round(totals[name] / channel_total, DIGITS)
