"""The thresholds behind every verdict and the stock plan, as named defaults the page shows and edits.

Defaults follow the stock-up-trap lesson: judge 6–8 weeks, orders in most weeks, low variability,
no single spike or creator, a flat or rising trend, and plan on the 20th percentile of weekly orders.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content_logic.channels.models import SHORT_VIDEO_CHANNELS, ChannelId

Share = Annotated[float, Field(ge=0, le=1)]


class StabilityPolicy(BaseModel):
    """When a channel counts as stable, emerging, volatile or inactive, and when to warn."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    window_weeks: Annotated[int, Field(ge=2, le=52)] = 8
    """How many recent weeks are judged: long enough to see repetition, short enough to be current."""
    min_history_weeks: Annotated[int, Field(ge=1, le=52)] = 6
    """Weeks since its first order a stable channel needs (the lesson: 6–8); capped at the window."""
    min_active_share: Share = 0.85
    """Share of weeks (since the channel began) with orders: 7 of 8 passes, 6 of 8 does not."""
    max_cv_stable: Annotated[float, Field(gt=0, le=5)] = 0.5
    """Coefficient of variation (std ÷ mean of weekly orders) at or below which a channel is steady."""
    max_cv_emerging: Annotated[float, Field(gt=0, le=10)] = 1.0
    """Above this CV the weeks swing so much that the channel is volatile, not just young."""
    spike_factor: Annotated[float, Field(gt=1, le=100)] = 3.0
    """A best week this many times the next best week is a one-off spike, not a channel."""
    max_decline_pct: Annotated[float, Field(ge=0, le=100)] = 5.0
    """A least-squares trend falling faster than this % of the mean per week counts as falling."""
    max_creator_share: Share = 0.5
    """A channel where one creator brings more than this share of orders hangs on one person."""
    baseline_percentile: Annotated[float, Field(ge=0, le=50)] = 20.0
    """The conservative baseline: this percentile of weekly orders (the 20th: 4 in 5 weeks do better)."""
    shelf_share: Share = 0.5
    """Product card above this share with no stable short-video channel is shelf logic."""
    single_channel_share: Share = 0.8
    """One channel above this share of the (non-overlapping) total means the shop depends on it."""
    min_warning_share: Share = 0.05
    """Spikes and creator dependence are only warned about in channels above this share of the total."""
    demand_channels: tuple[ChannelId, ...] = SHORT_VIDEO_CHANNELS
    """Channels whose stable baselines make the safe demand; LIVE and product card count as upside."""

    @model_validator(mode="after")
    def _consistent(self) -> StabilityPolicy:
        if self.max_cv_emerging < self.max_cv_stable:
            raise ValueError(
                f"the volatile CV ({self.max_cv_emerging}) is below the stable CV ({self.max_cv_stable})"
            )
        return self


class StockPlan(BaseModel):
    """The purchase the seller is considering, in units."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    planned_order_units: Annotated[float, Field(ge=0)] = 0
    """Units the seller means to buy now (0: only show the largest safe order)."""
    stock_on_hand: Annotated[float, Field(ge=0)] = 0
    """Units already in stock or on the way."""
    lead_time_weeks: Annotated[float, Field(ge=0, le=104)] = 4
    """Weeks from placing a restock order to having it sellable."""
    buffer_weeks: Annotated[float, Field(ge=0, le=104)] = 4
    """Extra weeks of cover on top of the lead time, in case the restock is late."""
    units_per_order: Annotated[float, Field(gt=0, le=1000)] = 1
    """Units in an average order (1 unless buyers take bundles)."""
    average_order_value: Annotated[float, Field(gt=0)] | None = None
    """Needed only when the data is GMV: turns safe GMV into orders."""
