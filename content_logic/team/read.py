"""Roster files in and out: any header position, titles as owners write them, one row per role
(with a headcount) or one row per person (with days or hours a week), and the CSV export.

Reading never refuses a roster over one title: a title the vocabulary doesn't know becomes an
"other" line that covers nothing, listed in ``Reading.unmapped`` for the page's mapping editor.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from content_logic.calculator import Reading, UnmappedLabel
from content_logic.problems import InputError, Problem
from content_logic.sheets.reader import read_sheet
from content_logic.team.models import RosterEntry, RosterRow, TeamInputs
from content_logic.team.policy import TeamPolicy
from content_logic.team.reference import CAPABILITY_IDS, ROLE_IDS, CapabilityId, RoleId
from content_logic.team.validate import COLUMNS, check_row, role_id
from content_logic.team.vocabulary import PartTimeRule, title_key, week_share

HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "role": ("role", "rol", "role id"),
    "title": ("title", "job title", "titulo", "puesto", "cargo", "position", "job", "funcion", "role title",
              "nombre del puesto", "puesto de trabajo"),
    "headcount": ("headcount", "fte", "people", "count", "personas", "cantidad", "numero", "plantilla",
                  "number of people", "numero de personas"),
    "name": ("name", "nombre", "person", "employee", "empleado", "colaborador", "full name",
             "nombre completo"),
    "capabilities": ("capabilities", "capacidades", "covers", "cubre"),
    "days": ("days week", "days per week", "days a week", "days", "dias", "dias semana", "dias por semana",
             "dias a la semana", "dias laborales"),
    "hours": ("hours week", "hours per week", "hours a week", "hours", "weekly hours", "horas",
              "horas semana", "horas por semana", "horas semanales", "horas a la semana"),
}  # fmt: skip
"""Header labels of each column (compared folded: case, accents, punctuation, plural, gender)."""

CAPABILITY_SEPARATORS = re.compile(r"\s*[|;,/+]\s*")
"""Capabilities in one cell are separated by ``|`` (what export writes), ``;``, ``,``, ``/`` or ``+``."""

EXPORT_SEPARATOR = "|"

_KEYS = {title_key(label): column for column, labels in HEADER_LABELS.items() for label in labels}
assert len(_KEYS) == sum(map(len, HEADER_LABELS.values())), "a header label names two columns"


def is_header_label(text: object) -> bool:
    """True for a header the roster reader knows (``Puesto``, ``Days per week``): finds the header row."""
    return title_key(text) in _KEYS


def _columns(headers: Sequence[object]) -> dict[str, str]:
    """Column id → the header the file uses for it (the first header that names it)."""
    found: dict[str, str] = {}
    for header in headers:
        column = _KEYS.get(title_key(header))
        if column is not None and column not in found:
            found[column] = str(header)
    return found


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or not str(value).strip()


def _target(mapping: Mapping[str, str]) -> dict[str, RoleId | CapabilityId]:
    """The user's answers by folded title: a role id, or a capability an "other" line covers."""
    known: dict[str, RoleId | CapabilityId] = {r: r for r in ROLE_IDS} | {c: c for c in CAPABILITY_IDS}
    return {title_key(label): known[target] for label, target in mapping.items() if target in known}


def read_file(data: bytes, filename: str, *, mapping: Mapping[str, str] | None = None) -> Reading[TeamInputs]:
    """The roster in a CSV or .xlsx file as page inputs, with every problem, note and unknown title.

    ``mapping`` maps a title as written to a role id, or to a capability id (an "other" line
    covering it). People per row: the headcount column (1 when there is none) × the share of a week
    from a days or hours column, else from the title (``freelance``, ``2 days/week``), else 1.
    """
    try:
        sheet = read_sheet(data, filename, is_known_label=is_header_label)
    except InputError as error:
        return Reading(inputs=None, problems=tuple(error.problems))
    frame = sheet.frame
    columns = _columns(frame.columns)
    role_column = columns.get("role") or columns.get("title")
    if role_column is None:
        found = ", ".join(str(c) for c in frame.columns)
        problem = Problem(
            code="team_missing_column", file=filename, values={"missing": "role", "found": found}
        )
        return Reading(inputs=None, problems=(problem,))
    per_person = "headcount" not in columns
    title_column = columns.get("title") if "role" in columns else None
    name_column = title_column or (columns.get("name") if not per_person else None)
    answers = _target(mapping or {})
    names = {column: columns.get(column, column) for column in COLUMNS} | {"role": role_column}
    rule, policy = PartTimeRule(), TeamPolicy()
    problems: list[Problem] = []
    lines: dict[tuple[str, str, tuple[str, ...]], tuple[RosterRow, list[int], list[float]]] = {}
    unmapped: dict[str, tuple[str, int]] = {}
    for number, record in zip(frame.index, frame.to_dict("records"), strict=True):
        cell: dict[str, Any] = {column: record.get(header) for column, header in columns.items()}
        if all(_blank(value) for value in cell.values()):
            continue
        title = None if _blank(record.get(role_column)) else str(record[role_column]).strip()
        written = (
            str(record[name_column]).strip() if name_column and not _blank(record.get(name_column)) else title
        )
        raw_caps = "" if _blank(cell.get("capabilities")) else str(cell["capabilities"])
        capabilities = tuple(p for p in CAPABILITY_SEPARATORS.split(raw_caps.strip()) if p)
        role, capabilities, known = _role(title, written, answers, capabilities)
        if known == "other":  # an exported "other" line: its name is in the name column, or nowhere
            written = None if name_column is None or _blank(record.get(name_column)) else written
        if title is not None and role == "other" and known is None and not capabilities:
            label, count = unmapped.get(title_key(title), (title, 0))
            unmapped[title_key(title)] = (label, count + 1)
        if written is not None and written == role:
            written = None  # an exported role id: nothing was written but the id
        headcount = None if per_person else cell.get("headcount")
        row = RosterRow(
            role=role, headcount=1.0 if per_person else headcount, name=written, capabilities=capabilities
        )
        entry, wrong = check_row(
            row, policy=policy, where={"file": filename, "row": int(number)}, columns=names
        )
        problems.extend(wrong)
        if entry is None:
            continue
        share = _share(cell, title, rule)
        key = (entry.role, title_key(entry.name or entry.role), entry.capabilities)
        first, numbers, people = lines.setdefault(key, (row, [], []))
        numbers.append(int(number))
        people.append(entry.headcount * share)
    rows = tuple(
        first.model_copy(update={"headcount": round(math.fsum(people), 6)})
        for first, _, people in lines.values()
    )
    notes = (*sheet.notes, *_notes(lines, filename, per_person=per_person))
    if not problems and math.fsum(float(row.headcount or 0) for row in rows) <= 0:
        problems.append(Problem(code="team_empty_roster", file=filename))
    labels = tuple(
        UnmappedLabel(column=role_column, label=label, rows=count) for label, count in unmapped.values()
    )
    notes += tuple(
        Problem(
            code="team_title_unmapped",
            file=filename,
            column=role_column,
            values={"value": u.label, "rows": u.rows},
        )
        for u in labels
    )
    inputs = TeamInputs(rows=rows) if rows else None
    return Reading(inputs=inputs, problems=tuple(problems), notes=notes, unmapped=labels)


def _role(
    title: str | None,
    written: str | None,
    answers: Mapping[str, RoleId | CapabilityId],
    capabilities: tuple[str, ...],
) -> tuple[str | None, tuple[str, ...], RoleId | None]:
    """The role a row's title is read as, its capabilities, and the role the vocabulary knows it as.

    The user's answer comes first (a role, or a capability an "other" line covers); then the
    vocabulary; a title neither knows is an "other" line covering nothing until the user says.
    """
    if title is None:
        return None, capabilities, None
    answer = answers.get(title_key(written)) or answers.get(title_key(title))
    known = role_id(title)
    if answer in ROLE_IDS:
        return answer, capabilities, known
    if answer is not None:
        return "other", (answer,), known
    return known or "other", capabilities, known


def _share(cell: Mapping[str, Any], title: str | None, rule: PartTimeRule) -> float:
    """The share of a week one row's people work: days cell, hours cell, the title, else a full week."""
    for column in ("days", "hours"):
        if not _blank(cell.get(column)):
            found = week_share(cell[column], rule, unit="days" if column == "days" else "hours")
            if found is not None:
                return found[0]
    found = week_share(title, rule) if title else None
    return found[0] if found is not None else 1.0


def _notes(
    lines: Mapping[tuple[str, str, tuple[str, ...]], tuple[RosterRow, list[int], list[float]]],
    filename: str,
    *,
    per_person: bool,
) -> tuple[Problem, ...]:
    """Rows added together: one note per repeated line of a headcount roster, one for a per-person file."""
    if per_person:
        summed = sum(len(numbers) for _, numbers, _ in lines.values())
        if summed > len(lines):
            values: dict[str, str | int | float] = {"rows": summed, "lines": len(lines)}
            return (Problem(code="team_people_summed", file=filename, values=values),)
        return ()
    notes = []
    for first, numbers, people in lines.values():
        if len(numbers) > 1:
            label = first.name if first.role == "other" else str(first.role)
            values = {
                "role": label or "",
                "rows": ", ".join(map(str, numbers)),
                "total": round(math.fsum(people), 2),
            }
            notes.append(Problem(code="team_duplicate_merged", file=filename, values=values))
    return tuple(notes)


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


def roster_rows(entries: Sequence[RosterEntry]) -> tuple[RosterRow, ...]:
    """Validated roster entries back as editable rows (for the page's table)."""
    return tuple(
        RosterRow(role=e.role, headcount=e.headcount, name=e.name, capabilities=e.capabilities)
        for e in entries
    )
