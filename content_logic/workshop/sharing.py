"""What an attendee sends and keeps: a shared summary in readable lines, the identity of a prepared
share, and the lesson progress and calculator inputs saved for a returning attendee."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, JsonValue

from content_logic.formatting import format_decimal, format_percent
from content_logic.i18n import Language, translate
from content_logic.workshop.board import id_label
from content_logic.workshop.models import SUMMARY_MODELS, RoomSummary, Shown, shown_as

PROGRESS_STATE_KEY = "progress"
"""Saved-state key of the attendee's lesson progress (read ticks and quiz answers)."""

SHARED_STATE_KEY = "shared"
"""Saved-state key of the list of results the attendee shared, so a returning attendee sees them."""

SHARED_KEPT = 20
"""Most recent shares listed back to the attendee; older ones stay in the database, just unlisted."""

INPUTS_STATE_PREFIX = "inputs."
"""Saved-state keys of calculator inputs are ``inputs.<calculator>`` (``inputs.channels``)."""


class SummaryLine(BaseModel):
    """One line of "this is exactly what will be sent": the field's name and its value, as text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    field: str
    label: str
    value: str


def _number(value: float, lang: Language) -> str:
    return format_decimal(value, lang, digits=2)


def _format(how: Shown | None, value: Any, lang: Language) -> str:
    if value is None:
        return translate("room.share.nothing", lang)
    if how == "yes_no" and isinstance(value, bool):
        return translate("room.share.yes" if value else "room.share.no", lang)
    if how == "name" and isinstance(value, str):
        return id_label(value, lang)
    if how == "names" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(id_label(v, lang) for v in value) or translate("room.share.nothing", lang)
    if how in {"name_map", "percent_map", "count_map"} and isinstance(value, dict):
        parts = []
        for key, item in value.items():
            if how == "count_map" and item == 0:
                continue
            if how == "name_map" and isinstance(item, str):
                shown = id_label(item, lang)
            elif how == "percent_map" and isinstance(item, int | float) and not isinstance(item, bool):
                shown = format_percent(item / 100, lang)
            elif isinstance(item, int | float) and not isinstance(item, bool):
                shown = _number(item, lang)
            else:
                shown = json.dumps(item, ensure_ascii=False)
            parts.append(f"{id_label(str(key), lang)}: {shown}")
        return "; ".join(parts) or translate("room.share.nothing", lang)
    if how == "share" and isinstance(value, int | float) and not isinstance(value, bool):
        return format_percent(value, lang)
    if how == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return _number(value, lang)
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _plain(summary: RoomSummary | Mapping[str, Any]) -> Mapping[str, Any]:
    return summary.model_dump(mode="json") if isinstance(summary, BaseModel) else summary


def summary_lines(
    kind: str, summary: RoomSummary | Mapping[str, Any], lang: Language
) -> tuple[SummaryLine, ...]:
    """Every field of a summary as a labelled, readable line, in the summary's own order; how each
    field reads comes from its summary model (``workshop/models.py``), the one definition."""
    model = SUMMARY_MODELS.get(kind)  # type: ignore[call-overload]
    lines = []
    for field, value in _plain(summary).items():
        how = shown_as(model, field) if model is not None else None
        key = f"room.field.{kind}.{field}"
        label = translate(key, lang)
        lines.append(
            SummaryLine(field=field, label=field if label == key else label, value=_format(how, value, lang))
        )
    return tuple(lines)


def share_fingerprint(kind: str, summary: RoomSummary | Mapping[str, Any], raw: JsonValue | None) -> str:
    """A stable digest of exactly what a Send would store: the same share prepared twice (a double
    click, a retry after a network error) has the same fingerprint, so it keeps its submission id."""
    encoded = json.dumps([kind, _plain(summary), raw], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def inputs_state_key(kind: str) -> str:
    """Saved-state key of a calculator's inputs."""
    return f"{INPUTS_STATE_PREFIX}{kind}"


ProgressRecord = dict[str, Any]
"""The lesson page's per-lesson record: ``{"read": bool, "answers": {question_index: option_index}}``."""


def progress_to_json(progress: Mapping[str, Mapping[str, Any]]) -> dict[str, JsonValue]:
    """Lesson progress as JSON (question numbers become strings, as JSON keys must)."""
    plain: dict[str, JsonValue] = {}
    for lesson_id, record in progress.items():
        answers = record.get("answers", {})
        plain[str(lesson_id)] = {
            "read": bool(record.get("read", False)),
            "answers": {str(q): int(a) for q, a in answers.items() if isinstance(a, int)},
        }
    return plain


def progress_from_json(saved: JsonValue | None) -> dict[str, ProgressRecord]:
    """Lesson progress back from JSON, skipping anything malformed (never trusting stored shapes)."""
    progress: dict[str, ProgressRecord] = {}
    if not isinstance(saved, dict):
        return progress
    for lesson_id, record in saved.items():
        if not isinstance(record, dict):
            continue
        answers_in = record.get("answers")
        answers: dict[int, int] = {}
        if isinstance(answers_in, dict):
            for question, option in answers_in.items():
                if str(question).isdigit() and isinstance(option, int) and not isinstance(option, bool):
                    answers[int(question)] = option
        progress[lesson_id] = {"read": record.get("read") is True, "answers": answers}
    return progress


def merge_progress(
    current: Mapping[str, ProgressRecord], saved: Mapping[str, ProgressRecord]
) -> dict[str, ProgressRecord]:
    """This session's progress completed by the saved one: a lesson read in either counts as read;
    an answer given in this session wins over the saved answer to the same question."""
    merged: dict[str, ProgressRecord] = {}
    for lesson_id in [*saved, *(k for k in current if k not in saved)]:
        here, there = current.get(lesson_id, {}), saved.get(lesson_id, {})
        merged[lesson_id] = {
            "read": bool(here.get("read")) or bool(there.get("read")),
            "answers": {**there.get("answers", {}), **here.get("answers", {})},
        }
    return merged
