"""Read an uploaded export into weekly sales: long (``date,channel,orders[,gmv][,creator]``) or wide.

Wide covers the course template (``week,<channel>...``) and TikTok's own split (own video, affiliate,
LIVE, product card, GMV Max columns). Problems are collected over the whole file and raised once.
"""

from __future__ import annotations

import pandas as pd

from content_logic.channels.labels import (
    CHANNEL_HEADERS,
    CREATOR_HEADERS,
    GMV_HEADERS,
    ORDERS_HEADERS,
    PERIOD_HEADERS,
    accepted_labels,
    header_is,
    is_ignored_column,
    map_label,
    names_gmv,
)
from content_logic.channels.models import ChannelId, LabelMapping, Measure, Note, WeeklySales
from content_logic.channels.periods import PeriodColumn, read_periods
from content_logic.channels.weekly import ROWS, SHOWN, to_weekly
from content_logic.problems import InputError, Problem, Scalar
from content_logic.tabular import parse_number, read_table

HEADER_SEARCH_ROWS = 10
"""Exports often put a title or date range above the header; the header is looked for this far down."""


class _Problems:
    """Collects problems; a problem repeated on many rows is listed for the first rows, then counted."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[Problem] = []

    def add(self, code: str, *, row: int | None = None, column: str | None = None, **values: Scalar) -> None:
        self.found.append(
            Problem(code=f"channels_{code}", file=self.file, row=row, column=column, values=values)
        )

    def rows(self, code: str, column: str, rows: pd.Series, cells: pd.Series) -> None:
        for row, cell in zip(rows[:SHOWN], cells[:SHOWN], strict=True):
            self.add(code, row=int(row), column=column, value=str(cell))
        if len(rows) > SHOWN:
            self.add("more_rows", column=column, count=len(rows) - SHOWN)

    def raise_if_any(self) -> None:
        if self.found:
            raise InputError(self.found)


def parse_sales(data: bytes, filename: str) -> WeeklySales:
    """Weekly sales from a CSV or .xlsx upload; raises ``InputError`` listing every problem found."""
    file = filename or "upload"
    frame = _locate_header(read_table(data, file))
    problems = _Problems(file)
    columns = [c for c in frame.columns if c != "row"]
    period = next((c for c in columns if header_is(c, PERIOD_HEADERS)), None)
    if period is None:
        problems.add("no_period_column", found=", ".join(columns[:8]))
        problems.raise_if_any()
    assert period is not None
    frame = frame[frame[columns].notna().any(axis=1)]
    if frame.empty:
        problems.add("no_rows")
        problems.raise_if_any()
    periods = read_periods([str(v) for v in frame[period].dropna().unique()])
    notes: list[Note] = []
    if periods.ambiguous_order and periods.order:
        notes.append(
            Note(code="date_order", file=file, column=period, values={"format": _FORMATS[periods.order]})
        )
    channel = next((c for c in columns if c != period and header_is(c, CHANNEL_HEADERS)), None)
    rest = [c for c in columns if c not in (period, channel)]
    if channel is not None:
        rows, measure, has_gmv, labels = _long(frame, period, channel, rest, problems)
    else:
        rows, measure, has_gmv, labels = _wide(frame, period, rest, problems, notes)
    _check_periods(frame, rows, period, periods, problems)
    problems.raise_if_any()
    rows = rows[rows["slot"].notna() & rows["channel"].notna()]
    rows = rows.assign(
        week=rows["slot"].map(periods.weeks), slot=rows["slot"].map(periods.days or periods.weeks)
    )
    if measure == "gmv":
        notes.append(Note(code="measure_gmv", file=file))
    return to_weekly(rows, periods, file=file, measure=measure, has_gmv=has_gmv, labels=labels, notes=notes)


_FORMATS = {"ymd": "yyyy-mm-dd", "dmy": "dd/mm/yyyy", "mdy": "mm/dd/yyyy"}


def _locate_header(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with its real header, and a ``row`` column holding each row's spreadsheet row number."""
    if not any(header_is(c, PERIOD_HEADERS) for c in frame.columns):
        for i in range(min(HEADER_SEARCH_ROWS, len(frame))):
            cells = [c for c in frame.iloc[i].tolist() if c is not None]
            if any(header_is(c, PERIOD_HEADERS) for c in cells):
                frame = frame.iloc[i + 1 :].set_axis(
                    [str(c or f"column {j + 1}").strip() for j, c in enumerate(frame.iloc[i])], axis=1
                )
                break
    frame = frame.loc[
        :, [not (str(c).startswith("Unnamed:") and frame[c].isna().all()) for c in frame.columns]
    ]
    # read_table indexes rows by their spreadsheet row number; it stays true below title rows
    return frame.assign(row=[int(i) for i in frame.index]).reset_index(drop=True)


def _check_periods(
    frame: pd.DataFrame, rows: pd.DataFrame, period: str, periods: PeriodColumn, problems: _Problems
) -> None:
    cells = frame[period]
    unread = cells.notna() & ~cells.isin(set(periods.weeks))
    problems.rows("bad_date", period, frame.loc[unread, "row"], cells[unread])
    empty = cells.isna() & frame["row"].isin(set(rows.loc[rows["value"] + rows["gmv"] > 0, "row"]))
    problems.rows("missing_date", period, frame.loc[empty, "row"], cells[empty].fillna(""))


def _numbers(frame: pd.DataFrame, column: str, problems: _Problems) -> pd.Series:
    cells = frame[column]
    parsed = {cell: parse_number(cell) for cell in cells.dropna().unique()}
    values = cells.map(parsed).astype(float)
    bad = cells.notna() & values.isna()
    problems.rows("bad_number", column, frame.loc[bad, "row"], cells[bad])
    negative = values < 0
    problems.rows("negative", column, frame.loc[negative, "row"], cells[negative])
    return values.where(values >= 0, 0.0).fillna(0.0)


def _long(
    frame: pd.DataFrame, period: str, channel: str, rest: list[str], problems: _Problems
) -> tuple[pd.DataFrame, Measure, bool, tuple[LabelMapping, ...]]:
    orders = next((c for c in rest if header_is(c, ORDERS_HEADERS)), None)
    gmv = next((c for c in rest if header_is(c, GMV_HEADERS)), None)
    creator = next((c for c in rest if header_is(c, CREATOR_HEADERS)), None)
    if orders is None and gmv is None:
        problems.add("no_values_column", found=", ".join(rest[:8]))
        problems.raise_if_any()
    cells = frame[channel]
    mapping = {label: map_label(label) for label in cells.dropna().unique()}
    for label, chan in mapping.items():
        if chan is None:
            where = frame.loc[cells == label, "row"]
            problems.add(
                "unknown_channel",
                row=int(where.iloc[0]),
                column=channel,
                value=str(label),
                count=len(where),
                accepted=accepted_labels(),
            )
    value = _numbers(frame, orders, problems) if orders else None
    money = _numbers(frame, gmv, problems) if gmv else None
    main = value if value is not None else money
    assert main is not None
    has_numbers = main > 0 if money is None else (main > 0) | (money > 0)
    blank = cells.isna() & has_numbers
    problems.rows("missing_channel", channel, frame.loc[blank, "row"], cells[blank].fillna(""))
    rows = pd.DataFrame(
        {
            "row": frame["row"],
            "slot": frame[period],
            "channel": cells.map(mapping),
            "value": main,
            "gmv": money if (money is not None and value is not None) else 0.0,
            "creator": frame[creator].map(lambda c: str(c).strip() or None, na_action="ignore")
            if creator
            else None,
        },
        columns=ROWS,
    )
    labels = tuple(LabelMapping(label=str(k), channel=v) for k, v in mapping.items() if v is not None)
    return rows, ("orders" if orders else "gmv"), bool(orders and gmv), labels


def _wide(
    frame: pd.DataFrame, period: str, rest: list[str], problems: _Problems, notes: list[Note]
) -> tuple[pd.DataFrame, Measure, bool, tuple[LabelMapping, ...]]:
    found: list[tuple[str, ChannelId]] = []
    ignored: list[str] = []
    for column in rest:
        chan = map_label(column)
        if chan is not None:
            found.append((column, chan))
        elif is_ignored_column(column):
            ignored.append(column)
        else:
            problems.add("unknown_column", column=column, value=column, accepted=accepted_labels())
    if not found and not problems.found:
        problems.add("no_channel_columns", found=", ".join(rest[:8]))
    if ignored:
        notes.append(Note(code="ignored_columns", file=problems.file, values={"columns": ", ".join(ignored)}))
    money = [(c, ch) for c, ch in found if names_gmv(c)]
    counted = [(c, ch) for c, ch in found if not names_gmv(c)]
    measure: Measure = "orders" if counted or not money else "gmv"
    main = counted if measure == "orders" else money
    for chan in dict.fromkeys(ch for _, ch in main):
        merged = [c for c, ch in main if ch == chan]
        if len(merged) > 1:
            values: dict[str, Scalar] = {"columns": " + ".join(merged), "channel": chan}
            notes.append(Note(code="merged_columns", file=problems.file, values=values))
    parts = [_melt(frame, period, column, chan, problems, money=False) for column, chan in main]
    if measure == "orders":
        parts += [_melt(frame, period, column, chan, problems, money=True) for column, chan in money]
    rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=ROWS)
    labels = tuple(LabelMapping(label=c, channel=ch) for c, ch in found)
    return rows, measure, bool(counted and money), labels


def _melt(
    frame: pd.DataFrame, period: str, column: str, chan: ChannelId, problems: _Problems, *, money: bool
) -> pd.DataFrame:
    values = _numbers(frame, column, problems)
    return pd.DataFrame(
        {
            "row": frame["row"],
            "slot": frame[period],
            "channel": chan,
            "value": 0.0 if money else values,
            "gmv": values if money else 0.0,
            "creator": None,
        }
    )
