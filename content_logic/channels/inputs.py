"""What the seller gives the checker, as one model that turns into a JSON-ready dict and back."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, JsonValue, ValidationError

from content_logic.channels.models import DemoId, WeeklySales
from content_logic.channels.policy import StabilityPolicy, StockPlan
from content_logic.problems import InputError, Problem

INPUTS_VERSION = 2
"""Bumped when the saved shape changes (2: peaks, volume, share and recent-drop rules)."""


class ChannelInputs(BaseModel):
    """Everything the seller chose: the starting story, the weekly numbers in use, rules, stock plan."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    story: DemoId | None = None
    """The demo story the table started from (None: an empty table or an upload)."""
    source: str | None = None
    """The uploaded file's name when the numbers came from a file."""
    sales: WeeklySales
    policy: StabilityPolicy = StabilityPolicy()
    plan: StockPlan = StockPlan()


def inputs_to_json(inputs: ChannelInputs) -> dict[str, JsonValue]:
    """A JSON-ready dict of the inputs (lists, strings and numbers only)."""
    return {"version": INPUTS_VERSION, **inputs.model_dump(mode="json")}


def inputs_from_json(data: Mapping[str, object]) -> ChannelInputs:
    """The inputs back from ``inputs_to_json``; raises ``InputError`` when the saved data doesn't fit.

    Saves of version 1 carry the old rules: their thresholds are kept, the new rules take defaults.
    """
    payload = {k: v for k, v in data.items() if k != "version"}
    try:
        return ChannelInputs.model_validate(payload)
    except ValidationError as exc:
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
        raise InputError([Problem(code="channels_saved_inputs", values={"detail": detail})]) from None
