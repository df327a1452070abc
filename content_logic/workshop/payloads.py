"""Checking what attendees send before it is stored: submission ids, summaries, JSON sizes, state keys."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from content_logic.workshop.errors import WorkshopError
from content_logic.workshop.models import (
    SUBMISSION_KINDS,
    ChannelsSummary,
    FunnelSummary,
    SubmissionKind,
    TeamSummary,
)

SUMMARY_MAX_BYTES = 16 * 1024
"""A shared summary is verdicts and scores: a few hundred bytes; 16 KiB leaves room, stops abuse."""

RAW_MAX_BYTES = 512 * 1024
"""Raw data shared on purpose: a year of daily orders for every channel fits with room to spare."""

STATE_MAX_BYTES = 512 * 1024
"""Saved calculator inputs per key: the same bound as raw data, which is what they are."""

STATE_KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
"""Saved-state keys are short identifiers chosen by pages (``channels``, ``progress``)."""

SUMMARY_CONTRACTS: Mapping[SubmissionKind, type[BaseModel]] = {
    "channels": ChannelsSummary,
    "team": TeamSummary,
    "funnel": FunnelSummary,
}
"""The fields the dashboard reads from each calculator's shared summary."""

JsonInput = BaseModel | Mapping[str, Any] | list[Any] | str | int | float | bool | None
"""What callers may hand over as JSON: plain values, or a pydantic model (dumped in JSON mode)."""


KIND_SHOWN = 20
"""How much of an unknown kind is echoed back in the error message."""


def check_kind(kind: str) -> SubmissionKind:
    """The calculator id, or ``WorkshopError("invalid_kind")``."""
    for known in SUBMISSION_KINDS:
        if kind == known:
            return known
    raise WorkshopError("invalid_kind", kind=kind[:KIND_SHOWN], kinds=", ".join(SUBMISSION_KINDS))


def check_submission_id(submission_id: str) -> str:
    """The canonical form of a client-generated UUID, or ``WorkshopError("invalid_submission_id")``."""
    try:
        return str(uuid.UUID(submission_id))
    except (ValueError, TypeError, AttributeError):
        raise WorkshopError("invalid_submission_id") from None


def to_json(value: JsonInput, *, limit: int) -> str:
    """Compact JSON text of ``value``; ``invalid_json`` if not JSON, ``payload_too_large`` past ``limit``."""
    plain = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
    try:
        encoded = json.dumps(plain, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):
        raise WorkshopError("invalid_json") from None
    if len(encoded.encode("utf-8")) > limit:
        raise WorkshopError("payload_too_large", limit_kb=limit // 1024)
    return encoded


def check_summary(kind: SubmissionKind, summary: BaseModel | Mapping[str, Any]) -> tuple[str, BaseModel]:
    """The summary as JSON text and as its contract model, or ``WorkshopError("invalid_summary")``."""
    encoded = to_json(summary, limit=SUMMARY_MAX_BYTES)
    plain = json.loads(encoded)
    if not isinstance(plain, dict):
        raise WorkshopError("invalid_summary", kind=kind, field="(summary)")
    try:
        contract = SUMMARY_CONTRACTS[kind].model_validate(plain)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "(summary)"
        raise WorkshopError("invalid_summary", kind=kind, field=field) from None
    return encoded, contract


def check_state_key(key: str) -> str:
    """A saved-state key, or ``WorkshopError("invalid_state_key")``."""
    if not STATE_KEY_PATTERN.fullmatch(key):
        raise WorkshopError("invalid_state_key")
    return key
