"""Sentences and numbers in the user's language, shared by the page and the Markdown summary."""

from __future__ import annotations

from content_logic.channels.models import ChannelId, Measure
from content_logic.channels.result import ChannelReport, ChannelWarning, Check, Rule
from content_logic.formatting import format_count, format_decimal, format_percent
from content_logic.i18n import Language, translate
from content_logic.problems import Problem

_MARKS = {True: "✅", False: "❌"}


def number(value: float, lang: Language, *, digits: int = 1) -> str:
    """``1,234.5`` in English, ``1.234,5`` in Spanish (the shared formatter); ``∞`` for no next best."""
    if value == float("inf"):
        return "∞"
    return format_count(value, lang) if digits == 0 else format_decimal(value, lang, digits=digits)


def percent(share: float | None, lang: Language, *, digits: int = 0) -> str:
    """A share as a percentage (``41%``, ``41 %``); ``–`` when there is no total."""
    return "–" if share is None else format_percent(share, lang, digits=digits)


PERCENT_VALUES = frozenset({"share", "drop", "trend", "paid", "organic"})
"""Warning values that are shares (0–1), shown as percentages."""


def channel_name(channel: ChannelId | str, lang: Language) -> str:
    """The channel's display name."""
    return translate(f"channels.name.{channel}", lang)


def peak_name(peak: str, lang: Language) -> str:
    """A peak's name in ``lang``: the course's peaks by their id, the seller's own as they wrote them."""
    text = translate(f"channels.peak.{peak}", lang)
    return peak if text.startswith("channels.peak.") else text


def carriers_text(report: ChannelReport, channel: ChannelId, lang: Language = "en") -> str:
    """The content types a channel's rows came through (``Video, LIVE``); ``""`` when unknown."""
    found = dict.fromkeys(m.carrier for m in report.labels if m.channel == channel and m.carrier)
    return ", ".join(translate(f"channels.carrier.{c}", lang) for c in found if c)


def check_text(check: Check, lang: Language) -> str:
    """``✅ variability (CV) 0.08, stable needs ≤ 0.5`` and the like."""
    value, threshold = check.value, check.threshold
    rule = check.rule
    if rule in ("regular", "share", "recent", "creators"):
        shown = (percent(value, lang), percent(threshold, lang))
    elif rule == "trend":
        shown = (percent(value / 100, lang, digits=1), percent(threshold / 100, lang, digits=1))
    elif rule == "season":
        shown = ("", "")
    else:  # history in whole weeks, CV to two decimals, volume and spikes to one
        digits = {"history": 0, "steady": 2}.get(rule, 1)
        shown = (number(value, lang, digits=digits), number(threshold, lang, digits=digits))
    text = translate(f"channels.check.{check.rule}", lang, value=shown[0], threshold=shown[1])
    return f"{_MARKS[check.passed]} {text}"


def rule_names(rules: tuple[Rule, ...], lang: Language) -> str:
    """The short names of some rules, joined: ``regularity, variability``."""
    return ", ".join(translate(f"channels.rule.{r}", lang) for r in rules)


def unit(measure: Measure, lang: Language) -> str:
    """What the numbers count: ``orders`` or ``GMV``."""
    return translate(f"channels.unit.{measure}", lang)


def warning_text(warning: ChannelWarning, lang: Language, measure: Measure) -> str:
    """The warning's sentence with its numbers."""
    values = {
        k: (
            percent(v, lang, digits=0 if k in ("share", "drop") else 1)
            if k in PERCENT_VALUES
            else number(v, lang)
        )
        if isinstance(v, float | int)
        else v
        for k, v in warning.values.items()
    }
    name = channel_name(warning.channel, lang) if warning.channel else ""
    if warning.code == "seasonal":
        values["peaks"] = ", ".join(peak_name(p, lang) for p in str(values["peaks"]).split("|"))
    key = f"{warning.code}_{warning.variant}" if warning.variant else warning.code
    return translate(f"channels.warning.{key}", lang, channel=name, unit=unit(measure, lang), **values)


def note_text(note: Problem, lang: Language) -> str:
    """A note on how the data was read (channel ids shown as names)."""
    return note.describe(lang)


def verdict_sentence(report: ChannelReport, lang: Language) -> str:
    """The answer in one sentence: a stable short-video channel or not, and what to do."""
    if _no_data(report):
        return translate("channels.overall.no_data", lang)
    if report.has_stable_short_video:
        names = ", ".join(channel_name(c, lang) for c in report.stable_channels if c in _SHORT)
        demand = number(report.stock.safe_weekly_demand, lang, digits=0)
        return translate(
            "channels.overall.yes", lang, channels=names, demand=demand, unit=unit(report.measure, lang)
        )
    build = report.build_first
    channel = channel_name(build.channel, lang) if build else ""
    return translate("channels.overall.no", lang, channel=channel)


_SHORT: tuple[ChannelId, ...] = ("self_video", "influencer", "paid")


def _no_data(report: ChannelReport) -> bool:
    return report.total <= 0 and report.channel("paid").stats.total <= 0


def build_text(report: ChannelReport, lang: Language) -> str | None:
    """When nothing short-video is stable: which channel to build first, why, and how."""
    build = report.build_first
    if build is None or _no_data(report):
        return None
    why = translate(f"channels.build_why.{build.verdict}", lang, failed=rule_names(build.failed, lang))
    how = translate(f"channels.build_how.{build.channel}", lang)
    return translate(
        "channels.build_first", lang, channel=channel_name(build.channel, lang), why=why, how=how
    )


def plan_text(report: ChannelReport, lang: Language) -> str:
    """What the planned order means in weeks of cover against the largest safe order."""
    stock, plan = report.stock, report.plan
    if stock.safe_weekly_units is None:
        return translate("channels.plan.need_aov", lang)
    if stock.largest_order_units is None or stock.weeks_of_cover is None:
        return translate("channels.plan.nothing_stable", lang)
    values = {
        "planned": number(plan.planned_order_units, lang, digits=0),
        "weeks": number(stock.weeks_of_cover, lang),
        "largest": number(stock.largest_order_units, lang, digits=0),
        "lead": number(plan.lead_time_weeks, lang),
        "buffer": number(plan.buffer_weeks, lang),
    }
    key = {None: "largest_only", True: "fits", False: "too_big"}[stock.plan_fits]
    return translate(f"channels.plan.{key}", lang, **values)
