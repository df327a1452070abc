"""Video funnel diagnoser: judge each stage of a video against a benchmark of its own definition,
name every failing stage (the first is the bottleneck), and say what to change.

The calculator contract (``docs/architecture.md``): ``read_file``, ``assess``, ``summary_markdown``,
``table_csv``, ``result_json``, ``room_summary``, ``inputs_to_json``, ``inputs_from_json``,
``demo_inputs`` and ``DEMO_IDS``; the page also uses the typed models and the text helpers below.
"""

from content_logic.funnel import text
from content_logic.funnel.assess import assess
from content_logic.funnel.demo import DEMO_IDS, demo_inputs
from content_logic.funnel.inputs import FunnelInputs, inputs_from_json, inputs_to_json
from content_logic.funnel.judge import VideoDiagnosis
from content_logic.funnel.models import STAGES, VideoFunnel
from content_logic.funnel.policy import FunnelBenchmarks
from content_logic.funnel.read import read_file, read_rows
from content_logic.funnel.report import result_json, room_summary, summary_markdown, table_csv
from content_logic.funnel.result import FunnelResult

__all__ = [
    "DEMO_IDS",
    "STAGES",
    "FunnelBenchmarks",
    "FunnelInputs",
    "FunnelResult",
    "VideoDiagnosis",
    "VideoFunnel",
    "assess",
    "demo_inputs",
    "inputs_from_json",
    "inputs_to_json",
    "read_file",
    "read_rows",
    "result_json",
    "room_summary",
    "summary_markdown",
    "table_csv",
    "text",
]
