"""Session state of the channel checker: its keys, the data in use, and saving or restoring the inputs.

Every key starts with ``channels_``. What the user typed survives reruns, language switches and visits
to other pages: the table's edits are kept in ``channels_typed`` and folded back into the editor's data
whenever the editor's own state is gone (another page) or its column labels change (another language).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from content_logic.calculator import UnmappedLabel
from content_logic.channels import (
    DEMO_IDS,
    ChannelInputs,
    SalesPeak,
    StabilityPolicy,
    StockPlan,
    WeeklySales,
    demo_inputs,
    policy_from_values,
    read_file,
    sales_from_table,
    weekly_table,
)
from content_logic.problems import InputError, Problem

STORY_KEY = "channels_story"
UPLOAD_KEY = "channels_upload"
EDITOR_KEY = "channels_editor"
WINDOW_KEY = "channels_window_weeks"
BASE_KEY = "channels_base"
"""The WeeklySales the table started from (a story or an upload): it carries creators and notes."""
SOURCE_KEY = "channels_source"
TABLE_KEY = "channels_table"
TYPED_KEY = "channels_typed"
LAST_GOOD_KEY = "channels_last_good"
UPLOAD_ID_KEY = "channels_upload_id"
UPLOAD_PROBLEMS_KEY = "channels_upload_problems"
UPLOAD_FILE_KEY = "channels_upload_file"
"""The uploaded file's (bytes, name): read again when the user maps a label."""
MAPPING_KEY = "channels_mapping"
"""The user's label → channel choices, kept for the session (and applied to later uploads too)."""
ASKED_KEY = "channels_unmapped"
"""The labels of the current upload the vocabulary didn't know (the mapping editor's rows)."""
PEAKS_KEY = "channels_peaks_editor"
PEAKS_TABLE_KEY = "channels_peaks_table"
PEAKS_GOOD_KEY = "channels_peaks_good"
PEAK_COLUMNS = ("name", "market", "start", "end")
TABLE_LANG_KEY = "channels_table_lang"
TABLE_IS_BASE_KEY = "channels_table_is_base"

EMPTY = "empty"
IGNORE = "ignore"
"""The mapping value ``read_file`` reads as "not a channel: leave these rows out"."""
STORY_OPTIONS: tuple[str, ...] = (
    "carla",
    "stock_up_trap",
    "stable_influencer",
    "shelf_logic",
    "healthy_mix",
    EMPTY,
)
DEFAULT_STORY = "carla"
"""The stock-up-trap lesson asks the presenter to load Carla's numbers, so they come first."""

POLICY_FIELDS = tuple(f for f in StabilityPolicy.model_fields if f not in ("window_weeks", "peaks"))
PLAN_FIELDS = tuple(StockPlan.model_fields)


def policy_key(field: str) -> str:
    """Widget key of one threshold."""
    return WINDOW_KEY if field == "window_weeks" else f"channels_policy_{field}"


def plan_key(field: str) -> str:
    """Widget key of one stock-plan number."""
    return f"channels_plan_{field}"


@st.cache_resource(show_spinner=False)
def story_sales(story: str) -> WeeklySales:
    """A demo story's weekly sales (frozen, so shared read-only across sessions)."""
    if story in DEMO_IDS:
        return demo_inputs(story).sales
    return WeeklySales.from_orders([f"W{i}" for i in range(1, 9)], {})


def init_state() -> None:
    """Defaults for every input on the first visit; nothing already chosen is touched."""
    state = st.session_state
    state.setdefault(STORY_KEY, DEFAULT_STORY)
    if BASE_KEY not in state:
        use_base(story_sales(state[STORY_KEY]), source=None)
    for field in POLICY_FIELDS + ("window_weeks",):
        value = getattr(StabilityPolicy(), field)
        state.setdefault(policy_key(field), list(value) if isinstance(value, tuple) else value)
    for field, value in StockPlan().model_dump().items():
        state.setdefault(plan_key(field), value)
    state.setdefault(MAPPING_KEY, {})
    if PEAKS_TABLE_KEY not in state:
        use_peaks(StabilityPolicy().peaks)


def use_peaks(peaks: tuple[SalesPeak, ...]) -> None:
    """Start the peaks table from ``peaks``, dropping edits."""
    rows = [p.model_dump() for p in peaks]
    st.session_state[PEAKS_TABLE_KEY] = pd.DataFrame(rows, columns=list(PEAK_COLUMNS)).astype(str)
    st.session_state[PEAKS_GOOD_KEY] = peaks
    st.session_state.pop(PEAKS_KEY, None)


def peaks_from_table(edited: pd.DataFrame) -> tuple[tuple[SalesPeak, ...], bool]:
    """The peaks as edited (blank rows skipped); the last good ones and ``False`` when a row is wrong."""
    peaks: list[SalesPeak] = []
    for record in edited.to_dict("records"):
        cells = {k: str(record.get(k) or "").strip() for k in PEAK_COLUMNS}
        cells = {k: "" if v in ("None", "nan") else v for k, v in cells.items()}
        if not any(cells.values()):
            continue
        try:
            peaks.append(SalesPeak.model_validate(cells))
        except ValueError:
            return st.session_state[PEAKS_GOOD_KEY], False
    st.session_state[PEAKS_GOOD_KEY] = tuple(peaks)
    return tuple(peaks), True


def use_base(sales: WeeklySales, *, source: str | None) -> None:
    """Start the table from ``sales``, dropping edits made to the previous data."""
    state = st.session_state
    state[BASE_KEY] = sales
    state[SOURCE_KEY] = source
    state[TABLE_KEY] = weekly_table(sales)
    state[TABLE_IS_BASE_KEY] = True
    for key in (TYPED_KEY, LAST_GOOD_KEY, EDITOR_KEY):
        state.pop(key, None)


def story_changed() -> None:
    """Selectbox callback: the chosen story fills the table."""
    use_base(story_sales(st.session_state[STORY_KEY]), source=None)
    st.session_state[UPLOAD_PROBLEMS_KEY] = None


def sync_upload(upload: Any) -> None:
    """Read a newly uploaded file once; a good one replaces the table, a bad one leaves it alone."""
    state = st.session_state
    file_id = getattr(upload, "file_id", None)
    if file_id == state.get(UPLOAD_ID_KEY):
        return
    state[UPLOAD_ID_KEY] = file_id
    state[UPLOAD_PROBLEMS_KEY] = None
    state[ASKED_KEY] = ()
    if upload is None:
        state.pop(UPLOAD_FILE_KEY, None)
        if state.get(SOURCE_KEY):
            use_base(story_sales(state[STORY_KEY]), source=None)
        return
    state[UPLOAD_FILE_KEY] = (upload.getvalue(), upload.name)
    state[ASKED_KEY] = read_file(upload.getvalue(), upload.name).unmapped
    read_upload()


def read_upload() -> None:
    """Read the uploaded file with the user's label choices; a usable reading replaces the table."""
    state = st.session_state
    if UPLOAD_FILE_KEY not in state:
        return
    data, name = state[UPLOAD_FILE_KEY]
    reading = read_file(data, name, mapping=state[MAPPING_KEY])
    state[UPLOAD_PROBLEMS_KEY] = (name, list(reading.problems)) if reading.problems else None
    if reading.inputs is not None:
        use_base(reading.inputs.sales, source=name)


def unmapped_labels() -> tuple[UnmappedLabel, ...]:
    """The current upload's labels the vocabulary didn't know (mapped or not yet)."""
    labels: tuple[UnmappedLabel, ...] = st.session_state.get(ASKED_KEY, ())
    return labels


def mapping_key(label: UnmappedLabel) -> str:
    """Widget key of one label's choice in the mapping editor."""
    return f"channels_map_{label.column}_{label.label}"


def label_mapped(label: UnmappedLabel) -> None:
    """Mapping-editor callback: remember the choice for the session and read the file again."""
    state = st.session_state
    chosen = state.get(mapping_key(label)) or ""
    mapping = dict(state[MAPPING_KEY])
    if chosen:
        mapping[label.label] = chosen
    else:
        mapping.pop(label.label, None)
    state[MAPPING_KEY] = mapping
    read_upload()


def editor_data(lang: str) -> pd.DataFrame:
    """The data to give the table editor, with earlier edits folded in when the editor was rebuilt."""
    state = st.session_state
    if TYPED_KEY in state and (EDITOR_KEY not in state or state.get(TABLE_LANG_KEY) != lang):
        state[TABLE_KEY] = state[TYPED_KEY]
        state[TABLE_IS_BASE_KEY] = False
        state.pop(EDITOR_KEY, None)
    state[TABLE_LANG_KEY] = lang
    table: pd.DataFrame = state[TABLE_KEY]
    return table


def table_sales(edited: pd.DataFrame, names: dict[str, str]) -> tuple[WeeklySales, list[Problem]]:
    """The sales in the edited table; with problems, the last good sales and the problems."""
    state = st.session_state
    state[TYPED_KEY] = edited
    edits = state.get(EDITOR_KEY) or {}
    if state.get(TABLE_IS_BASE_KEY) and not any(
        edits.get(k) for k in ("edited_rows", "added_rows", "deleted_rows")
    ):
        return state[BASE_KEY], []  # untouched: the story or upload itself, creators and notes included
    try:
        sales = sales_from_table(edited, base=state[BASE_KEY], column_names=names)
    except InputError as error:
        return state.get(LAST_GOOD_KEY, state[BASE_KEY]), error.problems
    state[LAST_GOOD_KEY] = sales
    return sales, []


def policy_from_state() -> tuple[StabilityPolicy, list[Problem]]:
    """The thresholds as edited; the defaults (and why) when two of them contradict each other."""
    values: dict[str, object] = {f: st.session_state[policy_key(f)] for f in (*POLICY_FIELDS, "window_weeks")}
    values["peaks"] = st.session_state.get(PEAKS_GOOD_KEY, StabilityPolicy().peaks)
    try:
        return policy_from_values(values), []
    except InputError as error:
        return StabilityPolicy(), error.problems


def plan_from_state() -> StockPlan:
    """The stock plan as typed."""
    return StockPlan.model_validate({f: st.session_state[plan_key(f)] for f in PLAN_FIELDS})


def reset_policy() -> None:
    """Button callback: every threshold and the peaks back to their defaults."""
    for field in (*POLICY_FIELDS, "window_weeks"):
        value = getattr(StabilityPolicy(), field)
        st.session_state[policy_key(field)] = list(value) if isinstance(value, tuple) else value
    use_peaks(StabilityPolicy().peaks)


def current_inputs(sales: WeeklySales) -> ChannelInputs:
    """Everything the user chose, as one model (``inputs_to_json`` turns it into a JSON-ready dict)."""
    story = st.session_state[STORY_KEY]
    policy, _ = policy_from_state()
    return ChannelInputs(
        story=story if story in DEMO_IDS and not st.session_state.get(SOURCE_KEY) else None,
        source=st.session_state.get(SOURCE_KEY),
        sales=sales,
        policy=policy,
        plan=plan_from_state(),
    )


def restore_inputs(inputs: ChannelInputs) -> None:
    """Put saved inputs back (call before the page draws its widgets, e.g. from a callback)."""
    state = st.session_state
    state[STORY_KEY] = inputs.story or EMPTY
    use_base(inputs.sales, source=inputs.source)
    for field in (*POLICY_FIELDS, "window_weeks"):
        value = getattr(inputs.policy, field)
        state[policy_key(field)] = list(value) if isinstance(value, tuple) else value
    use_peaks(inputs.policy.peaks)
    for field, value in inputs.plan.model_dump().items():
        state[plan_key(field)] = value
