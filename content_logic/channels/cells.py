"""Cells as sellers' files write them, read by the shared reader (``content_logic.sheets``), and the
located problems they raise, collected over the whole file and raised once."""

from __future__ import annotations

from typing import ClassVar

import pandas as pd

from content_logic.problems import InputError, Problem, Scalar
from content_logic.sheets import parse_number_column

SHOWN = 5
"""How many rows a repeated problem lists before it says "and N more"."""


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


def column_numbers(frame: pd.DataFrame, column: str, problems: Problems, notes: list[Problem]) -> pd.Series:
    """A column's numbers read by the shared reader (currency marks, either decimal convention decided
    for the whole column, ``--`` as missing → 0); unreadable and negative cells are problems naming
    their rows, and a decimal mark that had to be guessed is said in a note."""
    parsed = parse_number_column(frame[column].reset_index(drop=True))
    values = pd.Series(parsed.values.to_numpy(), index=frame.index)
    if parsed.invalid:
        bad = frame.index.isin(list(parsed.invalid))
        problems.rows("bad_number", column, frame.loc[bad, "row"], frame.loc[bad, column])
    negative = values < 0
    problems.rows("negative", column, frame.loc[negative, "row"], frame.loc[negative, column])
    if (note := parsed.ambiguity_note(file=problems.file, column=column)) is not None:
        notes.append(note)
    return values.where(values >= 0, 0.0).fillna(0.0)
