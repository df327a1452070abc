"""The cells of an uploaded sheet, through the shared reader (``content_logic.sheets``): the header is
the row naming the most columns this calculator's vocabulary knows, wherever it is."""

from __future__ import annotations

import pandas as pd

from content_logic.funnel.vocabulary import column_kind
from content_logic.problems import Problem
from content_logic.sheets import read_sheet


def _known(label: object) -> bool:
    return isinstance(label, str) and column_kind(label.strip()) is not None


def read_cells(data: bytes, filename: str) -> tuple[pd.DataFrame, tuple[Problem, ...]]:
    """Cells (``None`` when empty) under their headers, indexed by spreadsheet row number, and the
    reader's notes (header under a title, sheet picked). Raises :class:`InputError` when unreadable."""
    sheet = read_sheet(data, filename or "upload", is_known_label=_known)
    return sheet.frame, sheet.notes
