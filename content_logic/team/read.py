"""Roster CSV import and export: ``role,headcount,name,capabilities`` with English role ids."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from content_logic.problems import InputError, Problem
from content_logic.tabular import read_table
from content_logic.team.models import Roster, RosterRow
from content_logic.team.policy import TeamPolicy
from content_logic.team.validate import COLUMNS, normalise, parse_roster

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "role": ("role", "rol", "puesto", "cargo", "position"),
    "headcount": ("headcount", "fte", "people", "count", "personas", "plantilla", "cantidad", "numero"),
    "name": ("name", "nombre", "title", "titulo"),
    "capabilities": ("capabilities", "capacidades", "covers", "cubre"),
}
"""Header names recognised for each column (normalised: lower case, no accents), English and Spanish."""

CAPABILITY_SEPARATORS = re.compile(r"\s*[|;,/+]\s*")
"""Capabilities in one cell are separated by ``|`` (what export writes), ``;``, ``,``, ``/`` or ``+``."""

EXPORT_SEPARATOR = "|"


def _columns(headers: Sequence[str]) -> dict[str, str]:
    """Column id → the header the file uses for it."""
    found: dict[str, str] = {}
    for header in headers:
        key = normalise(header)
        for column, aliases in HEADER_ALIASES.items():
            if key in aliases and column not in found:
                found[column] = header
    return found


def read_roster(data: bytes, filename: str, *, policy: TeamPolicy | None = None) -> Roster:
    """The roster in an uploaded CSV or XLSX, validated (duplicates merged, and said so)."""
    frame = read_table(data, filename)
    headers = [str(column) for column in frame.columns]
    columns = _columns(headers)
    missing = [column for column in ("role", "headcount") if column not in columns]
    if missing:
        problems = [
            Problem(
                code="team_missing_column",
                file=filename,
                values={"missing": column, "found": ", ".join(headers)},
            )
            for column in missing
        ]
        raise InputError(problems)
    rows = []
    for record in frame.to_dict("records"):
        cell = record.get(columns.get("capabilities", ""))
        capabilities = tuple(p for p in CAPABILITY_SEPARATORS.split(str(cell or "").strip()) if p)
        name = record.get(columns.get("name", ""))
        rows.append(
            RosterRow(
                role=None if record[columns["role"]] is None else str(record[columns["role"]]),
                headcount=None if record[columns["headcount"]] is None else str(record[columns["headcount"]]),
                name=None if name is None else str(name),
                capabilities=capabilities,
            )
        )
    numbers = [int(index) for index in frame.index]  # read_table's spreadsheet row numbers
    return parse_roster(rows, policy=policy, file=filename, row_numbers=numbers, columns=columns)


def _number(value: float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def roster_csv(rows: Sequence[RosterRow]) -> str:
    """The roster as CSV text (comma-separated, capabilities joined by ``|``), ready to re-import."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        capabilities = EXPORT_SEPARATOR.join(row.capabilities)
        writer.writerow([row.role or "", _number(row.headcount), row.name or "", capabilities])
    return buffer.getvalue()


def roster_rows(roster: Roster) -> tuple[RosterRow, ...]:
    """A validated roster back as editable rows (for the page's table)."""
    return tuple(
        RosterRow(role=e.role, headcount=e.headcount, name=e.name, capabilities=e.capabilities)
        for e in roster.entries
    )
