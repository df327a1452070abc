"""Read many videos from a CSV/XLSX upload or a typed table: English or Spanish headers, per-row problems.

Rows with a problem are skipped and listed; every other row is still analysed.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from content_logic.funnel.aliases import IGNORED, field_for
from content_logic.funnel.models import FUNNEL_FIELDS, LABEL_FIELDS, ORDER_RULES, RATE_FIELDS, RATE_MAX, plain
from content_logic.problems import InputError, Problem, Scalar
from content_logic.tabular import parse_number, read_table

COUNT_FIELDS: tuple[str, ...] = ("views", "product_clicks", "orders", "two_second_views", "full_watches")
"""Whole numbers only."""

STAGE_COLUMNS: tuple[str, ...] = (
    "hook_rate",
    "two_second_views",
    "avg_watch_seconds",
    "completion_rate",
    "full_watches",
    "product_clicks",
    "orders",
    "gmv",
)
"""Besides views, a file needs at least one of these for anything to be judged."""

FRACTION_MAX = 1.0
"""A rate column with no "%" whose values are all at most 1 was exported as fractions (0.42 = 42 %),
as Excel stores percent-formatted cells."""

_CURRENCY = re.compile(
    r"^(US\$|USD|EUR|MXN|COP|ARS|CLP|PEN|[$€£])\s*|\s*(USD|EUR|MXN|COP|ARS|CLP|PEN|[$€£])$"
)


class SkippedRow(BaseModel):
    """A row left out of the analysis, and everything wrong with it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    row: int
    video: str
    problems: tuple[Problem, ...]


class VideoUpload(BaseModel):
    """The rows that can be analysed (canonical columns plus ``row``), the skipped ones, and notes."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    videos: pd.DataFrame
    skipped: tuple[SkippedRow, ...]
    notes: tuple[Problem, ...]
    """Things done to the data that the user should know (rates read as fractions)."""
    columns: dict[str, str]
    """Field → the header it was read from."""


def _map_headers(frame: pd.DataFrame, file: str | None) -> tuple[dict[str, str], list[str]]:
    """Field → header for every recognised header, and our own output headers (to drop)."""
    found: dict[str, str] = {}
    ignored: list[str] = []
    problems: list[Problem] = []
    for header in frame.columns:
        field = field_for(str(header))
        if field is None:
            continue
        if field == IGNORED:
            ignored.append(str(header))
            continue
        if field in found:
            values: dict[str, Scalar] = {"first": found[field], "second": str(header)}
            problems.append(Problem(code="funnel_duplicate_column", file=file, values=values))
        else:
            found[field] = str(header)
    if "views" not in found:
        problems.append(Problem(code="funnel_missing_views", file=file))
    elif not any(f in found for f in STAGE_COLUMNS):
        listed = ", ".join(str(c) for c in frame.columns)
        problems.append(Problem(code="funnel_no_stage_columns", file=file, values={"found": listed}))
    if problems:
        raise InputError(problems)
    return found, ignored


def _cell(value: object, field: str) -> str | None:
    if value is None or value != value:  # None or NaN
        return None
    text = str(value).strip()
    if field == "gmv":
        text = _CURRENCY.sub("", text)
    return text or None


def _parse(raw: pd.Series, field: str) -> tuple[pd.Series, pd.Series]:
    """Numbers (NaN when empty) and a mask of cells that had text but no number."""
    cells = [_cell(v, field) for v in raw.tolist()]
    parsed = [parse_number(c) for c in cells]
    numbers = pd.Series([np.nan if n is None else n for n in parsed], index=raw.index, dtype=float)
    unreadable = [c is not None and n is None for c, n in zip(cells, parsed, strict=True)]
    return numbers, pd.Series(unreadable, index=raw.index, dtype=bool)


def _fractions(raw: pd.Series, value: pd.Series) -> bool:
    """A rate column written as fractions: every value at most :data:`FRACTION_MAX`, no "%" anywhere."""
    known = value.dropna()
    if known.empty or (known > FRACTION_MAX).any():
        return False
    return not raw.astype("string").str.contains("%", regex=False).any()


def prepare_videos(frame: pd.DataFrame, *, file: str | None = None, first_row: int | None = 2) -> VideoUpload:
    """Check a table of videos cell by cell; ``first_row`` is the row number of the first data row,
    or ``None`` to take each row's number from the index (as :func:`read_table` gives it).

    Raises :class:`InputError` for problems with the whole file (no views column, no funnel column,
    no rows); row problems skip the row and are listed in the result.
    """
    columns, ignored = _map_headers(frame, file)
    row_numbers = frame.index.to_numpy(dtype=int) if first_row is None else np.arange(len(frame)) + first_row
    data = frame.reset_index(drop=True)
    data = data.drop(
        columns=[c for c in data.columns if str(c).startswith("Unnamed:") and data[c].isna().all()]
    )
    if data.empty:
        raise InputError([Problem(code="funnel_no_rows", file=file)])
    rows = pd.Series(row_numbers, index=data.index)
    issues: list[tuple[int, Problem]] = []

    def flag(mask: pd.Series, code: str, field: str, values: pd.DataFrame | pd.Series | None = None) -> None:
        for index in np.flatnonzero(mask.to_numpy()):
            if isinstance(values, pd.DataFrame):
                found = {k: plain(v) for k, v in values.iloc[index].items()}
            else:
                found = {} if values is None else {"value": _scalar(values.iloc[index])}
            problem = Problem(
                code=code, file=file, row=int(rows.iloc[index]), column=columns.get(field), values=found
            )
            issues.append((int(index), problem))

    numbers: dict[str, pd.Series] = {}
    notes: list[Problem] = []
    for field in (*FUNNEL_FIELDS, "two_second_views", "full_watches"):
        if field not in columns:
            numbers[field] = pd.Series(np.nan, index=data.index)
            continue
        raw = data[columns[field]]
        value, text_in_number = _parse(raw, field)
        flag(text_in_number, "funnel_not_a_number", field, raw)
        if field in RATE_FIELDS and _fractions(raw, value):
            value = value * 100
            notes.append(Problem(code="funnel_rates_as_fractions", file=file, column=columns[field]))
        flag(value < 0, "funnel_negative", field, value)
        if field in COUNT_FIELDS:
            flag((value >= 0) & (value % 1 != 0), "funnel_not_whole", field, value)
        if field in RATE_FIELDS:
            flag(value > RATE_MAX, "funnel_rate_range", field, value)
        if field == "video_seconds":
            flag(value == 0, "funnel_zero_length", field)
        numbers[field] = value

    views, two_second = numbers["views"], numbers.pop("two_second_views")
    full = numbers.pop("full_watches")
    pairs = {"smaller": two_second, "larger": views}
    flag(two_second > views, "funnel_two_second_over_views", "two_second_views", pd.DataFrame(pairs))
    with np.errstate(divide="ignore", invalid="ignore"):
        derived_hook = (two_second / views * 100).where(views > 0)
        numbers["hook_rate"] = numbers["hook_rate"].fillna(derived_hook)
        two_second = two_second.fillna(numbers["hook_rate"] * views / 100)
        pairs = {"smaller": full, "larger": two_second}
        flag(full > two_second, "funnel_full_over_two_second", "full_watches", pd.DataFrame(pairs))
        derived_completion = (full / two_second * 100).where(two_second > 0)
        numbers["completion_rate"] = numbers["completion_rate"].fillna(derived_completion)
    for rule in ORDER_RULES:
        pairs = {"smaller": numbers[rule.smaller], "larger": numbers[rule.larger]}
        flag(pairs["smaller"] > pairs["larger"], rule.code, rule.smaller, pd.DataFrame(pairs))
    empty = pd.DataFrame(numbers).drop(columns="views").isna().all(axis=1)
    already = pd.Series(data.index.isin([index for index, _ in issues]), index=data.index)
    flag(empty & ~already, "funnel_row_empty", "")

    clean = pd.DataFrame({"row": rows})
    for field in LABEL_FIELDS:
        clean[field] = data[columns[field]] if field in columns else None
    for field in FUNNEL_FIELDS:
        clean[field] = numbers[field]
    used = {*columns.values(), *ignored}
    for header in data.columns:
        if header not in used:
            clean[str(header)] = data[header]
    bad = sorted({index for index, _ in issues})
    labels = clean["video"].astype("string").fillna("")
    skipped = tuple(
        SkippedRow(
            row=int(rows.iloc[index]),
            video=str(labels.iloc[index]),
            problems=tuple(p for i, p in issues if i == index),
        )
        for index in bad
    )
    return VideoUpload(
        videos=clean.drop(index=clean.index[bad]).reset_index(drop=True),
        skipped=skipped,
        notes=tuple(notes),
        columns=columns,
    )


def _scalar(value: object) -> str | int | float:
    if isinstance(value, float | int) and not isinstance(value, bool):
        return plain(value)
    return str(value)[:40]


def read_videos(data: bytes, filename: str) -> VideoUpload:
    """An uploaded CSV/XLSX of videos (one row each), checked by :func:`prepare_videos`."""
    return prepare_videos(read_table(data, filename), file=filename, first_row=None)
