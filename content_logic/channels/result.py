"""What the checker answers: per-channel statistics, verdicts with their reasons, warnings, stock advice."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from content_logic.channels.models import ChannelId, LabelMapping, Measure
from content_logic.channels.policy import StabilityPolicy, StockPlan
from content_logic.problems import Problem, Scalar

Verdict = Literal["stable", "emerging", "volatile", "inactive"]
"""Stable: plan on it. Emerging: young or building. Volatile: spikes, swings, fading. Inactive: no orders."""

Rule = Literal[
    "history", "regular", "steady", "volume", "share", "no_spike", "trend", "recent", "season", "creators"
]
"""The tests a channel must pass to be stable (each shown with its number and threshold)."""

WarningCode = Literal[
    "shelf_logic",
    "one_channel",
    "one_creator",
    "spike",
    "falling",
    "recent_drop",
    "seasonal",
    "paid_dependence",
]
"""The warnings, as the JSON output names them."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Check(_Frozen):
    """One stability test: the channel's number, the threshold, and whether it passed."""

    rule: Rule
    passed: bool
    value: float
    threshold: float


class ChannelStats(_Frozen):
    """The numbers behind a verdict, over the window (mean, share, total) and since the channel began."""

    total: float
    """Sum over the window."""
    mean: float
    """Weekly mean over the window."""
    share: float | None
    """Share of the non-overlapping total; for paid, the share of that total it touched (shown apart)."""
    active_weeks: int
    """Weeks with orders since the channel's first order in the window."""
    span_weeks: int
    """Weeks from the channel's first order in the window to the window's end."""
    cv: float
    """Coefficient of variation (population std ÷ mean) over the span's ordinary weeks."""
    trend_pct: float
    """Least-squares slope over the span, as % of the span's mean per week."""
    baseline: float
    """The policy's low percentile of weekly orders over the span's ordinary (non-peak) weeks."""
    peak: float
    """The best week's orders."""
    peak_week: str | None
    peak_share: float | None
    """The best week's share of the channel's window total (the lesson's "spike share")."""
    next_best: float
    """The second-best week's orders since the channel began (0 when no other week had orders)."""
    spike_ratio: float | None
    """Best week ÷ next best week (None when the span has one week; inf when every other week is zero)."""
    recent_change: float | None = None
    """Mean of the latest weeks ÷ median of the window's earlier weeks − 1 (None: too few weeks)."""
    top_creator: str | None = None
    top_creator_share: float | None = None
    gmv: float | None = None
    """GMV over the window, when the data had it beside orders."""


class ChannelAssessment(_Frozen):
    """One channel's verdict, the tests behind it and its numbers."""

    channel: ChannelId
    verdict: Verdict
    overlaps: bool
    """True for paid: its orders are already inside the other channels, so it is never summed."""
    checks: tuple[Check, ...]
    stats: ChannelStats


class ChannelWarning(_Frozen):
    """A pattern the seller should know before buying stock, with its numbers."""

    code: WarningCode
    variant: str | None = None
    """A second wording of the same warning (``spike``: ``one_week`` when every other week was zero)."""
    channel: ChannelId | None = None
    values: Mapping[str, Scalar] = {}


class StockAdvice(_Frozen):
    """Safe weekly demand and what it supports for the planned purchase."""

    safe_weekly_demand: float
    """In the data's measure (orders or GMV): stable demand channels' baselines, paid never added."""
    safe_weekly_units: float | None
    """Units a week; None when GMV data has no average order value to convert it."""
    demand_channels: tuple[ChannelId, ...]
    """The stable channels whose baselines make the safe demand."""
    weeks_of_cover: float | None
    """(Stock on hand + planned order) ÷ safe weekly units; None when nothing is stable."""
    largest_order_units: float | None
    """Safe weekly units × (lead time + buffer) − stock on hand, never below zero."""
    plan_fits: bool | None
    """Whether the planned order is within the largest safe order (None if no order was planned)."""


class BuildAdvice(_Frozen):
    """When nothing is stable: the short-video channel to build first and why."""

    channel: ChannelId
    verdict: Verdict
    failed: tuple[Rule, ...]
    """The tests it still fails (empty when it has no orders at all)."""


class ChannelReport(_Frozen):
    """The whole answer: one assessment per channel, the overall verdict, warnings and stock advice."""

    window: tuple[str, ...]
    """The weeks judged, oldest first."""
    peaks: tuple[str | None, ...] = ()
    """For each week of the window, the sales peak it falls in (left out of the numbers), or None."""
    weeks_available: int
    measure: Measure
    channels: tuple[ChannelAssessment, ...]
    total: float
    """Window total of the non-overlapping channels (paid excluded)."""
    has_stable_short_video: bool
    stable_channels: tuple[ChannelId, ...]
    warnings: tuple[ChannelWarning, ...]
    stock: StockAdvice
    build_first: BuildAdvice | None
    policy: StabilityPolicy
    plan: StockPlan
    labels: tuple[LabelMapping, ...] = ()
    notes: tuple[Problem, ...] = ()

    def channel(self, channel: ChannelId) -> ChannelAssessment:
        """The assessment of one channel."""
        return next(a for a in self.channels if a.channel == channel)
