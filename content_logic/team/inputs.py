"""The page's inputs as data: assessed in one call, saved as JSON and restored for a returning attendee."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError

from content_logic.problems import InputError, Problem
from content_logic.team.analysis import assess_team
from content_logic.team.models import TeamInputs
from content_logic.team.result import TeamReport
from content_logic.team.validate import build_team

INPUTS_VERSION = 1
"""Bumped when the saved shape changes, so old saves are recognised."""


def assess_inputs(inputs: TeamInputs) -> TeamReport:
    """Validate the page's inputs and assess the team; ``InputError`` lists every problem at once."""
    roster, answers = build_team(inputs)
    return assess_team(roster, answers, reference=inputs.reference, policy=inputs.policy)


def inputs_to_dict(inputs: TeamInputs) -> dict[str, object]:
    """The inputs as a small JSON-able dict (defaults left out), even while they are still invalid."""
    return {"version": INPUTS_VERSION, **inputs.model_dump(mode="json", exclude_defaults=True)}


def inputs_from_dict(data: Mapping[str, object]) -> TeamInputs:
    """Inputs saved by ``inputs_to_dict``; ``InputError`` (``team_saved_inputs_invalid``) if damaged."""
    fields = {key: value for key, value in data.items() if key != "version"}
    version = data.get("version", INPUTS_VERSION)
    try:
        if version != INPUTS_VERSION:
            raise ValueError(f"version {version!r}, expected {INPUTS_VERSION}")
        return TeamInputs.model_validate(fields)
    except (ValidationError, ValueError) as exc:
        detail = str(exc).splitlines()[0][:200]
        raise InputError([Problem(code="team_saved_inputs_invalid", values={"detail": detail})]) from None
