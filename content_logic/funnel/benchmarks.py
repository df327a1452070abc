"""Rules of thumb for each funnel stage, where they come from, and benchmarks taken from a winner."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from content_logic.funnel.models import RATE_MAX

Source = Literal["rule_of_thumb", "own", "batch_median", "reference_video"]
"""Where a stage's benchmark came from: a practitioner figure, the user's own number, the batch's
median, or the reference video a copy is compared with."""

Share = Annotated[float, Field(ge=0, le=RATE_MAX)]


class FunnelBenchmarks(BaseModel):
    """The benchmark per stage. All are rough practitioner figures (rules of thumb), not platform
    rules: they move with category, price, video length and market, so the page lets the user and
    the instructor change them. Each field's sources are in :data:`SOURCES`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    hook_rate: Share = 30.0
    """Attention: at least 30 % of views should get past 2 seconds (hook rate 30 %+ to scale;
    thumb-stop 30 % good, 40 % great)."""
    completion_rate: Share = 40.0
    """Retention: at least 40 % of 2-second viewers should watch to the end (the course's figure,
    between the 45 %+ "good completion" and the 60 %+ full-watch target practitioners quote)."""
    click_through: Share = 1.0
    """Interest: product clicks should be about 1 % of views or more (CTR ≥ 1 %; below 0.7 % points
    to a weak hook or offer)."""
    click_to_order: Share = 2.0
    """Conversion: about 2 % of product clicks should become orders (practitioners quote an average
    conversion near 1.8 %)."""
    gpm_reference: Annotated[float, Field(ge=0)] | None = None
    """Value: GMV per 1,000 views (GPM) to compare with. There is no public benchmark, so this is
    the seller's own median; when empty, a batch uses its own median."""
    min_avg_watch_seconds: Annotated[float, Field(ge=0)] = 5.0
    """Attention when the hook rate is unknown: an average watch time under 5 s points to a hook
    problem. For short videos the bar is :attr:`min_watched_share` of the length, if lower."""
    min_watched_share: Share = 25.0
    """Retention when completion is unknown: average watch time ÷ length. No public benchmark: 25 %
    is what a 30 % hook and 40 % completion give for a typical viewer, and matches "20 %+ of viewers
    past half the video"."""
    thin_sample_orders: Annotated[int, Field(ge=0)] = 30
    """Below 30 orders a video's conversion and value are a thin sample: confirm on the next videos."""
    min_videos_for_median: Annotated[int, Field(ge=1)] = 3
    """A batch's median GPM is used as the value benchmark only from 3 videos with GPM on."""


DEFAULT_BENCHMARKS = FunnelBenchmarks()
"""The rules of thumb as shipped."""

SOURCES: Mapping[str, tuple[str, ...]] = {
    "hook_rate": (
        "https://tikadtools.com/blog/tiktok-ads-metrics",
        "https://newsletter.socialcommercesellers.com/p/4-key-tiktok-ad-metrics-to-10x-performance",
    ),
    "completion_rate": (
        "https://www.10100.com/encyclopedia/interlocution/65093558",
        "https://tramicheck.com/newsletter/3-factors-to-improve-shoppable-video-metrics",
    ),
    "click_through": (
        "https://tikadtools.com/blog/tiktok-ads-metrics",
        "https://www.10100.com/encyclopedia/interlocution/65093558",
    ),
    "click_to_order": ("https://www.10100.com/encyclopedia/interlocution/65093558",),
    "gpm_reference": ("https://kolivo.ai/kamus/gpm-tiktok",),
    "min_avg_watch_seconds": (
        "https://tramicheck.com/newsletter/3-factors-to-improve-shoppable-video-metrics",
    ),
    "min_watched_share": (
        "https://newsletter.socialcommercesellers.com/p/4-key-tiktok-ad-metrics-to-10x-performance",
    ),
    "thin_sample_orders": (),
    "min_videos_for_median": (),
}
"""Where each default comes from (see ``shared/research/domain.md``, section 2); an empty tuple is
this app's own rule."""


class ReferenceRule(BaseModel):
    """How close a copy must stay to the reference video (usually the winner) to "hold" a stage."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    keep_percent: Annotated[float, Field(gt=0, le=RATE_MAX)] = 80.0
    """A copy holds a stage when it keeps at least 80 % of the reference's number: 36 % against a
    38 % hook is the same hook, 14 % is not. Lower it to flag only large drops."""


DEFAULT_REFERENCE_RULE = ReferenceRule()
"""Copies hold a stage at 80 % of the reference."""

_REFERENCE_MEASURES: tuple[tuple[str, str], ...] = (
    ("hook_rate", "hook_rate"),
    ("completion_rate", "completion_rate"),
    ("click_through", "click_through"),
    ("click_to_order", "click_to_order"),
    ("gpm_reference", "gpm"),
    ("min_avg_watch_seconds", "avg_watch_seconds"),
    ("min_watched_share", "watched_share"),
)
"""Benchmark field ← the reference video's measure that replaces it."""


class ReferenceBenchmarks(BaseModel):
    """Benchmarks taken from a reference video, and which fields came from it (the rest are kept)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    benchmarks: FunnelBenchmarks
    from_reference: tuple[str, ...]


def benchmarks_from_reference(
    measures: Mapping[str, float | None],
    *,
    rule: ReferenceRule = DEFAULT_REFERENCE_RULE,
    base: FunnelBenchmarks = DEFAULT_BENCHMARKS,
) -> ReferenceBenchmarks:
    """Benchmarks at ``rule.keep_percent`` of a reference video's measures (hook_rate, completion_rate,
    click_through, click_to_order, gpm, avg_watch_seconds, watched_share); unknown ones keep ``base``."""
    share = rule.keep_percent / 100
    changes: dict[str, float] = {}
    for field, measure in _REFERENCE_MEASURES:
        value = measures.get(measure)
        if value is not None and value == value:  # skip NaN
            changes[field] = float(value) * share
    updated = base.model_copy(update=changes)
    return ReferenceBenchmarks(
        benchmarks=FunnelBenchmarks.model_validate(updated.model_dump()), from_reference=tuple(changes)
    )
