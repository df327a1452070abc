"""The cells of an uploaded sheet with the header found wherever it is: a CSV through the shared
reader (title lines skipped), an .xlsx through openpyxl (date-range and blank rows above the header,
as Seller Center writes them)."""

from __future__ import annotations

import io

import pandas as pd

from content_logic.funnel.vocabulary import column_kind
from content_logic.problems import InputError, Problem
from content_logic.tabular import XLSX_MAGIC, read_table

HEADER_SEARCH_ROWS = 20
"""The header is looked for in the first 20 rows: the one naming the most known columns."""


def _header_index(rows: list[tuple[object, ...]]) -> int:
    """The row (from 0) naming the most known columns; else the first with two filled cells."""
    best, best_known = -1, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        known = sum(1 for cell in row if isinstance(cell, str) and column_kind(cell.strip()) is not None)
        if known > best_known:
            best, best_known = index, known
    if best >= 0:
        return best
    filled = (
        i for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]) if sum(c not in (None, "") for c in row) >= 2
    )
    return next(filled, 0)


def _read_xlsx(data: bytes, name: str) -> tuple[pd.DataFrame, int]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
    except Exception as exc:  # openpyxl raises many types for a damaged or renamed file
        raise InputError(
            [Problem(code="unreadable_xlsx", file=name, values={"detail": str(exc)[:200]})]
        ) from None
    if not any(any(c not in (None, "") for c in row) for row in rows):
        raise InputError([Problem(code="empty_file", file=name)])
    header = _header_index(rows)
    names, seen = [], set()
    for position, cell in enumerate(rows[header]):
        label = str(cell).strip() if cell not in (None, "") else f"Unnamed: {position}"
        while label in seen:
            label += " (2)"
        seen.add(label)
        names.append(label)
    body = [tuple(row[: len(names)]) + (None,) * (len(names) - len(row)) for row in rows[header + 1 :]]
    frame = pd.DataFrame(body, columns=names, dtype=object)
    frame.index = pd.RangeIndex(header + 2, header + 2 + len(frame))
    frame = frame.dropna(how="all")
    return frame.astype(object).where(frame.notna(), None), header + 1


def read_cells(data: bytes, filename: str) -> tuple[pd.DataFrame, Problem | None]:
    """Cells (``None`` when empty) under their headers, indexed by spreadsheet row number, and a note
    when the header was not on row 1. Raises :class:`InputError` when the file can't be read."""
    name = filename or "upload"
    if not data.startswith(XLSX_MAGIC):
        return read_table(data, name), None  # the shared reader skips title lines itself
    frame, header = _read_xlsx(data, name)
    return frame, _header_note(name, header) if header > 1 else None


def _header_note(name: str, header: int) -> Problem:
    return Problem(code="funnel_header_row", file=name, row=header)
