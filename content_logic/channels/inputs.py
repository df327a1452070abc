"""The page's inputs as one model that turns into a JSON-ready dict and back (saved work, workshops)."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, ValidationError

from content_logic.channels.demo import StoryId
from content_logic.channels.models import WeeklySales
from content_logic.channels.policy import StabilityPolicy, StockPlan
from content_logic.problems import InputError, Problem

INPUTS_VERSION = 1
"""Bumped when the saved shape changes, so old saves are recognised."""


class ChannelInputs(BaseModel):
    """Everything the seller chose: the starting story, the weekly numbers in use, thresholds, stock plan."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    story: StoryId | None = None
    """The demo story the table started from (None: an empty table or an upload)."""
    source: str | None = None
    """The uploaded file's name when the numbers came from a file."""
    sales: WeeklySales
    policy: StabilityPolicy = StabilityPolicy()
    plan: StockPlan = StockPlan()


def inputs_to_json(inputs: ChannelInputs) -> dict[str, object]:
    """A JSON-ready dict of the inputs (lists, strings and numbers only)."""
    return {"version": INPUTS_VERSION, **inputs.model_dump(mode="json")}


def inputs_from_json(data: Mapping[str, object]) -> ChannelInputs:
    """The inputs back from ``inputs_to_json``; raises ``InputError`` when the saved data doesn't fit."""
    payload = {k: v for k, v in data.items() if k != "version"}
    try:
        return ChannelInputs.model_validate(payload)
    except ValidationError as exc:
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
        raise InputError([Problem(code="channels_saved_inputs", values={"detail": detail})]) from None


def policy_from_values(values: Mapping[str, object]) -> StabilityPolicy:
    """A policy from edited thresholds; raises ``InputError`` when two thresholds contradict each other."""
    merged = {**StabilityPolicy().model_dump(), **values}
    stable, volatile = merged["max_cv_stable"], merged["max_cv_emerging"]
    if isinstance(stable, int | float) and isinstance(volatile, int | float) and volatile < stable:
        raise InputError(
            [Problem(code="channels_policy_cv", values={"stable": stable, "volatile": volatile})]
        )
    return StabilityPolicy.model_validate(merged)
