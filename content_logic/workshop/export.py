"""The workshop export's CSV: fixed columns, flattened summaries, and cells safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""A CSV cell starting with one of these runs as a formula in spreadsheets; such cells get a ``'``."""

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark, so spreadsheet programs read accents and emoji right."""

BASE_COLUMNS = [
    "record",
    "attendee_no",
    "nickname",
    "time",
    "poll_id",
    "lesson_id",
    "question",
    "answer_index",
    "answer",
    "kind",
    "submission_id",
    "latest",
    "raw_shared",
]
"""The CSV's fixed columns; ``summary.<field>`` columns follow, sorted, for whatever summaries hold."""


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(f"{prefix}.{key}", item, out)
    elif isinstance(value, list):
        out[prefix] = json.dumps(value, ensure_ascii=False)
    else:
        out[prefix] = value


def flatten_summary(summary: Any) -> dict[str, Any]:
    """A shared summary's fields as ``summary.<field>`` cells (nested keys joined by dots, lists as JSON)."""
    out: dict[str, Any] = {}
    _flatten("summary", summary, out)
    return out


def _safe_cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def export_rows_csv(rows: Iterable[Mapping[str, Any]]) -> bytes:
    """The export's rows as one CSV file: fixed columns first, then every summary column, sorted."""
    listed = list(rows)
    columns = BASE_COLUMNS + sorted({key for row in listed for key in row} - set(BASE_COLUMNS))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in listed:
        writer.writerow({key: _safe_cell(value) for key, value in row.items()})
    return buffer.getvalue().encode(CSV_ENCODING)
