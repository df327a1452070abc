"""The typed result of an assessment: the videos' table with every stage's verdict, the counts, the
benchmarks applied and where they came from, and THE headline tie rule used by page, brief and room."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from pydantic import BaseModel, ConfigDict

from content_logic.funnel.inputs import Mode
from content_logic.funnel.judge import VideoDiagnosis, diagnosis_from, evaluate, video_columns
from content_logic.funnel.models import FUNNEL_FIELDS, STAGES, Measure, Stage, VideoFunnel
from content_logic.funnel.policy import FunnelBenchmarks, Source
from content_logic.funnel.replicate import ReplicateView

MEASURE_COLUMNS: tuple[str, ...] = ("watched_share", "product_ctr", "click_through", "click_to_order", "gpm")
"""Derived numbers added to the table next to the inputs."""

STATUSES: list[str] = ["pass", "below", "unknown"]
"""The values of the status columns (categorical, in this order)."""

STATUS_COLUMNS: tuple[str, ...] = tuple(f"{stage}_status" for stage in STAGES)
"""Per-stage verdict columns of the table: ``pass``, ``below`` or ``unknown``."""


class Headline(BaseModel):
    """The batch's headline: its most common bottleneck and the stages tied with it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    stage: Stage | None
    """``None`` when no video has a bottleneck."""
    count: int
    tied: tuple[Stage, ...] = ()
    """Other stages with as many videos; the headline names the earliest of them all."""


def headline_of(counts: Mapping[Stage, int]) -> Headline:
    """THE tie rule (page, brief and room summary): the stage most videos stop at first; on a tie
    the earliest in funnel order, because a leak early in the funnel starves every later stage."""
    top = max((counts.get(s, 0) for s in STAGES), default=0)
    if top <= 0:
        return Headline(stage=None, count=0)
    tied = [s for s in STAGES if counts.get(s, 0) == top]
    return Headline(stage=tied[0], count=top, tied=tuple(tied[1:]))


class FunnelResult(BaseModel):
    """Videos judged with one set of benchmarks (one video in single mode); tables are pandas frames."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    mode: Mode = "batch"
    videos: int
    table: pd.DataFrame
    """One row per video: labels, traits, inputs, derived rates, each stage's status, ``bottleneck``."""
    bottlenecks: dict[Stage, int]
    """How many videos have each stage as their bottleneck (every stage listed, zeros included)."""
    failing: dict[Stage, int]
    """How many videos fail each stage, bottleneck or not."""
    healthy: int
    """Videos with no stage below its benchmark."""
    judged: int
    """Videos with at least one stage judged."""
    measures_used: dict[Measure, int]
    """Videos judged by each measure: the definitions the data gave (finish rate per view...)."""
    benchmarks: FunnelBenchmarks
    """The benchmarks actually applied (after the reference video and the batch median)."""
    sources: dict[Stage, Source]
    gpm_median: float | None
    reference_video: str | None
    traits: tuple[str, ...]
    """The content columns (the vocabulary's traits or those the user marked): never IDs, costs or metrics."""
    comparable: tuple[str, ...] = ()
    """What "replicate the winners" can compare: the traits, the creator (when there are several) and
    the length band."""
    creators: pd.DataFrame
    """One row per creator: videos, summed numbers, pooled rates, ``main_bottleneck``, ``healthy``."""
    replicate: ReplicateView

    @property
    def headline(self) -> Headline:
        """The most common bottleneck by :func:`headline_of`."""
        return headline_of(self.bottlenecks)

    @property
    def single(self) -> VideoDiagnosis:
        """The first video as a full diagnosis (single mode's one video)."""
        return self.for_video(str(self.table["video"].iloc[0]))

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
