"""Funnel page state: widget keys, the inputs ↔ session-state mapping, and cached runs per source."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, NamedTuple

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from content_logic.funnel import (
    FunnelBenchmarks,
    FunnelInputs,
    FunnelResult,
    VideoDiagnosis,
    VideoFunnel,
    assess,
    demo_inputs,
    inputs_from_json,
    read_file,
    read_rows,
)
from content_logic.i18n import Language
from content_logic.problems import InputError, Problem
from ui.calculator_io import current_mapping, keep_file, kept_file, replace_table, table_rows

MODE_KEY = "funnel_mode"
SINGLE_FIELDS: tuple[str, ...] = (
    "views", "hook_rate", "completion_rate", "avg_watch_seconds", "video_seconds",
    "product_clicks", "orders", "gmv",
)  # fmt: skip
"""The one-video form, in the course's definitions (2-second views ÷ views, full watches ÷
2-second views)."""
SINGLE_KEYS: dict[str, str] = {field: f"funnel_single_{field}" for field in ("video", *SINGLE_FIELDS)}
BENCH_KEYS: dict[str, str] = {field: f"funnel_bm_{field}" for field in FunnelBenchmarks.model_fields}
SOURCE_KEY = "funnel_batch_source"
DEMO_KEY = "funnel_demo"
UPLOAD_KEY = "funnel_upload"
MAPPING_KEY = "funnel_mapping"
"""The mapping editor: what the user said each unknown column of an upload is (trait, id, ignore)."""
RESTORED_KEY = "funnel_restored_videos"
"""Session state: the videos of a restored upload, used until a file is uploaded again."""
TABLE_KEY = "funnel_table"
"""The typed table (``ui.calculator_io.table_editor`` keeps its rows and edits)."""
REFERENCE_KEY = "funnel_reference"
KEEP_KEY = "funnel_ref_keep"
REPLICATE_KEY = "funnel_replicate_by"
DETAIL_KEY = "funnel_batch_video"
MAX_PICK = 500
"""At most this many videos are offered in pickers (the table and the CSV have them all)."""

TABLE_COLUMNS: tuple[str, ...] = ("video", "creator", "date", *SINGLE_FIELDS, "format", "hook_type")
"""Columns of the typed table; the last two are content traits for the replicate view."""


def _rows(inputs: FunnelInputs) -> list[dict[str, Any]]:
    if inputs.table_rows:
        return [dict(row) for row in inputs.table_rows]
    example = demo_inputs("copies").videos  # numbers only: names are the creators' handles
    fields = [c for c in TABLE_COLUMNS if c in VideoFunnel.model_fields]
    return [{**{c: getattr(v, c) for c in fields}, "video": v.creator} for v in example]


def table_frame(inputs: FunnelInputs) -> pd.DataFrame:
    """The typed table's rows for ``inputs`` (the copies' numbers when it has none); text columns hold
    text (``None`` when empty), so the editor offers them as text even when all are empty."""
    frame = pd.DataFrame(_rows(inputs), columns=list(TABLE_COLUMNS))
    for column in TABLE_COLUMNS:
        if column not in SINGLE_FIELDS:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def rows_of(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    """A table's rows as plain dicts, ``None`` for an empty cell."""
    if frame is None:
        return _rows(FunnelInputs())
    clean = frame.reindex(columns=list(TABLE_COLUMNS)).astype(object)
    return list(clean.where(clean.notna(), None).to_dict("records"))


def state_from_inputs(inputs: FunnelInputs) -> dict[str, object]:
    """Session-state values (by widget key) that show ``inputs`` on the page."""
    state: dict[str, object] = {MODE_KEY: inputs.mode, SOURCE_KEY: inputs.source, DEMO_KEY: inputs.demo}
    state.update({key: getattr(inputs.video, field) for field, key in SINGLE_KEYS.items()})
    state.update({key: getattr(inputs.benchmarks, field) for field, key in BENCH_KEYS.items()})
    state[REFERENCE_KEY] = inputs.reference_video or ""
    state[KEEP_KEY] = inputs.reference_rule.keep_percent
    state[REPLICATE_KEY] = list(inputs.replicate_by or ())
    return state


def inputs_from_state(state: Mapping[str, Any], rows: pd.DataFrame | None = None) -> FunnelInputs:
    """The page's inputs from session state and the typed table's ``rows`` (the batch's videos are
    filled in by :func:`batch_run`); raises :class:`InputError` if a value doesn't fit."""
    bench = {f: v for f, k in BENCH_KEYS.items() if (v := state.get(k)) is not None or f == "gpm_reference"}
    video = {f: state.get(k) for f, k in SINGLE_KEYS.items() if f != "video"}
    data = {
        "mode": state.get(MODE_KEY) or "single",
        "video": {"video": state.get(SINGLE_KEYS["video"]) or "", **video},
        "benchmarks": bench,
        "source": state.get(SOURCE_KEY) or "demo",
        "demo": state.get(DEMO_KEY) or "influencer",
        "table_rows": rows_of(rows),
        "reference_video": state.get(REFERENCE_KEY) or None,
        "replicate_by": tuple(state.get(REPLICATE_KEY) or ()) or None,
    }
    if state.get(KEEP_KEY):
        data["reference_rule"] = {"keep_percent": state[KEEP_KEY]}
    try:
        return FunnelInputs.model_validate(data)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in error["loc"]) for error in exc.errors()[:5])
        raise InputError([Problem(code="funnel_saved_inputs", values={"fields": fields})]) from None


def init_state() -> None:
    """Default inputs into session state (first visit)."""
    for key, value in state_from_inputs(FunnelInputs()).items():
        st.session_state.setdefault(key, value)


def page_inputs() -> FunnelInputs:
    """The page's inputs now (session state and the typed table as last drawn)."""
    return inputs_from_state(st.session_state, table_rows(TABLE_KEY))


def restore(saved: Mapping[str, object]) -> None:
    """Show saved inputs (a returning attendee); call before the page draws its widgets."""
    inputs = inputs_from_json(saved)
    replace_table(TABLE_KEY, table_frame(inputs))
    for key, value in state_from_inputs(inputs).items():
        st.session_state[key] = value
    if inputs.source == "upload" and inputs.videos:
        st.session_state[RESTORED_KEY] = inputs.videos


def demo_changed(demo_id: str, lang: Language) -> None:
    """Demo picker callback: compare with the demo's winner when it has one, else with the rules of thumb."""
    st.session_state[REFERENCE_KEY] = demo_inputs(demo_id, lang=lang).reference_video or ""


class BatchRun(NamedTuple):
    """A batch result and what reading its source found: row problems, notes, file problems, the
    columns nobody knows, and the inputs it was assessed from (to share and save)."""

    result: FunnelResult | None
    inputs: FunnelInputs | None = None
    skipped: tuple[Problem, ...] = ()
    notes: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()
    unmapped: tuple[tuple[str, int], ...] = ()
    key: str = ""
    """Identifies the source and options, so views of the result can be cached by it."""


@st.cache_resource(max_entries=256, show_spinner=False)
def single_run(inputs_json: str) -> tuple[FunnelResult, VideoDiagnosis]:
    """One video assessed (keyed by its numbers and the benchmarks), so a rerun that changed
    nothing pays no assessment; raises :class:`InputError` for impossible numbers (never cached)."""
    result = assess(FunnelInputs.model_validate_json(inputs_json))
    return result, result.single


def single_key(inputs: FunnelInputs) -> str:
    """What a one-video assessment depends on, as the key of :func:`single_run`."""
    return inputs.model_dump_json(include={"mode", "video", "benchmarks"})


_OPTION_FIELDS = {"benchmarks", "reference_video", "reference_rule", "replicate_by"}


def options_json(inputs: FunnelInputs) -> str:
    """The diagnosis options of ``inputs`` (benchmarks, reference, replicate columns) as a cache key."""
    return json.dumps(inputs.model_dump(mode="json", include=_OPTION_FIELDS), sort_keys=True)


def _with_options(videos: FunnelInputs, options: str) -> FunnelInputs:
    return FunnelInputs.model_validate({**videos.model_dump(exclude=_OPTION_FIELDS), **json.loads(options)})


@st.cache_resource(max_entries=64, show_spinner=False)
def demo_run(demo_id: str, lang: Language, options: str) -> BatchRun:
    """A demo set assessed (shared by every session: same demo, same options, same result)."""
    inputs = _with_options(demo_inputs(demo_id, lang=lang), options)
    return BatchRun(assess(inputs), inputs, key=f"demo:{demo_id}:{lang}:{options}")


def _run(read: Any, options: str, key: str, source: str) -> BatchRun:
    reading = read()
    unmapped = tuple((u.column, u.rows) for u in reading.unmapped)
    if reading.inputs is None:
        return BatchRun(None, problems=reading.problems, notes=reading.notes, unmapped=unmapped, key=key)
    inputs = _with_options(reading.inputs.model_copy(update={"source": source}), options)
    return BatchRun(assess(inputs), inputs, reading.problems, reading.notes, (), unmapped, key)


@st.cache_resource(max_entries=32, ttl="1h", show_spinner=False)
def upload_run(file_id: str, _data: bytes, name: str, options: str, mapping: str) -> BatchRun:
    """An uploaded file read, checked and assessed; keyed by the upload's id, not its bytes."""
    key = f"upload:{file_id}:{options}:{mapping}"
    return _run(lambda: read_file(_data, name, mapping=json.loads(mapping)), options, key, "upload")


@st.cache_resource(max_entries=32, ttl="1h", show_spinner=False)
def table_run(rows_json: str, options: str) -> BatchRun:
    """The typed table checked (rows numbered from 1) and assessed."""
    key = f"table:{hashlib.sha1(rows_json.encode()).hexdigest()}:{options}"
    return _run(lambda: read_rows(json.loads(rows_json), TABLE_COLUMNS), options, key, "table")


def batch_run(inputs: FunnelInputs, lang: Language) -> BatchRun | None:
    """The assessment of the chosen source (cached); ``None`` when no file has been uploaded yet."""
    options = options_json(inputs)
    if inputs.source == "demo":
        return demo_run(inputs.demo, lang, options)
    if inputs.source == "upload":
        kept = kept_file(UPLOAD_KEY)
        mapping = json.dumps(current_mapping(MAPPING_KEY), sort_keys=True)
        if kept is not None:
            return upload_run(kept.file_id, kept.data, kept.name, options, mapping)
        restored = st.session_state.get(RESTORED_KEY)
        if not restored:
            return None
        saved = _with_options(FunnelInputs(mode="batch", source="upload", videos=restored), options)
        return BatchRun(assess(saved), saved, key=f"restored:{options}")
    return table_run(json.dumps(list(inputs.table_rows), default=str), options)


def use_file(data: bytes, name: str) -> None:
    """A lesson exercise's file, kept as the batch's upload (before the widgets are drawn)."""
    keep_file(UPLOAD_KEY, name, data)
    forget_restored()
    st.session_state[MODE_KEY], st.session_state[SOURCE_KEY] = "batch", "upload"


def forget_restored(_: object = None) -> None:
    """A new upload (or none) replaces the videos of a restored upload."""
    st.session_state.pop(RESTORED_KEY, None)
