"""Read a date or week column the way sellers write it and put every cell in its ISO week."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict

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
