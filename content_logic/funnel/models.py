"""One video's funnel numbers, the one stage table (which measure judges each stage, by which
definition), and the rules that make a set of numbers impossible."""

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
    "impressions",
    "hook_rate",
    "impression_hook_rate",
    "avg_watch_seconds",
    "video_seconds",
    "completion_rate",
    "finish_rate",
    "product_impressions",
    "product_clicks",
    "orders",
    "gmv",
)
"""The numeric inputs, in the order a seller reads them; any of them may be unknown."""

RATE_FIELDS: tuple[str, ...] = ("hook_rate", "impression_hook_rate", "completion_rate", "finish_rate")
"""Inputs given in percent (0–100)."""

COUNT_FIELDS: tuple[str, ...] = ("views", "impressions", "product_impressions", "product_clicks", "orders")
"""Inputs that are whole numbers."""

LABEL_FIELDS: tuple[str, ...] = ("video", "creator", "date")
"""Text that names a video; never judged."""


class VideoFunnel(BaseModel):
    """One video's numbers as the seller's analytics show them; ``None`` means unknown. Each rate
    keeps the definition its source uses: nothing is converted into another definition."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    video: str = ""
    """A name the seller recognises (title, link or id)."""
    creator: str = ""
    date: str = ""
    views: Count | None = None
    impressions: Count | None = None
    """Times the video was shown in the feed (Ads Manager's "Impressions")."""
    hook_rate: Percent | None = None
    """2-second views ÷ views, in percent (the course's 2-second rate)."""
    impression_hook_rate: Percent | None = None
    """2-second views ÷ impressions, in percent (Ads Manager's hook rate)."""
    avg_watch_seconds: Seconds | None = None
    """Average watch time per view; stands in for the hook rate and completion when they are missing."""
    video_seconds: Annotated[float, Field(gt=0)] | None = None
    """The video's length."""
    completion_rate: Percent | None = None
    """Full watches ÷ 2-second views, in percent (the course's completion)."""
    finish_rate: Percent | None = None
    """Full watches ÷ views, in percent (Seller Center's "Video Finish Rate")."""
    product_impressions: Count | None = None
    """Times the product link or card was shown in the video (Seller Center's "Product Impressions")."""
    product_clicks: Count | None = None
    orders: Count | None = None
    gmv: Money | None = None
    """Sales from this video, in the shop's currency."""
    traits: dict[str, str] = {}
    """What the video was made like (format, hook type, offer...), for the replicate view."""


Measure = Literal[
    "hook_rate",
    "impression_hook_rate",
    "avg_watch_seconds",
    "completion_rate",
    "finish_rate",
    "watched_share",
    "product_ctr",
    "click_through",
    "click_to_order",
    "gpm",
]
"""Every number a stage can be judged by."""

Unit = Literal["percent", "seconds", "money"]


class StageMeasure(BaseModel):
    """A measure that judges a stage: the inputs it needs, its definition and its benchmark field."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    measure: Measure
    needs: tuple[str, ...]
    """The inputs it is computed from; all must be known."""
    definition: str
    """What it divides by what (``finishes_per_view``); its benchmark is of the same definition."""
    benchmark: str
    """The :class:`~content_logic.funnel.policy.FunnelBenchmarks` field it is compared with."""
    unit: Unit = "percent"
    stand_in: bool = False
    """A rough proxy used only when no rate of the stage is known."""


def _m(
    measure: Measure, needs: tuple[str, ...], definition: str, benchmark: str, **extra: object
) -> StageMeasure:
    return StageMeasure(measure=measure, needs=needs, definition=definition, benchmark=benchmark, **extra)  # type: ignore[arg-type]


STAGE_TABLE: Mapping[Stage, tuple[StageMeasure, ...]] = {
    "attention": (
        _m("hook_rate", ("hook_rate",), "two_second_views_per_view", "hook_rate"),
        _m("impression_hook_rate", ("impression_hook_rate",), "two_second_views_per_impression",
           "impression_hook_rate"),
        _m("avg_watch_seconds", ("avg_watch_seconds",), "seconds_per_view", "min_avg_watch_seconds",
           unit="seconds", stand_in=True),
    ),
    "retention": (
        _m("completion_rate", ("completion_rate",), "full_watches_per_two_second_view", "completion_rate"),
        _m("finish_rate", ("finish_rate",), "full_watches_per_view", "finish_rate"),
        _m("watched_share", ("avg_watch_seconds", "video_seconds"), "watch_time_per_length",
           "min_watched_share", stand_in=True),
    ),
    "interest": (
        _m("product_ctr", ("product_impressions", "product_clicks"), "clicks_per_product_impression",
           "product_ctr"),
        _m("click_through", ("views", "product_clicks"), "clicks_per_view", "click_through"),
    ),
    "conversion": (_m("click_to_order", ("product_clicks", "orders"), "orders_per_click", "click_to_order"),),
    "value": (_m("gpm", ("views", "gmv"), "gmv_per_thousand_views", "gpm_reference", unit="money"),),
}  # fmt: skip
"""THE stage table: each stage's measures in the order they are preferred. A stage is judged by the
first measure whose inputs are known, against the benchmark of that measure's own definition; a
stage with none known is "unknown" and never blocks the stages after it."""

MEASURES: Mapping[Measure, StageMeasure] = {m.measure: m for ms in STAGE_TABLE.values() for m in ms}
"""Every measure by id."""

MEASURE_STAGE: Mapping[Measure, Stage] = {m.measure: s for s, ms in STAGE_TABLE.items() for m in ms}
"""The stage each measure judges."""


class OrderRule(BaseModel):
    """Within one video, ``smaller`` can never exceed ``larger``; ``code`` names the problem."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    smaller: str
    larger: str


ORDER_RULES: tuple[OrderRule, ...] = (
    OrderRule(code="funnel_clicks_over_views", smaller="product_clicks", larger="views"),
    OrderRule(code="funnel_clicks_over_impressions", smaller="product_clicks", larger="product_impressions"),
    OrderRule(code="funnel_orders_over_clicks", smaller="orders", larger="product_clicks"),
    OrderRule(code="funnel_watch_over_length", smaller="avg_watch_seconds", larger="video_seconds"),
)
"""Numbers that can't happen together: each click comes from a view and a product impression, each
order from a click, and nobody watches longer on average than the video lasts."""


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
