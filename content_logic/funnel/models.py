"""One video's funnel numbers, and the rules that make a set of them impossible."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from content_logic.problems import Problem, Scalar

Stage = Literal["attention", "retention", "interest", "conversion", "value"]
"""The five stages a viewer passes on the way to an order, in funnel order."""

STAGES: tuple[Stage, ...] = get_args(Stage)

RATE_MAX = 100.0
"""Rates are entered in percent: a share can't be above 100 %."""

Count = Annotated[int, Field(ge=0)]
Percent = Annotated[float, Field(ge=0, le=RATE_MAX)]
Seconds = Annotated[float, Field(ge=0)]
Money = Annotated[float, Field(ge=0)]

FUNNEL_FIELDS: tuple[str, ...] = (
    "views",
    "hook_rate",
    "avg_watch_seconds",
    "video_seconds",
    "completion_rate",
    "product_clicks",
    "orders",
    "gmv",
)
"""The numeric inputs, in the order a seller reads them; any of them may be unknown."""

RATE_FIELDS: tuple[str, ...] = ("hook_rate", "completion_rate")
"""Inputs given in percent (0–100)."""

LABEL_FIELDS: tuple[str, ...] = ("video", "creator", "date")
"""Text that names a video; never judged."""


class VideoFunnel(BaseModel):
    """One video's numbers as the seller's analytics show them; ``None`` means unknown."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    video: str = ""
    """A name the seller recognises (title, link or id)."""
    creator: str = ""
    date: str = ""
    views: Count | None = None
    hook_rate: Percent | None = None
    """Share of views that got past the first 2 seconds (2-second views ÷ views), in percent."""
    avg_watch_seconds: Seconds | None = None
    """Average watch time per view; stands in for the hook rate and completion when they are missing."""
    video_seconds: Annotated[float, Field(gt=0)] | None = None
    """The video's length."""
    completion_rate: Percent | None = None
    """Share of 2-second viewers who watched to the end (full watches ÷ 2-second views), in percent."""
    product_clicks: Count | None = None
    orders: Count | None = None
    gmv: Money | None = None
    """Sales from this video, in the shop's currency."""
    traits: dict[str, str] = {}
    """What the video was made like (format, hook type, offer...), for the replicate view."""


class OrderRule(BaseModel):
    """Within one video, ``smaller`` can never exceed ``larger``; ``code`` names the problem."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    smaller: str
    larger: str


ORDER_RULES: tuple[OrderRule, ...] = (
    OrderRule(code="funnel_clicks_over_views", smaller="product_clicks", larger="views"),
    OrderRule(code="funnel_orders_over_clicks", smaller="orders", larger="product_clicks"),
    OrderRule(code="funnel_watch_over_length", smaller="avg_watch_seconds", larger="video_seconds"),
)
"""Numbers that can't happen together: each click comes from a view, each order from a click,
and nobody watches longer on average than the video lasts (replays are not counted)."""


def most_common(counts: Mapping[Stage, int]) -> Stage | None:
    """The stage with the highest count (the earliest on a tie); ``None`` when every count is zero."""
    best: Stage | None = None
    for stage in STAGES:
        if counts.get(stage, 0) > (counts.get(best, 0) if best else 0):
            best = stage
    return best


def plain(value: float) -> Scalar:
    """A number as a message shows it: whole numbers without ``.0``, others to two decimals."""
    return int(value) if float(value).is_integer() else round(float(value), 2)


def video_problems(
    video: VideoFunnel,
    *,
    columns: Mapping[str, str] | None = None,
    file: str | None = None,
    row: int | None = None,
) -> list[Problem]:
    """Every broken :data:`ORDER_RULES` rule of one video; ``columns`` names fields as the user sees them."""
    names = columns or {}
    problems: list[Problem] = []
    for rule in ORDER_RULES:
        smaller, larger = getattr(video, rule.smaller), getattr(video, rule.larger)
        if smaller is not None and larger is not None and smaller > larger:
            problems.append(
                Problem(
                    code=rule.code,
                    file=file,
                    row=row,
                    column=names.get(rule.smaller),
                    values={"smaller": plain(smaller), "larger": plain(larger)},
                )
            )
    return problems
