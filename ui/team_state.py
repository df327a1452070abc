"""Team page state: widget keys, the roster and assumption tables (kept by ``ui.calculator_io``), the
uploaded roster and its title mapping, demos, save and restore.

Simple widgets keep their values with ``persist_state``; a demo, a file or restored inputs set them
from a callback (before the widgets are drawn) and replace the tables, which drops old edits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from content_logic.calculator import UnmappedLabel
from content_logic.team import (
    DEMO_IDS,
    AnswerInputs,
    RosterRow,
    TeamInputs,
    TeamPolicy,
    TeamReference,
    demo_inputs,
    inputs_from_json,
    inputs_to_json,
    read_file,
)
from ui.calculator_io import KeptFile, current_mapping, replace_table, table_rows
from ui.i18n import current_language

PRESET = "team_preset"
ROSTER = "team_roster"
"""The roster table (``ui.calculator_io.table_editor`` key)."""
UPLOAD = "team_upload"
MAPPING = "team_titles"
"""The mapping editor's key: what the user says unknown titles are, kept for the session."""
IMPORT_RESULT = "team_import"
"""Session state: ``("ok", file, count, notes)`` or ``("error", file, problems)`` of the last read."""
UNMAPPED = "team_unmapped"
"""Session state: the titles of the file in use that are still unknown (``UnmappedLabel``)."""
LAST_FILE = "team_last_file"
"""Session state: ``(data, name)`` of the last roster file read (an upload or a lesson's exercise)."""
READ_WITH = "team_read_with"
"""Session state: the title mapping the last file was read with; a new one reads it again."""
ANSWER_KEYS: dict[str, str] = {
    "explain_views_no_sales": "team_explain",
    "winner_replicated": "team_replicated",
    "founder_content_hours": "team_founder_content_hours",
    "founder_networking_hours": "team_founder_networking_hours",
}
POLICY_KEYS: dict[str, str] = {
    field: f"team_policy_{field}" for field in TeamPolicy.model_fields if not field.endswith("_bounds")
}
SHOW_ASSUMPTIONS = "team_show_assumptions"
CAPABILITIES = "team_ref_capabilities"
ROLES = "team_ref_roles"
BOUNDS = "team_ref_bounds"
POLICY_MODEL = "team_policy_model"
REFERENCE_MODEL = "team_reference_model"
"""Session state: the last valid assumptions (the defaults until edited)."""
DEFAULT_PRESET = "shelf_team"
"""What a first visit shows: the course's example of a busy team that still loses money."""

ROSTER_COLUMNS = tuple(RosterRow.model_fields)
"""The roster table's columns, in the model's order."""

ss = st.session_state


def _clean(value: object) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):  # numpy arrays from list columns
        return value.tolist()
    return value


def records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    """A kept table's rows as plain dicts (``None`` for empty cells)."""
    if frame is None:
        return []
    return [{column: _clean(value) for column, value in row.items()} for row in frame.to_dict("records")]


def roster_frame(rows: Sequence[RosterRow]) -> pd.DataFrame:
    """Roster rows as the table shows them: numbers as numbers, capabilities as lists."""
    frame = pd.DataFrame(
        [
            {
                "role": row.role,
                "headcount": row.headcount,
                "name": row.name or "",
                "capabilities": list(row.capabilities),
            }
            for row in rows
        ],
        columns=list(ROSTER_COLUMNS),
    )
    frame["headcount"] = pd.to_numeric(frame["headcount"], errors="coerce").astype("float64")
    return frame


def capability_frame(reference: TeamReference) -> pd.DataFrame:
    """The reference's capabilities as the assumptions table's rows."""
    fields = ("minimum", "full_fte", "severity", "priority")
    return pd.DataFrame(
        [{"capability": c.id, **{f: getattr(c, f) for f in fields}} for c in reference.capabilities]
    )


def role_frame(reference: TeamReference) -> pd.DataFrame:
    """The role weights as rows (one column per roster-measured capability)."""
    measured = [c.id for c in reference.capabilities if c.measured_by == "roster"]
    return pd.DataFrame(
        [
            {"role": r.id, **{c: float(r.covers.get(c, 0.0)) for c in measured}}
            for r in reference.roles
            if r.id != "other"
        ]
    )


def bounds_frame(policy: TeamPolicy) -> pd.DataFrame:
    """The answer bounds as rows; ``answer`` is ``explain.<answer>`` or ``replicated.<answer>``."""
    pairs = [("explain", policy.diagnosis_bounds), ("replicated", policy.replication_bounds)]
    return pd.DataFrame(
        [
            {"answer": f"{question}.{answer}", "floor": b.floor, "cap": b.cap}
            for question, bounds in pairs
            for answer, b in bounds.items()
        ]
    )


def set_assumptions(policy: TeamPolicy, reference: TeamReference) -> None:
    """Show these assumptions (widgets and tables) from the next draw on; old edits are dropped."""
    for field, key in POLICY_KEYS.items():
        ss[key] = getattr(policy, field)
    replace_table(CAPABILITIES, capability_frame(reference))
    replace_table(ROLES, role_frame(reference))
    replace_table(BOUNDS, bounds_frame(policy))
    ss[POLICY_MODEL], ss[REFERENCE_MODEL] = policy, reference


def apply_inputs(inputs: TeamInputs) -> None:
    """Show ``inputs`` on the page: the table, the answers and the assumptions (old edits dropped)."""
    replace_table(ROSTER, roster_frame(inputs.rows))
    for field, key in ANSWER_KEYS.items():
        ss[key] = getattr(inputs.answers, field)
    set_assumptions(inputs.policy, inputs.reference)
    for key in (IMPORT_RESULT, UNMAPPED, LAST_FILE):  # a mapping given later can't bring the file back
        ss.pop(key, None)


def initial_roster() -> pd.DataFrame:
    """The first visit's table: the default demo team."""
    return roster_frame(demo_inputs(DEFAULT_PRESET, current_language()).rows)


def init() -> None:
    """First visit in this session: start from the default demo (table, answers, assumptions)."""
    if table_rows(ROSTER) is None and POLICY_MODEL not in ss:
        apply_inputs(demo_inputs(DEFAULT_PRESET, current_language()))


def load_demo(demo_id: str) -> None:
    """Demo picker callback: load the chosen team into the table and the answers."""
    if demo_id in DEMO_IDS:
        apply_inputs(demo_inputs(demo_id, current_language()))


def file_arrived(file: KeptFile | None) -> None:
    """Uploader callback: read the new file (or forget the last one's titles when it is removed)."""
    if file is None:
        for key in (LAST_FILE, UNMAPPED, IMPORT_RESULT):
            ss.pop(key, None)
        return
    _read(file.data, file.name)


def import_file(data: bytes, name: str) -> None:
    """Read a roster file as if uploaded (a lesson exercise's file): a good one replaces the table."""
    _read(data, name)


def read_again_if_mapped() -> None:
    """Read the last file again when the user has mapped a title since (before the table is drawn)."""
    if LAST_FILE in ss and ss.get(READ_WITH) != current_mapping(MAPPING):
        _read(*ss[LAST_FILE])


def _read(data: bytes, name: str) -> None:
    """Read a file with the session's title mapping: replace the table with its roster, or keep the
    table and say what is wrong."""
    mapping = current_mapping(MAPPING)
    ss[LAST_FILE], ss[READ_WITH] = (data, name), mapping
    reading = read_file(data, name, mapping=mapping)
    if reading.problems or reading.inputs is None:
        ss[IMPORT_RESULT] = ("error", name, list(reading.problems))
        return
    replace_table(ROSTER, roster_frame(reading.inputs.rows))
    ss[IMPORT_RESULT] = ("ok", name, len(reading.inputs.rows), reading.notes)
    ss[UNMAPPED] = reading.unmapped


def unmapped() -> tuple[UnmappedLabel, ...]:
    """The titles of the file in use the finder doesn't know yet."""
    found: tuple[UnmappedLabel, ...] = ss.get(UNMAPPED, ())
    return found


def current_rows() -> tuple[RosterRow, ...]:
    """The roster table as typed, as raw rows for validation."""
    rows = []
    for row in records(table_rows(ROSTER)):
        headcount = row.get("headcount")
        rows.append(
            RosterRow(
                role=row.get("role") or None,
                headcount=headcount if isinstance(headcount, int | float | str) else None,
                name=row.get("name") or None,
                capabilities=tuple(str(c) for c in (row.get("capabilities") or ())),
            )
        )
    return tuple(rows)


def current_answers() -> AnswerInputs:
    """The diagnostic answers as typed."""
    values = {field: ss.get(key) for field, key in ANSWER_KEYS.items()}
    return AnswerInputs.model_validate({field: value for field, value in values.items() if value is not None})


def current_inputs() -> TeamInputs:
    """Everything the page holds now (the last valid assumptions), for assessment or saving."""
    return TeamInputs(
        rows=current_rows(),
        answers=current_answers(),
        policy=ss.get(POLICY_MODEL, TeamPolicy()),
        reference=ss.get(REFERENCE_MODEL, TeamReference()),
    )


def save_inputs() -> dict[str, object]:
    """The page's inputs as a JSON-able dict (for a returning attendee)."""
    return dict(inputs_to_json(current_inputs()))


def restore_inputs(data: dict[str, object]) -> None:
    """Put saved inputs back on the page; raises ``InputError`` if the saved data is damaged."""
    apply_inputs(inputs_from_json(data))
