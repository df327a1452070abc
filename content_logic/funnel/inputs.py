"""The page's inputs as one model, to save as JSON and restore for a returning attendee; the room summary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from content_logic.funnel.batch import BatchDiagnosis
from content_logic.funnel.benchmarks import FunnelBenchmarks, ReferenceRule
from content_logic.funnel.demo import DemoId
from content_logic.funnel.diagnose import VideoDiagnosis
from content_logic.funnel.models import STAGES, VideoFunnel, most_common
from content_logic.problems import InputError, Problem

Mode = Literal["single", "batch"]
BatchSource = Literal["demo", "upload", "table"]
Cell = str | float | int | None

LESSON_EXAMPLE = VideoFunnel(
    views=300_000, hook_rate=42, completion_rate=45, product_clicks=480, orders=12, gmv=348
)
"""The worked example of the lesson "views-no-sales": the form starts with it (bottleneck: interest)."""


class FunnelInputs(BaseModel):
    """Everything the user set on the funnel page, except an uploaded file's bytes (never saved)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mode: Mode = "single"
    video: VideoFunnel = LESSON_EXAMPLE
    benchmarks: FunnelBenchmarks = FunnelBenchmarks()
    source: BatchSource = "demo"
    demo: DemoId = "influencer"
    table_rows: tuple[dict[str, Cell], ...] = ()
    """Rows typed or pasted into the batch table, keyed by column name."""
    reference_video: str | None = None
    reference_rule: ReferenceRule = ReferenceRule()
    replicate_by: tuple[str, ...] | None = None


def dump_inputs(inputs: FunnelInputs) -> dict[str, object]:
    """The inputs as a JSON-able dict (no raw upload)."""
    return inputs.model_dump(mode="json")


def load_inputs(data: Mapping[str, object]) -> FunnelInputs:
    """Inputs back from :func:`dump_inputs`; raises :class:`InputError` if they no longer fit."""
    try:
        return FunnelInputs.model_validate(dict(data))
    except ValidationError as exc:
        where = ", ".join(".".join(str(p) for p in error["loc"]) for error in exc.errors()[:5])
        raise InputError([Problem(code="funnel_saved_inputs", values={"fields": where})]) from None


def room_summary(result: VideoDiagnosis | BatchDiagnosis) -> dict[str, object]:
    """An anonymous summary to share with a workshop: verdicts and counts, never the numbers.

    ``bottleneck``: the stage id of a single video (for a batch: its most common bottleneck, the
    earliest stage on a tie), ``None`` when there is none; ``bottlenecks``: videos per stage id (all
    five, zeros included); ``videos``: how many videos were judged.
    """
    if isinstance(result, VideoDiagnosis):
        counts = {stage: int(stage == result.bottleneck) for stage in STAGES}
        return {"bottleneck": result.bottleneck, "bottlenecks": counts, "videos": 1}
    counts = {stage: int(result.bottlenecks.get(stage, 0)) for stage in STAGES}
    return {"bottleneck": most_common(counts), "bottlenecks": counts, "videos": int(result.videos)}
