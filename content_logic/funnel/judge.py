"""Judge every stage of every video against the benchmark of its own definition: which stages fail,
which can't be judged, and the first failing one (the bottleneck) with what it means and the fix.

The arithmetic is written once, over numpy arrays, so one video and ten thousand are judged by the
same lines (:func:`evaluate`); :func:`diagnosis_from` turns one row into a typed diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import Literal, NamedTuple

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict

from content_logic.funnel.models import FUNNEL_FIELDS, STAGE_TABLE, STAGES, Measure, Stage, VideoFunnel
from content_logic.funnel.policy import FunnelBenchmarks, Source

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]

Status = Literal["pass", "below", "unknown"]
Gap = Literal["missing", "zero_base", "no_reference"]
"""Why a stage could not be judged: an input is unknown, its base is zero (no views, no clicks),
or there is nothing to compare with (GPM without a reference)."""

EPSILON = 1e-9
"""A number exactly at its benchmark passes even when float division lands a hair below it."""


class Advice(BaseModel):
    """String keys: what a verdict usually means in content terms, fixes for the next video, brief lines."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    meaning: str
    fixes: tuple[str, ...]
    brief: tuple[str, ...]


def _advice(name: str, fixes: int = 3, brief: int = 2) -> Advice:
    return Advice(
        meaning=f"funnel.meaning.{name}",
        fixes=tuple(f"funnel.fix.{name}_{i}" for i in range(1, fixes + 1)),
        brief=tuple(f"funnel.brief.{name}_{i}" for i in range(1, brief + 1)),
    )


ADVICE: Mapping[Stage | Literal["healthy"], Advice] = {
    **{stage: _advice(stage) for stage in STAGES},
    "healthy": _advice("healthy"),
}
"""attention: no hook; retention: a hook with no reason to stay; interest: a story without the
product's selling point; conversion: a selling point without trust or an offer; value: the wrong
audience for the product (or a small basket); healthy: brief other creators from it."""


def measures(columns: Mapping[str, Floats]) -> dict[str, Floats]:
    """The inputs as float arrays (NaN = unknown) plus the derived rates in percent (watched share,
    product CTR, click-through, click to order) and GPM; a zero base gives NaN, never a division error."""
    col = {name: np.asarray(columns[name], dtype=np.float64) for name in FUNNEL_FIELDS}
    views, clicks, shown = col["views"], col["product_clicks"], col["product_impressions"]
    with np.errstate(divide="ignore", invalid="ignore"):
        length = col["video_seconds"]
        col["watched_share"] = np.where(length > 0, col["avg_watch_seconds"] / length * 100, np.nan)
        col["product_ctr"] = np.where(shown > 0, clicks / shown * 100, np.nan)
        col["click_through"] = np.where(views > 0, clicks / views * 100, np.nan)
        col["click_to_order"] = np.where(clicks > 0, col["orders"] / clicks * 100, np.nan)
        col["gpm"] = np.where(views > 0, col["gmv"] / views * 1000, np.nan)
    return col


_NUMBERS = attrgetter(*FUNNEL_FIELDS)


def video_columns(videos: Sequence[VideoFunnel]) -> dict[str, Floats]:
    """The numeric fields of some videos as float arrays, NaN where unknown (one C call per video)."""
    matrix = np.array(list(map(_NUMBERS, videos)), dtype=np.float64).reshape(-1, len(FUNNEL_FIELDS))
    return {field: matrix[:, index] for index, field in enumerate(FUNNEL_FIELDS)}


def _threshold(benchmark: str, col: Mapping[str, Floats], b: FunnelBenchmarks, n: int) -> Floats:
    if benchmark == "min_avg_watch_seconds":  # short videos: a share of their length, if lower
        return np.fmin(b.min_avg_watch_seconds, b.min_watched_share / 100 * col["video_seconds"])
    value = getattr(b, benchmark)
    return np.full(n, np.nan if value is None else float(value))


class Evaluation(NamedTuple):
    """Every stage of every video: the measure used, its value and benchmark, and the verdicts."""

    chosen: npt.NDArray[np.intp]
    """Shape (videos, 5): index into the stage's measures in :data:`STAGE_TABLE`, -1 when none is known."""
    values: Floats
    thresholds: Floats
    judged: Bools
    below: Bools
    bottleneck: npt.NDArray[np.intp]
    """Index into :data:`STAGES` of the first stage below its benchmark, -1 when there is none."""
    measures: Mapping[str, Floats]


def evaluate(columns: Mapping[str, Floats], benchmarks: FunnelBenchmarks) -> Evaluation:
    """Judge every stage of every video; ``columns`` holds one float array (NaN = unknown) per field."""
    col = measures(columns)
    n = len(col["views"])
    shape = (n, len(STAGES))
    chosen = np.full(shape, -1, dtype=np.intp)
    values, thresholds = np.full(shape, np.nan), np.full(shape, np.nan)
    for s, stage in enumerate(STAGES):
        for m, spec in enumerate(STAGE_TABLE[stage]):
            value = col[spec.measure]
            take = (chosen[:, s] < 0) & ~np.isnan(value)
            chosen[:, s] = np.where(take, m, chosen[:, s])
            values[:, s] = np.where(take, value, values[:, s])
            thresholds[:, s] = np.where(
                take, _threshold(spec.benchmark, col, benchmarks, n), thresholds[:, s]
            )
    judged = ~np.isnan(values) & ~np.isnan(thresholds)
    slack = EPSILON * np.fmax(1.0, np.abs(np.nan_to_num(thresholds)))
    below = judged & (values + slack < thresholds)
    bottleneck = np.where(below.any(axis=1), below.argmax(axis=1), -1)
    return Evaluation(chosen, values, thresholds, judged, below, bottleneck, col)


class StageCheck(BaseModel):
    """One stage of one video: which measure (so which definition), its value against its benchmark."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    stage: Stage
    status: Status
    measure: Measure
    """The measure used, or (when unknown) the one the course prefers, to say what to collect."""
    value: float | None = None
    threshold: float | None = None
    source: Source = "rule_of_thumb"
    gap: Gap | None = None
    missing: tuple[str, ...] = ()
    """Inputs that were unknown, when ``gap`` is ``"missing"``."""


class VideoDiagnosis(BaseModel):
    """One video's verdict: every failing stage (the first is the bottleneck), every stage's numbers,
    what could not be judged, and the advice for the bottleneck."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    video: VideoFunnel
    stages: tuple[StageCheck, ...]
    failing: tuple[Stage, ...]
    """Every stage below its benchmark, in funnel order."""
    bottleneck: Stage | None
    """The first failing stage; an unknown stage never is one."""
    later_below: tuple[Stage, ...]
    """Failing stages after the bottleneck: fix the bottleneck first."""
    not_judged: tuple[Stage, ...]
    unjudged_before: tuple[Stage, ...]
    """Unjudged stages before the bottleneck: the real bottleneck may be one of them."""
    gpm: float | None
    thin_sample: bool
    """Fewer orders than ``thin_sample_orders``: confirm the pattern on the next videos."""
    advice: Advice

    @property
    def judged(self) -> bool:
        """At least one stage could be judged."""
        return len(self.not_judged) < len(STAGES)


def _gap(stage: Stage, video: VideoFunnel, value: float) -> tuple[Gap, tuple[str, ...]]:
    alternatives = [spec.needs for spec in STAGE_TABLE[stage]]
    if not any(all(getattr(video, f) is not None for f in needs) for needs in alternatives):
        missing = dict.fromkeys(f for needs in alternatives for f in needs if getattr(video, f) is None)
        return "missing", tuple(missing)
    return ("no_reference", ()) if not np.isnan(value) else ("zero_base", ())


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
    for s, stage in enumerate(STAGES):
        index = int(evaluation.chosen[row, s])
        spec = STAGE_TABLE[stage][max(index, 0)]
        value, threshold = float(evaluation.values[row, s]), float(evaluation.thresholds[row, s])
        source = sources.get(stage, "rule_of_thumb")
        if evaluation.judged[row, s]:
            status: Status = "below" if evaluation.below[row, s] else "pass"
            checks.append(StageCheck(stage=stage, measure=spec.measure, source=source, status=status,
                                     value=value, threshold=threshold))  # fmt: skip
            continue
        gap, missing = _gap(stage, video, value)
        if gap == "missing":  # name the course's measure to collect, with its own benchmark
            threshold = getattr(benchmarks, spec.benchmark) or np.nan
        checks.append(StageCheck(stage=stage, measure=spec.measure, source=source, status="unknown",
                                 threshold=None if np.isnan(threshold) else threshold, gap=gap,
                                 missing=missing))  # fmt: skip
    failing = tuple(c.stage for c in checks if c.status == "below")
    bottleneck = failing[0] if failing else None
    not_judged = tuple(c.stage for c in checks if c.status == "unknown")
    first = STAGES.index(bottleneck) if bottleneck else len(STAGES)
    gpm = float(evaluation.measures["gpm"][row])
    return VideoDiagnosis(
        video=video,
        stages=tuple(checks),
        failing=failing,
        bottleneck=bottleneck,
        later_below=failing[1:],
        not_judged=not_judged,
        unjudged_before=tuple(s for s in not_judged if STAGES.index(s) < first) if bottleneck else (),
        gpm=None if np.isnan(gpm) else gpm,
        thin_sample=video.orders is not None and video.orders < benchmarks.thin_sample_orders,
        advice=ADVICE[bottleneck or "healthy"],
    )
