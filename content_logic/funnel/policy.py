"""The judging policy: rules of thumb per measure and definition, their sources, and benchmarks
taken from a winner."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from content_logic.funnel.models import MEASURES, RATE_MAX

Source = Literal["rule_of_thumb", "own", "batch_median", "reference_video"]
"""Where a stage's benchmark came from: a practitioner figure, the user's own number, the batch's
median, or the reference video a copy is compared with."""

Share = Annotated[float, Field(ge=0, le=RATE_MAX)]


class FunnelBenchmarks(BaseModel):
    """The benchmark per measure, each of the same definition as the measure it judges (see
    :data:`~content_logic.funnel.models.STAGE_TABLE`). All are rough practitioner figures (rules of
    thumb), not platform rules: they move with category, price, video length and market, so the
    page lets the user and the instructor change them. A benchmark is the floor of ordinary: below
    it the stage is a problem, not merely short of a target. Sources per field: :data:`SOURCES`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    hook_rate: Share = 30.0
    """Attention, 2-second views ÷ views: 30 %+ (practitioners' "hook rate 30 %+ to scale",
    thumb-stop 30 % good / 40 % great); the course's figure."""
    impression_hook_rate: Share = 25.0
    """Attention, 2-second views ÷ impressions (Ads Manager): 25 %. Paid-video samples average
    30.7–34.3 % and heylect calls 20–40 % average, so 25 % flags only the weak quarter of ordinary
    ads; impressions include feeds where the video never played, so the bar sits below the per-view one."""
    completion_rate: Share = 25.0
    """Retention, full watches ÷ 2-second views: 25 %. A per-view finish rate of 5–20 % is ordinary
    for 20–40 s shoppable videos; divided by a 30–35 % 2-second rate that is about 15–65 % of
    2-second viewers, and 25 % (≈ 8 % of all views at a 30 % hook) is the lower part of that range.
    The 45 %+ and 60 %+ figures practitioners quote are targets, not the floor of normal."""
    finish_rate: Share = 5.0
    """Retention, full watches ÷ views (Seller Center's "Video Finish Rate"): 5 %, the bottom of the
    5–20 % that is ordinary for 20–40 s shoppable videos. Never compared with the per-2-second figure."""
    product_ctr: Share = 1.2
    """Interest, product clicks ÷ product impressions (Seller Center's "CTR"): 1.2 %+ (practitioners'
    product CTR target; product-card CTR averages about 2.1 %)."""
    click_through: Share = 1.0
    """Interest, product clicks ÷ views: about 1 % or more (CTR ≥ 1 %; below 0.7 % points to a weak
    hook or offer; e-commerce ad CTR is typically 0.5–1.5 %)."""
    click_to_order: Share = 2.0
    """Conversion, orders ÷ product clicks: about 2 % (an average conversion near 1.8 % is quoted; one
    brand's playbook asks ≥ 3.5 %)."""
    gpm_reference: Annotated[float, Field(ge=0)] | None = None
    """Value: GMV per 1,000 views (GPM) to compare with. There is no public benchmark, so this is
    the seller's own median; when empty, a batch uses its own median."""
    min_avg_watch_seconds: Annotated[float, Field(ge=0)] = 5.0
    """Attention when no 2-second rate is known: an average watch time under 5 s points to a hook
    problem. For short videos the bar is :attr:`min_watched_share` of the length, if lower."""
    min_watched_share: Share = 25.0
    """Retention when no completion is known: average watch time ÷ length. No public benchmark: 25 %
    matches "20 %+ of viewers past half the video" for a typical viewer."""
    thin_sample_orders: Annotated[int, Field(ge=0)] = 30
    """Below 30 orders a video's conversion and value are a thin sample: confirm on the next videos."""
    min_videos_for_median: Annotated[int, Field(ge=1)] = 3
    """A batch's median GPM is used as the value benchmark only from 3 videos with GPM on."""
    median_share: Annotated[float, Field(gt=0, le=RATE_MAX)] = 50.0
    """Value against the batch's median: a video fails below 50 % of it. Half of any batch is below
    its median by definition, so the median itself would flag ordinary videos; half the median marks
    the ones that earn far less per view than their siblings (this app's rule)."""


DEFAULT_BENCHMARKS = FunnelBenchmarks()
"""The rules of thumb as shipped."""

_HOOK = (
    "https://tikadtools.com/blog/tiktok-ads-metrics",
    "https://newsletter.socialcommercesellers.com/p/4-key-tiktok-ad-metrics-to-10x-performance",
)
_FINISH = ("https://ads.tiktok.com/help/article/video-play?lang=en",)
SOURCES: Mapping[str, tuple[str, ...]] = {
    "hook_rate": _HOOK,
    "impression_hook_rate": _HOOK,
    "completion_rate": (
        *_FINISH,
        "https://tramicheck.com/newsletter/3-factors-to-improve-shoppable-video-metrics",
    ),
    "finish_rate": _FINISH,
    "product_ctr": (
        "https://www.shoppablelab.com/glossary/product-card-ctr",
        "https://www.10100.com/encyclopedia/interlocution/65093558",
    ),
    "click_through": (
        "https://tikadtools.com/blog/tiktok-ads-metrics",
        "https://applet.10100.com/edu/tiktok/869413",
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
    "median_share": (),
}
"""Where each default comes from (``shared/research/domain.md``, section 2 and "benchmarks by
definition", checked 2026-12: the per-impression hook samples of tuffgrowth and thesistesting and
heylect's hook bands are cited there without a stable address); an empty tuple is this app's own rule."""


class ReferenceRule(BaseModel):
    """How close a copy must stay to the reference video (usually the winner) to "hold" a stage."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    keep_percent: Annotated[float, Field(gt=0, le=RATE_MAX)] = 80.0
    """A copy holds a stage when it keeps at least 80 % of the reference's number: 36 % against a
    38 % hook is the same hook, 14 % is not. Lower it to flag only large drops."""


DEFAULT_REFERENCE_RULE = ReferenceRule()
"""Copies hold a stage at 80 % of the reference."""

_REFERENCE_MEASURES: tuple[tuple[str, str], ...] = tuple((m.benchmark, m.measure) for m in MEASURES.values())
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
    """Benchmarks at ``rule.keep_percent`` of a reference video's measures (each of its own
    definition); the measures the reference doesn't have keep ``base``."""
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
