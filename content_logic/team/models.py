"""The team's inputs: the roster and the diagnostic answers, raw as typed and validated, saved as JSON."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationError, model_validator

from content_logic.problems import InputError, Problem
from content_logic.team.policy import Answer, Replication, TeamPolicy
from content_logic.team.reference import CapabilityId, RoleId, TeamReference

HOURS_IN_WEEK = 168
"""No founder has more hours than this in a week, whatever they tell you."""

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class RosterEntry(BaseModel):
    """One line of a valid roster: a role and how many people (or FTE) hold it."""

    model_config = _FROZEN

    role: RoleId
    headcount: float = Field(ge=0)
    """People, or full-time equivalents (0.5 = half a week)."""
    name: str = ""
    """The free name of an "other" role (ignored for catalog roles)."""
    capabilities: tuple[CapabilityId, ...] = ()
    """What an "other" role covers (catalog roles cover what the reference says)."""

    @property
    def key(self) -> tuple[str, str]:
        """What makes two lines the same role: the role id, and the name for "other" roles."""
        return (self.role, self.name.strip().casefold() if self.role == "other" else "")


class RosterLine(BaseModel):
    """A title as the owner wrote it, the role it was read as, and the people (FTE) under it."""

    model_config = _FROZEN

    as_written: str
    role: RoleId
    people: float


class Roster(BaseModel):
    """A validated roster; ``notes`` says what was changed while reading it (duplicates merged)."""

    model_config = _FROZEN

    entries: tuple[RosterEntry, ...]
    lines: tuple[RosterLine, ...] = ()
    """Every title as written with its role, before lines of the same role are merged."""
    notes: tuple[Problem, ...] = ()

    @property
    def headcount(self) -> float:
        """Everyone on the roster, in people or FTE."""
        return sum(entry.headcount for entry in self.entries)


class DiagnosticAnswers(BaseModel):
    """What a roster can't show: the answers to the page's diagnostic questions."""

    model_config = _FROZEN

    explain_views_no_sales: Answer = "no"
    """Can someone explain why a video with many views made no sales?"""
    winner_replicated: Replication = "no_winner_yet"
    """Has a winning video's structure been briefed to other creators and worked again?"""
    founder_content_hours: float = Field(default=0, ge=0, le=HOURS_IN_WEEK)
    """Hours a week the founder spends reviewing, briefing and learning content."""
    founder_networking_hours: float = Field(default=0, ge=0, le=HOURS_IN_WEEK)
    """Hours a week the founder spends networking with other sellers (tea, dinners, chat groups)."""

    @model_validator(mode="after")
    def _one_week(self) -> DiagnosticAnswers:
        if self.founder_content_hours + self.founder_networking_hours > HOURS_IN_WEEK:
            raise ValueError(f"content and networking hours together can't exceed {HOURS_IN_WEEK}")
        return self


class RosterRow(BaseModel):
    """One roster line exactly as typed or imported; may be wrong until validated."""

    model_config = _FROZEN

    role: str | None = None
    """A role id, or a title in either language (``Encargada de tienda``)."""
    headcount: float | str | None = None
    """People, or full-time equivalents (a one-row-per-person file sums its people here)."""
    name: str | None = None
    """The title as the owner wrote it; the name of an "other" role."""
    capabilities: tuple[str, ...] = ()


class AnswerInputs(BaseModel):
    """The diagnostic answers exactly as typed; may be wrong until validated."""

    model_config = _FROZEN

    explain_views_no_sales: str = "no"
    winner_replicated: str = "no_winner_yet"
    founder_content_hours: float | None = 0
    founder_networking_hours: float | None = 0


class TeamInputs(BaseModel):
    """Everything the page's inputs hold: roster rows, answers and the editable assumptions."""

    model_config = _FROZEN

    rows: tuple[RosterRow, ...] = ()
    answers: AnswerInputs = AnswerInputs()
    policy: TeamPolicy = TeamPolicy()
    reference: TeamReference = TeamReference()


INPUTS_VERSION = 1
"""Bumped when the saved shape changes, so old saves are recognised."""


def inputs_to_json(inputs: TeamInputs) -> dict[str, JsonValue]:
    """The inputs as a small JSON-able dict (defaults left out), even while they are still invalid."""
    return {"version": INPUTS_VERSION, **inputs.model_dump(mode="json", exclude_defaults=True)}


def inputs_from_json(data: Mapping[str, object]) -> TeamInputs:
    """Inputs saved by ``inputs_to_json``; ``InputError`` (``team_saved_inputs_invalid``) if damaged."""
    fields = {key: value for key, value in data.items() if key != "version"}
    version = data.get("version", INPUTS_VERSION)
    try:
        if version != INPUTS_VERSION:
            raise ValueError(f"version {version!r}, expected {INPUTS_VERSION}")
        return TeamInputs.model_validate(fields)
    except (ValidationError, ValueError) as exc:
        detail = str(exc).splitlines()[0][:200]
        raise InputError([Problem(code="team_saved_inputs_invalid", values={"detail": detail})]) from None
