"""Where the table starts: the header row under title and date-range lines, a segment row above it
(two-level headers), and a row of metric descriptions below it. Works on the first rows as text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict

from content_logic.headers import normalise_label
from content_logic.sheets.cells import MISSING_MARKS, parse_number

Row = Sequence[str | None]
KnownLabel = Callable[[str], bool]

HEADER_SEARCH_ROWS = 30
"""Exports put at most a few title, date-range or filter lines above the header; 30 rows is plenty."""

DESCRIPTION_SAMPLE_ROWS = 15
"""Rows under a candidate description row looked at to see which columns hold numbers."""

DESCRIPTION_WORDS = frozenset({"description", "descripcion", "definition", "definicion", "metric", "metrica"})
"""Words that open Affiliate Center's row of metric descriptions ("Metric description")."""

SEGMENT_JOIN = " "
"""Two-level headers become one label, segment then metric: ``Seller Product card`` + ``GMV``."""

_DATE_LIKE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T].*)?$|^\d{4}-W\d{1,2}$")


class Layout(BaseModel):
    """Where the header is (indices into the rows given) and the column labels, as written."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    header: int
    """Index of the header row (the metric row of a two-level header)."""
    labels: tuple[str, ...]
    """One label per column: the header cell, joined with its segment for two-level headers."""
    segment_row: int | None = None
    """Index of the segment row above the header, for two-level headers."""
    segments: dict[str, str] = {}
    """Label → the segment it sits under (``All``, ``Seller Product card``)."""
    description_row: int | None = None
    """Index of a row of metric descriptions right under the header (skipped, not data)."""


def is_value(cell: str) -> bool:
    """A cell holding a value rather than a label: a number, a date, or a missing mark."""
    text = cell.strip()
    return text.casefold() in MISSING_MARKS or parse_number(text) is not None or bool(_DATE_LIKE.match(text))


def _is_label(cell: str | None) -> bool:
    return bool(cell and cell.strip()) and any(c.isalpha() for c in str(cell)) and not is_value(str(cell))


def _filled(row: Row) -> list[str]:
    return [str(cell) for cell in row if cell is not None and str(cell).strip()]


def header_score(row: Row, is_known_label: KnownLabel | None) -> tuple[int, int]:
    """How much a row looks like the header: known labels first, then cells that read as labels."""
    cells = _filled(row)
    known = sum(1 for cell in cells if is_known_label(cell)) if is_known_label else 0
    return known, sum(1 for cell in cells if _is_label(cell))


def find_header(rows: Sequence[Row], is_known_label: KnownLabel | None = None) -> int | None:
    """The index of the header row among the first rows; ``None`` when no row has two filled cells."""
    best: int | None = None
    best_score = (0, 0)
    first: int | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if len(_filled(row)) < 2:
            continue
        first = index if first is None else first
        score = header_score(row, is_known_label)
        if score > best_score:
            best, best_score = index, score
    return best if best is not None else first


def _segment_row(rows: Sequence[Row], header: int) -> int | None:
    """The row right above the header when it names segments over repeated metrics."""
    if header == 0:
        return None
    above, labels = rows[header - 1], _filled(rows[header])
    filled = [(i, str(cell)) for i, cell in enumerate(above) if cell is not None and str(cell).strip()]
    if not filled or not all(_is_label(cell) for _, cell in filled) or len(filled) >= len(labels):
        return None
    if not any(i > 0 for i, _ in filled):
        return None  # a title line sits in the first column
    repeated = len({normalise_label(label) for label in labels}) < len(labels)
    positions = [i for i, _ in filled]
    spread = positions[0] > 0 and all(b - a >= 2 for a, b in zip(positions, positions[1:], strict=False))
    return header - 1 if repeated or (spread and len(filled) >= 2) else None


def _is_description(rows: Sequence[Row], header: int) -> bool:
    """A row right under the header whose words sit where the rows below hold numbers."""
    if header + 1 >= len(rows):
        return False
    row = rows[header + 1]
    cells = _filled(row)
    if not cells or not all(_is_label(cell) for cell in cells):
        return False
    if set(normalise_label(cells[0]).split()) & DESCRIPTION_WORDS:
        return True
    below = rows[header + 2 : header + 2 + DESCRIPTION_SAMPLE_ROWS]
    numeric = [
        column
        for column in range(len(row))
        if (values := [str(r[column]) for r in below if column < len(r) and r[column]])
        and sum(1 for value in values if is_value(value)) * 2 >= len(values)
    ]
    worded = sum(1 for column in numeric if _is_label(row[column]))
    return bool(numeric) and worded * 2 >= len(numeric)


def _unique(labels: list[str]) -> tuple[str, ...]:
    """Repeated labels get ``.1``, ``.2`` as pandas names them, so every column stays addressable."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        count = seen.get(label, 0)
        seen[label] = count + 1
        out.append(f"{label}.{count}" if count else label)
    return tuple(out)


def find_layout(rows: Sequence[Row], is_known_label: KnownLabel | None = None) -> Layout | None:
    """The header, its labels and the rows around it that are not data; ``None`` for an empty sheet."""
    header = find_header(rows, is_known_label)
    if header is None:
        header = next((i for i, row in enumerate(rows) if _filled(row)), None)
        if header is None:
            return None
    cells = [str(cell).strip().lstrip("\ufeff") if cell is not None else "" for cell in rows[header]]
    segment_row = _segment_row(rows, header)
    segments: dict[int, str] = {}
    if segment_row is not None:
        current = ""
        for index in range(len(cells)):
            above = rows[segment_row][index] if index < len(rows[segment_row]) else None
            current = str(above).strip() if above is not None and str(above).strip() else current
            if current:
                segments[index] = current
    joined = [
        SEGMENT_JOIN.join(part for part in (segments.get(i, ""), cell) if part) or f"Unnamed: {i}"
        for i, cell in enumerate(cells)
    ]
    labels = _unique(joined)
    return Layout(
        header=header,
        labels=labels,
        segment_row=segment_row,
        segments={labels[i]: segment for i, segment in segments.items() if cells[i]},
        description_row=header + 1 if _is_description(rows, header) else None,
    )
