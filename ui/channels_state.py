"""Session state of the channel checker: its keys, the data in use, and saving or restoring the inputs.

Every key starts with ``channels_``. What the user typed survives reruns, language switches and visits
to other pages: the table's edits are kept in ``channels_typed`` and folded back into the editor's data
whenever the editor's own state is gone (another page) or its column labels change (another language).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from content_logic.channels.demo import STORIES, StoryId, demo_sales, empty_sales
from content_logic.channels.inputs import ChannelInputs, policy_from_values
from content_logic.channels.models import WeeklySales
from content_logic.channels.parse import parse_sales
from content_logic.channels.policy import StabilityPolicy, StockPlan
from content_logic.channels.table import sales_from_table, weekly_table
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
TABLE_LANG_KEY = "channels_table_lang"
TABLE_IS_BASE_KEY = "channels_table_is_base"

EMPTY = "empty"
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

POLICY_FIELDS = tuple(f for f in StabilityPolicy.model_fields if f != "window_weeks")
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
    return demo_sales(story) if story in STORIES else empty_sales()  # type: ignore[arg-type]


def init_state() -> None:
    """Defaults for every input on the first visit; nothing already chosen is touched."""
    state = st.session_state
    state.setdefault(STORY_KEY, DEFAULT_STORY)
    if BASE_KEY not in state:
        use_base(story_sales(state[STORY_KEY]), source=None)
    for field, value in StabilityPolicy().model_dump().items():
        state.setdefault(policy_key(field), list(value) if isinstance(value, tuple) else value)
    for field, value in StockPlan().model_dump().items():
        state.setdefault(plan_key(field), value)


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
    if upload is None:
        if state.get(SOURCE_KEY):
            use_base(story_sales(state[STORY_KEY]), source=None)
        return
    read_file(upload.getvalue(), upload.name)


def read_file(data: bytes, name: str) -> None:
    """Read a file as an upload (a lesson exercise's file too): a good one replaces the table."""
    st.session_state[UPLOAD_PROBLEMS_KEY] = None
    try:
        sales = parse_sales(data, name)
    except InputError as error:
        st.session_state[UPLOAD_PROBLEMS_KEY] = (name, error.problems)
        return
    use_base(sales, source=name)


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
    values = {f: st.session_state[policy_key(f)] for f in StabilityPolicy.model_fields}
    try:
        return policy_from_values(values), []
    except InputError as error:
        return StabilityPolicy(), error.problems


def plan_from_state() -> StockPlan:
    """The stock plan as typed."""
    return StockPlan.model_validate({f: st.session_state[plan_key(f)] for f in PLAN_FIELDS})


def reset_policy() -> None:
    """Button callback: every threshold back to its default."""
    for field, value in StabilityPolicy().model_dump().items():
        st.session_state[policy_key(field)] = list(value) if isinstance(value, tuple) else value


def current_inputs(sales: WeeklySales) -> ChannelInputs:
    """Everything the user chose, as one model (``inputs_to_json`` turns it into a JSON-ready dict)."""
    story = st.session_state[STORY_KEY]
    policy, _ = policy_from_state()
    return ChannelInputs(
        story=story if story in STORIES and not st.session_state.get(SOURCE_KEY) else None,
        source=st.session_state.get(SOURCE_KEY),
        sales=sales,
        policy=policy,
        plan=plan_from_state(),
    )


def restore_inputs(inputs: ChannelInputs) -> None:
    """Put saved inputs back (call before the page draws its widgets, e.g. from a callback)."""
    state = st.session_state
    story: StoryId | str = inputs.story or EMPTY
    state[STORY_KEY] = story
    use_base(inputs.sales, source=inputs.source)
    for field, value in inputs.policy.model_dump().items():
        state[policy_key(field)] = list(value) if isinstance(value, tuple) else value
    for field, value in inputs.plan.model_dump().items():
        state[plan_key(field)] = value
