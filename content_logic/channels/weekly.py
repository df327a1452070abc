"""Sum located rows into contiguous ISO weeks per channel, saying what was filled, summed or left out."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import numpy as np
import pandas as pd

from content_logic.channels.models import CHANNELS, LabelMapping, Measure, Note, WeeklySales
from content_logic.channels.periods import PeriodColumn, week_label
from content_logic.problems import Scalar

SHOWN = 5
"""How many rows or days a note lists before it says "and N more"."""

ROWS = ["row", "slot", "channel", "value", "gmv", "creator"]
"""The long frame every format is turned into: spreadsheet row, period cell, channel, numbers, creator.

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
    notes: list[Note],
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
    rows: pd.DataFrame, keys: list[date | int], file: str, notes: list[Note]
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


def _duplicate_note(rows: pd.DataFrame, file: str, notes: list[Note]) -> None:
    """Rows for the same day, channel (and creator) are summed; the rows are listed so a copy can be found."""
    keys = ["slot", "channel", "creator"]
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
