"""The typed table (weeks as rows, the five channels as columns) to and from weekly sales."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from content_logic.channels.models import CHANNELS, ChannelId, Note, WeeklySales
from content_logic.channels.weeks import all_weeks, listed, read_periods, week_label
from content_logic.problems import InputError, Problem
from content_logic.tabular import parse_number

WEEK_COLUMN = "week"
"""The table's first column; the others are the channel ids."""


def weekly_table(sales: WeeklySales) -> pd.DataFrame:
    """One row per week, one column per channel, for the table editor."""
    data: dict[str, object] = {WEEK_COLUMN: list(sales.weeks)}
    data |= {c: list(sales.orders[c]) for c in CHANNELS}
    types: dict[str, str] = {WEEK_COLUMN: "str"} | dict.fromkeys(CHANNELS, "float64")
    return pd.DataFrame(data).astype(types)


def sales_from_table(
    frame: pd.DataFrame, *, base: WeeklySales | None = None, column_names: Mapping[str, str] | None = None
) -> WeeklySales:
    """Weekly sales from the edited table; ``base`` keeps its creators and GMV for channels left unchanged.

    Blank cells are zero and blank rows are skipped. Week labels may be left all empty (``W1``, ``W2``...
    in row order); dates, ISO weeks or week numbers are put in order with missing weeks as zero.
    Raises ``InputError`` naming the row (1 = the table's first row) and column.
    """
    names = dict(column_names or {})
    problems: list[Problem] = []
    labels: list[str] = []
    rows: list[dict[ChannelId, float]] = []
    for position, record in enumerate(frame.to_dict("records"), start=1):
        label = _text(record.get(WEEK_COLUMN))
        values: dict[ChannelId, float] = {}
        for channel in CHANNELS:
            cell = record.get(channel)
            number = None if _blank(cell) else parse_number(cell)
            column = names.get(channel, channel)
            if not _blank(cell) and number is None:
                problems.append(
                    Problem(
                        code="channels_bad_number", row=position, column=column, values={"value": str(cell)}
                    )
                )
            elif number is not None and number < 0:
                problems.append(
                    Problem(
                        code="channels_negative", row=position, column=column, values={"value": str(cell)}
                    )
                )
            values[channel] = max(number or 0.0, 0.0)
        if not label and all(_blank(record.get(c)) for c in CHANNELS):
            continue
        labels.append(label)
        rows.append(values)
    labels = _label_rows(labels, problems, names.get(WEEK_COLUMN, WEEK_COLUMN))
    if problems:
        raise InputError(problems)
    sales = _ordered(labels, rows)
    return _keep_base(sales, base) if base is not None else sales


def _label_rows(labels: list[str], problems: list[Problem], column: str) -> list[str]:
    if not any(labels):
        return [f"W{i}" for i in range(1, len(labels) + 1)]
    seen: dict[str, int] = {}
    for row, label in enumerate(labels, start=1):
        if not label:
            problems.append(Problem(code="channels_table_missing_week", row=row, column=column))
        elif label in seen:
            problems.append(
                Problem(
                    code="channels_table_duplicate_week",
                    row=row,
                    column=column,
                    values={"value": label, "first": seen[label]},
                )
            )
        else:
            seen[label] = row
    return labels


def _ordered(labels: list[str], rows: list[dict[ChannelId, float]]) -> WeeklySales:
    weeks = read_periods(labels).weeks
    keys = [weeks.get(label) for label in labels]
    known = [k for k in keys if k is not None]
    if not labels or len(known) < len(keys) or len(set(known)) < len(known):
        return WeeklySales.from_orders(labels, {c: [r[c] for r in rows] for c in CHANNELS})
    by_key = dict(zip(known, rows, strict=True))
    every = all_weeks(known)
    empty = dict.fromkeys(CHANNELS, 0.0)
    missing = [week_label(k) for k in every if k not in by_key]
    notes = [Note(code="missing_weeks", values=listed(missing))] if missing else []
    orders = {c: [by_key.get(k, empty)[c] for k in every] for c in CHANNELS}
    return WeeklySales.from_orders([week_label(k) for k in every], orders, notes=tuple(notes))


def _keep_base(sales: WeeklySales, base: WeeklySales) -> WeeklySales:
    if sales.weeks != base.weeks:
        return sales
    same = [c for c in CHANNELS if sales.orders[c] == base.orders[c]]
    if len(same) == len(CHANNELS):
        return base
    creators = {c: v for c, v in base.creators.items() if c in same}
    return sales.model_copy(update={"creators": creators, "measure": base.measure, "labels": base.labels})


def _blank(cell: object) -> bool:
    return (
        cell is None
        or (isinstance(cell, float) and math.isnan(cell))
        or (isinstance(cell, str) and not cell.strip())
    )


def _text(cell: object) -> str:
    return "" if _blank(cell) else str(cell).strip()
