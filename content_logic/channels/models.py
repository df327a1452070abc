"""The sales data the checker reads: orders per ISO week and channel, with notes on how it was read."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Annotated, ClassVar, Literal, get_args

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, model_validator

from content_logic.i18n import Language, translate
from content_logic.problems import Problem

ChannelId = Literal["self_video", "influencer", "paid", "live", "product_card"]
"""The course's five traffic channels."""

CHANNELS: tuple[ChannelId, ...] = get_args(ChannelId)
"""Every channel, in the order the course teaches them."""

SHORT_VIDEO_CHANNELS: tuple[ChannelId, ...] = ("self_video", "influencer", "paid")
"""The demand-creating channels: at least one must be stable before stocking up."""

OVERLAPPING_CHANNELS: tuple[ChannelId, ...] = ("paid",)
"""GMV Max also counts the organic and affiliate orders of promoted products: never summed."""

DemoId = Literal["carla", "stock_up_trap", "stable_influencer", "shelf_logic", "healthy_mix"]
"""Carla is the stock-up-trap lesson's worked example; the others are the course's four seller stories."""

DEMO_IDS: tuple[DemoId, ...] = get_args(DemoId)

Measure = Literal["orders", "gmv"]
"""What the weekly numbers count: orders (the default) or GMV when an export has only money."""

NonNegative = Annotated[float, Field(ge=0)]
Series = tuple[NonNegative, ...]


class Note(Problem):
    """Something done to the data while reading it (summed, filled, mapped, left out), said to the user.

    A ``Problem`` so it fits ``Reading.notes``; its text is in ``channels.toml`` under ``[note]``.
    """

    catalog_prefix: ClassVar[str] = "channels.note"

    def describe(self, lang: Language) -> str:
        """The note in ``lang``, with a channel id among its values shown as the channel's name."""
        channel = self.values.get("channel")
        if channel in CHANNELS:
            values = {**self.values, "channel": translate(f"channels.name.{channel}", lang)}
            return Problem.describe(self.model_copy(update={"values": values}), lang)
        return super().describe(lang)


class LabelMapping(BaseModel):
    """One label found in the data and the channel it was read as."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    channel: ChannelId
    carrier: str | None = None
    """The content it came through (``video``, ``live``...) when the file said so, kept for display."""
    chosen: bool = False
    """True when the user mapped it in the mapping editor (not the vocabulary)."""


class WeeklySales(BaseModel):
    """Weekly numbers per channel, oldest week first; every channel present (zeros when absent)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    weeks: tuple[str, ...]
    """Week labels: ISO weeks (``2026-W03``) when the data had dates, else ``W1``, ``W2``... or as typed."""
    orders: dict[ChannelId, Series]
    """Weekly numbers per channel (orders, or GMV when ``measure`` is ``gmv``)."""
    gmv: dict[ChannelId, Series] | None = None
    """Weekly GMV per channel when the data had it beside orders."""
    creators: dict[ChannelId, dict[str, Series]] = {}
    """Weekly numbers per creator inside a channel, when the data named creators."""
    measure: Measure = "orders"
    labels: tuple[LabelMapping, ...] = ()
    """How the data's own channel labels were mapped to the five channels (shown to the user)."""
    notes: tuple[Problem, ...] = ()
    """What was done while reading (channel notes and the shared reader's layout notes)."""

    def to_table(self) -> pd.DataFrame:
        """One row per week, one column per channel, for the table the seller types into."""
        from content_logic.channels.table import weekly_table  # the table module builds on this model

        return weekly_table(self)

    @classmethod
    def from_table(
        cls,
        frame: pd.DataFrame,
        *,
        base: WeeklySales | None = None,
        column_names: Mapping[str, str] | None = None,
    ) -> WeeklySales:
        """The sales in an edited table (``table.sales_from_table``); ``InputError`` names row and column."""
        from content_logic.channels.table import sales_from_table

        return sales_from_table(frame, base=base, column_names=column_names)

    def mondays(self) -> tuple[date | None, ...]:
        """Each week's Monday when the weeks are ISO weeks (``2026-W03``), else ``None``."""
        return tuple(_monday(week) for week in self.weeks)

    @model_validator(mode="after")
    def _same_shape(self) -> WeeklySales:
        n = len(self.weeks)
        if set(self.orders) != set(CHANNELS):
            raise ValueError(f"orders must have every channel: {', '.join(CHANNELS)}")
        if len(set(self.weeks)) != n:
            raise ValueError("each week can appear only once")
        series = [*self.orders.values(), *(self.gmv or {}).values()]
        series += [s for per in self.creators.values() for s in per.values()]
        if any(len(s) != n for s in series):
            raise ValueError(f"every channel needs one number per week ({n} weeks)")
        return self

    @classmethod
    def from_orders(
        cls, weeks: list[str], orders: dict[ChannelId, list[float]], **extra: object
    ) -> WeeklySales:
        """Weekly sales where missing channels are all zero (a convenience for tables and tests)."""
        full = {c: tuple(float(v) for v in orders.get(c, [0.0] * len(weeks))) for c in CHANNELS}
        return cls.model_validate({"weeks": tuple(weeks), "orders": full, **extra})


_ISO = re.compile(r"^(\d{4})-W(\d{2})$")


def _monday(week: str) -> date | None:
    match = _ISO.match(week)
    if not match:
        return None
    try:
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None
