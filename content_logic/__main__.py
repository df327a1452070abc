"""Command line: ``python -m content_logic lessons check lessons/`` and the calculators,
``python -m content_logic channels|team|funnel FILE [--lang es]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from content_logic.commands import CALCULATORS, run_calculator
from content_logic.course import LESSONS_DIR, load_course
from content_logic.i18n import LANGUAGES
from content_logic.lesson_checks import course_check_problems, figure_notes


def _check_lessons(root: Path, figures: bool = False) -> int:
    if not root.is_dir():
        print(f"{root}: folder: not found (expected a folder with en/ and es/ inside)", file=sys.stderr)
        return 2
    course = load_course(root)
    problems = [*map(str, course.problems), *course_check_problems(course)]  # course-code: issue 14
    for problem in problems:
        print(problem)
    for note in figure_notes(course) if figures else []:  # course-code: issue 14
        print(f"note: {note}", file=sys.stderr)
    count = sum(len(v) for v in course.lessons.values())
    if problems:
        print(f"{len(problems)} problem(s); {count} lesson file(s) valid", file=sys.stderr)
        return 1
    print(f"ok: {count} lesson file(s) valid in {', '.join(course.lessons)}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen command; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m content_logic")
    commands = parser.add_subparsers(dest="command", required=True)
    lessons = commands.add_parser("lessons", help="work with lesson files")
    lesson_commands = lessons.add_subparsers(dest="action", required=True)
    check = lesson_commands.add_parser("check", help="validate every lesson file")
    check.add_argument("root", nargs="?", type=Path, default=LESSONS_DIR)
    check.add_argument("--figures", action="store_true", help="also list figures stated without a source")
    for calculator in CALCULATORS:
        command = commands.add_parser(calculator, help=f"run the {calculator} calculator on a CSV/XLSX file")
        command.add_argument("file", type=Path)
        command.add_argument("--lang", choices=LANGUAGES, default="en")
    args = parser.parse_args(argv)
    if args.command == "lessons" and args.action == "check":
        return _check_lessons(args.root, args.figures)
    if args.command in CALCULATORS:
        code, text = run_calculator(args.command, args.file, args.lang)
        print(text, file=sys.stderr if code else sys.stdout)
        return code
    parser.error("unknown command")
    return 2


if __name__ == "__main__":
    sys.exit(main())
