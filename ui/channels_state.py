"""Session state of the channel checker: its keys, the data in use, and saving or restoring the inputs.

Every key starts with ``channels_``. The table, the upload, the story and the label mapping are kept
the way every calculator keeps them (``ui/calculator_io.py``); this module only says what they hold:
the weekly sales a story or a file gave (with their creators and notes), and the rules in use.
"""

from __future__ import annotations

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
    read_file,
)
from content_logic.i18n import translate
from content_logic.problems import InputError, Problem
from ui import calculator_io as io

STORY_KEY = "channels_story"
UPLOAD_KEY = "channels_upload"
TABLE_KEY = "channels_table"
"""The weekly table's editor (its rows are kept by ``calculator_io`` under ``channels_table.kept``)."""
WINDOW_KEY = "channels_window_weeks"
BASE_KEY = "channels_base"
"""The WeeklySales the table started from (a story or an upload): it carries creators and notes."""
SOURCE_KEY = "channels_source"
LAST_GOOD_KEY = "channels_last_good"
"""The last sales the table gave without problems: analysed while a cell needs fixing."""
UPLOAD_PROBLEMS_KEY = "channels_upload_problems"
TABLE_LANG_KEY = "channels_table_lang"
EDITED_KEY = "channels_table_edited"
"""True when the table held edits before a language switch (see ``table_language``)."""
READ_KEY = "channels_read"
"""The upload's last reading and the mapping it was read with, so a rerun doesn't read it again."""
PEAKS_KEY = "channels_peaks_editor"
PEAKS_TABLE_KEY = "channels_peaks_table"
PEAKS_GOOD_KEY = "channels_peaks_good"
PEAK_COLUMNS = ("name", "market", "start", "end")
"""The peaks table's visible columns; a hidden ``id`` keeps the course's peaks translatable."""

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
    if BASE_KEY not in state:
        use_base(story_sales(state.get(STORY_KEY, DEFAULT_STORY)), source=None)
    for field in (*POLICY_FIELDS, "window_weeks"):
        value = getattr(StabilityPolicy(), field)
        state.setdefault(policy_key(field), list(value) if isinstance(value, tuple) else value)
    for field, value in StockPlan().model_dump().items():
        state.setdefault(plan_key(field), value)
    if PEAKS_TABLE_KEY not in state:
        use_peaks(StabilityPolicy().peaks)


def use_peaks(peaks: tuple[SalesPeak, ...]) -> None:
    """Start the peaks table from ``peaks``, dropping edits; the course's peaks named in the language."""
    lang = st.session_state.get("lang", "en")
    rows = [
        {
            **p.model_dump(),
            "id": p.id or "",
            "name": translate(f"channels.peak.{p.id}", lang) if p.id else p.name,
        }
        for p in peaks
    ]
    st.session_state[PEAKS_TABLE_KEY] = pd.DataFrame(rows, columns=["id", *PEAK_COLUMNS]).astype(str)
    st.session_state[PEAKS_GOOD_KEY] = peaks
    st.session_state.pop(PEAKS_KEY, None)


def peaks_from_table(edited: pd.DataFrame) -> tuple[tuple[SalesPeak, ...], bool]:
    """The peaks as edited (blank rows skipped); the last good ones and ``False`` when a row is wrong."""
    peaks: list[SalesPeak] = []
    for record in edited.to_dict("records"):
        cells = {k: str(record.get(k) or "").strip() for k in ("id", *PEAK_COLUMNS)}
        cells = {k: "" if v in ("None", "nan") else v for k, v in cells.items()}
        if not any(v for k, v in cells.items() if k != "id"):
            continue
        named = {translate(f"channels.peak.{cells['id']}", lang) for lang in ("en", "es")}
        cells["id"] = (
            cells["id"] if cells["id"] and cells["name"] in named else ""
        )  # renamed: the seller's own
        cells = {k: v for k, v in cells.items() if v or k != "id"}
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
    state.pop(LAST_GOOD_KEY, None)
    state.pop(EDITED_KEY, None)
    io.replace_table(TABLE_KEY, sales.to_table())


def table_language(lang: str) -> None:
    """Before the table is drawn: a new language relabels its columns, which gives the editor a new
    identity in Streamlit and would drop its pending edits, so the rows as edited become its data."""
    state = st.session_state
    rows = io.table_rows(TABLE_KEY)
    if rows is not None and state.get(TABLE_LANG_KEY, lang) != lang:
        state[EDITED_KEY] = state.get(EDITED_KEY, False) or io.table_changed(TABLE_KEY)
        io.replace_table(TABLE_KEY, rows)
    state[TABLE_LANG_KEY] = lang


def story_picked(story: str) -> None:
    """Demo-picker callback: the chosen story fills the table (an upload in use is set aside)."""
    use_base(story_sales(story), source=None)
    st.session_state[UPLOAD_PROBLEMS_KEY] = None
    st.session_state.pop(READ_KEY, None)


def file_changed(kept: io.KeptFile | None) -> None:
    """Upload callback: a new file is read (a usable one replaces the table); removing it goes back
    to the story."""
    st.session_state[UPLOAD_PROBLEMS_KEY] = None
    st.session_state.pop(READ_KEY, None)
    if kept is None:
        use_base(story_sales(st.session_state.get(STORY_KEY, DEFAULT_STORY)), source=None)
        return
    read_upload()


def use_file(data: bytes, name: str) -> None:
    """A lesson exercise's file, kept and read exactly as an upload."""
    file_changed(io.keep_file(UPLOAD_KEY, name, data))


def read_upload() -> tuple[UnmappedLabel, ...]:
    """Read the file in use with the user's label choices, once per file and mapping; a usable
    reading replaces the table. Returns the labels the vocabulary didn't know."""
    state = st.session_state
    kept = io.kept_file(UPLOAD_KEY)
    if kept is None:
        return ()
    mapping = io.current_mapping(UPLOAD_KEY)
    last = state.get(READ_KEY)
    if last is not None and last[0] == (kept.file_id, mapping):
        unmapped: tuple[UnmappedLabel, ...] = last[1]
        return unmapped
    reading = read_file(kept.data, kept.name, mapping=mapping)
    state[READ_KEY] = ((kept.file_id, mapping), reading.unmapped)
    state[UPLOAD_PROBLEMS_KEY] = (kept.name, list(reading.problems)) if reading.problems else None
    if reading.inputs is not None:
        use_base(reading.inputs.sales, source=kept.name)
    return reading.unmapped


def table_sales(edited: pd.DataFrame, names: dict[str, str]) -> tuple[WeeklySales, list[Problem]]:
    """The sales in the edited table; with problems, the last good sales and the problems."""
    state = st.session_state
    if not (io.table_changed(TABLE_KEY) or state.get(EDITED_KEY)):
        return state[BASE_KEY], []  # untouched: the story or upload itself, creators and notes included
    try:
        sales = WeeklySales.from_table(edited, base=state[BASE_KEY], column_names=names)
    except InputError as error:
        return state.get(LAST_GOOD_KEY, state[BASE_KEY]), error.problems
    state[LAST_GOOD_KEY] = sales
    return sales, []


def policy_from_state() -> tuple[StabilityPolicy, list[Problem]]:
    """The thresholds as edited; the defaults (and why) when two of them contradict each other."""
    values: dict[str, object] = {f: st.session_state[policy_key(f)] for f in (*POLICY_FIELDS, "window_weeks")}
    values["peaks"] = st.session_state.get(PEAKS_GOOD_KEY, StabilityPolicy().peaks)
    try:
        return StabilityPolicy.from_values(values), []
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
    story = st.session_state.get(STORY_KEY, DEFAULT_STORY)
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
