"""What the seller takes away: a Markdown summary, the per-channel table as CSV, the workshop summary."""

from __future__ import annotations

import csv
import io

from content_logic.channels.report import ChannelReport
from content_logic.channels.text import (
    build_text,
    channel_name,
    check_text,
    note_text,
    number,
    percent,
    plan_text,
    unit,
    verdict_sentence,
    warning_text,
)
from content_logic.i18n import Language, translate

CSV_COLUMNS = (
    "channel", "name", "verdict", "weekly_mean", "share", "overlaps", "active_weeks", "span_weeks",
    "cv", "trend_pct_per_week", "baseline", "window_total", "peak", "top_creator_share",
)  # fmt: skip
"""Stable machine-readable column ids (the header row carries them translated underneath)."""


def room_summary(report: ChannelReport) -> dict[str, object]:
    """The anonymous, JSON-ready result an attendee may share with the workshop: verdicts, no raw data."""
    return {
        "has_stable_short_video": report.has_stable_short_video,
        "stable_channels": list(report.stable_channels),
        "verdicts": {a.channel: a.verdict for a in report.channels},
        "warnings": list(dict.fromkeys(w.code for w in report.warnings)),
        "safe_weekly_demand": round(report.stock.safe_weekly_demand, 1),
    }


def channel_table_csv(report: ChannelReport, lang: Language) -> bytes:
    """One row per channel with its numbers; UTF-8 with BOM, ``;`` and decimal commas in Spanish (Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "es" else ",", lineterminator="\n")
    writer.writerow([translate(f"channels.csv.{c}", lang) for c in CSV_COLUMNS])

    def num(value: float | None, digits: int = 3) -> str:
        if value is None:
            return ""
        text = f"{round(value, digits):g}" if value != float("inf") else "inf"
        return text.replace(".", ",") if lang == "es" else text

    for a in report.channels:
        s = a.stats
        writer.writerow(
            [
                a.channel,
                channel_name(a.channel, lang),
                translate(f"channels.verdict.{a.verdict}", lang),
                num(s.mean),
                num(s.share),
                translate(f"channels.csv.{'yes' if a.overlaps else 'no'}", lang),
                s.active_weeks,
                s.span_weeks,
                num(s.cv),
                num(s.trend_pct, 2),
                num(s.baseline),
                num(s.total),
                num(s.peak),
                num(s.top_creator_share),
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def summary_markdown(report: ChannelReport, lang: Language) -> str:
    """A short report to keep or share: verdict, warnings, each channel, stock plan, how the data was read."""

    def t(key: str, **values: object) -> str:
        return translate(f"channels.report_md.{key}", lang, **values)

    first, last = (report.window[0], report.window[-1]) if report.window else ("–", "–")
    lines = [f"# {t('title')}", "", verdict_sentence(report, lang), ""]
    lines += [t("window", first=first, last=last, weeks=len(report.window)), ""]
    if report.warnings:
        lines += [f"## {t('warnings')}", ""]
        lines += [f"- {warning_text(w, lang, report.measure)}" for w in report.warnings] + [""]
    lines += [f"## {t('channels')}", ""]
    for a in report.channels:
        s = a.stats
        verdict = translate(f"channels.verdict.{a.verdict}", lang)
        numbers = t(
            "numbers",
            mean=number(s.mean, lang),
            unit=unit(report.measure, lang),
            share=percent(s.share, lang),
            baseline=number(s.baseline, lang),
        )
        lines += [f"### {channel_name(a.channel, lang)}: {verdict}", "", numbers, ""]
        if a.overlaps:
            lines += [translate("channels.paid_note", lang), ""]
        if a.verdict != "inactive":
            lines += [f"- {check_text(c, lang)}" for c in a.checks] + [""]
    lines += [f"## {t('stock')}", ""]
    lines += [
        t("safe", demand=number(report.stock.safe_weekly_demand, lang), unit=unit(report.measure, lang))
    ]
    lines += ["", plan_text(report, lang), ""]
    if (build := build_text(report, lang)) is not None:
        lines += [build, ""]
    if report.notes:
        lines += [f"## {t('notes')}", ""] + [f"- {note_text(n, lang)}" for n in report.notes] + [""]
    lines += [t("footer")]
    return "\n".join(lines) + "\n"
