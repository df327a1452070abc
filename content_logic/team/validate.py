"""Turn raw roster rows and answers into valid models, collecting every problem and raising once."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from content_logic.i18n import LANGUAGES, translate
from content_logic.problems import InputError, Problem
from content_logic.tabular import parse_number
from content_logic.team.models import (
    HOURS_IN_WEEK,
    AnswerInputs,
    DiagnosticAnswers,
    Roster,
    RosterEntry,
    RosterLine,
    RosterRow,
    TeamInputs,
)
from content_logic.team.policy import ANSWERS, REPLICATIONS, TeamPolicy
from content_logic.team.reference import CAPABILITY_IDS, ROLE_IDS, CapabilityId, RoleId
from content_logic.team.vocabulary import match_capability, match_role, title_key

COLUMNS = ("role", "headcount", "name", "capabilities")
"""The roster's columns, in order; CSV headers and problem locations use these ids."""


@cache
def _labels(kind: str, ids: tuple[str, ...]) -> dict[str, str]:
    """The catalog's English and Spanish labels of roles or capabilities, folded, mapped to the id."""
    names: dict[str, str] = {}
    for lang in LANGUAGES:
        for i in ids:
            label = translate(f"team.{kind}.{i}", lang)
            plain = re.sub(r"\s*\(.*?\)", "", re.sub(r"/a\b", "", label))  # "Fundador/a" → "Fundador"
            names.update({title_key(v): i for v in (label, plain, *plain.split(" / ")) if title_key(v)})
    return names


@lru_cache(maxsize=4096)
def role_id(text: str) -> RoleId | None:
    """The role named by an id, the page's label or a title in either language, else ``None``."""
    found = _labels("role", ROLE_IDS).get(title_key(text))
    return next((r for r in ROLE_IDS if r == found), None) or match_role(text)


@lru_cache(maxsize=4096)
def capability_id(text: str) -> CapabilityId | None:
    """The capability named by an id or a label in either language, else ``None``."""
    found = _labels("cap", CAPABILITY_IDS).get(title_key(text))
    return next((c for c in CAPABILITY_IDS if c == found), None) or match_capability(text)


@lru_cache(maxsize=4096)
def _cell_number(text: str) -> float | None:
    return parse_number(text)


def _count(value: float | str | None) -> float | None:
    """A headcount cell as a number; typed text is parsed once per distinct value (a 200-row roster
    repeats "1" two hundred times)."""
    return _cell_number(value) if isinstance(value, str) else parse_number(value)


def _blank(value: object) -> bool:
    if isinstance(value, float):
        return math.isnan(value)
    return value is None or (isinstance(value, str) and not value.strip())


def check_row(
    row: RosterRow, *, policy: TeamPolicy, where: dict[str, object], columns: Mapping[str, str]
) -> tuple[RosterEntry | None, list[Problem]]:
    """One row as a roster entry, or every problem it has (located at ``where`` and ``columns``)."""

    def problem(code: str, column: str, **values: str | int | float) -> Problem:
        return Problem.model_validate({**where, "code": code, "column": columns[column], "values": values})

    problems: list[Problem] = []
    role = role_id(row.role) if row.role else None
    if _blank(row.role):
        problems.append(problem("team_role_missing", "role"))
    elif role is None:
        problems.append(
            problem("team_unknown_role", "role", value=str(row.role), accepted=", ".join(ROLE_IDS))
        )
    shown = role or str(row.role or "")
    count = None if _blank(row.headcount) else _count(row.headcount)
    if _blank(row.headcount):
        problems.append(problem("team_headcount_missing", "headcount", role=shown))
    elif count is None:
        problems.append(
            problem("team_headcount_not_number", "headcount", role=shown, value=str(row.headcount))
        )
    elif count < 0:
        problems.append(problem("team_headcount_negative", "headcount", role=shown, value=count))
    elif count > policy.max_headcount:
        problems.append(
            problem("team_headcount_absurd", "headcount", role=shown, value=count, max=policy.max_headcount)
        )
    name = (row.name or "").strip()
    capabilities: list[CapabilityId] = []
    if role == "other":
        if not name:
            problems.append(problem("team_other_needs_name", "name"))
        for text in row.capabilities:
            found = capability_id(text)
            if found is None:
                accepted = ", ".join(CAPABILITY_IDS)
                problems.append(
                    problem("team_unknown_capability", "capabilities", value=text, accepted=accepted)
                )
            elif found not in capabilities:
                capabilities.append(found)
    if problems or role is None or count is None:
        return None, problems
    return RosterEntry(role=role, headcount=count, name=name, capabilities=tuple(capabilities)), []


def _merge(
    numbered: list[tuple[int, RosterEntry]], where: dict[str, object]
) -> tuple[list[RosterEntry], list[Problem]]:
    groups: dict[tuple[str, str], list[tuple[int, RosterEntry]]] = {}
    for number, entry in numbered:
        groups.setdefault(entry.key, []).append((number, entry))
    entries: list[RosterEntry] = []
    notes: list[Problem] = []
    for group in groups.values():
        first = group[0][1]
        if len(group) == 1:
            entries.append(first)
            continue
        total = math.fsum(entry.headcount for _, entry in group)
        merged = {cap for _, entry in group for cap in entry.capabilities}
        capabilities = tuple(cap for cap in CAPABILITY_IDS if cap in merged)
        entries.append(first.model_copy(update={"headcount": total, "capabilities": capabilities}))
        titles = [title_key(entry.name) for _, entry in group]
        if len(set(titles)) == len(titles):  # one role written several ways (a file's titles): expected
            continue
        rows = ", ".join(str(number) for number, _ in group if number)
        label = first.name if first.role == "other" else first.role
        values: dict[str, str | int | float] = {"role": label, "rows": rows, "total": round(total, 2)}
        notes.append(Problem.model_validate({**where, "code": "team_duplicate_merged", "values": values}))
    return entries, notes


def parse_roster(
    rows: Sequence[RosterRow],
    *,
    policy: TeamPolicy | None = None,
    file: str | None = None,
    first_row: int = 1,
    row_numbers: Sequence[int] | None = None,
    columns: Mapping[str, str] | None = None,
) -> Roster:
    """A valid roster from raw rows (duplicates merged, and said so); ``InputError`` with every problem.

    ``first_row`` is the number the user sees for the first row: 2 in a CSV (the header is row 1),
    1 in the page's table; ``row_numbers`` gives each row's own number instead (an upload with blank
    or title rows). ``columns`` maps column ids to the names the user sees (CSV headers).
    """
    policy = policy or TeamPolicy()
    names = {column: column for column in COLUMNS} | dict(columns or {})
    problems: list[Problem] = []
    idle: list[Problem] = []
    numbered: list[tuple[int, RosterEntry]] = []
    for index, row in enumerate(rows):
        if all(_blank(v) for v in (row.role, row.headcount, row.name)) and not row.capabilities:
            continue
        number = row_numbers[index] if row_numbers is not None else first_row + index
        where: dict[str, object] = {"file": file, "row": number}
        entry, found = check_row(row, policy=policy, where=where, columns=names)
        problems.extend(found)
        if entry is not None:
            numbered.append((number, entry))
            if entry.role == "other" and entry.name and not entry.capabilities:
                # Counts for nothing until someone says what it covers; never a reason to refuse.
                at = {**where, "column": names["capabilities"], "values": {"name": entry.name}}
                idle.append(Problem.model_validate({**at, "code": "team_other_needs_capabilities"}))
    entries, notes = _merge(numbered, {"file": file})
    if not problems and math.fsum(entry.headcount for entry in entries) <= 0:
        problems.append(Problem(code="team_empty_roster", file=file))
    if problems:
        raise InputError(problems)
    return Roster(entries=tuple(entries), lines=_lines(numbered), notes=(*idle, *notes))


def _lines(numbered: list[tuple[int, RosterEntry]]) -> tuple[RosterLine, ...]:
    """People per title as written (the role id when no title was written), in first-seen order."""
    people: dict[tuple[str, RoleId], list[float]] = {}
    for _, entry in numbered:
        people.setdefault((entry.name.strip() or entry.role, entry.role), []).append(entry.headcount)
    return tuple(
        RosterLine(as_written=title, role=role, people=round(math.fsum(counts), 6))
        for (title, role), counts in people.items()
    )


def _hours(value: float | None, code: str, problems: list[Problem]) -> float:
    hours = 0.0 if value is None else float(value)
    if not math.isfinite(hours) or not 0 <= hours <= HOURS_IN_WEEK:
        problems.append(Problem(code=code, values={"value": hours, "max": HOURS_IN_WEEK}))
        return 0.0
    return hours


def parse_answers(answers: AnswerInputs) -> DiagnosticAnswers:
    """Valid diagnostic answers (an empty hours box counts as 0); ``InputError`` with every problem."""
    problems: list[Problem] = []
    explain = next((a for a in ANSWERS if a == answers.explain_views_no_sales), None)
    replicated = next((r for r in REPLICATIONS if r == answers.winner_replicated), None)
    for value, accepted in ((explain, ANSWERS), (replicated, REPLICATIONS)):
        if value is None:
            shown = answers.explain_views_no_sales if accepted is ANSWERS else answers.winner_replicated
            question = "answer" if accepted is ANSWERS else "replication"  # the catalog's labels for them
            values: dict[str, str | int | float] = {"value": shown, "question": question}
            problems.append(
                Problem(code="team_unknown_answer", values={**values, "accepted": ", ".join(accepted)})
            )
    content = _hours(answers.founder_content_hours, "team_content_hours_range", problems)
    networking = _hours(answers.founder_networking_hours, "team_networking_hours_range", problems)
    if content + networking > HOURS_IN_WEEK:
        values = {"content": content, "networking": networking, "total": content + networking}
        problems.append(Problem(code="team_hours_over_week", values={**values, "max": HOURS_IN_WEEK}))
    if problems or explain is None or replicated is None:
        raise InputError(problems)
    return DiagnosticAnswers(
        explain_views_no_sales=explain,
        winner_replicated=replicated,
        founder_content_hours=content,
        founder_networking_hours=networking,
    )


def build_team(inputs: TeamInputs) -> tuple[Roster, DiagnosticAnswers]:
    """The valid roster and answers from the page's inputs; one ``InputError`` listing all problems."""
    problems: list[Problem] = []
    roster: Roster | None = None
    answers: DiagnosticAnswers | None = None
    try:
        roster = parse_roster(inputs.rows, policy=inputs.policy)
    except InputError as error:
        problems.extend(error.problems)
    try:
        answers = parse_answers(inputs.answers)
    except InputError as error:
        problems.extend(error.problems)
    if roster is None or answers is None:
        raise InputError(problems)
    return roster, answers
