"""Dates as exports write them (``2026-10-01``, ``01/10/2026``, ``10/01/2026 14:05``), day or month
first decided per column: ``13/10/2026`` anywhere in the column settles it for every row."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from pydantic import BaseModel, ConfigDict

from content_logic.problems import Problem
from content_logic.sheets.cells import MISSING_MARKS

ISO_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%b %d, %Y", "%d %b %Y", "%B %d, %Y", "%d %B %Y")
"""Year first, or the month by its English name (``Oct 1, 2026``): never ambiguous."""

DAY_FIRST_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d-%m-%y")
"""Spanish and most of the world's exports: ``31/10/2026``."""

MONTH_FIRST_FORMATS = ("%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y", "%m/%d/%y", "%m-%d-%y")
"""United States exports: ``10/31/2026``."""

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)$"


class DateColumn(BaseModel):
    """A column read as dates (NaT where missing or unreadable) and the day/month order chosen."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    values: pd.Series
    """Dates (midnight; any time of day dropped), indexed like the input; NaT for missing or unreadable."""
    day_first: bool | None
    """True for ``dd/mm``, False for ``mm/dd``, ``None`` when every date was year first (ISO)."""
    ambiguous: bool
    """True when every ``a/b`` date had both parts ≤ 12, so the order was assumed."""
    example: str | None = None
    """One ambiguous cell as written, for the note."""
    invalid: dict[int, str] = {}
    """Row → text of the cells that are not dates; missing cells are not here."""

    def ambiguity_note(self, *, file: str | None, column: str) -> Problem | None:
        """A note saying which order (day/month or month/day) was assumed, when the column didn't say."""
        if not self.ambiguous:
            return None
        code = "date_order_ambiguous_day_first" if self.day_first else "date_order_ambiguous_month_first"
        return Problem(code=code, file=file, column=column, values={"example": self.example or ""})


def _parse(unique: pd.Series, formats: tuple[str, ...]) -> pd.Series:
    parsed = pd.Series(pd.NaT, index=unique.index, dtype="datetime64[s]")
    for form in formats:
        todo = parsed.isna()
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(unique[todo], format=form, errors="coerce")
    return parsed


def parse_date_column(values: Iterable[object] | pd.Series, *, day_first: bool | None = None) -> DateColumn:
    """Read a column of cells as dates, deciding day-first or month-first from the whole column.

    Each distinct text is parsed once (an export repeats each date on many rows). When the column
    can't tell, ``day_first`` (the file's or the user's convention) decides, else day first.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    codes, distinct = pd.factorize(series.astype(object), use_na_sentinel=True)
    text = pd.Series(distinct, dtype=object).astype("str").str.strip()
    missing = text.isna() | text.str.casefold().isin(MISSING_MARKS)
    unique = text.where(~missing).str.replace(_TIME, "", regex=True).dropna()
    iso = _parse(unique, ISO_FORMATS)
    rest = unique[iso.isna()]
    by_day, by_month = _parse(rest, DAY_FIRST_FORMATS), _parse(rest, MONTH_FIRST_FORMATS)
    days, months = int(by_day.notna().sum()), int(by_month.notna().sum())
    both = by_day.notna() & by_month.notna() & (by_day != by_month)
    ambiguous = days == months and bool(both.any())
    order = (day_first if day_first is not None else True) if days == months else days > months
    chosen = pd.Series(pd.NaT, index=text.index, dtype="datetime64[s]")
    chosen[iso.index] = iso
    chosen[rest.index] = by_day if order else by_month
    parsed = pd.Series(chosen.to_numpy()[codes], index=series.index).where(codes >= 0)
    unreadable = [i for i in text.index[~missing & chosen.isna()]]
    bad_rows = pd.Series(codes, index=series.index).isin(unreadable)
    return DateColumn(
        values=parsed.astype("datetime64[s]"),
        day_first=order if days or months else None,
        ambiguous=ambiguous,
        example=str(text[both[both].index[0]]) if ambiguous else None,
        invalid={int(row): str(series[row]).strip() for row in series.index[bad_rows]},
    )
