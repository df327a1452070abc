"""Channel stability checker: is a short-video channel stable enough to stock up, and how much?"""

from content_logic.channels.analysis import assess_channels
from content_logic.channels.demo import STORIES, StoryId, demo_sales
from content_logic.channels.inputs import ChannelInputs, inputs_from_json, inputs_to_json, policy_from_values
from content_logic.channels.models import CHANNELS, SHORT_VIDEO_CHANNELS, ChannelId, WeeklySales
from content_logic.channels.parse import parse_sales
from content_logic.channels.policy import StabilityPolicy, StockPlan
from content_logic.channels.report import ChannelReport
from content_logic.channels.summary import channel_table_csv, room_summary, summary_markdown
from content_logic.channels.table import sales_from_table, weekly_table
from content_logic.channels.templates import template_csv

__all__ = [
    "CHANNELS",
    "SHORT_VIDEO_CHANNELS",
    "STORIES",
    "ChannelId",
    "ChannelInputs",
    "ChannelReport",
    "StabilityPolicy",
    "StockPlan",
    "StoryId",
    "WeeklySales",
    "assess_channels",
    "channel_table_csv",
    "demo_sales",
    "inputs_from_json",
    "inputs_to_json",
    "parse_sales",
    "policy_from_values",
    "room_summary",
    "sales_from_table",
    "summary_markdown",
    "template_csv",
    "weekly_table",
]
