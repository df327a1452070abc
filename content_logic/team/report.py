"""What leaves the calculator: the Markdown summary, the CSV table, the JSON result, the room summary,
and the page's texts, all from one ``TeamResult``."""

from __future__ import annotations

import csv
import io

from pydantic import BaseModel, ConfigDict, JsonValue

from content_logic.i18n import Language, translate
from content_logic.team.result import TeamResult
from content_logic.team.text import (
    capability_label,
    gap_cost,
    gap_reason,
    gap_title,
    number,
    percent,
    plan_text,
    problem_text,
    role_label,
    stop_text,
)
from content_logic.workshop.models import TeamSummary

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


class GapText(BaseModel):
    """One gap in words: its title line, why, and what it costs."""

    model_config = ConfigDict(frozen=True)

    title: str
    reason: str
    cost: str


class ResultTexts(BaseModel):
    """Everything the page writes about a result, in one language (the page only lays it out)."""

    model_config = ConfigDict(frozen=True)

    headline: str | None
    """The most urgent gap's title, ``None`` when there is no gap."""
    headline_cost: str
    content_share: str
    gaps: tuple[GapText, ...]
    plan: tuple[str, ...]
    stop: tuple[str, ...]
    ratio: str
    notes: tuple[str, ...]


def _ratio_line(result: TeamResult, lang: Language) -> str:
    ratio = result.ratio
    line = _t(
        "ratio_text",
        lang,
        content=number(ratio.content, lang),
        operations=number(ratio.operations, lang),
        share=percent(100 * ratio.share, lang),
        minimum=percent(100 * ratio.minimum_share, lang),
    )
    return f"{line} {_t('ratio_low', lang)}" if ratio.below_minimum else line


def result_texts(result: TeamResult, lang: Language) -> ResultTexts:
    """The result's headline, gaps, plan, stops, ratio and notes as text in ``lang``."""
    headline = result.headline
    return ResultTexts(
        headline=_t("headline", lang, capability=capability_label(headline.capability, lang))
        if headline
        else None,
        headline_cost=gap_cost(headline, lang) if headline else _t("headline_none", lang),
        content_share=percent(100 * result.ratio.share, lang),
        gaps=tuple(
            GapText(title=gap_title(g, lang), reason=gap_reason(g, lang), cost=gap_cost(g, lang))
            for g in result.gaps
        ),
        plan=tuple(plan_text(step, lang) for step in result.plan),
        stop=tuple(stop_text(item, lang) for item in result.stop),
        ratio=_ratio_line(result, lang),
        notes=tuple(problem_text(note, lang) for note in result.notes),
    )


def summary_markdown(result: TeamResult, lang: Language) -> str:
    """The assessment as a Markdown document: headline, answers, roster, coverage, gaps, plan, stops."""
    texts = result_texts(result, lang)
    lines = [f"# {_t('report.title', lang)}", ""]
    if texts.headline is None:
        lines.append(f"**{texts.headline_cost}**")
    else:
        lines += [f"**{texts.headline}**", "", texts.headline_cost]
    answers = result.answers
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
    for entry in result.roster:
        label = role_label(entry.role, lang)
        name = f"{entry.name} ({label})" if entry.role == "other" else label
        lines.append(f"| {name} | {number(entry.headcount, lang, digits=2)} |")
    lines += ["", f"## {_t('report.coverage', lang)}", ""]
    headers = [_t(f"col.{column}", lang) for column in ("capability", "coverage", "minimum", "status")]
    lines += [f"| {' | '.join(headers)} |", "| --- | ---: | ---: | --- |"]
    severity = {gap.capability: _t(f"severity.{gap.severity}", lang) for gap in result.gaps}
    for cover in result.coverage:
        status = severity.get(cover.capability, _t("col.ok", lang))
        coverage, minimum = number(cover.coverage, lang, digits=0), number(cover.minimum, lang, digits=0)
        lines.append(f"| {capability_label(cover.capability, lang)} | {coverage} | {minimum} | {status} |")
    lines += ["", f"## {_t('report.gaps', lang)}", ""]
    for gap in texts.gaps:
        lines += [f"- {gap.title}", f"  {gap.reason}", f"  {gap.cost}"]
    if not texts.gaps:
        lines.append(_t("report.none", lang))
    lines += ["", f"## {_t('plan_header', lang)}", ""]
    lines += [f"- {step}" for step in texts.plan] or [_t("plan_none", lang)]
    lines += ["", f"## {_t('stop_header', lang)}", ""]
    lines += [f"- {item}" for item in texts.stop] or [_t("stop_none", lang)]
    lines += ["", f"## {_t('report.ratio', lang)}", "", texts.ratio]
    if texts.notes:
        lines += ["", f"_{_t('notes_title', lang)}_", ""]
        lines += [f"- {note}" for note in texts.notes]
    lines += ["", "---", f"_{_t('report.generated', lang)}_", ""]
    return "\n".join(lines)


def table_csv(result: TeamResult, lang: Language) -> bytes:
    """The assessment as UTF-8 CSV: one row per capability with its coverage, gap rank and reasons."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    gaps = {gap.capability: gap for gap in result.gaps}
    for cover in result.coverage:
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
    return buffer.getvalue().encode("utf-8")


def result_json(result: TeamResult, *, lang: Language = "en") -> dict[str, JsonValue]:
    """The command line's ``result``: each title as written with its role id and people, and the gaps
    as capability ids with their severity, most urgent first (ids only, so ``lang`` changes nothing)."""
    del lang
    roster: list[JsonValue] = [
        {"as_written": line.as_written, "role": line.role, "people": line.people} for line in result.lines
    ]
    gaps: list[JsonValue] = [{"capability": gap.capability, "severity": gap.severity} for gap in result.gaps]
    return {"roster": roster, "gaps": gaps}


def room_summary(result: TeamResult) -> TeamSummary:
    """What an attendee may share with the workshop: verdicts and scores only, no roster, no names.

    ``content_ratio`` is the content share of content + operations headcount (0–1), always defined.
    """
    headline = result.headline
    return TeamSummary.model_validate(
        {
            "headline_gap": headline.capability if headline else None,
            "critical_gaps": [gap.capability for gap in result.critical_gaps],
            "content_ratio": round(result.ratio.share, 3),
            "coverage": {cover.capability: round(cover.coverage) for cover in result.coverage},
        }
    )
