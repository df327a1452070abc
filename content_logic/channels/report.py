"""What the seller takes away: the Markdown summary, the CSV, the JSON result, the room summary."""

from __future__ import annotations

import csv
import io

from pydantic import BaseModel, ConfigDict, JsonValue

from content_logic.channels.models import CHANNELS, ChannelId
from content_logic.channels.result import ChannelAssessment, ChannelReport, Verdict
from content_logic.channels.text import (
    build_text,
    carriers_text,
    channel_name,
    check_text,
    note_text,
    number,
    peak_name,
    percent,
    plan_text,
    unit,
    verdict_sentence,
    warning_text,
)
from content_logic.formatting import format_decimal
from content_logic.i18n import Language, translate
from content_logic.workshop.models import ChannelsSummary

CSV_COLUMNS = (
    "channel", "name", "verdict", "weekly_mean", "share", "overlaps", "active_weeks", "span_weeks",
    "cv", "trend_pct_per_week", "baseline", "window_total", "peak", "top_creator_share",
)  # fmt: skip
"""Stable machine-readable column ids (the header row carries them translated underneath)."""


def room_summary(report: ChannelReport) -> ChannelsSummary:
    """The anonymous result an attendee may share with the workshop: verdicts, no raw data."""
    return ChannelsSummary.model_validate(
        {
            "has_stable_short_video": report.has_stable_short_video,
            "stable_channels": list(report.stable_channels),
            "verdicts": {a.channel: a.verdict for a in report.channels},
            "warnings": list(dict.fromkeys(w.code for w in report.warnings)),
            "safe_weekly_demand": round(report.stock.safe_weekly_demand, 1),
        }
    )


def result_json(report: ChannelReport, *, lang: Language = "en") -> dict[str, JsonValue]:
    """The command line's ``result``: stock-up answer, safe weekly orders, each channel, the warnings.

    Warning messages are in ``lang``; codes and ids never change with it.
    """
    return {
        "stock_up": report.has_stable_short_video,
        "safe_weekly_orders": round(report.stock.safe_weekly_demand, 1),
        "channels": {
            c: {
                "verdict": report.channel(c).verdict,
                "orders_per_week": round(report.channel(c).stats.mean, 1),
            }
            for c in CHANNELS
        },
        "warnings": [
            {"code": w.code, "message": warning_text(w, lang, report.measure)} for w in report.warnings
        ],
    }


def table_csv(report: ChannelReport, lang: Language) -> bytes:
    """One row per channel with its numbers; UTF-8 with BOM, ``;`` and decimal commas in Spanish (Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "es" else ",", lineterminator="\n")
    writer.writerow([translate(f"channels.csv.{c}", lang) for c in CSV_COLUMNS])

    def num(value: float | None, digits: int = 3) -> str:
        if value is None:
            return ""
        return "inf" if value == float("inf") else format_decimal(value, lang, digits=digits)

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
    if any(report.peaks):
        peaks = [f"{w} ({peak_name(p, lang)})" for w, p in zip(report.window, report.peaks, strict=True) if p]
        lines += [t("peaks", weeks=", ".join(peaks)), ""]
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
        lines += (
            [t("carriers", carriers=carriers)] + [""]
            if (carriers := carriers_text(report, a.channel, lang))
            else []
        )
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


class CardText(BaseModel):
    """One channel's card on the page: its title line and its Markdown body."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    channel: ChannelId
    verdict: Verdict
    title: str
    body: str


class ReportText(BaseModel):
    """Every sentence and number the page shows for a report, in one language (the page only draws it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    verdict: str
    warnings: tuple[str, ...]
    build: str | None
    cards: tuple[CardText, ...]
    safe_demand: str
    weeks_of_cover: str
    largest_order: str
    safe_from: str
    plan: str
    notes: tuple[str, ...]
    caveats: tuple[str, ...]
    """Notes about the judgement itself (too few weeks), shown beside the verdict."""
    unit: str


def describe(report: ChannelReport, lang: Language) -> ReportText:
    """The report as the page shows it: verdict, warnings, one card per channel, stock panel, notes."""
    stock = report.stock
    names = ", ".join(channel_name(c, lang) for c in stock.demand_channels)
    return ReportText(
        verdict=verdict_sentence(report, lang),
        warnings=tuple(warning_text(w, lang, report.measure) for w in report.warnings),
        build=build_text(report, lang),
        cards=tuple(_card(a, report, lang) for a in report.channels),
        safe_demand=f"{number(stock.safe_weekly_demand, lang)} {unit(report.measure, lang)}",
        weeks_of_cover="–" if stock.weeks_of_cover is None else number(stock.weeks_of_cover, lang),
        largest_order="–"
        if stock.largest_order_units is None
        else number(stock.largest_order_units, lang, digits=0),
        safe_from=translate("channels.safe_from", lang, channels=names)
        if names
        else translate("channels.safe_none", lang),
        plan=plan_text(report, lang),
        notes=tuple(note_text(n, lang) for n in report.notes),
        caveats=tuple(note_text(n, lang) for n in report.notes if n.code == "short_history"),
        unit=unit(report.measure, lang),
    )


def _card(a: ChannelAssessment, report: ChannelReport, lang: Language) -> CardText:
    s = a.stats
    title = f"{channel_name(a.channel, lang)} · {translate(f'channels.verdict.{a.verdict}', lang)}"
    if a.verdict == "inactive":
        return CardText(
            channel=a.channel, verdict=a.verdict, title=title, body=translate("channels.card.no_orders", lang)
        )
    key = "channels.card.paid_numbers" if a.overlaps else "channels.card.numbers"
    numbers = {
        "mean": number(s.mean, lang),
        "unit": unit(report.measure, lang),
        "share": percent(s.share, lang),
    }
    lines = [translate(key, lang, baseline=number(s.baseline, lang), **numbers)]
    judged = sum(p is None for p in report.peaks) if report.peaks else len(report.window)
    if s.span_weeks < judged:
        lines.append(translate("channels.card.since", lang, weeks=s.span_weeks))
    if carriers := carriers_text(report, a.channel, lang):
        lines.append(translate("channels.report_md.carriers", lang, carriers=carriers))
    if s.top_creator:
        share = percent(s.top_creator_share, lang)
        lines.append(translate("channels.card.top_creator", lang, creator=s.top_creator, share=share))
    if a.overlaps:
        lines.append(f"*{translate('channels.paid_note', lang)}*")
    lines.append("\n".join(f"- {check_text(c, lang)}" for c in a.checks))
    return CardText(channel=a.channel, verdict=a.verdict, title=title, body="\n\n".join(lines))
