"""Channel stability checker: is a short-video channel stable enough to stock up, and how much?"""

from content_logic.channels.analysis import assess_channels
from content_logic.channels.models import CHANNELS, SHORT_VIDEO_CHANNELS, ChannelId, WeeklySales
from content_logic.channels.parse import parse_sales
from content_logic.channels.policy import StabilityPolicy, StockPlan
from content_logic.channels.report import ChannelReport

__all__ = [
    "CHANNELS",
    "SHORT_VIDEO_CHANNELS",
    "ChannelId",
    "ChannelReport",
    "StabilityPolicy",
    "StockPlan",
    "WeeklySales",
    "assess_channels",
    "parse_sales",
]
