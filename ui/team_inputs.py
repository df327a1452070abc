"""Team page inputs: preset picker, roster table with CSV import/export, questions, assumptions."""

from __future__ import annotations

from typing import get_args

import streamlit as st
from pydantic import BaseModel, ValidationError

from content_logic.i18n import translate
from content_logic.team import (
    DEMO_IDS,
    TeamPolicy,
    TeamReference,
    problem_text,
    roster_csv,
)
from ui import team_state as state
from ui.calculator_io import KEEP, demo_picker, file_upload, mapping_editor, table_editor, table_rows
from ui.i18n import current_language, t
from ui.widgets import problem_list

ss = st.session_state

_REFERENCE = TeamReference()
CAPABILITY_IDS = tuple(c.id for c in _REFERENCE.capabilities)
ROLE_IDS = tuple(r.id for r in _REFERENCE.roles)
ANSWERS = tuple(TeamPolicy().diagnosis_bounds)
REPLICATIONS = tuple(TeamPolicy().replication_bounds)
_CAPABILITY = type(_REFERENCE.capabilities[0])
_BOUNDS = type(TeamPolicy().diagnosis_bounds["yes"])
SEVERITIES = get_args(_CAPABILITY.model_fields["severity"].annotation)


def _limits(model: type[BaseModel], field: str) -> dict[str, float]:
    """A field's bounds as the model declares them (``Field(ge=..., le=...)``), for a number column."""
    limits: dict[str, float] = {}
    for rule in model.model_fields[field].metadata:
        for attribute, option in (("ge", "min_value"), ("gt", "min_value"), ("le", "max_value")):
            if getattr(rule, attribute, None) is not None:
                limits[option] = float(getattr(rule, attribute))
    return limits


def _labels(prefix: str, ids: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``{id: label}`` in the session's language, looked up once per run (format_func calls it a lot)."""
    lang = current_language()
    return {i: translate(f"{prefix}.{i}", lang) for i in ids}


def preset_picker() -> None:
    """A picker that loads a typical team into the table and the answers (the choice is kept)."""
    demo_picker(
        state.PRESET,
        t("team.preset_label"),
        DEMO_IDS,
        format_func=_labels("team.preset", DEMO_IDS).__getitem__,
        on_pick=state.load_demo,
        default=state.DEFAULT_PRESET,
        help=t("team.preset_help"),
    )


def roster_editor() -> None:
    """The roster table (kept across reruns and page switches)."""
    st.caption(t("team.roster_help"))
    config = {
        "role": st.column_config.SelectboxColumn(
            t("team.col.role"),
            options=ROLE_IDS,
            format_func=_labels("team.role", ROLE_IDS).__getitem__,
            width="medium",
        ),
        "headcount": st.column_config.NumberColumn(t("team.col.headcount"), width="small"),
        "name": st.column_config.TextColumn(t("team.col.name"), width="small"),
        "capabilities": st.column_config.MultiselectColumn(
            t("team.col.capabilities"),
            options=CAPABILITY_IDS,
            format_func=_labels("team.cap", CAPABILITY_IDS).__getitem__,
        ),
    }
    table_editor(state.ROSTER, state.initial_roster, num_rows="dynamic", column_config=config)


def roster_files() -> None:
    """Import a roster file (replaces the table) and export the table as CSV."""
    file_upload(
        state.UPLOAD,
        t("team.upload_label"),
        types=("csv", "xlsx", "txt"),
        on_file=state.file_arrived,
        help=t("team.upload_help"),
    )
    result = ss.get(state.IMPORT_RESULT)
    lang = current_language()
    if result and result[0] == "error":
        problem_list(t("team.import_failed"), [problem_text(p, lang) for p in result[2]])
    elif result:
        notes = "".join(f"\n- {problem_text(note, lang)}" for note in result[3])
        st.success(
            t("team.import_ok", count=result[2], file=result[1]) + notes, icon=":material/upload_file:"
        )
    st.download_button(
        t("team.download_roster"),
        data=lambda: roster_csv(state.current_rows()),
        file_name="team-roster.csv",
        mime="text/csv",
        key="team_download_roster",
        on_click="ignore",
        icon=":material/download:",
    )


def title_mapping() -> None:
    """Ask what each title of the file the finder doesn't know is: a role, or what it covers (kept
    for the session; the file is read again with the answers on the next run)."""
    roles, caps = _labels("team.role", ROLE_IDS), _labels("team.cap", CAPABILITY_IDS)
    shown = {r: t("team.mapping_role", role=roles[r]) for r in ROLE_IDS if r != "other"}
    # A capability that is also a role's name (customer service) is offered once, as the role.
    shown |= {c: t("team.mapping_covers", capability=caps[c]) for c in CAPABILITY_IDS if c not in shown}
    shown.pop("founder_oversight", None)  # measured in the founder's hours, never by a title
    mapping_editor(state.MAPPING, state.unmapped(), tuple(shown), id_label=shown.__getitem__)


def questions() -> None:
    """The four questions a roster can't answer."""
    st.radio(
        t("team.q_explain"),
        ANSWERS,
        format_func=_labels("team.answer", ANSWERS).__getitem__,
        key="team_explain",
        persist_state=KEEP,
    )
    st.radio(
        t("team.q_replicated"),
        REPLICATIONS,
        format_func=_labels("team.replication", REPLICATIONS).__getitem__,
        key="team_replicated",
        persist_state=KEEP,
    )
    for question, key in (("q_content_hours", "team_founder_content_hours"),
                          ("q_networking_hours", "team_founder_networking_hours")):  # fmt: skip
        ss[key] = float(ss.get(key) or 0.0)  # demos and restores may hold an int
        st.number_input(
            t(f"team.{question}"), step=1.0, key=key, help=t("team.hours_help"), persist_state=KEEP
        )


def _policy_widgets() -> dict[str, object]:
    defaults = TeamPolicy()
    columns = st.columns(2)
    values: dict[str, object] = {}
    for number, (field, key) in enumerate(state.POLICY_KEYS.items()):
        default = getattr(defaults, field)
        is_int = isinstance(default, int) and field == "plan_steps"
        value = ss.get(key, default)
        ss[key] = int(value) if is_int else float(value)  # demos and restores may hold either type
        step = 1 if is_int else 0.1 if float(default) <= 1 else 1.0
        values[field] = columns[number % 2].number_input(
            t(f"team.policy.{field}"), step=step, key=key, persist_state=KEEP
        )
    return values


def _models(values: dict[str, object]) -> tuple[TeamPolicy, TeamReference]:
    """The edited assumptions as models; the last valid ones (with a warning) if they don't validate."""
    reference = TeamReference()
    capabilities = {row["capability"]: row for row in state.records(table_rows(state.CAPABILITIES))}
    weights = {row["role"]: row for row in state.records(table_rows(state.ROLES))}
    rows = state.records(table_rows(state.BOUNDS))
    bounds = {row["answer"]: {"floor": row["floor"], "cap": row["cap"]} for row in rows}
    try:
        new_reference = TeamReference.model_validate(
            {
                "capabilities": [
                    {
                        **c.model_dump(),
                        **{k: v for k, v in capabilities.get(c.id, {}).items() if k != "capability"},
                    }
                    for c in reference.capabilities
                ],
                "roles": [
                    {
                        "id": r.id,
                        "side": r.side,
                        "covers": {k: v for k, v in weights.get(r.id, {}).items() if k != "role" and v},
                    }
                    for r in reference.roles
                ],
            }
        )
        policy = TeamPolicy.model_validate(
            {
                **values,
                "diagnosis_bounds": {a: bounds.get(f"explain.{a}") for a in ANSWERS},
                "replication_bounds": {a: bounds.get(f"replicated.{a}") for a in REPLICATIONS},
            }
        )
    except ValidationError as error:
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()[:3])
        st.warning(t("team.assumptions_invalid", detail=detail), icon=":material/warning:")
        return ss.get(state.POLICY_MODEL, TeamPolicy()), ss.get(state.REFERENCE_MODEL, TeamReference())
    ss[state.POLICY_MODEL], ss[state.REFERENCE_MODEL] = policy, new_reference
    return policy, new_reference


def _reset() -> None:
    state.set_assumptions(TeamPolicy(), TeamReference())


def assumptions() -> tuple[TeamPolicy, TeamReference]:
    """Every threshold and reference number, shown and editable; returns the ones to use."""
    cap_label = _labels("team.cap_short", CAPABILITY_IDS)
    with st.expander(t("team.assumptions_header"), icon=":material/tune:"):
        st.caption(t("team.assumptions_intro"))
        # Drawn only on request: the tables are the page's most expensive part of a rerun.
        shown = st.toggle(t("team.assumptions_toggle"), key=state.SHOW_ASSUMPTIONS, persist_state=KEEP)
        if not shown:
            return ss.get(state.POLICY_MODEL, TeamPolicy()), ss.get(state.REFERENCE_MODEL, TeamReference())
        st.markdown(f"**{t('team.assumptions_policy')}**")
        values = _policy_widgets()
        st.markdown(f"**{t('team.assumptions_capabilities')}**")
        table_editor(
            state.CAPABILITIES,
            lambda: state.capability_frame(TeamReference()),
            column_config={
                "capability": st.column_config.SelectboxColumn(
                    t("team.col.capability"),
                    options=CAPABILITY_IDS,
                    format_func=cap_label.__getitem__,
                    disabled=True,
                ),
                "minimum": st.column_config.NumberColumn(
                    t("team.col.minimum"), **_limits(_CAPABILITY, "minimum")
                ),
                "full_fte": st.column_config.NumberColumn(
                    t("team.col.full_fte"), **_limits(_CAPABILITY, "full_fte")
                ),
                "severity": st.column_config.SelectboxColumn(
                    t("team.col.severity"),
                    options=SEVERITIES,
                    format_func=_labels("team.severity", SEVERITIES).__getitem__,
                ),
                "priority": st.column_config.NumberColumn(
                    t("team.col.priority"), step=1, **_limits(_CAPABILITY, "priority")
                ),
            },
        )
        st.markdown(f"**{t('team.assumptions_roles')}**")
        weight = {
            c: st.column_config.NumberColumn(cap_label[c], min_value=0.0, max_value=1.0, step=0.1)
            for c in CAPABILITY_IDS  # RoleProfile checks every weight is 0–1 (its validator)
        }
        role = st.column_config.SelectboxColumn(
            t("team.col.role"),
            options=ROLE_IDS,
            format_func=_labels("team.role", ROLE_IDS).__getitem__,
            disabled=True,
            pinned=True,
        )
        table_editor(
            state.ROLES, lambda: state.role_frame(TeamReference()), column_config={"role": role, **weight}
        )
        st.markdown(f"**{t('team.assumptions_answers')}**")
        answer = st.column_config.SelectboxColumn(
            t("team.col.answer"),
            options=state.bounds_frame(TeamPolicy())["answer"].tolist(),
            format_func=_answer_label,
            disabled=True,
        )
        floor = st.column_config.NumberColumn(t("team.col.floor"), **_limits(_BOUNDS, "floor"))
        cap = st.column_config.NumberColumn(t("team.col.cap"), **_limits(_BOUNDS, "cap"))
        table_editor(
            state.BOUNDS,
            lambda: state.bounds_frame(TeamPolicy()),
            column_config={"answer": answer, "floor": floor, "cap": cap},
        )
        st.button(
            t("team.assumptions_reset"),
            key="team_reset_assumptions",
            on_click=_reset,
            icon=":material/restart_alt:",
        )
        return _models(values)


def _answer_label(value: str) -> str:
    question, answer = value.split(".")
    kind = "answer" if question == "explain" else "replication"
    return f"{t(f'team.q_short.{question}')}: {t(f'team.{kind}.{answer}')}"
