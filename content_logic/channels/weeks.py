"""Weeks: read a date or week column the way sellers write it, and sum rows into contiguous ISO weeks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from content_logic.channels.models import CHANNELS, LabelMapping, Measure, Note, WeeklySales
from content_logic.problems import Problem, Scalar

PeriodKind = Literal["date", "iso_week", "week_number"]
DateOrder = Literal["ymd", "dmy", "mdy"]

_ISO_WEEK = re.compile(r"^(\d{4})\s*-?\s*w\s*(\d{1,2})$")
"""``2026-W03``, ``2026W3``, ``2026 w03`` (after lower-casing)."""
_WEEK_NUMBER = re.compile(r"^(?:w|wk|week|semana|sem|s)?\s*\.?\s*(\d{1,4})$")
"""``3``, ``W3``, ``Week 3``, ``Semana 3``."""
_DATE = re.compile(r"^\s*(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})")
"""The first date in a cell: ``2026-01-05``, ``05/01/2026``, ``2026/01/05 00:00``, ``2026-01-05 ~ ...``."""


class PeriodColumn(BaseModel):
    """What each distinct cell of a period column means: its week (Monday or number), and its day."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: PeriodKind
    weeks: dict[str, date | int]
    """Cell text → Monday of its ISO week (dates, ISO weeks) or week number; unreadable cells are absent."""
    days: dict[str, date] = {}
    """Cell text → the day itself, for date cells."""
    daily: bool = False
    """True when the dates are days (several per week), False when each date stands for a week."""
    order: DateOrder | None = None
    ambiguous_order: bool = False
    """True when day/month and month/day both fit every date; the order that gives the tighter range won."""


def monday(day: date) -> date:
    """The Monday that starts ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def week_label(key: date | int) -> str:
    """``2026-W03`` for an ISO week's Monday, ``W3`` for a plain week number."""
    if isinstance(key, date):
        year, week, _ = key.isocalendar()
        return f"{year}-W{week:02d}"
    return f"W{key}"


def read_periods(cells: list[str]) -> PeriodColumn:
    """Interpret the distinct non-empty cells of a period column; cells that fit no reading are left out."""
    cleaned = {cell: cell.strip().lower() for cell in cells}
    iso = {c: _iso_week(t) for c, t in cleaned.items()}
    numbers = {
        c: int(m.group(1)) for c, t in cleaned.items() if (m := _WEEK_NUMBER.match(t)) and int(m.group(1)) > 0
    }
    parts = {c: m.groups() for c, t in cleaned.items() if (m := _DATE.match(t))}
    dates, order, ambiguous = _best_date_order(parts)
    counts = Counter(
        {
            "date": len(dates),
            "iso_week": sum(v is not None for v in iso.values()),
            "week_number": len(numbers),
        }
    )
    kind: PeriodKind = max(("date", "iso_week", "week_number"), key=lambda k: counts[k])
    if kind == "iso_week":
        return PeriodColumn(kind=kind, weeks={c: v for c, v in iso.items() if v is not None})
    if kind == "week_number":
        return PeriodColumn(kind=kind, weeks=dict(numbers))
    unique_days = sorted(set(dates.values()))
    gaps = {(b - a).days for a, b in zip(unique_days, unique_days[1:], strict=False)}
    weekly = len(unique_days) < 2 or (
        len({d.weekday() for d in unique_days}) == 1 and all(g % 7 == 0 for g in gaps)
    )
    return PeriodColumn(
        kind="date",
        weeks={c: monday(d) for c, d in dates.items()},
        days=dates,
        daily=not weekly,
        order=order,
        ambiguous_order=ambiguous,
    )


def _iso_week(text: str) -> date | None:
    match = _ISO_WEEK.match(text)
    if not match:
        return None
    try:
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None


def _best_date_order(
    parts: dict[str, tuple[str, ...]],
) -> tuple[dict[str, date], DateOrder | None, bool]:
    if not parts:
        return {}, None, False
    orders: tuple[DateOrder, ...] = ("ymd", "dmy", "mdy")
    readings = {order: _read_dates(parts, order) for order in orders}
    ranked = sorted(readings, key=lambda o: (-len(readings[o]), _span(readings[o]), o != "dmy"))
    best = ranked[0]
    full = [o for o in ("dmy", "mdy") if len(readings[o]) == len(parts)]
    return readings[best], best, best != "ymd" and len(full) == 2 and readings["dmy"] != readings["mdy"]


def _read_dates(parts: dict[str, tuple[str, ...]], order: DateOrder) -> dict[str, date]:
    out: dict[str, date] = {}
    for cell, (a, b, c) in parts.items():
        if order == "ymd":
            year, month, day = a, b, c
        elif order == "dmy":
            day, month, year = a, b, c
        else:
            month, day, year = a, b, c
        if (order == "ymd") != (len(a) == 4) or len(year) not in (2, 4):
            continue
        try:
            out[cell] = date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))
        except ValueError:
            continue
    return out


def _span(days: dict[str, date]) -> int:
    values = days.values()
    return (max(values) - min(values)).days if values else 0


SHOWN = 5
"""How many rows or days a note lists before it says "and N more"."""

ROWS = ["row", "slot", "channel", "label", "value", "gmv", "creator"]
"""The long frame every format becomes: spreadsheet row, period cell, channel, label(s) as written,
numbers, creator.

Before summing, ``week`` (the ISO week's Monday or the week number) is added and ``slot`` becomes the
day (daily dates) or the week, so that repeated rows for one day and channel can be found.
"""


def to_weekly(
    rows: pd.DataFrame,
    periods: PeriodColumn,
    *,
    file: str,
    measure: Measure,
    has_gmv: bool,
    labels: tuple[LabelMapping, ...],
    notes: list[Problem],
) -> WeeklySales:
    """Weekly sums over every week from the first to the last (missing weeks are zero, and said so)."""
    keys = all_weeks(list(rows["week"].unique()))
    present = set(rows["week"])
    missing = [k for k in keys if k not in present]
    if missing:
        notes.append(Note(code="missing_weeks", file=file, values=listed(week_label(k) for k in missing)))
    if periods.daily:
        keys = _daily_notes(rows, keys, file, notes)
        rows = rows[rows["week"].isin(set(keys))]
    _duplicate_note(rows, file, notes)
    index = {k: i for i, k in enumerate(keys)}
    position = rows["week"].map(index).to_numpy(dtype=np.int64)
    channel = rows["channel"].map({c: i for i, c in enumerate(CHANNELS)}).to_numpy(dtype=np.int64)
    cells = position * len(CHANNELS) + channel
    size = len(keys) * len(CHANNELS)

    def by_week(weights: pd.Series) -> dict[str, tuple[float, ...]]:
        sums = np.bincount(cells, weights=weights.to_numpy(dtype=float), minlength=size).reshape(
            -1, len(CHANNELS)
        )
        return {c: tuple(float(v) for v in sums[:, i]) for i, c in enumerate(CHANNELS)}

    creators: dict[str, dict[str, tuple[float, ...]]] = {}
    named = rows[rows["creator"].notna()]
    for (chan, creator), group in named.groupby(["channel", "creator"], sort=True):
        counts = np.bincount(
            group["week"].map(index).to_numpy(dtype=np.int64), weights=group["value"], minlength=len(keys)
        )
        creators.setdefault(str(chan), {})[str(creator)] = tuple(float(v) for v in counts)
    return WeeklySales.model_validate(
        {
            "weeks": tuple(week_label(k) for k in keys),
            "orders": by_week(rows["value"]),
            "gmv": by_week(rows["gmv"]) if has_gmv else None,
            "creators": creators,
            "measure": measure,
            "labels": labels,
            "notes": tuple(notes),
        }
    )


def all_weeks(keys: list[date | int]) -> list[date | int]:
    """Every week from the first key to the last: Mondays a week apart, or consecutive week numbers."""
    if not keys:
        return []
    first, last = min(keys), max(keys)
    if isinstance(first, date) and isinstance(last, date):
        return [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    return list(range(int(first), int(last) + 1))  # type: ignore[arg-type]


def _daily_notes(
    rows: pd.DataFrame, keys: list[date | int], file: str, notes: list[Problem]
) -> list[date | int]:
    """Missing days count as zero; a first or last week with only some days is left out. Both said so."""
    days: set[date] = set(rows["slot"])
    first, last = min(days), max(days)
    every = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    missing = [d for d in every if d not in days]
    if missing:
        notes.append(Note(code="missing_days", file=file, values=listed(d.isoformat() for d in missing)))
    kept = list(keys)
    if len(kept) > 1 and first.weekday() != 0:
        notes.append(
            Note(
                code="partial_week",
                file=file,
                values={"week": week_label(kept[0]), "days": 7 - first.weekday()},
            )
        )
        kept = kept[1:]
    if len(kept) > 1 and last.weekday() != 6:
        notes.append(
            Note(
                code="partial_week",
                file=file,
                values={"week": week_label(kept[-1]), "days": last.weekday() + 1},
            )
        )
        kept = kept[:-1]
    return kept


def _duplicate_note(rows: pd.DataFrame, file: str, notes: list[Problem]) -> None:
    """Rows for the same day, labels (and creator) are summed; the rows are listed so a copy can be found.

    Keyed on the labels as written, so ``Video · Affiliate`` and ``LIVE · Affiliate`` on one day (both
    creators' orders) are two real rows, not a duplicate.
    """
    keys = ["slot", "label", "creator"]
    keyed = rows.assign(creator=rows["creator"].fillna("")).drop_duplicates(subset=["row", *keys])
    repeated = keyed[keyed.duplicated(subset=keys, keep=False)]
    if repeated.empty:
        return
    extra = len(repeated) - len(repeated.drop_duplicates(subset=keys))
    notes.append(
        Note(
            code="duplicates_summed",
            file=file,
            values={"count": extra, **listed(repeated["row"].astype(str), key="rows")},
        )
    )


def listed(items: Iterable[object], *, key: str = "items") -> dict[str, Scalar]:
    """The first few items joined (``a, b, c (+4)``) and, for ``items``, how many there are."""
    values = [str(i) for i in items]
    more = len(values) - SHOWN
    text = ", ".join(values[:SHOWN]) + (f" (+{more})" if more > 0 else "")
    return {key: text, "count": len(values)} if key == "items" else {key: text}
