"""Read one uploaded spreadsheet, whatever its layout, into a frame of text cells with notes."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from content_logic.problems import InputError, Problem
from content_logic.sheets.layout import KnownLabel, Layout, Row, find_layout
from content_logic.sheets.source import OLE_MAGIC, XLSX_MAGIC, Workbook, csv_head, decode, trailing_empty

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
"""Uploads above 20 MB are refused: two years of daily rows per channel fit in well under 1 MB."""

UNREADABLE_CODES = frozenset(
    {
        "too_large",
        "empty_file",
        "old_excel",
        "binary_file",
        "unreadable_csv",
        "unreadable_xlsx",
        "sheet_not_found",
    }
)
"""The reader's problems that mean the file itself can't be read (not a table, damaged, too big)."""


class Sheet(BaseModel):
    """One table read from a file: text cells (``None`` when empty) indexed by the spreadsheet row
    number the user sees, columns as written (two-level headers joined), and notes on the layout."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    frame: pd.DataFrame
    """The data rows only (no title, header or description rows); wholly empty rows dropped."""
    file: str
    """The file name, for messages."""
    sheet: str | None = None
    """The workbook sheet read; ``None`` for CSV."""
    sheets: tuple[str, ...] = ()
    """Every sheet of the workbook, in order; empty for CSV."""
    header_row: int
    """The spreadsheet row number of the header (the metric row of a two-level header)."""
    title: tuple[str, ...] = ()
    """The text of the lines above the header (``2026-10-01 ~ 2026-10-31``), in order."""
    segments: dict[str, str] = {}
    """For two-level headers: each joined column label → the segment written above it."""
    delimiter: str | None = None
    """The CSV delimiter found on the header line; ``None`` for a workbook."""
    notes: tuple[Problem, ...] = ()
    """What the reader did that the user should know: the header row, a skipped description row..."""


def _problem(code: str, name: str, **values: str | int | float) -> InputError:
    return InputError([Problem(code=code, file=name, values=dict(values))])


def _frame(
    values: np.ndarray,
    empty: np.ndarray,
    labels: tuple[str, ...],
    first_row: int,
    layout: Layout,
    header: Row,
) -> pd.DataFrame:
    """The data rows (``empty`` marks the ``None`` cells) as a frame indexed by spreadsheet row number:
    without the description row, wholly empty rows, and unnamed columns with nothing in them."""
    index = np.arange(first_row, first_row + len(values))
    if layout.description_row is not None:
        values, empty, index = values[1:], empty[1:], index[1:]
    kept_rows = ~empty.all(axis=1)
    named = np.array([i < len(header) and bool(header[i]) for i in range(len(labels))], dtype=bool)
    kept_columns = named | ~empty[kept_rows].all(axis=0)
    if not kept_rows.all():
        values, index = values[kept_rows], index[kept_rows]
    if not kept_columns.all():
        values, labels = values[:, kept_columns], tuple(np.array(labels, dtype=object)[kept_columns])
    return pd.DataFrame(values, columns=list(labels), index=index, dtype=object)


def _grid(rows: list[list[str | None]], width: int) -> np.ndarray:
    grid = np.full((len(rows), width), None, dtype=object)
    for number, row in enumerate(rows):
        cells = row[:width]
        grid[number, : len(cells)] = cells
    return grid


def _notes(name: str, layout: Layout, rows: list[list[str | None]], offset: int) -> list[Problem]:
    """Say where the header was found, and which rows around it were not data. ``offset`` turns an
    index into ``rows`` into a spreadsheet row number."""
    notes = []
    header_row = layout.header + offset
    if layout.segment_row is not None:
        example = next(iter(layout.segments), "")
        values: dict[str, str | int | float] = {"top": layout.segment_row + offset, "example": example}
        notes.append(Problem(code="sheet_two_level_header", file=name, row=header_row, values=values))
    top = layout.segment_row if layout.segment_row is not None else layout.header
    if any(cell for row in rows[:top] for cell in row):
        notes.append(Problem(code="sheet_header_below_title", file=name, row=header_row))
    if layout.description_row is not None:
        notes.append(Problem(code="sheet_description_row", file=name, row=layout.description_row + offset))
    return notes


def _title(rows: list[list[str | None]], layout: Layout) -> tuple[str, ...]:
    top = layout.segment_row if layout.segment_row is not None else layout.header
    return tuple(" ".join(str(c).strip() for c in row if c) for row in rows[:top] if any(row))


def _read_csv(data: bytes, name: str, is_known_label: KnownLabel | None) -> Sheet:
    text = decode(data)
    if text is None:
        raise _problem("binary_file", name)
    delimiter, skipped, head = csv_head(text, is_known_label)
    layout = find_layout(head, is_known_label)
    if layout is None:
        raise _problem("empty_file", name)
    start = skipped + layout.header
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=object,  # plain Python strings: no Arrow round trip for a frame of text
            na_filter=False,  # empty cells stay "" and become None below, in one pass
            skipinitialspace=True,
            skip_blank_lines=False,
            skiprows=start,
            index_col=False,  # rows ending in a delimiter must not turn column 1 into the index
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        raise _problem("unreadable_csv", name, detail=str(exc)[:200]) from None
    labels = layout.labels[: len(frame.columns)]
    labels += tuple(f"Unnamed: {i}" for i in range(len(labels), len(frame.columns)))
    values = frame.to_numpy(dtype=object)
    empty = values == ""
    values[empty] = None
    frame = _frame(values, empty, labels, start + 2, layout, head[layout.header])
    return Sheet(
        frame=frame,
        file=name,
        header_row=start + 1,
        title=_title(head, layout),
        segments=layout.segments,
        delimiter=delimiter,
        notes=tuple(_notes(name, layout, head, offset=skipped + 1)),
    )


def _read_xlsx(data: bytes, name: str, is_known_label: KnownLabel | None, wanted: str | None) -> Sheet:
    book = Workbook(data, name)
    if wanted is not None:
        chosen = book.find(wanted)
        if chosen is None:
            raise _problem("sheet_not_found", name, sheet=wanted, sheets=", ".join(book.names))
    else:
        chosen = book.pick(is_known_label) if book.names else None
    if chosen is None:
        raise _problem("empty_file", name)
    rows = book.rows(chosen)
    layout = find_layout(rows, is_known_label)
    if layout is None:
        raise _problem("empty_file", name)
    width = len(layout.labels) - trailing_empty(rows[layout.header :])
    labels = layout.labels[: max(width, 1)]
    grid = _grid(rows[layout.header + 1 :], len(labels))
    empty = grid == None  # noqa: E711 (elementwise, on an object array)
    frame = _frame(grid, empty, labels, layout.header + 2, layout, rows[layout.header])
    notes = _notes(name, layout, rows, offset=1)
    if wanted is None and len(book.names) > 1:
        others = ", ".join(n for n in book.names if n != chosen)
        notes.insert(0, Problem(code="sheet_picked", file=name, values={"sheet": chosen, "others": others}))
    return Sheet(
        frame=frame,
        file=name,
        sheet=chosen,
        sheets=book.names,
        header_row=layout.header + 1,
        title=_title(rows, layout),
        segments={k: v for k, v in layout.segments.items() if k in frame.columns},
        notes=tuple(notes),
    )


def read_sheet(
    data: bytes,
    filename: str,
    *,
    is_known_label: KnownLabel | None = None,
    sheet: str | None = None,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> Sheet:
    """Read a CSV or .xlsx file whatever its layout; raise ``InputError`` when it can't be read.

    The header is the row among the first 30 with the most labels the caller knows
    (``is_known_label``, usually a calculator vocabulary's ``is_known``), else with the most cells
    that read as labels; title and date-range lines above it, a segment row over it (joined into
    the labels) and a row of descriptions under it are not data. A workbook's best-matching sheet
    is read unless ``sheet`` names one.
    """
    name = filename or "upload"
    if len(data) > max_bytes:
        size = {"size_mb": round(len(data) / 1_048_576, 1), "max_mb": max_bytes // 1_048_576}
        raise _problem("too_large", name, **size)
    if not data.strip():
        raise _problem("empty_file", name)
    if data.startswith(OLE_MAGIC):
        raise _problem("old_excel", name)
    if data.startswith(XLSX_MAGIC):
        return _read_xlsx(data, name, is_known_label, sheet)
    return _read_csv(data, name, is_known_label)


def read_table(data: bytes, filename: str, *, max_bytes: int = MAX_UPLOAD_BYTES) -> pd.DataFrame:
    """Every cell as text (``None`` when empty), headers stripped; raise ``InputError`` if unreadable.

    The index is each row's spreadsheet row number as the user sees it, so messages can name the
    right row even after title and blank rows. :func:`read_sheet` also returns the notes.
    """
    sheet = read_sheet(data, filename, max_bytes=max_bytes)
    if sheet.frame.empty and sheet.sheet is not None:
        raise _problem("empty_file", sheet.file)
    return sheet.frame
