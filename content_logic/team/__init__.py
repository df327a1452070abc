"""Team-structure gap finder: does anyone on the team own content, and what is missing?"""

from content_logic.team.analysis import assess_team
from content_logic.team.inputs import assess_inputs, inputs_from_dict, inputs_to_dict
from content_logic.team.models import (
    AnswerInputs,
    DiagnosticAnswers,
    Roster,
    RosterEntry,
    RosterRow,
    TeamInputs,
)
from content_logic.team.policy import Bounds, TeamPolicy
from content_logic.team.presets import PRESET_IDS, PresetId, preset_inputs
from content_logic.team.reference import (
    CAPABILITY_IDS,
    ROLE_IDS,
    Capability,
    CapabilityId,
    RoleId,
    RoleProfile,
    TeamReference,
)
from content_logic.team.report import report_csv, report_markdown, room_summary
from content_logic.team.result import Gap, PlanStep, StopItem, TeamReport
from content_logic.team.roster_io import read_roster, roster_csv, roster_rows
from content_logic.team.validate import build_team, parse_answers, parse_roster

__all__ = [
    "CAPABILITY_IDS",
    "PRESET_IDS",
    "ROLE_IDS",
    "AnswerInputs",
    "Bounds",
    "Capability",
    "CapabilityId",
    "DiagnosticAnswers",
    "Gap",
    "PlanStep",
    "PresetId",
    "RoleId",
    "RoleProfile",
    "Roster",
    "RosterEntry",
    "RosterRow",
    "StopItem",
    "TeamInputs",
    "TeamPolicy",
    "TeamReference",
    "TeamReport",
    "assess_inputs",
    "assess_team",
    "build_team",
    "inputs_from_dict",
    "inputs_to_dict",
    "parse_answers",
    "parse_roster",
    "preset_inputs",
    "read_roster",
    "report_csv",
    "report_markdown",
    "room_summary",
    "roster_csv",
    "roster_rows",
]
