"""The thresholds of the team analysis: named, documented defaults the page shows and lets you edit."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

Answer = Literal["yes", "partly", "no"]
"""Can someone on the team explain why a video with many views made no sales?"""

ANSWERS: tuple[Answer, ...] = get_args(Answer)

Replication = Literal["yes", "partly", "no", "no_winner_yet"]
"""Has a winning video's structure been briefed to other creators and worked again?"""

REPLICATIONS: tuple[Replication, ...] = get_args(Replication)

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Bounds(BaseModel):
    """What an answer does to a capability's coverage: raised to ``floor``, held down to ``cap`` (%)."""

    model_config = _FROZEN

    floor: float = Field(ge=0, le=100)
    cap: float = Field(ge=0, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> Bounds:
        if self.floor > self.cap:
            raise ValueError("the floor can't be above the cap")
        return self

    def apply(self, coverage: float) -> float:
        """The coverage after the answer: never below the floor, never above the cap."""
        return min(self.cap, max(self.floor, coverage))


DIAGNOSIS_BOUNDS: dict[Answer, Bounds] = {
    # Someone can explain it: the capability exists, whatever the job titles say.
    "yes": Bounds(floor=60, cap=100),
    # Sometimes, roughly: a partial capability, below the minimum.
    "partly": Bounds(floor=30, cap=50),
    # Nobody can, so an editor or an analyst on paper doesn't count (issue 4): a critical gap.
    "no": Bounds(floor=0, cap=0),
}
"""Answer to "can someone explain views without sales?" → bounds on content diagnosis."""

REPLICATION_BOUNDS: dict[Replication, Bounds] = {
    "yes": Bounds(floor=50, cap=100),
    "partly": Bounds(floor=25, cap=40),
    # A hit that was never repeated means creators get samples, not briefs (lesson 4).
    "no": Bounds(floor=0, cap=20),
    # No winner yet: nothing to learn from the answer, the roster decides.
    "no_winner_yet": Bounds(floor=0, cap=100),
}
"""Answer to "has a winning video been replicated?" → bounds on influencer briefing."""


class TeamPolicy(BaseModel):
    """Every threshold of the analysis, with why it has its default value."""

    model_config = _FROZEN

    partial_fraction: float = Field(default=0.5, ge=0, le=1)
    """A gap whose coverage reaches this share of the minimum is partial: one severity step milder."""
    founder_target_hours: float = Field(default=10, gt=0, le=80)
    """Founder content hours a week for full oversight (lesson 7: review, briefing, learning = 10–16 h)."""
    networking_hours_max: float = Field(default=4, ge=0, le=168)
    """Networking hours a week above which lesson 7 suggests moving time to content (its example: 15 → 4)."""
    other_role_weight: float = Field(default=0.5, ge=0, le=1)
    """Weight of an "other" role for each capability it names: half a specialist, unless you change it."""
    overstaffed_ratio: float = Field(default=2.5, ge=1, le=20)
    """A shop or channel capability staffed at this multiple of the reference can spare people for content."""
    min_content_share: float = Field(default=0.3, ge=0, le=1)
    """Share of content people among content + operations below which the team leans to shelf logic [RoT]."""
    max_headcount: float = Field(default=500, gt=0, le=100_000)
    """Largest headcount one roster row may have; above it is taken for a typo (10,000 instead of 10)."""
    plan_steps: int = Field(default=3, ge=1, le=13)
    """How many steps the plan lists (first, second, third hire or training)."""
    diagnosis_bounds: dict[Answer, Bounds] = DIAGNOSIS_BOUNDS
    """How the views-without-sales answer bounds content diagnosis."""
    replication_bounds: dict[Replication, Bounds] = REPLICATION_BOUNDS
    """How the replication answer bounds influencer briefing."""

    @model_validator(mode="after")
    def _every_answer(self) -> TeamPolicy:
        if set(self.diagnosis_bounds) != set(ANSWERS) or set(self.replication_bounds) != set(REPLICATIONS):
            raise ValueError("every answer needs its bounds")
        return self
