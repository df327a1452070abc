"""Funnel page state: widget keys, the inputs ↔ session-state mapping, and cached batch runs."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, NamedTuple

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from content_logic.funnel import (
    BatchDiagnosis,
    FunnelBenchmarks,
    FunnelInputs,
    ReferenceRule,
    SkippedRow,
    VideoFunnel,
    demo_set,
    diagnose_batch,
    prepare_videos,
    read_videos,
    videos_frame,
)
from content_logic.funnel.demo import DemoId
from content_logic.funnel.models import FUNNEL_FIELDS
from content_logic.i18n import Language
from content_logic.problems import InputError, Problem

MODE_KEY = "funnel_mode"
SINGLE_KEYS: dict[str, str] = {field: f"funnel_single_{field}" for field in ("video", *FUNNEL_FIELDS)}
BENCH_KEYS: dict[str, str] = {field: f"funnel_bm_{field}" for field in FunnelBenchmarks.model_fields}
SOURCE_KEY = "funnel_batch_source"
DEMO_KEY = "funnel_demo"
UPLOAD_KEY = "funnel_upload"
UPLOADED_KEY = "funnel_upload_file"
"""Session state: ``(file name, bytes, file id)`` of the last upload, kept across page switches."""
TABLE_KEY = "funnel_table"
TABLE_ROWS_KEY = "funnel_table_rows"
"""Session state: the typed table's rows before the editor's pending edits."""
TABLE_EDITS_KEY = "funnel_table_edits"
"""Session state: a copy of the editor's edits, folded into the rows when the page is entered again."""
REFERENCE_KEY = "funnel_reference"
KEEP_KEY = "funnel_ref_keep"
REPLICATE_KEY = "funnel_replicate_by"
DETAIL_KEY = "funnel_batch_video"

TABLE_COLUMNS: tuple[str, ...] = ("video", "creator", "date", *FUNNEL_FIELDS, "format", "hook_type")
"""Columns of the typed table; the last two are traits for the replicate view."""

_NO_EDITS: dict[str, Any] = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def apply_edits(rows: list[dict[str, Any]], edits: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """Rows after a data editor's edit state (edited, deleted, then added rows)."""
    result = [dict(row) for row in rows]
    for index, changes in (edits or {}).get("edited_rows", {}).items():
        if int(index) < len(result):
            result[int(index)].update(changes)
    deleted = {int(i) for i in (edits or {}).get("deleted_rows", [])}
    result = [row for i, row in enumerate(result) if i not in deleted]
    result += [dict(row) for row in (edits or {}).get("added_rows", [])]
    return [{column: row.get(column) for column in TABLE_COLUMNS} for row in result]


def _table_rows(inputs: FunnelInputs) -> list[dict[str, Any]]:
    if inputs.table_rows:
        return [dict(row) for row in inputs.table_rows]
    example = demo_set("copies", "en").videos  # numbers only: names are the creators' handles
    fields = [c for c in TABLE_COLUMNS if c in VideoFunnel.model_fields]
    return [{**{c: getattr(v, c) for c in fields}, "video": v.creator} for v in example]


def state_from_inputs(inputs: FunnelInputs) -> dict[str, object]:
    """Session-state values (by widget key) that show ``inputs`` on the page."""
    state: dict[str, object] = {MODE_KEY: inputs.mode, SOURCE_KEY: inputs.source, DEMO_KEY: inputs.demo}
    state.update({key: getattr(inputs.video, field) for field, key in SINGLE_KEYS.items()})
    state.update({key: getattr(inputs.benchmarks, field) for field, key in BENCH_KEYS.items()})
    state[TABLE_ROWS_KEY] = apply_edits(_table_rows(inputs), None)
    state[TABLE_EDITS_KEY] = _NO_EDITS
    state[REFERENCE_KEY] = inputs.reference_video or ""
    state[KEEP_KEY] = inputs.reference_rule.keep_percent
    state[REPLICATE_KEY] = list(inputs.replicate_by or ())
    return state


def current_rows(state: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The typed table as the user sees it now (stored rows plus the editor's pending edits)."""
    edits = state.get(TABLE_KEY) or state.get(TABLE_EDITS_KEY)
    return apply_edits(list(state.get(TABLE_ROWS_KEY) or []), edits)


def inputs_from_state(state: Mapping[str, Any]) -> FunnelInputs:
    """The page's inputs from session state; raises :class:`InputError` if a value doesn't fit."""
    bench = {f: v for f, k in BENCH_KEYS.items() if (v := state.get(k)) is not None or f == "gpm_reference"}
    video = {f: state.get(k) for f, k in SINGLE_KEYS.items() if f != "video"}
    try:
        return FunnelInputs(
            mode=state.get(MODE_KEY) or "single",
            video=VideoFunnel(video=state.get(SINGLE_KEYS["video"]) or "", **video),
            benchmarks=FunnelBenchmarks(**bench),
            source=state.get(SOURCE_KEY) or "demo",
            demo=state.get(DEMO_KEY) or "influencer",
            table_rows=tuple(current_rows(state)),
            reference_video=state.get(REFERENCE_KEY) or None,
            reference_rule=ReferenceRule(keep_percent=state.get(KEEP_KEY) or ReferenceRule().keep_percent),
            replicate_by=tuple(state.get(REPLICATE_KEY) or ()) or None,
        )
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in error["loc"]) for error in exc.errors()[:5])
        raise InputError([Problem(code="funnel_saved_inputs", values={"fields": fields})]) from None


def init_state() -> None:
    """Default inputs into session state (first visit); fold in table edits made before a page switch."""
    for key, value in state_from_inputs(FunnelInputs()).items():
        st.session_state.setdefault(key, value)
    if TABLE_KEY not in st.session_state and st.session_state.get(TABLE_EDITS_KEY) != _NO_EDITS:
        st.session_state[TABLE_ROWS_KEY] = current_rows(st.session_state)
        st.session_state[TABLE_EDITS_KEY] = _NO_EDITS


def use_file(data: bytes, name: str) -> None:
    """Take a file as the batch's upload (a lesson exercise's file); call before the widgets are drawn."""
    st.session_state[UPLOADED_KEY] = (name, data, f"file:{hashlib.sha256(data).hexdigest()}")
    st.session_state[MODE_KEY] = "batch"
    st.session_state[SOURCE_KEY] = "upload"


def restore(inputs: FunnelInputs) -> None:
    """Show saved inputs (a returning attendee); call before the page draws its widgets."""
    st.session_state.pop(TABLE_KEY, None)
    for key, value in state_from_inputs(inputs).items():
        st.session_state[key] = value


def keep_edits() -> None:
    """Data editor callback: copy its edits so they survive a page switch."""
    st.session_state[TABLE_EDITS_KEY] = json.loads(json.dumps(st.session_state.get(TABLE_KEY) or _NO_EDITS))


def demo_changed(lang: Language) -> None:
    """Demo picker callback: compare with the demo's winner when it has one, else with the rules of thumb."""
    demo = demo_set(st.session_state[DEMO_KEY], lang)
    st.session_state[REFERENCE_KEY] = demo.reference_video or ""


def table_frame() -> pd.DataFrame:
    """The typed table's stored rows (the editor adds its pending edits itself)."""
    return pd.DataFrame(st.session_state.get(TABLE_ROWS_KEY) or [], columns=list(TABLE_COLUMNS))


class BatchRun(NamedTuple):
    """A batch diagnosis, the rows skipped on the way, notes, and problems that stopped the file."""

    result: BatchDiagnosis | None
    skipped: tuple[SkippedRow, ...] = ()
    notes: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()
    key: str = ""
    """Identifies the source and options, so views of the result can be cached by it."""


def _options(options_json: str) -> dict[str, Any]:
    options = json.loads(options_json)
    return {
        "benchmarks": FunnelBenchmarks.model_validate(options["benchmarks"]),
        "reference_video": options["reference_video"],
        "reference_rule": ReferenceRule.model_validate(options["reference_rule"]),
        "replicate_by": options["replicate_by"],
    }


def options_json(inputs: FunnelInputs) -> str:
    """The diagnosis options of ``inputs`` as a cache key."""
    return json.dumps(
        {
            "benchmarks": inputs.benchmarks.model_dump(mode="json"),
            "reference_video": inputs.reference_video,
            "reference_rule": inputs.reference_rule.model_dump(mode="json"),
            "replicate_by": list(inputs.replicate_by) if inputs.replicate_by else None,
        },
        sort_keys=True,
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def demo_run(demo_id: DemoId, lang: Language, options: str) -> BatchRun:
    """A demo set diagnosed (shared by every session: same demo, same options, same result)."""
    result = diagnose_batch(videos_frame(demo_set(demo_id, lang).videos), **_options(options))
    return BatchRun(result, key=f"demo:{demo_id}:{lang}:{options}")


def _checked_run(read: Any, options: str, key: str) -> BatchRun:
    try:
        upload = read()
    except InputError as error:
        return BatchRun(None, problems=tuple(error.problems), key=key)
    result = diagnose_batch(upload.videos, **_options(options)) if len(upload.videos) else None
    return BatchRun(result, upload.skipped, upload.notes, key=key)


@st.cache_resource(max_entries=32, ttl="1h", show_spinner=False)
def upload_run(file_id: str, _data: bytes, name: str, options: str) -> BatchRun:
    """An uploaded file read, checked and diagnosed; keyed by the upload's id, not its bytes."""
    return _checked_run(lambda: read_videos(_data, name), options, f"upload:{file_id}:{options}")


@st.cache_resource(max_entries=32, ttl="1h", show_spinner=False)
def table_run(rows_json: str, options: str) -> BatchRun:
    """The typed table checked (rows numbered from 1) and diagnosed."""
    frame = pd.DataFrame(json.loads(rows_json), columns=list(TABLE_COLUMNS))
    key = f"table:{hashlib.sha1(rows_json.encode()).hexdigest()}:{options}"
    return _checked_run(lambda: prepare_videos(frame, first_row=1), options, key)


def batch_run(inputs: FunnelInputs, lang: Language) -> BatchRun | None:
    """The diagnosis of the chosen source (cached); ``None`` when no file has been uploaded yet."""
    options = options_json(inputs)
    if inputs.source == "demo":
        return demo_run(inputs.demo, lang, options)
    if inputs.source == "upload":
        kept = st.session_state.get(UPLOADED_KEY)
        return None if kept is None else upload_run(kept[2], kept[1], kept[0], options)
    return table_run(json.dumps(list(inputs.table_rows), default=str), options)
