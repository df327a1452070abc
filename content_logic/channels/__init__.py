"""Channel stability checker: is a short-video channel stable enough to stock up, and how much?

The calculator contract (``content_logic/calculator.py``): read a file, assess the inputs, and the
summaries. Where each rule lives: ``policy`` (every threshold and the sales-peak calendar),
``vocabulary.toml`` (every label of every export), ``read`` (file → weekly sales), ``weeks`` (dates →
ISO weeks), ``assess`` (the verdict of each channel), ``advice`` (warnings, safe stock, build first),
``report`` and ``text`` (what the seller reads), ``demo`` (stories and templates), ``table`` (the
table the seller types into).
"""

from content_logic.channels.assess import assess
from content_logic.channels.demo import demo_inputs, template_csv
from content_logic.channels.inputs import ChannelInputs, inputs_from_json, inputs_to_json
from content_logic.channels.models import CHANNELS, DEMO_IDS, ChannelId, WeeklySales
from content_logic.channels.policy import SalesPeak, StabilityPolicy, StockPlan, policy_from_values
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
from content_logic.channels.table import sales_from_table, weekly_table

__all__ = [
    "CHANNELS",
    "DEMO_IDS",
    "ChannelId",
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
    "policy_from_values",
    "read_file",
    "result_json",
    "room_summary",
    "sales_from_table",
    "summary_markdown",
    "table_csv",
    "template_csv",
    "weekly_table",
]
