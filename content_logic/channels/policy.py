"""Every rule behind a verdict, as named defaults the page shows and edits: thresholds, peaks, stock plan.

Defaults follow the stock-up-trap lesson: judge the last 8 weeks, orders in most of them, low
variability, enough volume and share, no single spike or creator, no fall (over the window or now),
sales peaks left out, and plan on the 20th percentile of the ordinary weeks.

Why the stable CV is 0.35 (it was 0.5): weekly counts swing by chance alone — a channel selling
10 orders a week has a counting noise (Poisson) CV of 1/√10 ≈ 0.32 — so 0.35 leaves room for that
noise and little more. At 0.5 two of the issue's real cases passed: own video 13, 9, 36, 34, 33,
32, 32, 8 (CV 0.47, a channel that has two collapses in eight weeks) and a creator channel swinging
between 18 and 70 orders (CV 0.50): a baseline planned on either would be wrong most weeks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from content_logic.channels.models import SHORT_VIDEO_CHANNELS, ChannelId
from content_logic.problems import InputError, Problem

Share = Annotated[float, Field(ge=0, le=1)]
_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


class SalesPeak(BaseModel):
    """A sales peak that repeats every year, as a range of days (``MM-DD``; may wrap into January)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    id: str | None = None
    """For the course's own peaks: the id their name is translated by (``channels.peak.<id>``)."""
    market: str
    """Where it matters (``MX``, ``ES``, ``ES, MX, US``), so a seller can drop peaks of other markets."""
    start: str
    end: str

    @field_validator("start", "end")
    @classmethod
    def _month_day(cls, value: str) -> str:
        match = _MONTH_DAY.match(value.strip())
        if not match:
            raise ValueError(f"{value!r} is not a month and day like 11-27")
        date(2024, int(match.group(1)), int(match.group(2)))  # 2024: a leap year, so 02-29 is allowed
        return value.strip()

    def days(self, year: int) -> tuple[date, date]:
        """First and last day of the peak that starts in ``year`` (the end may fall in the next year)."""
        first = _day(year, self.start)
        last = _day(year, self.end)
        return first, (last if last >= first else _day(year + 1, self.end))


def _day(year: int, month_day: str) -> date:
    month, day = (int(part) for part in month_day.split("-"))
    return date(year, month, min(day, 28) if (month, day) == (2, 29) else day)


DEFAULT_PEAKS: tuple[SalesPeak, ...] = (
    SalesPeak(id="hot_sale", name="Hot Sale", market="MX", start="05-24", end="06-05"),
    SalesPeak(
        id="summer_sales",
        name="Prime Day-style summer sales",
        market="ES, MX, US",
        start="07-07",
        end="07-18",
    ),
    SalesPeak(id="singles_day", name="11.11", market="ES, MX, US", start="11-09", end="11-12"),
    SalesPeak(id="buen_fin", name="El Buen Fin", market="MX", start="11-13", end="11-20"),
    SalesPeak(id="bfcm", name="Black Friday–Cyber Monday", market="ES, MX, US", start="11-21", end="12-02"),
    SalesPeak(
        id="december_gifts",
        name="December gifts (to the shipping cut-off)",
        market="ES, MX, US",
        start="12-03",
        end="12-18",
    ),
    SalesPeak(id="christmas_reyes", name="Christmas and Reyes", market="ES", start="12-19", end="01-06"),
)
"""The yearly peaks of the markets the course teaches, wide enough to hold each year's movable dates:
Black Friday falls on Nov 23–29 and Cyber Monday by Dec 2; Buen Fin is the weekend before Mexico's
Revolution Day Monday (Nov 15–21); Hot Sale runs around the turn of May; Prime Day-style events in
mid-July; gift shipping cut-offs fall around Dec 15–18; Reyes closes the season on Jan 6."""


def peak_weeks(mondays: Iterable[date | None], peaks: Iterable[SalesPeak]) -> tuple[str | None, ...]:
    """For each ISO week (its Monday; ``None`` for undated weeks): the first peak it touches (its id, or
    its name for a peak the seller added), or ``None``."""
    peaks = tuple(peaks)
    out: list[str | None] = []
    for monday in mondays:
        found = None
        if monday is not None:
            sunday = monday + timedelta(days=6)
            for peak in peaks:
                for year in (monday.year - 1, monday.year):
                    first, last = peak.days(year)
                    if first <= sunday and monday <= last:
                        found = found or peak.id or peak.name
        out.append(found)
    return tuple(out)


class StabilityPolicy(BaseModel):
    """When a channel counts as stable, emerging, volatile or inactive, and when to warn."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    window_weeks: Annotated[int, Field(ge=2, le=52)] = 8
    """How many recent weeks are judged: long enough to see repetition, short enough to be current."""
    min_history_weeks: Annotated[int, Field(ge=1, le=52)] = 6
    """Ordinary (non-peak) weeks since its first order a stable channel needs (the lesson: 6–8)."""
    min_active_share: Share = 0.85
    """Share of weeks (since the channel began) with orders: 7 of 8 passes, 6 of 8 does not."""
    max_cv_stable: Annotated[float, Field(gt=0, le=5)] = 0.35
    """Std ÷ mean of weekly orders at or below which a channel is steady (why 0.35: module docstring)."""
    max_cv_emerging: Annotated[float, Field(gt=0, le=10)] = 1.0
    """Above this CV the weeks swing so much that the channel is volatile, not just young."""
    min_weekly_orders: Annotated[float, Field(ge=0, le=10_000)] = 10.0
    """Mean weekly orders a stable channel needs: below 10, chance alone moves a week by a third."""
    min_stable_share: Share = 0.10
    """Share of the shop's orders a stable channel needs: a sliver can't carry a stock plan."""
    spike_factor: Annotated[float, Field(gt=1, le=100)] = 3.0
    """A best week this many times the next best week is a one-off spike, not a channel."""
    max_decline_pct: Annotated[float, Field(ge=0, le=100)] = 5.0
    """A least-squares trend falling faster than this % of the mean per week counts as falling."""
    recent_weeks: Annotated[int, Field(ge=1, le=8)] = 2
    """The latest weeks compared with the rest of the window: two, so one slow week isn't a fall."""
    max_recent_drop: Share = 0.30
    """Latest weeks this far below the median of the window's earlier weeks: falling now."""
    max_creator_share: Share = 0.5
    """A channel where one creator brings more than this share of orders hangs on one person."""
    baseline_percentile: Annotated[float, Field(ge=0, le=50)] = 20.0
    """The conservative baseline: this percentile of ordinary weekly orders (4 in 5 weeks do better)."""
    shelf_share: Share = 0.5
    """Product card above this share of orders is shelf logic, whatever the other channels do."""
    single_channel_share: Share = 0.8
    """One channel above this share of the (non-overlapping) total means the shop depends on it."""
    min_warning_share: Share = 0.05
    """Spikes, falls and creator dependence are only warned about in channels above this share."""
    paid_growth_pct: Annotated[float, Field(ge=0, le=100)] = 5.0
    """Paid orders rising faster than this % a week while organic ones don't: paid dependence."""
    organic_growth_pct: Annotated[float, Field(ge=0, le=100)] = 1.0
    """Organic (non-paid) orders growing slower than this % a week count as not growing."""
    demand_channels: tuple[ChannelId, ...] = SHORT_VIDEO_CHANNELS
    """Channels whose stable baselines make the safe demand; LIVE and product card count as upside."""
    peaks: tuple[SalesPeak, ...] = DEFAULT_PEAKS
    """Sales peaks: their weeks are shown, left out of every verdict's numbers and never planned on."""

    @classmethod
    def from_values(cls, values: Mapping[str, object]) -> StabilityPolicy:
        """A policy from edited thresholds; ``InputError`` when two thresholds contradict each other."""
        return policy_from_values(values)

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


def policy_from_values(values: Mapping[str, object]) -> StabilityPolicy:
    """A policy from edited thresholds; raises ``InputError`` when two thresholds contradict each other."""
    merged = {**StabilityPolicy().model_dump(), **values}
    stable, volatile = merged["max_cv_stable"], merged["max_cv_emerging"]
    if isinstance(stable, int | float) and isinstance(volatile, int | float) and volatile < stable:
        raise InputError(
            [Problem(code="channels_policy_cv", values={"stable": stable, "volatile": volatile})]
        )
    return StabilityPolicy.model_validate(merged)
