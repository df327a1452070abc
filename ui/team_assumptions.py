"""Team page assumptions: every threshold and reference number, shown and editable, read back as models."""

from __future__ import annotations

from typing import get_args

import streamlit as st
from pydantic import BaseModel, ValidationError

from content_logic.team import TeamPolicy, TeamReference
from ui import team_state as state
from ui.calculator_io import KEEP, table_editor, table_rows
from ui.i18n import t
from ui.team_inputs import ANSWERS, CAPABILITY_IDS, REPLICATIONS, ROLE_IDS, labels

ss = st.session_state

_CAPABILITY = type(TeamReference().capabilities[0])
_BOUNDS = type(TeamPolicy().diagnosis_bounds["yes"])
SEVERITIES = get_args(_CAPABILITY.model_fields["severity"].annotation)
_ROLE = type(TeamReference().roles[0])


def _limits_of(rules: list[object]) -> dict[str, float]:
    limits: dict[str, float] = {}
    for rule in rules:
        for attribute, option in (("ge", "min_value"), ("gt", "min_value"), ("le", "max_value")):
            if getattr(rule, attribute, None) is not None:
                limits[option] = float(getattr(rule, attribute))
    return limits


def _limits(model: type[BaseModel], field: str) -> dict[str, float]:
    """A field's bounds as the model declares them (``Field(ge=..., le=...)``), for a number column."""
    return _limits_of(model.model_fields[field].metadata)


_WEIGHT_LIMITS = _limits_of(get_args(get_args(_ROLE.model_fields["covers"].annotation)[1])[1].metadata)
"""A role's weight for a capability: the bounds of ``RoleProfile.covers``' values."""


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
    cap_label = labels("team.cap_short", CAPABILITY_IDS)
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
                    format_func=labels("team.severity", SEVERITIES).__getitem__,
                ),
                "priority": st.column_config.NumberColumn(
                    t("team.col.priority"), step=1, **_limits(_CAPABILITY, "priority")
                ),
            },
        )
        st.markdown(f"**{t('team.assumptions_roles')}**")
        weight = {
            c: st.column_config.NumberColumn(cap_label[c], step=0.1, **_WEIGHT_LIMITS) for c in CAPABILITY_IDS
        }
        role = st.column_config.SelectboxColumn(
            t("team.col.role"),
            options=ROLE_IDS,
            format_func=labels("team.role", ROLE_IDS).__getitem__,
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
