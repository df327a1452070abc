"""Assess a funnel (the contract's ``assess``): one video or many, each video's failing stages and
bottleneck, the counts, creators, and the replicate view."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain
from operator import attrgetter, methodcaller

import numpy as np
import pandas as pd

from content_logic.funnel.inputs import FunnelInputs, Mode
from content_logic.funnel.judge import evaluate, video_columns
from content_logic.funnel.models import (
    FUNNEL_FIELDS,
    LABEL_FIELDS,
    MEASURE_STAGE,
    STAGE_TABLE,
    STAGES,
    Measure,
    Stage,
    VideoFunnel,
    video_problems,
)
from content_logic.funnel.policy import (
    DEFAULT_BENCHMARKS,
    DEFAULT_REFERENCE_RULE,
    FunnelBenchmarks,
    ReferenceRule,
    Source,
    benchmarks_from_reference,
)
from content_logic.funnel.replicate import (
    DEFAULT_REPLICATE,
    LENGTH_BAND,
    ReplicatePolicy,
    replicate_view,
)
from content_logic.funnel.result import MEASURE_COLUMNS, STATUS_COLUMNS, STATUSES, FunnelResult
from content_logic.problems import InputError

_LABELS = attrgetter(*LABEL_FIELDS)
_TRAITS = attrgetter("traits")

_BASE_COLUMNS = frozenset((*LABEL_FIELDS, *FUNNEL_FIELDS))

_BENCHMARK_STAGE: Mapping[str, Stage] = {
    spec.benchmark: MEASURE_STAGE[spec.measure] for specs in STAGE_TABLE.values() for spec in specs
}
"""Benchmark field → the stage it judges."""


def videos_frame(videos: Sequence[VideoFunnel]) -> pd.DataFrame:
    """Videos as the table :func:`diagnose_batch` reads: labels, numbers (NaN = unknown), traits."""
    labels = list(zip(*map(_LABELS, videos), strict=True)) or [()] * len(LABEL_FIELDS)
    columns: dict[str, object] = {
        name: pd.Series(list(found), dtype=object)  # plain objects: no Arrow string conversion per column
        for name, found in zip(LABEL_FIELDS, labels, strict=True)
    }
    columns.update(video_columns(videos))
    traits = list(map(_TRAITS, videos))
    for name in dict.fromkeys(chain.from_iterable(traits)):
        columns[name] = pd.Series(list(map(methodcaller("get", name), traits)), dtype=object)
    return pd.DataFrame(columns)


def _unique_labels(frame: pd.DataFrame) -> pd.Series:
    """Each video's name, ``#n`` (its position) when blank, `` (2)`` appended to repeats."""
    raw = frame["video"] if "video" in frame else pd.Series(None, index=frame.index, dtype=object)
    text = raw.astype("string").str.strip()
    numbers = pd.Series([f"#{i}" for i in range(1, len(frame) + 1)], index=frame.index, dtype="string")
    labels = text.where(text.notna() & (text != ""), numbers)
    repeat = labels.groupby(labels, sort=False).cumcount()
    labels = labels.where(repeat == 0, labels + " (" + (repeat + 1).astype("string") + ")")
    return labels.astype(object)


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


def assess_frame(
    videos: pd.DataFrame | Sequence[VideoFunnel],
    *,
    benchmarks: FunnelBenchmarks = DEFAULT_BENCHMARKS,
    reference_video: str | None = None,
    reference_rule: ReferenceRule = DEFAULT_REFERENCE_RULE,
    replicate: ReplicatePolicy = DEFAULT_REPLICATE,
    replicate_by: Sequence[str] | None = None,
    traits: Sequence[str] | None = None,
    mode: Mode = "batch",
) -> FunnelResult:
    """Each video's failing stages and bottleneck, the counts, creators, and the replicate view.

    ``videos`` is a table with the :data:`FUNNEL_FIELDS` (missing columns count as unknown) or models;
    rows are assumed valid (the reader checks uploads). ``traits`` names the columns that describe how
    a video was made (default: the models' traits; never IDs, costs or metrics). With
    ``reference_video`` (a label), each stage is judged against that video at
    ``reference_rule.keep_percent``. GPM is judged against ``benchmarks.gpm_reference`` or, when that
    is empty, the batch's own median (there is no public benchmark).
    """
    if isinstance(videos, pd.DataFrame):
        frame = videos
        trait_names = tuple(traits or ())
    else:
        frame = videos_frame(videos)
        trait_names = (
            tuple(traits) if traits is not None else tuple(c for c in frame if c not in _BASE_COLUMNS)
        )
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
        sources.update({_BENCHMARK_STAGE[field]: "reference_video" for field in derived.from_reference})
    gpm = first_pass.measures["gpm"]
    known_gpm = gpm[~np.isnan(gpm)]
    median = float(np.median(known_gpm)) if len(known_gpm) else None
    enough = len(known_gpm) >= effective.min_videos_for_median
    if effective.gpm_reference is None and median is not None and enough:
        effective = effective.model_copy(update={"gpm_reference": median * effective.median_share / 100})
        sources["value"] = "batch_median"
    evaluation = first_pass if effective is benchmarks else evaluate(columns, effective)

    for name in MEASURE_COLUMNS:
        table[name] = evaluation.measures[name]
    status = np.where(evaluation.judged, evaluation.below.astype(np.int8), 2)
    for index, name in enumerate(STATUS_COLUMNS):
        table[name] = pd.Categorical.from_codes(status[:, index], categories=STATUSES)
    table["bottleneck"] = pd.Categorical.from_codes(evaluation.bottleneck, categories=list(STAGES))

    counts = np.bincount(evaluation.bottleneck[evaluation.bottleneck >= 0], minlength=len(STAGES))
    failing = evaluation.below.sum(axis=0)
    used: dict[Measure, int] = {}
    for s, stage in enumerate(STAGES):
        judged_by = evaluation.chosen[:, s][evaluation.judged[:, s]]
        for m, spec in enumerate(STAGE_TABLE[stage]):
            if (found := int((judged_by == m).sum())) > 0:
                used[spec.measure] = found
    creators = table["creator"].astype("string").str.strip()
    comparable = (*trait_names, *(("creator",) if creators.nunique() > 1 else ()), LENGTH_BAND)
    compare = tuple(c for c in (replicate_by if replicate_by is not None else comparable) if c in comparable)
    return FunnelResult(
        mode=mode,
        videos=len(table),
        table=table,
        bottlenecks={stage: int(counts[i]) for i, stage in enumerate(STAGES)},
        failing={stage: int(failing[i]) for i, stage in enumerate(STAGES)},
        healthy=int((evaluation.bottleneck < 0).sum()),
        judged=int(evaluation.judged.any(axis=1).sum()),
        measures_used=used,
        benchmarks=effective,
        sources=sources,
        gpm_median=median,
        reference_video=reference_video if reference is not None else None,
        traits=trait_names,
        comparable=comparable,
        creators=_creators(table),
        replicate=replicate_view(table, columns=compare, policy=replicate),
    )


def assess(inputs: FunnelInputs) -> FunnelResult:
    """The contract's verb: the one video (single mode) or the batch of ``inputs``, judged.

    Raises :class:`InputError` when the single video's numbers can't all be true (more clicks than
    views...); a batch's rows were checked when they were read.
    """
    if inputs.mode == "single":
        problems = video_problems(inputs.video)
        if problems:
            raise InputError(problems)
        return assess_frame([inputs.video], benchmarks=inputs.benchmarks, traits=(), mode="single")
    return assess_frame(
        inputs.videos,
        benchmarks=inputs.benchmarks,
        reference_video=inputs.reference_video,
        reference_rule=inputs.reference_rule,
        replicate=inputs.replicate,
        replicate_by=inputs.replicate_by,
    )
