"""What the team analysis answers: coverage, ranked gaps, the ratio, the plan, what to stop."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from content_logic.problems import Problem
from content_logic.team.models import DiagnosticAnswers, RosterEntry, RosterLine
from content_logic.team.reference import CapabilityId, GroupId, RoleId, Severity

_FROZEN = ConfigDict(frozen=True, extra="forbid")

GapRule = Literal["below_minimum", "capped_by_answer", "founder_hours"]
"""Why a capability is a gap: too little on the roster, an answer overriding the roster, founder hours."""

Adjustment = Literal["diagnosis_answer", "replication_answer"]
"""Which diagnostic answer moved a capability's coverage away from what the roster gives."""


class Contributor(BaseModel):
    """One roster line's part in a capability: how many coverage points it brings."""

    model_config = _FROZEN

    role: RoleId
    name: str
    headcount: float
    points: float


class CapabilityCoverage(BaseModel):
    """How well the team covers one capability, and why."""

    model_config = _FROZEN

    capability: CapabilityId
    group: GroupId
    coverage: float
    """0–100 %, after the diagnostic answers."""
    roster_coverage: float
    """0–100 % from the roster (or the founder's hours) alone."""
    minimum: float
    """The reference's minimum (%); below it, the capability is a gap."""
    staffing_ratio: float
    """Specialist FTE-equivalents on the team divided by the reference level (1 = the reference)."""
    adjusted_by: Adjustment | None = None
    contributors: tuple[Contributor, ...] = ()


class Gap(BaseModel):
    """A capability below its minimum: how severe, why, and how far off."""

    model_config = _FROZEN

    rank: int
    capability: CapabilityId
    group: GroupId
    severity: Severity
    base_severity: Severity
    """The reference's severity; ``severity`` is one step milder when the gap is partial."""
    partial: bool
    """Coverage reaches ``TeamPolicy.partial_fraction`` of the minimum."""
    coverage: float
    roster_coverage: float
    """What the roster (or the founder's hours) gives before the answers."""
    minimum: float
    rule: GapRule
    answer: str | None = None
    """The diagnostic answer behind ``capped_by_answer``."""
    shortfall_fte: float = 0.0
    """Specialist FTE-equivalents missing to reach the minimum."""
    founder_hours: float | None = None
    """For founder oversight: the founder's content hours a week now."""
    target_hours: float | None = None
    """For founder oversight: the hours a week that give full coverage (``TeamPolicy``)."""


class PlanStep(BaseModel):
    """One step of the plan: close a gap by founder time, training someone, or hiring."""

    model_config = _FROZEN

    step: int
    capability: CapabilityId
    severity: Severity
    action: Literal["founder_time", "train", "hire"]
    role: RoleId | None
    """Who to train or what to hire; ``None`` when whoever partly does it today should be trained."""
    name: str = ""
    """The free name when the person to train holds an "other" role."""
    fte: float = 0.0
    """For a hire: people (in half-FTE steps) to bring the capability to the reference level."""
    hours: float = 0.0
    """For founder time: extra content hours a week to reach the target."""


class StopItem(BaseModel):
    """Something the team can stop doing, by which rule and with which numbers."""

    model_config = _FROZEN

    code: Literal["overstaffed", "networking", "samples_without_brief", "ads_on_undiagnosed"]
    capability: CapabilityId | None = None
    values: dict[str, float] = {}


class ContentRatio(BaseModel):
    """Content people against operations people (the founder counts on neither side)."""

    model_config = _FROZEN

    content: float
    operations: float
    share: float
    """content / (content + operations), 0–1; 0 when both are 0."""
    ratio: float | None
    """content / operations; ``None`` when nobody works in operations."""
    minimum_share: float
    below_minimum: bool


class TeamResult(BaseModel):
    """The whole assessment; every number carries the rule that produced it."""

    model_config = _FROZEN

    coverage: tuple[CapabilityCoverage, ...]
    """One per capability, in the reference's order (the radar's axes)."""
    gaps: tuple[Gap, ...]
    """Most urgent first: severity, then the reference's priority."""
    plan: tuple[PlanStep, ...]
    stop: tuple[StopItem, ...]
    ratio: ContentRatio
    headcount: float
    roster: tuple[RosterEntry, ...]
    """The roster as analysed: one line per role (per name for "other" roles)."""
    lines: tuple[RosterLine, ...] = ()
    """Each title as the owner wrote it, the role it was read as, and its people."""
    answers: DiagnosticAnswers
    notes: tuple[Problem, ...] = ()
    """What was changed while reading the roster (duplicates merged)."""

    @property
    def headline(self) -> Gap | None:
        """The most urgent gap, if any."""
        return self.gaps[0] if self.gaps else None

    @property
    def critical_gaps(self) -> tuple[Gap, ...]:
        """The gaps rated critical, in rank order."""
        return tuple(gap for gap in self.gaps if gap.severity == "critical")

    def coverage_of(self, capability: CapabilityId) -> float:
        """Coverage (0–100 %) of one capability."""
        return next(c.coverage for c in self.coverage if c.capability == capability)
