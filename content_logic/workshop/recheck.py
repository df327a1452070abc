"""The 30-day re-check: attendees who opted in run their calculators again, and the instructor sees the
room's aggregates then and now, only over those who re-ran and never for a group under five."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from content_logic.workshop.models import (
    SUBMISSION_KINDS,
    ChannelsSummary,
    FunnelSummary,
    Ranked,
    SubmissionKind,
    TeamSummary,
)
from content_logic.workshop.ranking import rank_counts

_FROZEN = ConfigDict(frozen=True, extra="forbid")

RECHECK_STATE_KEY = "recheck"
"""``attendee_state`` key holding an attendee's opt-in (``{"opted_in_at": …}``)."""

RECHECK_RESULT_PREFIX = "recheck."
"""``attendee_state`` keys ``recheck.<calculator>`` hold the summary of a re-run result."""


class RecheckRules(BaseModel):
    """When the re-check is offered and how small a group may be shown."""

    model_config = _FROZEN

    after_days: int = Field(default=30, ge=0)
    """Offered 30 days after the workshop closed: a month is long enough to have acted on the plan."""
    min_group: int = Field(default=5, ge=1)
    """Never show a group's figures with fewer than five people: with fewer, a shop could be recognised."""


RULES = RecheckRules()
MIN_GROUP = RULES.min_group
"""The named minimum group size of the cohort view (see :class:`RecheckRules`)."""


def recheck_key(kind: SubmissionKind) -> str:
    """The state key of a re-run result for one calculator."""
    return f"{RECHECK_RESULT_PREFIX}{kind}"


def recheck_due(closed_at: datetime | None, now: datetime, rules: RecheckRules = RULES) -> bool:
    """Whether the re-check is open: the workshop closed at least ``after_days`` ago."""
    return closed_at is not None and now >= closed_at + timedelta(days=rules.after_days)


def recheck_opens(closed_at: datetime, rules: RecheckRules = RULES) -> datetime:
    """When the re-check opens for a workshop closed at ``closed_at``."""
    return closed_at + timedelta(days=rules.after_days)


class RecheckStatus(BaseModel):
    """An attendee's re-check: whether they opted in, when it opens, and which calculators they re-ran."""

    model_config = _FROZEN

    closed_at: datetime | None
    opted_in_at: datetime | None
    rerun: tuple[SubmissionKind, ...] = ()
    due: bool = False
    """Opted in and the re-check has opened: the calculators can be run again now."""


class ThenNow(BaseModel):
    """One re-run (then = the latest result shared in the workshop, now = the re-run), without identity."""

    model_config = _FROZEN

    kind: SubmissionKind
    then: dict[str, Any]
    now: dict[str, Any]


class CohortData(BaseModel):
    """What the store reads for the cohort view: how many opted in, and each re-run paired with then."""

    model_config = _FROZEN

    opted_in: int
    pairs: tuple[ThenNow, ...]


class CohortGroup(BaseModel):
    """One calculator's then-and-now over the attendees who re-ran it; ``hidden`` under the minimum
    (the figures are then left empty, not merely not shown)."""

    model_config = _FROZEN

    kind: SubmissionKind
    people: int
    hidden: bool
    stable_then: float | None = None
    stable_now: float | None = None
    top_then: Ranked | None = None
    top_now: Ranked | None = None


class Cohort(BaseModel):
    """The cohort view: opted-in attendees and one group per calculator."""

    model_config = _FROZEN

    opted_in: int
    min_group: int
    groups: tuple[CohortGroup, ...]


def _stable_share(summaries: Sequence[Mapping[str, Any]]) -> float:
    stable = sum(ChannelsSummary.model_validate(s).has_stable_short_video for s in summaries)
    return stable / len(summaries)


def _top_gap(summaries: Sequence[Mapping[str, Any]]) -> Ranked | None:
    gaps = Counter(TeamSummary.model_validate(s).headline_gap for s in summaries)
    gaps.pop(None, None)
    ranked = rank_counts({str(key): count for key, count in gaps.items()})
    return ranked[0] if ranked else None


def _top_stage(summaries: Sequence[Mapping[str, Any]]) -> Ranked | None:
    stages: Counter[str] = Counter()
    for summary in summaries:
        stages.update(FunnelSummary.model_validate(summary).stage_counts())
    ranked = rank_counts(stages)
    return ranked[0] if ranked else None


def cohort_group(kind: SubmissionKind, pairs: Sequence[ThenNow], rules: RecheckRules = RULES) -> CohortGroup:
    """One calculator's group: its figures then and now, or only its size when under the minimum."""
    people = len(pairs)
    if people < rules.min_group:
        return CohortGroup(kind=kind, people=people, hidden=True)
    then = [pair.then for pair in pairs]
    now = [pair.now for pair in pairs]
    if kind == "channels":
        return CohortGroup(
            kind=kind,
            people=people,
            hidden=False,
            stable_then=_stable_share(then),
            stable_now=_stable_share(now),
        )
    top = _top_gap if kind == "team" else _top_stage
    return CohortGroup(kind=kind, people=people, hidden=False, top_then=top(then), top_now=top(now))


def cohort(data: CohortData, rules: RecheckRules = RULES) -> Cohort:
    """The cohort view from the stored pairs, one group per calculator in the dashboard's order."""
    groups = tuple(
        cohort_group(kind, [pair for pair in data.pairs if pair.kind == kind], rules)
        for kind in SUBMISSION_KINDS
    )
    return Cohort(opted_in=data.opted_in, min_group=rules.min_group, groups=groups)
