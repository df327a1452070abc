"""Cells as sellers' files write them: numbers (``$5,350.00``, ``1.234,56 €``, ``MX$45,230.50``, ``--``),
title lines above a CSV's header, and the located problems cells raise, collected and raised once."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from typing import ClassVar

import pandas as pd

from content_logic.problems import InputError, Problem, Scalar

TITLE_SEARCH_LINES = 20
"""How far down a CSV's header is looked for, under title, date-range and blank lines."""

SHOWN = 5
"""How many rows a repeated problem lists before it says "and N more"."""

MISSING = frozenset({"", "-", "--", "---", "—", "–", "n/a", "na", "null", "none", "sin datos"})
"""What exports write for "no value": missing, never an error by itself."""

_CURRENCY = re.compile(
    r"(?i)^(?:us\$|mx\$|r\$|ca\$|a\$|\$|€|£|rm|cop|usd|eur|mxn|brl|myr|gbp)\s*|\s*(?:us\$|mx\$|r\$|\$|€|£|rm|cop|usd|eur|mxn|brl|myr|gbp)$"
)
_COMMA_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+,\d+$|^[+-]?\d+,(?:\d{1,2}|\d{4,})$|^[+-]?0,\d+$")
"""Cells only a decimal comma explains: ``1.234,5``, ``12,5``, ``0,125``."""
_DOT_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+\.\d+$|^[+-]?\d+\.(?:\d{1,2}|\d{4,})$|^[+-]?0\.\d+$")
_GROUPED = re.compile(r"^[+-]?[1-9]\d{0,2}(?:[.,]\d{3})+$")
_PLAIN = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


class ChannelProblem(Problem):
    """A problem only the channel checker raises; its text is in ``channels.toml`` under ``[problem]``."""

    catalog_prefix: ClassVar[str] = "channels.problem"


class Problems:
    """Collects problems; one repeated on many rows is listed for the first rows, then counted."""

    OWN_CODES = frozenset({"creator_list", "nothing_mapped"})

    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[Problem] = []

    def add(self, code: str, *, row: int | None = None, column: str | None = None, **values: Scalar) -> None:
        kind, name = (ChannelProblem, code) if code in self.OWN_CODES else (Problem, f"channels_{code}")
        self.found.append(kind(code=name, file=self.file, row=row, column=column, values=values))

    def rows(self, code: str, column: str, rows: pd.Series, cells: pd.Series) -> None:
        for row, cell in zip(rows[:SHOWN], cells[:SHOWN], strict=True):
            self.add(code, row=int(row), column=column, value=str(cell))
        if len(rows) > SHOWN:
            self.add("more_rows", column=column, count=len(rows) - SHOWN)

    def raise_if_any(self) -> None:
        if self.found:
            raise InputError(self.found)


def without_title_lines(data: bytes, is_header: Callable[[str], bool]) -> tuple[bytes, int]:
    """A CSV from its header line on, and how many lines above it were dropped (0: unchanged).

    The header is the first line that, split on one of ``, ; tab |``, has a cell ``is_header`` knows.
    Dropping the title first means the delimiter is found on the header, not on ``Periodo: 01/10/2026``.
    """
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) or b"\x00" in data[:8192]:
        return data, 0
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    lines = text.splitlines()
    for index, line in enumerate(lines[:TITLE_SEARCH_LINES]):
        for delimiter in ",;\t|":
            cells = next(csv.reader([line], delimiter=delimiter), [])
            if len(cells) >= 2 and any(is_header(cell) for cell in cells):
                if index == 0:
                    return data, 0
                return ("\n".join(lines[index:]) + "\n").encode("utf-8"), index
    return data, 0


def bare(cell: str) -> str:
    """The number part of a cell: no currency symbol or code, spaces, ``%``."""
    text = cell.strip().replace("\u00a0", " ").replace("\u202f", " ")
    text = _CURRENCY.sub("", text).strip().removesuffix("%").strip()
    return text.replace(" ", "").replace("'", "")


def decimal_mark(cells: list[str]) -> str | None:
    """The column's decimal mark, from the cells that can only be read one way; ``None`` when none can."""
    commas = sum(bool(_COMMA_DECIMAL.match(c)) for c in cells)
    dots = sum(bool(_DOT_DECIMAL.match(c)) for c in cells)
    if commas > dots:
        return ","
    if dots > commas:
        return "."
    return None


def to_number(text: str, mark: str | None) -> float | None:
    """A bare cell as a number with the column's decimal mark; with none known, ``1.234`` is thousands."""
    if mark is None:
        plain = re.sub(r"[.,]", "", text) if _GROUPED.match(text) else text
    else:
        plain = text.replace("." if mark == "," else ",", "").replace(mark, ".")
    return float(plain) if _PLAIN.match(plain) else None


def column_numbers(frame: pd.DataFrame, column: str, problems: Problems) -> pd.Series:
    """A column's numbers (missing → 0); unreadable and negative cells are problems naming their rows."""
    cells = frame[column]
    texts = {cell: bare(str(cell)) for cell in cells.dropna().unique()}
    present = [t for t in texts.values() if t.lower() not in MISSING]
    mark = decimal_mark(present)
    parsed = {cell: (0.0 if t.lower() in MISSING else to_number(t, mark)) for cell, t in texts.items()}
    values = cells.map(parsed).astype(float)
    bad = cells.notna() & values.isna()
    problems.rows("bad_number", column, frame.loc[bad, "row"], cells[bad])
    negative = values < 0
    problems.rows("negative", column, frame.loc[negative, "row"], cells[negative])
    return values.where(values >= 0, 0.0).fillna(0.0)
