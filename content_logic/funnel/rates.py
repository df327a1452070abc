"""Funnel numbers as float arrays (NaN = unknown) plus the rates derived from them, for any batch size."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from content_logic.funnel.models import FUNNEL_FIELDS, VideoFunnel

Floats = npt.NDArray[np.float64]


def measures(columns: Mapping[str, Floats]) -> dict[str, Floats]:
    """The inputs as float arrays plus the derived rates: watched_share (average watch ÷ length),
    click_through (clicks ÷ views), click_to_order (orders ÷ clicks), in percent, and GPM."""
    col = {name: np.asarray(columns[name], dtype=np.float64) for name in FUNNEL_FIELDS}
    views, clicks = col["views"], col["product_clicks"]
    with np.errstate(divide="ignore", invalid="ignore"):
        col["watched_share"] = np.where(
            col["video_seconds"] > 0, col["avg_watch_seconds"] / col["video_seconds"] * 100, np.nan
        )
        col["click_through"] = np.where(views > 0, clicks / views * 100, np.nan)
        col["click_to_order"] = np.where(clicks > 0, col["orders"] / clicks * 100, np.nan)
        col["gpm"] = np.where(views > 0, col["gmv"] / views * 1000, np.nan)
    return col


def video_columns(videos: list[VideoFunnel]) -> dict[str, Floats]:
    """The numeric fields of some videos as float arrays, NaN where unknown."""
    return {
        field: np.array([np.nan if (v := getattr(video, field)) is None else v for video in videos], float)
        for field in FUNNEL_FIELDS
    }
