"""Sentences and numbers in the user's language, shared by the page and the Markdown summary."""

from __future__ import annotations

import math

from content_logic.channels.models import ChannelId, Measure, Note
from content_logic.channels.report import ChannelReport, ChannelWarning, Check, Rule
from content_logic.i18n import Language, translate

_MARKS = {True: "✅", False: "❌"}


def number(value: float, lang: Language, *, digits: int = 1) -> str:
    """``1,234.5`` in English, ``1.234,5`` in Spanish; no trailing ``.0``."""
    if math.isinf(value):
        return "∞"
    text = f"{value:,.{digits}f}"
    if digits and text.endswith("0" * digits):
        text = text[: -digits - 1]
    if lang == "es":
        text = text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return text


def percent(share: float | None, lang: Language) -> str:
    """A share as a whole percentage (``41%``); ``–`` when there is no total."""
    return "–" if share is None else f"{number(100 * share, lang, digits=0)}%"


def channel_name(channel: ChannelId | str, lang: Language) -> str:
    """The channel's display name."""
    return translate(f"channels.name.{channel}", lang)


def check_text(check: Check, lang: Language) -> str:
    """``✅ variability (CV) 0.08, stable needs ≤ 0.5`` and the like."""
    value, threshold = check.value, check.threshold
    shown = {
        "history": (number(value, lang, digits=0), number(threshold, lang, digits=0)),
        "regular": (percent(value, lang), percent(threshold, lang)),
        "steady": (number(value, lang, digits=2), number(threshold, lang, digits=2)),
        "no_spike": (number(value, lang), number(threshold, lang)),
        "trend": (number(value, lang), number(threshold, lang)),
        "creators": (percent(value, lang), percent(threshold, lang)),
    }[check.rule]
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
    values = {k: number(v, lang) if isinstance(v, float | int) else v for k, v in warning.values.items()}
    name = channel_name(warning.channel, lang) if warning.channel else ""
    return translate(
        f"channels.warning.{warning.code}", lang, channel=name, unit=unit(measure, lang), **values
    )


def note_text(note: Note, lang: Language) -> str:
    """A note on how the data was read, with channel ids shown as names."""
    if "channel" in note.values:
        values = {**note.values, "channel": channel_name(str(note.values["channel"]), lang)}
        note = note.model_copy(update={"values": values})
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
