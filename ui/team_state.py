"""Team page state: widget keys, inputs kept across reruns and page switches, import, save and restore.

Tables use a "kept editor": the editor is built from base rows that stay fixed while it is on
screen (so its pending edits apply to the same data), its result is copied to session state every
run, and the copy becomes the new base when the page is entered again. Replacing the table (preset,
import, restore) bumps a generation that shifts the hidden index, which gives the editor a new
identity and drops the old pending edits; the widget key itself never changes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from content_logic.problems import InputError
from content_logic.tabular import parse_number
from content_logic.team import (
    PRESET_IDS,
    AnswerInputs,
    RosterRow,
    TeamInputs,
    TeamPolicy,
    TeamReference,
    inputs_from_dict,
    inputs_to_dict,
    preset_inputs,
    read_roster,
    roster_rows,
)
from ui.i18n import current_language

PRESET = "team_preset"
LOADED_PRESET = "team_loaded_preset"
"""Session state: the preset last loaded, shown under the picker."""
ROSTER = "team_roster"
ROSTER_ROWS = "team_rows"
"""Session state: the roster table's rows as typed (list of dicts with ``COLUMNS``)."""
UPLOAD = "team_upload"
IMPORT_RESULT = "team_import"
"""Session state: ``("ok", file, count, notes)`` or ``("error", file, problems)`` of the last import."""
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
SAVED = "team_saved_values"
"""Session state: the last value of every simple widget, restored when the page is entered again."""
DEFAULT_PRESET = "shelf_team"
"""What a first visit shows: the course's example of a busy team that still loses money."""
_STRIDE = 100_000
"""Index offset per table generation (tables never get this long)."""

ss = st.session_state


def _clean(value: object) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):  # numpy arrays from list columns
        return value.tolist()
    return value


def kept_editor(
    key: str, rows_key: str, frame: Callable[[list[dict[str, Any]]], pd.DataFrame], **kwargs: Any
) -> list[dict[str, Any]]:
    """A data editor whose rows live in ``ss[rows_key]``, kept across reruns and page switches."""
    base_key, generation = f"{key}_base", ss.get(f"{key}_generation", 0)
    if key not in ss or base_key not in ss:
        ss[base_key] = ss[rows_key]
    base = ss[base_key]
    cached = ss.get(f"{key}_frame")
    if cached is None or cached[0] is not base:  # build the frame once per base, not every rerun
        data = frame(base)
        data.index = pd.RangeIndex(generation * _STRIDE, generation * _STRIDE + len(data))
        ss[f"{key}_frame"] = cached = (base, data)
    edits = ss.get(key) or {}
    edited = st.data_editor(cached[1], key=key, **kwargs)
    if any(edits.get(part) for part in ("edited_rows", "added_rows", "deleted_rows")):
        base = [{column: _clean(value) for column, value in row.items()} for row in edited.to_dict("records")]
    ss[rows_key] = base
    return list(base)


def replace_rows(key: str, rows_key: str, rows: list[dict[str, Any]]) -> None:
    """Replace an editor's table (a preset, an import): its pending edits are dropped."""
    ss[rows_key] = rows
    ss[f"{key}_base"] = rows
    ss[f"{key}_generation"] = ss.get(f"{key}_generation", 0) + 1


def kept(key: str, default: object) -> None:
    """Before drawing a widget: give it back its value from an earlier visit to the page."""
    if key not in ss:
        ss[key] = ss.setdefault(SAVED, {}).get(key, default)


def set_values(values: dict[str, object]) -> None:
    """Change widget values from a callback: the widgets pick them up through ``kept`` when drawn.

    Assigning the widget keys directly would leave a stale value behind whenever the widget is
    not drawn in a run (the assumptions are hidden by default).
    """
    ss.setdefault(SAVED, {}).update(values)
    for key in values:
        ss.pop(key, None)


def remember(*keys: str) -> None:
    """After drawing widgets: keep their values for the next visit."""
    saved = ss.setdefault(SAVED, {})
    saved.update({key: ss[key] for key in keys if key in ss})


def _row_dict(row: RosterRow) -> dict[str, Any]:
    count = parse_number(row.headcount)
    return {
        "role": row.role,
        "headcount": count,
        "name": row.name or "",
        "capabilities": list(row.capabilities),
    }


def capability_rows(reference: TeamReference) -> list[dict[str, Any]]:
    """The reference's capabilities as the assumptions table's rows."""
    fields = ("minimum", "full_fte", "severity", "priority")
    return [{"capability": c.id, **{f: getattr(c, f) for f in fields}} for c in reference.capabilities]


def role_rows(reference: TeamReference) -> list[dict[str, Any]]:
    """The role weights as rows (one column per roster-measured capability)."""
    measured = [c.id for c in reference.capabilities if c.measured_by == "roster"]
    return [
        {"role": r.id, **{c: float(r.covers.get(c, 0.0)) for c in measured}}
        for r in reference.roles
        if r.id != "other"
    ]


def bounds_rows(policy: TeamPolicy) -> list[dict[str, Any]]:
    """The answer bounds as rows; ``answer`` is ``explain.<answer>`` or ``replicated.<answer>``."""
    pairs = [("explain", policy.diagnosis_bounds), ("replicated", policy.replication_bounds)]
    return [
        {"answer": f"{question}.{answer}", "floor": b.floor, "cap": b.cap}
        for question, bounds in pairs
        for answer, b in bounds.items()
    ]


def apply_inputs(inputs: TeamInputs) -> None:
    """Show ``inputs`` on the page: the table, the answers and the assumptions (old edits dropped)."""
    replace_rows(ROSTER, ROSTER_ROWS, [_row_dict(row) for row in inputs.rows])
    values: dict[str, object] = {key: getattr(inputs.answers, field) for field, key in ANSWER_KEYS.items()}
    values |= {key: getattr(inputs.policy, field) for field, key in POLICY_KEYS.items()}
    set_values(values)
    replace_rows(CAPABILITIES, f"{CAPABILITIES}_rows", capability_rows(inputs.reference))
    replace_rows(ROLES, f"{ROLES}_rows", role_rows(inputs.reference))
    replace_rows(BOUNDS, f"{BOUNDS}_rows", bounds_rows(inputs.policy))
    ss[POLICY_MODEL] = inputs.policy
    ss[REFERENCE_MODEL] = inputs.reference
    ss.pop(IMPORT_RESULT, None)


def init() -> None:
    """First visit in this session: start from the default preset."""
    if ROSTER_ROWS not in ss:
        apply_inputs(preset_inputs(DEFAULT_PRESET, current_language()))
        ss[LOADED_PRESET] = DEFAULT_PRESET


def load_preset() -> None:
    """Preset picker callback: load the chosen team, then clear the picker so it can be chosen again."""
    preset = ss.get(PRESET)
    if preset in PRESET_IDS:
        apply_inputs(preset_inputs(preset, current_language()))
        ss[LOADED_PRESET] = preset
    ss[PRESET] = None


def import_roster() -> None:
    """Uploader callback: replace the table with the file's roster, or keep it and say what is wrong."""
    upload = ss.get(UPLOAD)
    if upload is None:
        return
    import_file(upload.getvalue(), upload.name)


def import_file(data: bytes, name: str) -> None:
    """Read a roster file as an upload (a lesson exercise's file too): a good one replaces the table."""
    policy = ss.get(POLICY_MODEL, TeamPolicy())
    try:
        roster = read_roster(data, name, policy=policy)
    except InputError as error:
        ss[IMPORT_RESULT] = ("error", name, error.problems)
        return
    replace_rows(ROSTER, ROSTER_ROWS, [_row_dict(row) for row in roster_rows(roster)])
    ss[IMPORT_RESULT] = ("ok", name, len(roster.entries), roster.notes)
    ss[LOADED_PRESET] = None


def current_rows() -> tuple[RosterRow, ...]:
    """The roster table as typed, as raw rows for validation."""
    rows = []
    for row in ss.get(ROSTER_ROWS, []):
        capabilities = tuple(str(c) for c in (row.get("capabilities") or ()))
        headcount = row.get("headcount")
        rows.append(
            RosterRow(
                role=row.get("role") or None,
                headcount=headcount if isinstance(headcount, int | float | str) else None,
                name=row.get("name") or None,
                capabilities=capabilities,
            )
        )
    return tuple(rows)


def current_answers() -> AnswerInputs:
    """The diagnostic answers as typed (the last ones typed when the widgets aren't on screen)."""
    saved = ss.get(SAVED, {})
    values = {field: ss[key] if key in ss else saved.get(key) for field, key in ANSWER_KEYS.items()}
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
    return inputs_to_dict(current_inputs())


def restore_inputs(data: dict[str, object]) -> None:
    """Put saved inputs back on the page; raises ``InputError`` if the saved data is damaged."""
    apply_inputs(inputs_from_dict(data))
    ss[LOADED_PRESET] = None
