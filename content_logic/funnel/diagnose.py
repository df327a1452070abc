"""Find a video's first funnel stage below its benchmark, what that means in content terms, and the fix.

The stage arithmetic is written once, over numpy arrays, so one video and ten thousand are judged
by the same lines (:func:`evaluate`); :func:`diagnose_video` wraps it for one video.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, NamedTuple

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict

from content_logic.funnel.advice import ADVICE, Advice
from content_logic.funnel.benchmarks import DEFAULT_BENCHMARKS, FunnelBenchmarks, Source
from content_logic.funnel.models import STAGES, Stage, VideoFunnel, video_problems
from content_logic.funnel.rates import Floats, measures, video_columns
from content_logic.problems import InputError

Bools = npt.NDArray[np.bool_]

Status = Literal["pass", "below", "unknown"]
Measure = Literal[
    "hook_rate",
    "avg_watch_seconds",
    "completion_rate",
    "watched_share",
    "click_through",
    "click_to_order",
    "gpm",
]
Gap = Literal["missing", "zero_base", "no_reference"]
"""Why a stage could not be judged: an input is unknown, its base is zero (no views, no clicks),
or there is nothing to compare with (GPM without a reference)."""

STAGE_MEASURES: Mapping[Stage, tuple[Measure, Measure | None]] = {
    "attention": ("hook_rate", "avg_watch_seconds"),
    "retention": ("completion_rate", "watched_share"),
    "interest": ("click_through", None),
    "conversion": ("click_to_order", None),
    "value": ("gpm", None),
}
"""Each stage's measure, and the stand-in used when the first one's input is unknown."""

STAGE_INPUTS: Mapping[Stage, tuple[tuple[str, ...], ...]] = {
    "attention": (("hook_rate",), ("avg_watch_seconds",)),
    "retention": (("completion_rate",), ("avg_watch_seconds", "video_seconds")),
    "interest": (("views", "product_clicks"),),
    "conversion": (("product_clicks", "orders"),),
    "value": (("views", "gmv"),),
}
"""The inputs each measure needs (alternatives in the order of :data:`STAGE_MEASURES`)."""

_BENCHMARK_OF: Mapping[Measure, str] = {
    "hook_rate": "hook_rate",
    "completion_rate": "completion_rate",
    "click_through": "click_through",
    "click_to_order": "click_to_order",
    "gpm": "gpm_reference",
}
"""The benchmark field of each stage's first measure."""

EPSILON = 1e-9
"""A number exactly at its benchmark passes even when float division lands a hair below it."""


class Evaluation(NamedTuple):
    """Every stage of every video: value, benchmark, whether the first measure was used, verdicts."""

    values: Mapping[Stage, Floats]
    thresholds: Mapping[Stage, Floats]
    primary: Mapping[Stage, Bools]
    judged: Bools
    """Shape (videos, 5), stages in :data:`STAGES` order."""
    below: Bools
    bottleneck: npt.NDArray[np.intp]
    """Index into :data:`STAGES` of the first stage below its benchmark, -1 when there is none."""
    measures: Mapping[str, Floats]
    """The inputs and derived rates from :func:`measures`."""


def evaluate(columns: Mapping[str, Floats], benchmarks: FunnelBenchmarks) -> Evaluation:
    """Judge every stage of every video; ``columns`` holds one float array (NaN = unknown) per field."""
    b = benchmarks
    col = measures(columns)
    n = len(col["views"])
    watch, length = col["avg_watch_seconds"], col["video_seconds"]
    hook_known = ~np.isnan(col["hook_rate"])
    completion_known = ~np.isnan(col["completion_rate"])
    short_video_bar = np.fmin(b.min_avg_watch_seconds, b.min_watched_share / 100 * length)
    full = np.full(n, 1.0)
    values: dict[Stage, Floats] = {
        "attention": np.where(hook_known, col["hook_rate"], watch),
        "retention": np.where(completion_known, col["completion_rate"], col["watched_share"]),
        "interest": col["click_through"],
        "conversion": col["click_to_order"],
        "value": col["gpm"],
    }
    thresholds: dict[Stage, Floats] = {
        "attention": np.where(hook_known, b.hook_rate, short_video_bar),
        "retention": np.where(completion_known, b.completion_rate, b.min_watched_share),
        "interest": full * b.click_through,
        "conversion": full * b.click_to_order,
        "value": full * (np.nan if b.gpm_reference is None else b.gpm_reference),
    }
    primary: dict[Stage, Bools] = {
        "attention": hook_known,
        "retention": completion_known,
        **{stage: np.ones(n, dtype=np.bool_) for stage in STAGES[2:]},
    }
    value_matrix = np.column_stack([values[s] for s in STAGES]) if n else np.empty((0, len(STAGES)))
    threshold_matrix = np.column_stack([thresholds[s] for s in STAGES]) if n else np.empty((0, len(STAGES)))
    judged = ~np.isnan(value_matrix) & ~np.isnan(threshold_matrix)
    slack = EPSILON * np.fmax(1.0, np.abs(threshold_matrix))
    below = judged & (value_matrix + slack < threshold_matrix)
    bottleneck = np.where(below.any(axis=1), below.argmax(axis=1), -1)
    return Evaluation(values, thresholds, primary, judged, below, bottleneck, col)


class StageCheck(BaseModel):
    """One stage of one video: which measure, its value against which benchmark, and the verdict."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    stage: Stage
    status: Status
    measure: Measure
    """The measure used, or (when unknown) the one that would have been."""
    value: float | None = None
    threshold: float | None = None
    source: Source = "rule_of_thumb"
    gap: Gap | None = None
    missing: tuple[str, ...] = ()
    """Inputs that were unknown, when ``gap`` is ``"missing"``."""


class VideoDiagnosis(BaseModel):
    """One video's verdict: the bottleneck, every stage's numbers, what could not be judged, the advice."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    video: VideoFunnel
    stages: tuple[StageCheck, ...]
    bottleneck: Stage | None
    later_below: tuple[Stage, ...]
    """Stages after the bottleneck that are also below: fix the bottleneck first."""
    not_judged: tuple[Stage, ...]
    unjudged_before: tuple[Stage, ...]
    """Unjudged stages before the bottleneck: the real bottleneck may be one of them."""
    gpm: float | None
    thin_sample: bool
    """Fewer orders than ``thin_sample_orders``: confirm the pattern on the next videos."""
    advice: Advice


def _gap(stage: Stage, video: VideoFunnel, threshold: float) -> tuple[Gap, tuple[str, ...]]:
    alternatives = STAGE_INPUTS[stage]
    if not any(all(getattr(video, f) is not None for f in inputs) for inputs in alternatives):
        missing = dict.fromkeys(f for inputs in alternatives for f in inputs if getattr(video, f) is None)
        return "missing", tuple(missing)
    if np.isnan(threshold):
        return "no_reference", ()
    return "zero_base", ()


def diagnosis_from(
    video: VideoFunnel,
    evaluation: Evaluation,
    row: int,
    *,
    benchmarks: FunnelBenchmarks,
    sources: Mapping[Stage, Source],
) -> VideoDiagnosis:
    """The typed diagnosis of row ``row`` of an :class:`Evaluation` (``video`` holds that row's numbers)."""
    checks: list[StageCheck] = []
    for index, stage in enumerate(STAGES):
        first, fallback = STAGE_MEASURES[stage]
        measure = first if evaluation.primary[stage][row] or fallback is None else fallback
        value = float(evaluation.values[stage][row])
        threshold = float(evaluation.thresholds[stage][row])
        source = sources.get(stage, "rule_of_thumb")
        if evaluation.judged[row, index]:
            status: Status = "below" if evaluation.below[row, index] else "pass"
            checks.append(
                StageCheck(
                    stage=stage,
                    measure=measure,
                    source=source,
                    status=status,
                    value=value,
                    threshold=threshold,
                )
            )
        else:
            gap, missing = _gap(stage, video, threshold)
            if gap == "missing":  # name the measure to collect, with its own benchmark
                measure, threshold = first, getattr(benchmarks, _BENCHMARK_OF[first]) or np.nan
            checks.append(
                StageCheck(
                    stage=stage,
                    measure=measure,
                    source=source,
                    status="unknown",
                    threshold=None if np.isnan(threshold) else threshold,
                    gap=gap,
                    missing=missing,
                )
            )
    first_below = int(evaluation.bottleneck[row])
    bottleneck = STAGES[first_below] if first_below >= 0 else None
    not_judged = tuple(c.stage for c in checks if c.status == "unknown")
    gpm = float(evaluation.values["value"][row])
    return VideoDiagnosis(
        video=video,
        stages=tuple(checks),
        bottleneck=bottleneck,
        later_below=tuple(c.stage for c in checks[first_below + 1 :] if c.status == "below")
        if bottleneck
        else (),
        not_judged=not_judged,
        unjudged_before=tuple(s for s in not_judged if bottleneck and STAGES.index(s) < first_below),
        gpm=None if np.isnan(gpm) else gpm,
        thin_sample=video.orders is not None and video.orders < benchmarks.thin_sample_orders,
        advice=ADVICE[bottleneck or "healthy"],
    )


def diagnose_video(
    video: VideoFunnel, *, benchmarks: FunnelBenchmarks = DEFAULT_BENCHMARKS
) -> VideoDiagnosis:
    """The first stage below its benchmark, the numbers behind every stage, and what to change.

    Raises :class:`InputError` when the numbers can't all be true (more clicks than views...).
    GPM is judged only against ``benchmarks.gpm_reference`` (there is no public benchmark).
    """
    problems = video_problems(video)
    if problems:
        raise InputError(problems)
    evaluation = evaluate(video_columns([video]), benchmarks)
    value_source: Source = "own" if benchmarks.gpm_reference is not None else "rule_of_thumb"
    return diagnosis_from(video, evaluation, 0, benchmarks=benchmarks, sources={"value": value_source})
