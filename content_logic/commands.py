"""The calculators from a terminal: read a file, run the analysis, return the Markdown summary."""

from __future__ import annotations

from pathlib import Path

from content_logic.channels import assess, read_file, summary_markdown
from content_logic.funnel.batch import diagnose_batch
from content_logic.funnel.batch_io import read_videos
from content_logic.funnel.report import batch_brief
from content_logic.i18n import Language, translate
from content_logic.problems import InputError
from content_logic.team.analysis import assess_team
from content_logic.team.models import DiagnosticAnswers
from content_logic.team.report import report_markdown
from content_logic.team.roster_io import read_roster

CALCULATORS = ("channels", "team", "funnel")
"""The calculators the command line runs, by the ids their pages and lessons use."""


def _analyse(calculator: str, data: bytes, name: str, lang: Language) -> str:
    if calculator == "channels":
        reading = read_file(data, name)
        if reading.inputs is None:
            raise InputError(list(reading.problems))
        return summary_markdown(assess(reading.inputs), lang)
    if calculator == "team":
        # The diagnostic questions can't be asked here: the defaults are the cautious answers.
        return report_markdown(assess_team(read_roster(data, name), DiagnosticAnswers()), lang)
    upload = read_videos(data, name)
    problems = [problem for row in upload.skipped for problem in row.problems]
    if upload.videos.empty:
        raise InputError(problems)
    skipped = [problem.describe(lang) for problem in problems]
    brief = batch_brief(diagnose_batch(upload.videos), lang)
    return "\n".join([brief, *(f"- {line}" for line in skipped)])


def run_calculator(calculator: str, path: Path, lang: Language) -> tuple[int, str]:
    """Exit code and text for ``python -m content_logic <calculator> FILE``: the summary, or every problem."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return 2, f"{path}: {error.strerror or error}"
    try:
        return 0, _analyse(calculator, data, path.name, lang)
    except InputError as error:
        heading = translate("cli.problems", lang, count=len(error.problems))
        return 1, "\n".join([heading, *(problem.describe(lang) for problem in error.problems)])
