"""Demo sets a presenter can pick; names and traits come from the catalogs, so they follow the language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import get_args

from pydantic import BaseModel, ConfigDict

from content_logic.funnel.inputs import DemoId, FunnelInputs
from content_logic.funnel.models import VideoFunnel
from content_logic.i18n import Language, translate

DEMO_IDS: tuple[DemoId, ...] = get_args(DemoId)
"""The demo sets a presenter can pick, in the order the page lists them."""


class DemoSet(BaseModel):
    """A demo: its videos and, for the copies, the video the others are compared with."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: DemoId
    videos: tuple[VideoFunnel, ...]
    reference_video: str | None = None


# video key, creator, date, views, hook %, avg watch s, length s, completion %, clicks, orders, GMV, traits
_Row = tuple[
    str, str, str, int, float | None, float | None, float, float | None, int, int, float, Mapping[str, str]
]

_ROWS: Mapping[DemoId, tuple[_Row, ...]] = {
    "influencer": (
        ("lamp_office", "@lucia.wfh", "2026-03-02", 300_000, 42, 14.0, 38, 45, 480, 12, 348.0,
         {"format": "vlog", "product_seen": "late", "hook_type": "face"}),
        ("lamp_night", "@marco.desk", "2026-03-03", 420_000, 38, 12.5, 34, 41, 900, 25, 725.0,
         {"format": "vlog", "product_seen": "late", "hook_type": "face"}),
        ("lamp_cat", "@gatos.y.mas", "2026-03-04", 610_000, 55, 16.0, 29, 52, 610, 9, 261.0,
         {"format": "sketch", "product_seen": "late", "hook_type": "pet"}),
        ("lamp_study", "@estudia.conmigo", "2026-03-05", 180_000, 33, 11.0, 31, 44, 2_100, 18, 522.0,
         {"format": "vlog", "product_seen": "early", "hook_type": "question"}),
        ("lamp_glare", "@tech.tomas", "2026-03-06", 95_000, 36, 13.5, 27, 47, 1_400, 41, 1_189.0,
         {"format": "demo", "product_seen": "early", "hook_type": "result"}),
        ("lamp_haul", "@haul.hanna", "2026-03-07", 250_000, 24, 6.0, 42, 35, 300, 4, 116.0,
         {"format": "haul", "product_seen": "late", "hook_type": "unboxing"}),
    ),
    "weak_hook": (
        ("serum_1", "@our.brand", "2026-04-01", 4_200, 12, 3.1, 45, 22, 25, 1, 24.0,
         {"format": "talking_head", "hook_type": "logo"}),
        ("serum_2", "@our.brand", "2026-04-03", 3_800, 14, 3.4, 52, 30, 20, 0, 0.0,
         {"format": "talking_head", "hook_type": "greeting"}),
        ("serum_3", "@our.brand", "2026-04-05", 5_100, 16, 3.9, 40, 35, 41, 1, 24.0,
         {"format": "talking_head", "hook_type": "logo"}),
        ("serum_4", "@our.brand", "2026-04-08", 18_600, 36, 8.2, 22, 44, 260, 7, 168.0,
         {"format": "hands_only", "hook_type": "result"}),
        ("serum_5", "@our.brand", "2026-04-10", 3_300, None, 2.6, 48, None, 15, 0, 0.0,
         {"format": "talking_head", "hook_type": "greeting"}),
        ("serum_6", "@our.brand", "2026-04-12", 6_900, 24, 5.2, 35, 41, 70, 2, 48.0,
         {"format": "talking_head", "hook_type": "question"}),
        ("serum_7", "@our.brand", "2026-04-15", 21_400, 41, 8.9, 18, 48, 330, 8, 192.0,
         {"format": "hands_only", "hook_type": "result"}),
        ("serum_8", "@our.brand", "2026-04-17", 2_900, None, 2.2, 60, None, 9, 0, 0.0,
         {"format": "talking_head", "hook_type": "logo"}),
    ),
    "copies": (
        ("winner", "@carla.clean", "2026-05-04", 180_000, 38, 14.2, 30, 46, 1_800, 40, 796.0,
         {"hook_type": "stain", "structure": "demo_first", "offer": "two_pack"}),
        ("copy_a", "@dani.home", "2026-05-11", 22_000, 14, 4.1, 30, 18, 200, 3, 59.7,
         {"hook_type": "unboxing", "structure": "demo_first", "offer": "two_pack"}),
        ("copy_b", "@eva.tips", "2026-05-11", 95_000, 36, 8.0, 45, 12, 570, 6, 119.4,
         {"hook_type": "stain", "structure": "story_first", "offer": "two_pack"}),
        ("copy_c", "@fer.vlogs", "2026-05-12", 120_000, 37, 13.9, 30, 44, 1_900, 5, 124.5,
         {"hook_type": "stain", "structure": "demo_first", "offer": "single"}),
    ),
}  # fmt: skip
"""Hand-made numbers. The first influencer video is the lesson's worked example (300,000 views, 12
orders); the copies are the replicate-winners lesson's table. The winner passes every rule of thumb
on its own (46 % of 2-second viewers finish against the 25 % benchmark and the course's older 40 %;
1,800 clicks are 1 % of views; 40 orders are 2.2 % of clicks), so it is a winner by the course's own
benchmarks; copy C keeps its completion (44 %) and loses only the offer."""

_REFERENCE: Mapping[DemoId, str] = {"copies": "winner"}


def demo_set(demo_id: DemoId, lang: Language) -> DemoSet:
    """A demo's videos with names, trait columns and trait values in ``lang``."""
    videos = []
    for key, creator, date, views, hook, watch, length, completion, clicks, orders, gmv, traits in _ROWS[
        demo_id
    ]:
        videos.append(
            VideoFunnel(
                video=translate(f"funnel.demo_video.{key}", lang),
                creator=creator,
                date=date,
                views=views,
                hook_rate=hook,
                avg_watch_seconds=watch,
                video_seconds=length,
                completion_rate=completion,
                product_clicks=clicks,
                orders=orders,
                gmv=gmv,
                traits={
                    translate(f"funnel.demo_column.{column}", lang): translate(
                        f"funnel.demo_value.{value}", lang
                    )
                    for column, value in traits.items()
                },
            )
        )
    reference = _REFERENCE.get(demo_id)
    return DemoSet(
        id=demo_id,
        videos=tuple(videos),
        reference_video=translate(f"funnel.demo_video.{reference}", lang) if reference else None,
    )


def demo_inputs(demo_id: str, *, lang: Language = "en") -> FunnelInputs:
    """The contract's demo: a demo set as batch inputs (compared with its winner when it has one)."""
    if demo_id not in DEMO_IDS:
        raise ValueError(f"unknown funnel demo {demo_id!r}; expected one of {', '.join(DEMO_IDS)}")
    demo = demo_set(demo_id, lang)
    return FunnelInputs(mode="batch", source="demo", demo=demo.id, videos=demo.videos,
                        reference_video=demo.reference_video)  # fmt: skip
