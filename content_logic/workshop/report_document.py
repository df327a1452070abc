"""The room report in a language: as a printable handout (PDF) and as a CSV of counts."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from content_logic.formatting import format_count, format_percent
from content_logic.handouts.blocks import Block, Figure, Handout, Heading, Items, Paragraph, Table
from content_logic.i18n import Language, translate
from content_logic.workshop.board import GAP_LABELS, STAGE_LABELS, id_label
from content_logic.workshop.export import CSV_ENCODING, _safe_cell
from content_logic.workshop.models import SUBMISSION_KINDS, Ranked
from content_logic.workshop.report import RoomReport

CSV_COLUMNS = ("section", "item", "detail", "count", "share")
"""The report CSV's columns: one counted thing a row (never an attendee)."""

CHART_COLOR = "#0072B2"
"""Okabe–Ito blue for the attendance line: readable by colour-blind readers and in grey print."""


def _t(lang: Language, key: str, **values: object) -> str:
    return translate(f"report.{key}", lang, **values)


def _time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _clock(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def _ranked_rows(ranked: tuple[Ranked, ...], prefix: str, total: int, lang: Language) -> list[list[str]]:
    return [
        [
            id_label(item.id, lang, (prefix,)),
            format_count(item.count, lang),
            format_percent(item.count / total, lang),
        ]
        for item in ranked
        if total
    ]


def _aggregate_lines(report: RoomReport, lang: Language) -> list[str]:
    stable = (
        _t(lang, "stable_none")
        if report.stable_share is None
        else _t(
            lang,
            "stable_line",
            count=format_count(report.stable_count, lang),
            sharers=format_count(report.sharers["channels"], lang),
            percent=format_percent(report.stable_share, lang),
        )
    )
    gap = report.gaps[0] if report.gaps else None
    stage = report.bottlenecks[0] if report.bottlenecks else None
    return [
        stable,
        _t(lang, "gap_none")
        if gap is None
        else _t(
            lang, "gap_line", gap=id_label(gap.id, lang, (GAP_LABELS,)), count=format_count(gap.count, lang)
        ),
        _t(lang, "bottleneck_none")
        if stage is None
        else _t(
            lang,
            "bottleneck_line",
            stage=id_label(stage.id, lang, (STAGE_LABELS,)),
            count=format_count(stage.count, lang),
        ),
    ]


AXIS_TICKS = 4
"""The PDF's charts draw four steps up the value axis; the attendance axis keeps each a whole count."""


def axis_top(highest: int) -> int:
    """The attendance axis's top: four equal steps of 1, 2 or 5 × a power of ten, at or above ``highest``."""
    power = 1
    while True:
        for step in (1, 2, 5):
            if step * power * AXIS_TICKS >= highest:
                return step * power * AXIS_TICKS
        power *= 10


def attendance_figure(report: RoomReport, lang: Language) -> dict[str, object]:
    """The attendance line (everyone in so far, per bucket) as a plotly figure dict."""
    return {
        "data": [
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": _t(lang, "attendance_total"),
                "x": [_clock(point.start) for point in report.attendance],
                "y": [point.total for point in report.attendance],
                "line": {"color": CHART_COLOR},
            }
        ],
        "layout": {
            "yaxis": {
                "title": {"text": _t(lang, "attendance_total")},
                "range": [0, axis_top(max((point.total for point in report.attendance), default=0))],
            },
            "showlegend": False,
        },
    }


def _poll_blocks(report: RoomReport, lang: Language) -> list[Block]:
    blocks: list[Block] = [Heading(text=_t(lang, "polls_header"), level=2)]
    if not report.polls:
        return blocks + [Paragraph(text=_t(lang, "polls_none"))]
    for number, poll in enumerate(report.polls, start=1):
        blocks.append(Heading(text=f"{number}. {poll.question}", level=3))
        share = poll.right_share
        summary = _t(lang, "poll_answered", count=format_count(poll.total, lang), time=_clock(poll.opened_at))
        if share is not None:
            summary += " " + _t(lang, "poll_right_share", percent=format_percent(share, lang))
        blocks.append(Paragraph(text=summary, style="small"))
        rows = [
            [
                option + (f" ({_t(lang, 'right_mark')})" if index == poll.right else ""),
                format_count(count, lang)
                + (f" · {format_percent(count / poll.total, lang)}" if poll.total else ""),
            ]
            for index, (option, count) in enumerate(zip(poll.options, poll.counts, strict=True))
        ]
        blocks.append(Table(header=[_t(lang, "option"), _t(lang, "answers")], rows=rows))
    return blocks


def report_handout(report: RoomReport, lang: Language) -> Handout:
    """The report's pages: the room at a glance, attendance, the calculator aggregates, every poll."""
    period = _time(report.created_at) + (f" – {_time(report.closed_at)}" if report.closed_at else "")
    blocks: list[Block] = [
        Heading(text=_t(lang, "title", name=report.name), level=1),
        Paragraph(text=_t(lang, "subtitle", code=report.display_code, period=period), style="small"),
        Paragraph(text=_t(lang, "made_at", time=_time(report.made_at)), style="small"),
        Paragraph(text=_t(lang, "privacy"), style="small"),
        Heading(text=_t(lang, "attendance_header"), level=2),
        Paragraph(text=_t(lang, "attendees_line", count=format_count(report.attendees, lang))),
    ]
    if report.attendance:
        blocks.append(Figure(figure=attendance_figure(report, lang), caption=_t(lang, "attendance_caption")))
    blocks.append(Heading(text=_t(lang, "results_header"), level=2))
    sharers = [
        _t(lang, "sharers_line", calculator=translate(f"{kind}.nav_title", lang), count=format_count(n, lang))
        for kind, n in report.sharers.items()
    ]
    blocks.append(Items(items=sharers + _aggregate_lines(report, lang)))
    header = [_t(lang, "item"), _t(lang, "count"), _t(lang, "share")]
    gap_rows = _ranked_rows(report.gaps, GAP_LABELS, report.sharers["team"], lang)
    if gap_rows:
        blocks += [Heading(text=_t(lang, "gaps_header"), level=3), Table(header=header, rows=gap_rows)]
    videos = sum(item.count for item in report.bottlenecks)
    stage_rows = _ranked_rows(report.bottlenecks, STAGE_LABELS, videos, lang)
    if stage_rows:
        blocks += [
            Heading(text=_t(lang, "bottlenecks_header"), level=3),
            Table(header=header, rows=stage_rows),
        ]
    blocks += _poll_blocks(report, lang)
    return Handout(
        title=_t(lang, "title", name=report.name), lang=lang, footer=_t(lang, "footer"), blocks=blocks
    )


def report_csv(report: RoomReport, lang: Language) -> bytes:
    """The report as one CSV of counts (attendance, aggregates, poll answers), labels in ``lang``."""
    rows: list[tuple[str, str, str, object, object]] = [("attendees", "", "", report.attendees, "")]
    for point in report.attendance:
        rows.append(("attendance", point.start.isoformat(timespec="minutes"), "joined", point.joined, ""))
        rows.append(("attendance", point.start.isoformat(timespec="minutes"), "total", point.total, ""))
    for kind in SUBMISSION_KINDS:
        rows.append(("sharers", kind, translate(f"{kind}.nav_title", lang), report.sharers[kind], ""))
    share = "" if report.stable_share is None else round(report.stable_share, 4)
    rows.append(("stable_short_video", "channels", _t(lang, "stable_title"), report.stable_count, share))
    team = report.sharers["team"]
    for item in report.gaps:
        share = round(item.count / team, 4) if team else ""
        rows.append(("team_gap", item.id, id_label(item.id, lang, (GAP_LABELS,)), item.count, share))
    videos = sum(item.count for item in report.bottlenecks)
    for item in report.bottlenecks:
        share = round(item.count / videos, 4) if videos else ""
        rows.append(("bottleneck", item.id, id_label(item.id, lang, (STAGE_LABELS,)), item.count, share))
    for number, poll in enumerate(report.polls, start=1):
        right = "" if poll.right_share is None else round(poll.right_share, 4)
        rows.append((f"poll {number}", "question", poll.question, poll.total, right))
        for index, (option, count) in enumerate(zip(poll.options, poll.counts, strict=True)):
            detail = option + (" ✓" if index == poll.right else "")
            rows.append(
                (
                    f"poll {number}",
                    f"option {index + 1}",
                    detail,
                    count,
                    round(count / poll.total, 4) if poll.total else "",
                )
            )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([[_safe_cell(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode(CSV_ENCODING)
