"""Team-structure gap finder: does anyone on the team own content, and what is missing?

The calculator contract (``content_logic/calculator.py``): ``read_file`` → ``assess`` → the summary,
table, JSON and room summary; inputs saved and restored as JSON; demo teams. The other names are
the models a page edits and the texts it shows.
"""

from content_logic.team.assess import assess
from content_logic.team.demo import DEMO_IDS, demo_inputs
from content_logic.team.models import AnswerInputs, RosterRow, TeamInputs, inputs_from_json, inputs_to_json
from content_logic.team.policy import TeamPolicy
from content_logic.team.read import read_file, roster_csv
from content_logic.team.reference import TeamReference
from content_logic.team.report import (
    ResultTexts,
    result_json,
    result_texts,
    room_summary,
    summary_markdown,
    table_csv,
)
from content_logic.team.result import TeamResult
from content_logic.team.text import problem_text

__all__ = [
    "DEMO_IDS",
    "AnswerInputs",
    "ResultTexts",
    "RosterRow",
    "TeamInputs",
    "TeamPolicy",
    "TeamReference",
    "TeamResult",
    "assess",
    "demo_inputs",
    "inputs_from_json",
    "inputs_to_json",
    "problem_text",
    "read_file",
    "result_json",
    "result_texts",
    "room_summary",
    "roster_csv",
    "summary_markdown",
    "table_csv",
]
