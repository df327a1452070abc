"""Team page inputs: demo picker, roster table, file import (with its title mapping) and export, questions."""

from __future__ import annotations

import streamlit as st

from content_logic.i18n import translate
from content_logic.team import (
    DEMO_IDS,
    TeamPolicy,
    TeamReference,
    problem_text,
    roster_csv,
)
from ui import team_state as state
from ui.calculator_io import KEEP, demo_picker, file_upload, mapping_editor, table_editor
from ui.i18n import current_language, t
from ui.widgets import problem_list

ss = st.session_state

_REFERENCE = TeamReference()
CAPABILITY_IDS = tuple(c.id for c in _REFERENCE.capabilities)
ROLE_IDS = tuple(r.id for r in _REFERENCE.roles)
ANSWERS = tuple(TeamPolicy().diagnosis_bounds)
REPLICATIONS = tuple(TeamPolicy().replication_bounds)


def labels(prefix: str, ids: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``{id: label}`` in the session's language, looked up once per run (format_func calls it a lot)."""
    lang = current_language()
    return {i: translate(f"{prefix}.{i}", lang) for i in ids}


def preset_picker() -> None:
    """A picker that loads a typical team into the table and the answers (the choice is kept)."""
    demo_picker(
        state.PRESET,
        t("team.preset_label"),
        DEMO_IDS,
        format_func=labels("team.preset", DEMO_IDS).__getitem__,
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
            format_func=labels("team.role", ROLE_IDS).__getitem__,
            width="medium",
        ),
        "headcount": st.column_config.NumberColumn(t("team.col.headcount"), width="small"),
        "name": st.column_config.TextColumn(t("team.col.name"), width="small"),
        "capabilities": st.column_config.MultiselectColumn(
            t("team.col.capabilities"),
            options=CAPABILITY_IDS,
            format_func=labels("team.cap", CAPABILITY_IDS).__getitem__,
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
    roles, caps = labels("team.role", ROLE_IDS), labels("team.cap", CAPABILITY_IDS)
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
        format_func=labels("team.answer", ANSWERS).__getitem__,
        key="team_explain",
        persist_state=KEEP,
    )
    st.radio(
        t("team.q_replicated"),
        REPLICATIONS,
        format_func=labels("team.replication", REPLICATIONS).__getitem__,
        key="team_replicated",
        persist_state=KEEP,
    )
    for question, key in (("q_content_hours", "team_founder_content_hours"),
                          ("q_networking_hours", "team_founder_networking_hours")):  # fmt: skip
        ss[key] = float(ss.get(key) or 0.0)  # demos and restores may hold an int
        st.number_input(
            t(f"team.{question}"), step=1.0, key=key, help=t("team.hours_help"), persist_state=KEEP
        )
