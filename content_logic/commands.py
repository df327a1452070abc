"""The calculators from a terminal, on the contract verbs: read a file, assess it, and print the
Markdown summary or (``--json``) one JSON object; the exit code says which case it was.

Exit codes: 0 a result (even with rows skipped), 1 the file was read but gave no result,
2 the file can't be read (missing, not a spreadsheet, damaged, too big).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import JsonValue

from content_logic.calculator import CALCULATOR_IDS, CalculatorId, Reading, calculator_package
from content_logic.i18n import Language, translate
from content_logic.problems import LocatedMessage, Problem
from content_logic.sheets import UNREADABLE_CODES

CALCULATORS: tuple[CalculatorId, ...] = CALCULATOR_IDS
"""The calculators the command line runs, by their ids."""

EXIT_RESULT, EXIT_NO_RESULT, EXIT_UNREADABLE = 0, 1, 2
"""A result; a file read without a result; a file that can't be read."""


def _located(message: LocatedMessage, lang: Language) -> dict[str, JsonValue]:
    return {
        "code": message.code,
        "row": message.row,
        "column": message.column,
        "message": message.message(lang),
    }


def _document(
    calculator: CalculatorId,
    path: Path,
    reading: Reading[object] | None,
    result: dict[str, JsonValue] | None,
    lang: Language,
    problems: tuple[LocatedMessage, ...] = (),
) -> dict[str, JsonValue]:
    """The ``--json`` object (documented in the README's command-line section)."""
    every = (*problems, *(reading.problems if reading else ()))
    unmapped = reading.unmapped if reading else ()
    return {
        "calculator": calculator,
        "file": path.name,
        "language": lang,
        "problems": [_located(p, lang) for p in every],
        "notes": [_located(n, lang) for n in (reading.notes if reading else ())],
        "unmapped": [{"column": u.column, "label": u.label, "rows": u.rows} for u in unmapped],
        "definitions": dict(reading.definitions) if reading else {},
        "result": result,
    }


def _dumps(document: dict[str, JsonValue]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def _text(summary: str | None, reading: Reading[object] | None, lang: Language) -> str:
    """The summary with the rows skipped, the notes and the labels left unmapped under it; or, with
    no summary, every problem that stopped the file."""
    problems = [p.describe(lang) for p in (reading.problems if reading else ())]
    if summary is None:
        return "\n".join([translate("cli.problems", lang, count=len(problems)), *problems])
    lines = [summary]
    remarks = [*problems, *(n.describe(lang) for n in reading.notes)] if reading else []
    if reading is not None and reading.unmapped:
        remarks += [
            translate("cli.unmapped", lang, label=u.label, column=u.column, rows=u.rows)
            for u in reading.unmapped
        ]
    remarks = [remark for remark in remarks if remark not in summary]  # some summaries list their notes
    if remarks:
        lines += ["", *(f"- {remark}" for remark in remarks)]
    return "\n".join(lines)


def run_calculator(
    calculator: CalculatorId, path: Path, lang: Language, *, as_json: bool = False
) -> tuple[int, str]:
    """Exit code and output of ``python -m content_logic <calculator> FILE [--lang] [--json]``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        if not as_json:
            return EXIT_UNREADABLE, f"{path}: {error.strerror or error}"
        problem = Problem(
            code="file_not_read", file=path.name, values={"detail": str(error.strerror or error)}
        )
        document = _document(calculator, path, None, None, lang, problems=(problem,))
        return EXIT_UNREADABLE, json.dumps(document, ensure_ascii=False, indent=2)
    package = calculator_package(calculator)
    reading = package.read_file(data, path.name)
    if reading.inputs is None:
        unreadable = any(problem.code in UNREADABLE_CODES for problem in reading.problems)
        code = EXIT_UNREADABLE if unreadable else EXIT_NO_RESULT
        if as_json:
            return code, json.dumps(
                _document(calculator, path, reading, None, lang), ensure_ascii=False, indent=2
            )
        return code, _text(None, reading, lang)
    result = package.assess(reading.inputs)
    if as_json:
        document = _document(calculator, path, reading, package.result_json(result, lang=lang), lang)
        return EXIT_RESULT, _dumps(document)
    return EXIT_RESULT, _text(package.summary_markdown(result, lang), reading, lang)
