"""Diagnose many videos at once: each one's bottleneck, the distribution, creators, the replicate view."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from content_logic.funnel.benchmarks import (
    DEFAULT_BENCHMARKS,
    DEFAULT_REFERENCE_RULE,
    FunnelBenchmarks,
    ReferenceRule,
    Source,
    benchmarks_from_reference,
)
from content_logic.funnel.diagnose import VideoDiagnosis, diagnosis_from, evaluate
from content_logic.funnel.models import FUNNEL_FIELDS, LABEL_FIELDS, STAGES, Stage, VideoFunnel
from content_logic.funnel.rates import video_columns
from content_logic.funnel.replicate import (
    DEFAULT_REPLICATE,
    LENGTH_BAND,
    ReplicatePolicy,
    ReplicateView,
    replicate_view,
)

MEASURE_COLUMNS: tuple[str, ...] = ("watched_share", "click_through", "click_to_order", "gpm")
"""Derived numbers added to the table next to the inputs."""

STATUSES: list[str] = ["pass", "below", "unknown"]
"""The values of the status columns (categorical, in this order)."""

STATUS_COLUMNS: tuple[str, ...] = tuple(f"{stage}_status" for stage in STAGES)
"""Per-stage verdict columns of the table: ``pass``, ``below`` or ``unknown``."""

_FIELD_STAGE: Mapping[str, Stage] = {
    "hook_rate": "attention",
    "min_avg_watch_seconds": "attention",
    "completion_rate": "retention",
    "min_watched_share": "retention",
    "click_through": "interest",
    "click_to_order": "conversion",
    "gpm_reference": "value",
}


def videos_frame(videos: Sequence[VideoFunnel]) -> pd.DataFrame:
    """Videos as the table :func:`diagnose_batch` reads: labels, numbers (NaN = unknown), traits."""
    columns: dict[str, object] = {name: [getattr(v, name) for v in videos] for name in LABEL_FIELDS}
    columns.update(video_columns(list(videos)))
    for name in dict.fromkeys(key for v in videos for key in v.traits):
        columns[name] = [v.traits.get(name) for v in videos]
    return pd.DataFrame(columns)


def trait_columns(frame: pd.DataFrame) -> tuple[str, ...]:
    """The columns that describe how videos were made (anything that isn't a label or a number we judge)."""
    known = {*LABEL_FIELDS, *FUNNEL_FIELDS, *MEASURE_COLUMNS, *STATUS_COLUMNS, "bottleneck", "row"}
    return tuple(c for c in frame.columns if c not in known)


def _unique_labels(frame: pd.DataFrame) -> pd.Series:
    """Each video's name, ``#n`` (its position) when blank, `` (2)`` appended to repeats."""
    raw = frame["video"] if "video" in frame else pd.Series(None, index=frame.index, dtype=object)
    text = raw.astype("string").str.strip()
    numbers = pd.Series([f"#{i}" for i in range(1, len(frame) + 1)], index=frame.index, dtype="string")
    labels = text.where(text.notna() & (text != ""), numbers)
    repeat = labels.groupby(labels, sort=False).cumcount()
    labels = labels.where(repeat == 0, labels + " (" + (repeat + 1).astype("string") + ")")
    return labels.astype(object)


class BatchDiagnosis(BaseModel):
    """Many videos judged with one set of benchmarks; tables are pandas frames for speed."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    videos: int
    table: pd.DataFrame
    """One row per video: labels, traits, inputs, derived rates, each stage's status, ``bottleneck``."""
    bottlenecks: dict[Stage, int]
    """How many videos have each stage as their bottleneck (every stage listed, zeros included)."""
    healthy: int
    """Videos with no stage below its benchmark."""
    benchmarks: FunnelBenchmarks
    """The benchmarks actually applied (after the reference video and the batch median)."""
    sources: dict[Stage, Source]
    gpm_median: float | None
    reference_video: str | None
    traits: tuple[str, ...]
    creators: pd.DataFrame
    """One row per creator: videos, summed numbers, pooled rates, ``main_bottleneck``, ``healthy``."""
    replicate: ReplicateView

    def for_video(self, label: str) -> VideoDiagnosis:
        """One video of the batch as a full diagnosis (meaning, fixes), judged exactly as in the table."""
        row = self.table.loc[self.table["video"] == label].iloc[0]
        values = {f: None if pd.isna(row[f]) else row[f] for f in FUNNEL_FIELDS}
        traits = {c: str(row[c]) for c in self.traits if c in row and pd.notna(row[c])}
        video = VideoFunnel(
            video=label,
            creator="" if pd.isna(row["creator"]) else str(row["creator"]),
            date="" if pd.isna(row["date"]) else str(row["date"]),
            traits=traits,
            **values,
        )
        evaluation = evaluate(video_columns([video]), self.benchmarks)
        return diagnosis_from(video, evaluation, 0, benchmarks=self.benchmarks, sources=self.sources)


def _creators(table: pd.DataFrame) -> pd.DataFrame:
    creator = table["creator"].where(table["creator"].notna(), "").astype(str).str.strip()
    views, clicks = table["views"], table["product_clicks"]
    parts = pd.DataFrame(
        {
            "creator": creator,
            "videos": 1,
            "views": views,
            "product_clicks": clicks,
            "orders": table["orders"],
            "gmv": table["gmv"],
            "healthy": table["bottleneck"].isna().astype(int),
            "_views_c": views.where(clicks.notna()),
            "_clicks_o": clicks.where(table["orders"].notna()),
            "_views_g": views.where(table["gmv"].notna()),
        }
    )
    sums = parts.groupby("creator", sort=False).sum(min_count=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        sums["click_through"] = sums["product_clicks"] / sums["_views_c"] * 100
        sums["click_to_order"] = sums["orders"] / sums["_clicks_o"] * 100
        sums["gpm"] = sums["gmv"] / sums["_views_g"] * 1000
    counts = (
        table["bottleneck"]
        .groupby([creator, table["bottleneck"]], sort=False)
        .size()
        .unstack(fill_value=0)
        .reindex(index=sums.index, columns=list(STAGES), fill_value=0)
    )
    main = counts.idxmax(axis=1).where(counts.max(axis=1) > 0)
    sums["main_bottleneck"] = main
    sums = sums.drop(columns=["_views_c", "_clicks_o", "_views_g"]).reset_index()
    return sums.sort_values(["gmv", "views"], ascending=False, na_position="last", kind="stable").reset_index(
        drop=True
    )


def _reference(
    labels: pd.Series, measures: Mapping[str, np.ndarray], name: str | None
) -> Mapping[str, float | None] | None:
    if not name:
        return None
    hits = np.flatnonzero((labels == name).to_numpy())
    if not len(hits):
        return None
    return {m: float(v[hits[0]]) for m, v in measures.items()}


def diagnose_batch(
    videos: pd.DataFrame | Sequence[VideoFunnel],
    *,
    benchmarks: FunnelBenchmarks = DEFAULT_BENCHMARKS,
    reference_video: str | None = None,
    reference_rule: ReferenceRule = DEFAULT_REFERENCE_RULE,
    replicate: ReplicatePolicy = DEFAULT_REPLICATE,
    replicate_by: Sequence[str] | None = None,
) -> BatchDiagnosis:
    """Each video's bottleneck, how often each stage is the bottleneck, creators, and the replicate view.

    ``videos`` is a table with the :data:`FUNNEL_FIELDS` (missing columns count as unknown) or models;
    rows are assumed valid (``batch_io`` checks uploads). With ``reference_video`` (a video label),
    each stage is judged against that video at ``reference_rule.keep_percent``. GPM is judged against
    ``benchmarks.gpm_reference`` or, when that is empty, the batch's own median (no public benchmark).
    ``replicate_by`` picks the trait columns to compare (default: all, plus the length band).
    """
    frame = videos_frame(videos) if not isinstance(videos, pd.DataFrame) else videos
    table = frame.reset_index(drop=True).copy()
    for name in FUNNEL_FIELDS:
        table[name] = pd.to_numeric(table[name], errors="coerce") if name in table else np.nan
    for name in ("creator", "date"):
        if name not in table:
            table[name] = None
    table["video"] = _unique_labels(table)
    columns = {name: table[name].to_numpy(dtype=np.float64, na_value=np.nan) for name in FUNNEL_FIELDS}

    sources: dict[Stage, Source] = {s: "rule_of_thumb" for s in STAGES}
    if benchmarks.gpm_reference is not None:
        sources["value"] = "own"
    effective = benchmarks
    first_pass = evaluate(columns, benchmarks)
    reference = _reference(table["video"], first_pass.measures, reference_video)
    if reference is not None:
        derived = benchmarks_from_reference(reference, rule=reference_rule, base=benchmarks)
        effective = derived.benchmarks
        sources.update({_FIELD_STAGE[field]: "reference_video" for field in derived.from_reference})
    gpm = first_pass.measures["gpm"]
    known_gpm = gpm[~np.isnan(gpm)]
    median = float(np.median(known_gpm)) if len(known_gpm) else None
    enough = len(known_gpm) >= effective.min_videos_for_median
    if effective.gpm_reference is None and median is not None and enough:
        effective = effective.model_copy(update={"gpm_reference": median})
        sources["value"] = "batch_median"
    evaluation = first_pass if effective is benchmarks else evaluate(columns, effective)

    for name in MEASURE_COLUMNS:
        table[name] = evaluation.measures[name]
    status = np.where(evaluation.judged, evaluation.below.astype(np.int8), 2)
    for index, name in enumerate(STATUS_COLUMNS):
        table[name] = pd.Categorical.from_codes(status[:, index], categories=STATUSES)
    table["bottleneck"] = pd.Categorical.from_codes(evaluation.bottleneck, categories=list(STAGES))

    counts = np.bincount(evaluation.bottleneck[evaluation.bottleneck >= 0], minlength=len(STAGES))
    traits = trait_columns(frame)
    compare = tuple(replicate_by) if replicate_by is not None else (*traits, LENGTH_BAND)
    return BatchDiagnosis(
        videos=len(table),
        table=table,
        bottlenecks={stage: int(counts[i]) for i, stage in enumerate(STAGES)},
        healthy=int((evaluation.bottleneck < 0).sum()),
        benchmarks=effective,
        sources=sources,
        gpm_median=median,
        reference_video=reference_video if reference is not None else None,
        traits=traits,
        creators=_creators(table),
        replicate=replicate_view(table, columns=compare, policy=replicate),
    )
