"""Downloads of the assessment (Markdown report, CSV table) and the anonymous room summary."""

from __future__ import annotations

import csv
import io

from content_logic.i18n import Language, translate
from content_logic.team.result import TeamReport
from content_logic.team.text import (
    capability_label,
    gap_cost,
    gap_reason,
    gap_title,
    number,
    plan_text,
    problem_text,
    role_label,
    stop_text,
)

CSV_COLUMNS = (
    "capability",
    "label",
    "group",
    "coverage_pct",
    "roster_coverage_pct",
    "minimum_pct",
    "gap_rank",
    "severity",
    "reason",
    "cost",
)
"""The assessment CSV: one row per capability; ids in English, labels and reasons in the chosen language."""


def _t(key: str, lang: Language, **values: object) -> str:
    return translate(f"team.{key}", lang, **values)


def _ratio_line(report: TeamReport, lang: Language) -> str:
    ratio = report.ratio
    line = _t(
        "ratio_text",
        lang,
        content=number(ratio.content, lang),
        operations=number(ratio.operations, lang),
        share=number(100 * ratio.share, lang, digits=0),
        minimum=number(100 * ratio.minimum_share, lang, digits=0),
    )
    return f"{line} {_t('ratio_low', lang)}" if ratio.below_minimum else line


def report_markdown(report: TeamReport, lang: Language) -> str:
    """The assessment as a Markdown document: headline, answers, roster, coverage, gaps, plan, stops."""
    lines = [f"# {_t('report.title', lang)}", ""]
    headline = report.headline
    if headline is None:
        lines.append(f"**{_t('headline_none', lang)}**")
    else:
        lines += [f"**{_t('headline', lang, capability=capability_label(headline.capability, lang))}**", ""]
        lines.append(gap_cost(headline, lang))
    answers = report.answers
    lines += ["", f"## {_t('report.answers', lang)}", ""]
    lines.append(f"- {_t('q_explain', lang)} **{_t(f'answer.{answers.explain_views_no_sales}', lang)}**")
    lines.append(f"- {_t('q_replicated', lang)} **{_t(f'replication.{answers.winner_replicated}', lang)}**")
    lines.append(f"- {_t('q_content_hours', lang)}: **{number(answers.founder_content_hours, lang)}**")
    lines.append(f"- {_t('q_networking_hours', lang)}: **{number(answers.founder_networking_hours, lang)}**")
    lines += [
        "",
        f"## {_t('report.roster', lang)}",
        "",
        f"| {_t('col.role', lang)} | {_t('col.headcount', lang)} |",
    ]
    lines.append("| --- | ---: |")
    for entry in report.roster:
        name = (
            f"{entry.name} ({role_label(entry.role, lang)})"
            if entry.role == "other"
            else role_label(entry.role, lang)
        )
        lines.append(f"| {name} | {number(entry.headcount, lang, digits=2)} |")
    lines += ["", f"## {_t('report.coverage', lang)}", ""]
    headers = [_t(f"col.{column}", lang) for column in ("capability", "coverage", "minimum", "status")]
    lines.append(f"| {' | '.join(headers)} |")
    lines.append("| --- | ---: | ---: | --- |")
    severity = {gap.capability: _t(f"severity.{gap.severity}", lang) for gap in report.gaps}
    for cover in report.coverage:
        status = severity.get(cover.capability, _t("col.ok", lang))
        coverage, minimum = number(cover.coverage, lang, digits=0), number(cover.minimum, lang, digits=0)
        lines.append(f"| {capability_label(cover.capability, lang)} | {coverage} | {minimum} | {status} |")
    lines += ["", f"## {_t('report.gaps', lang)}", ""]
    for gap in report.gaps:
        lines += [f"- {gap_title(gap, lang)}", f"  {gap_reason(gap, lang)}", f"  {gap_cost(gap, lang)}"]
    if not report.gaps:
        lines.append(_t("report.none", lang))
    lines += ["", f"## {_t('plan_header', lang)}", ""]
    lines += [f"- {plan_text(step, lang)}" for step in report.plan] or [_t("plan_none", lang)]
    lines += ["", f"## {_t('stop_header', lang)}", ""]
    lines += [f"- {stop_text(item, lang)}" for item in report.stop] or [_t("stop_none", lang)]
    lines += ["", f"## {_t('report.ratio', lang)}", "", _ratio_line(report, lang)]
    if report.notes:
        lines += ["", f"_{_t('notes_title', lang)}_", ""]
        lines += [f"- {problem_text(note, lang)}" for note in report.notes]
    lines += ["", "---", f"_{_t('report.generated', lang)}_", ""]
    return "\n".join(lines)


def report_csv(report: TeamReport, lang: Language) -> str:
    """The assessment as CSV: one row per capability with its coverage, gap rank and reasons."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    gaps = {gap.capability: gap for gap in report.gaps}
    for cover in report.coverage:
        gap = gaps.get(cover.capability)
        writer.writerow(
            [
                cover.capability,
                capability_label(cover.capability, lang),
                cover.group,
                round(cover.coverage, 1),
                round(cover.roster_coverage, 1),
                round(cover.minimum, 1),
                gap.rank if gap else "",
                gap.severity if gap else "",
                gap_reason(gap, lang) if gap else "",
                gap_cost(gap, lang) if gap else "",
            ]
        )
    return buffer.getvalue()


def room_summary(report: TeamReport) -> dict[str, object]:
    """What an attendee may share with the workshop: verdicts and scores only, no roster, no names.

    ``content_ratio`` is the content share of content + operations headcount (0–1), always defined.
    """
    headline = report.headline
    return {
        "headline_gap": headline.capability if headline else None,
        "critical_gaps": [gap.capability for gap in report.critical_gaps],
        "content_ratio": round(report.ratio.share, 3),
        "coverage": {cover.capability: round(cover.coverage) for cover in report.coverage},
    }
