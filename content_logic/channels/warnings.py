"""Shop-level warnings: shelf logic, dependence on one channel or creator, spikes, a falling best channel."""

from __future__ import annotations

import math

from content_logic.channels.models import OVERLAPPING_CHANNELS, SHORT_VIDEO_CHANNELS
from content_logic.channels.policy import StabilityPolicy
from content_logic.channels.report import ChannelAssessment, ChannelWarning


def find_warnings(
    channels: tuple[ChannelAssessment, ...],
    *,
    policy: StabilityPolicy,
    weeks_available: int,
    window: tuple[str, ...],
) -> tuple[ChannelWarning, ...]:
    """Every warning that applies, each with the numbers that triggered it."""
    found: list[ChannelWarning] = []
    if weeks_available < policy.window_weeks:
        found.append(
            ChannelWarning(
                code="short_history", values={"weeks": weeks_available, "window": policy.window_weeks}
            )
        )
    stable_short_video = any(a.verdict == "stable" and a.channel in SHORT_VIDEO_CHANNELS for a in channels)
    by_id = {a.channel: a for a in channels}
    card = by_id["product_card"].stats.share
    if card is not None and card > policy.shelf_share and not stable_short_video:
        found.append(ChannelWarning(code="shelf_logic", channel="product_card", values={"share": _pct(card)}))
    for a in channels:
        share = a.stats.share
        if share is None:
            continue
        if a.channel not in OVERLAPPING_CHANNELS and share > policy.single_channel_share:
            found.append(
                ChannelWarning(code="single_channel", channel=a.channel, values={"share": _pct(share)})
            )
        if share < policy.min_warning_share:
            continue
        failed = {c.rule for c in a.checks if not c.passed}
        if "no_spike" in failed:
            found.append(_spike(a))
        if "creators" in failed and a.stats.top_creator is not None:
            found.append(
                ChannelWarning(
                    code="single_creator",
                    channel=a.channel,
                    values={"creator": a.stats.top_creator, "share": _pct(a.stats.top_creator_share or 0.0)},
                )
            )
    organic = [a for a in channels if a.channel not in OVERLAPPING_CHANNELS and a.stats.total > 0]
    if organic:
        best = max(organic, key=lambda a: a.stats.share or 0.0)  # rounded share: ties go to course order
        if best.stats.trend_pct < -policy.max_decline_pct:
            found.append(
                ChannelWarning(
                    code="falling_best",
                    channel=best.channel,
                    values={"trend": round(best.stats.trend_pct, 1)},
                )
            )
    return tuple(found)


def _spike(a: ChannelAssessment) -> ChannelWarning:
    ratio = a.stats.spike_ratio
    values: dict[str, str | int | float] = {"week": a.stats.peak_week or "", "peak": _num(a.stats.peak)}
    if ratio is None or math.isinf(ratio):
        return ChannelWarning(code="one_week", channel=a.channel, values=values)
    values |= {
        "ratio": round(ratio, 1),
        "next": _num(a.stats.next_best),
        "share": _pct(a.stats.peak_share or 0),
    }
    return ChannelWarning(code="spike", channel=a.channel, values=values)


def _pct(share: float) -> int:
    return round(100 * share)


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 1)
