"""Everything the user set on the funnel page as one model, saved as JSON and restored for a returning
attendee (the contract's ``inputs_to_json`` / ``inputs_from_json``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, JsonValue, ValidationError

from content_logic.funnel.models import VideoFunnel
from content_logic.funnel.policy import FunnelBenchmarks, ReferenceRule
from content_logic.funnel.replicate import ReplicatePolicy
from content_logic.problems import InputError, Problem

Mode = Literal["single", "batch"]
BatchSource = Literal["demo", "upload", "table"]
DemoId = Literal["influencer", "weak_hook", "copies"]
"""influencer: a campaign with big views and few sales; weak_hook: a self-produced series whose
openings lose viewers; copies: a winning video and three copies that missed (lesson
"replicate-winners")."""
Cell = str | float | int | None

LESSON_EXAMPLE = VideoFunnel(
    views=300_000, hook_rate=42, completion_rate=45, product_clicks=480, orders=12, gmv=348
)
"""The worked example of the lesson "views-no-sales": the form starts with it (bottleneck: interest)."""


class FunnelInputs(BaseModel):
    """Everything the diagnosis needs: one video (single mode) or a batch of videos with where they
    came from, the benchmarks, the reference video and the replicate options."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mode: Mode = "single"
    video: VideoFunnel = LESSON_EXAMPLE
    videos: tuple[VideoFunnel, ...] = ()
    """The batch: a demo's videos, a file's rows or the typed table's, with their traits."""
    benchmarks: FunnelBenchmarks = FunnelBenchmarks()
    source: BatchSource = "demo"
    demo: DemoId = "influencer"
    table_rows: tuple[dict[str, Cell], ...] = ()
    """Rows typed or pasted into the batch table, keyed by column name (kept as typed)."""
    reference_video: str | None = None
    reference_rule: ReferenceRule = ReferenceRule()
    replicate: ReplicatePolicy = ReplicatePolicy()
    replicate_by: tuple[str, ...] | None = None
    """The trait columns the replicate view compares (default: every trait, plus the length band)."""


def inputs_to_json(inputs: FunnelInputs) -> dict[str, JsonValue]:
    """The inputs as a JSON-able dict (an upload's bytes are never in it; its read videos are)."""
    return inputs.model_dump(mode="json")


def inputs_from_json(data: Mapping[str, object]) -> FunnelInputs:
    """Inputs back from :func:`inputs_to_json`; raises :class:`InputError` if they no longer fit."""
    try:
        return FunnelInputs.model_validate(dict(data))
    except ValidationError as exc:
        where = ", ".join(".".join(str(p) for p in error["loc"]) for error in exc.errors()[:5])
        raise InputError([Problem(code="funnel_saved_inputs", values={"fields": where})]) from None
