"""The "replicate" view: what the top videos share that the rest lack, so a winner can be briefed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from content_logic.funnel.models import RATE_MAX

RankBy = Literal["gpm", "orders_per_1000_views", "click_through"]
"""What makes a video "top": GPM when the batch has GMV, else orders per 1,000 views, else clicks."""

LENGTH_BAND = "length_band"
"""Pseudo-column: the video length grouped by :attr:`ReplicatePolicy.length_bins_seconds`."""

GAP_MEASURES: tuple[str, ...] = (
    "hook_rate",
    "completion_rate",
    "watched_share",
    "click_through",
    "click_to_order",
    "gpm",
)
"""The stage numbers whose medians are compared between top videos and the rest."""

MAX_LACKING = 10
"""At most this many videos are named as lacking a trait (the table has the rest)."""


class ReplicatePolicy(BaseModel):
    """How top videos are picked and when a trait counts as theirs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    top_percent: Annotated[float, Field(gt=0, lt=RATE_MAX)] = 20.0
    """The best 20 % of ranked videos are the top group (at least one video)."""
    min_top_share: Annotated[float, Field(ge=0, le=RATE_MAX)] = 50.0
    """A trait is "shared" when at least half of the top videos have it..."""
    min_gap_points: Annotated[float, Field(ge=0, le=RATE_MAX)] = 25.0
    """...and it is at least 25 percentage points more common among them than among the rest."""
    length_bins_seconds: tuple[float, ...] = (15.0, 30.0, 60.0)
    """Lengths are compared in bands (up to 15 s, 15–30 s, 30–60 s, over 60 s), not second by second."""
    small_top: Annotated[int, Field(ge=1)] = 3
    """With fewer top videos than this, shared traits may be chance: the view says so."""


class Trait(BaseModel):
    """A value of one column that the top videos share and the rest mostly lack."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    column: str
    value: str
    top_share: float
    """Percent of top videos (with this column filled) that have the value."""
    rest_share: float
    lacking: tuple[str, ...]
    """Other videos without it, the first :data:`MAX_LACKING`: the ones to brief differently."""


class StageGap(BaseModel):
    """The median of one stage number in the top group and in the rest."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    measure: str
    top_median: float
    rest_median: float


class ReplicateView(BaseModel):
    """Top videos against the rest: shared traits by the columns given, and the stage numbers."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rank_by: RankBy | None = None
    """``None`` when fewer than two videos could be ranked: nothing to compare."""
    top: tuple[str, ...] = ()
    rest: int = 0
    unranked: int = 0
    """Videos without the ranking number, left out of the comparison."""
    columns: tuple[str, ...] = ()
    traits: tuple[Trait, ...] = ()
    gaps: tuple[StageGap, ...] = ()
    small_sample: bool = False


DEFAULT_REPLICATE = ReplicatePolicy()
"""Top 20 %, traits shared by half of them and 25 points more common than in the rest."""


def length_bands(seconds: pd.Series, bins: Sequence[float]) -> pd.Series:
    """Each length as its band label (``"15–30 s"``, ``"> 60 s"``); missing stays missing."""
    edges = [0.0, *sorted(bins), np.inf]
    labels = [f"{lo:g}–{hi:g} s" for lo, hi in zip(edges[:-2], edges[1:-1], strict=True)]
    labels.append(f"> {edges[-2]:g} s")
    return pd.cut(seconds, edges, labels=labels, include_lowest=True).astype(object)


def _rank(table: pd.DataFrame) -> tuple[RankBy | None, pd.Series]:
    if table["gpm"].notna().any():
        return "gpm", table["gpm"]
    per_view = table["orders"] / table["views"].where(table["views"] > 0) * 1000
    if per_view.notna().any():
        return "orders_per_1000_views", per_view
    if table["click_through"].notna().any():
        return "click_through", table["click_through"]
    return None, table["gpm"]


def _traits(column: pd.Series, top: pd.Series, labels: pd.Series, policy: ReplicatePolicy) -> list[Trait]:
    text = column.astype("string").str.strip()
    values = text.where(text != "")
    top_counts = values[top].value_counts()
    rest_counts = values[~top].value_counts()
    top_known, rest_known = int(top_counts.sum()), int(rest_counts.sum())
    found: list[Trait] = []
    if not top_known:
        return found
    for value, count in top_counts.items():
        top_share = count / top_known * 100
        rest_share = rest_counts.get(value, 0) / rest_known * 100 if rest_known else 0.0
        if top_share >= policy.min_top_share and top_share - rest_share >= policy.min_gap_points:
            lacking = labels[~top & (values != value)].head(MAX_LACKING)
            found.append(
                Trait(
                    column=str(column.name),
                    value=str(value),
                    top_share=top_share,
                    rest_share=rest_share,
                    lacking=tuple(lacking),
                )
            )
    return found


def replicate_view(
    table: pd.DataFrame, *, columns: Sequence[str], policy: ReplicatePolicy = DEFAULT_REPLICATE
) -> ReplicateView:
    """Compare the top videos of a diagnosed table with the rest, by ``columns`` and by stage numbers."""
    rank_by, score = _rank(table)
    ranked = score.notna()
    if rank_by is None or ranked.sum() < 2:
        return ReplicateView(unranked=int((~ranked).sum()))
    ordered = score[ranked].sort_values(ascending=False, kind="stable")
    top_n = min(max(1, round(len(ordered) * policy.top_percent / 100)), len(ordered) - 1)
    top = pd.Series(False, index=table.index)
    top[ordered.index[:top_n]] = True
    compared = table[ranked]
    top_mask = top[ranked]
    bands = length_bands(compared["video_seconds"], policy.length_bins_seconds)
    frame = compared.assign(**{LENGTH_BAND: bands})
    usable = tuple(c for c in columns if c in frame.columns and frame[c].notna().any())
    traits = [t for c in usable for t in _traits(frame[c], top_mask, compared["video"], policy)]
    traits.sort(key=lambda t: t.rest_share - t.top_share)
    gaps = []
    for measure in GAP_MEASURES:
        top_median, rest_median = compared[measure][top_mask].median(), compared[measure][~top_mask].median()
        if pd.notna(top_median) and pd.notna(rest_median):
            gaps.append(StageGap(measure=measure, top_median=top_median, rest_median=rest_median))
    return ReplicateView(
        rank_by=rank_by,
        top=tuple(table.loc[ordered.index[:top_n], "video"]),
        rest=int((~top_mask).sum()),
        unranked=int((~ranked).sum()),
        columns=usable,
        traits=tuple(traits),
        gaps=tuple(gaps),
        small_sample=top_n < policy.small_top,
    )
