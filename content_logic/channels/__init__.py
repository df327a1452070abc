"""Channel stability checker: is a short-video channel stable enough to stock up, and how much?

The calculator contract (``content_logic/calculator.py``) and the types a page needs. Where each rule
lives: ``policy`` (every threshold, the stock plan, the sales-peak calendar), ``vocabulary.toml`` with
``vocabulary`` (every label of every export and how carrier × source map to channels), ``read`` and
``cells`` (file → weekly sales), ``weeks`` (dates → ISO weeks), ``assess`` and ``stats`` (each
channel's checks and verdict), ``advice`` (warnings, safe stock, what to build first), ``result``
(the answer's models), ``report`` and ``text`` (what the seller reads), ``inputs`` (save and restore),
``demo`` (stories and templates), ``table`` (the table the seller types into).
"""

from content_logic.channels.assess import assess
from content_logic.channels.demo import demo_inputs, template_csv
from content_logic.channels.inputs import ChannelInputs, inputs_from_json, inputs_to_json
from content_logic.channels.models import CHANNELS, DEMO_IDS, WeeklySales
from content_logic.channels.policy import SalesPeak, StabilityPolicy, StockPlan
from content_logic.channels.read import read_file
from content_logic.channels.report import (
    ReportText,
    describe,
    result_json,
    room_summary,
    summary_markdown,
    table_csv,
)
from content_logic.channels.result import ChannelReport

__all__ = [
    "CHANNELS",
    "DEMO_IDS",
    "ChannelInputs",
    "ChannelReport",
    "ReportText",
    "SalesPeak",
    "StabilityPolicy",
    "StockPlan",
    "WeeklySales",
    "assess",
    "demo_inputs",
    "describe",
    "inputs_from_json",
    "inputs_to_json",
    "read_file",
    "result_json",
    "room_summary",
    "summary_markdown",
    "table_csv",
    "template_csv",
]
