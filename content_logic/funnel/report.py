"""What leaves the calculator: the CSV table (re-uploadable), the Markdown brief for the next video or
creator, the command line's JSON, and the anonymous summary shared with a workshop room."""

from __future__ import annotations

import pandas as pd
from pydantic import JsonValue

from content_logic.funnel import text as fmt
from content_logic.funnel.judge import ADVICE, VideoDiagnosis
from content_logic.funnel.models import FUNNEL_FIELDS, LABEL_FIELDS, STAGES
from content_logic.funnel.result import MEASURE_COLUMNS, STATUS_COLUMNS, FunnelResult
from content_logic.funnel.text import column_label
from content_logic.funnel.text import csv_bytes as _csv
from content_logic.i18n import Language, translate
from content_logic.workshop.models import FunnelSummary

BRIEF_VIDEOS = 50
"""The Markdown brief lists at most this many videos; the CSV has them all."""


def batch_csv(result: FunnelResult, lang: Language) -> bytes:
    """Every video with its inputs, rates, stage verdicts and bottleneck; headers in ``lang``."""
    table = result.table
    order = [*LABEL_FIELDS, *result.traits, *FUNNEL_FIELDS, *MEASURE_COLUMNS, *STATUS_COLUMNS, "bottleneck"]
    frame = table[order].copy()
    for name in STATUS_COLUMNS:
        frame[name] = frame[name].astype(object).map(lambda v: translate(f"funnel.status_word.{v}", lang))
    healthy = translate("funnel.status_word.healthy", lang)
    frame["bottleneck"] = (
        frame["bottleneck"]
        .astype(object)
        .map(lambda v: fmt.stage_name(v, lang) if isinstance(v, str) else healthy)
    )
    labels = {name: column_label(name, lang) for name in order if name not in result.traits}
    return _csv(frame.rename(columns=labels), lang)


def video_csv(diagnosis: VideoDiagnosis, lang: Language) -> bytes:
    """One row per stage: measure, value, benchmark, where the benchmark came from, verdict."""
    rows = [
        {
            column_label("stage", lang): fmt.stage_name(c.stage, lang),
            column_label("measure", lang): fmt.measure_name(c.measure, lang),
            column_label("value", lang): c.value,
            column_label("benchmark", lang): c.threshold,
            column_label("source", lang): translate(f"funnel.source.{c.source}", lang),
            column_label("status", lang): translate(f"funnel.status_word.{c.status}", lang),
        }
        for c in diagnosis.stages
    ]
    return _csv(pd.DataFrame(rows), lang)


def _advice_lines(diagnosis: VideoDiagnosis, lang: Language) -> list[str]:
    advice = diagnosis.advice
    lines = [f"## {translate('funnel.means_header', lang)}", "", translate(advice.meaning, lang), ""]
    lines += [f"## {translate('funnel.fixes_header', lang)}", ""]
    lines += [f"- {translate(key, lang)}" for key in advice.fixes]
    lines += ["", f"## {translate('funnel.brief_header', lang)}", ""]
    lines += [f"- {translate(key, lang)}" for key in advice.brief]
    return [*lines, ""]


def video_brief(diagnosis: VideoDiagnosis, lang: Language) -> str:
    """A one-page Markdown brief: verdict, stage table, what it means, fixes, brief lines, caveats."""
    name = diagnosis.video.video or translate("funnel.this_video", lang)
    lines = [
        f"# {translate('funnel.brief_title', lang, video=name)}",
        "",
        f"**{fmt.verdict(diagnosis, lang)}**",
        "",
    ]
    lines += [
        "| " + " | ".join(translate(f"funnel.col.{c}", lang) for c in ("stage", "status", "detail")) + " |",
        "| --- | --- | --- |",
    ]
    for check in diagnosis.stages:
        status = translate(f"funnel.status_word.{check.status}", lang)
        bold = "**" if check.stage == diagnosis.bottleneck else ""
        lines.append(
            f"| {bold}{fmt.stage_name(check.stage, lang)}{bold} | {status} | {fmt.check_text(check, lang)} |"
        )
    lines.append("")
    lines += _advice_lines(diagnosis, lang)
    if diagnosis.thin_sample and diagnosis.video.orders is not None:
        lines += [f"> {translate('funnel.thin_sample', lang, orders=diagnosis.video.orders)}", ""]
    lines.append(f"_{translate('funnel.rules_of_thumb', lang)}_")
    return "\n".join(lines) + "\n"


def batch_brief(result: FunnelResult, lang: Language) -> str:
    """A Markdown brief for many videos: bottlenecks, what top videos share, creators, videos, fixes."""
    lines = [f"# {translate('funnel.batch_brief_title', lang, videos=result.videos)}", ""]
    lines += [f"**{fmt.headline_text(result, lang)}**", ""]
    if result.measures_used:
        lines += [
            translate("funnel.definitions_note", lang, definitions=fmt.definitions_text(result, lang)),
            "",
        ]
    lines += [f"## {translate('funnel.distribution_header', lang)}", ""]
    lines += [f"- {fmt.stage_name(s, lang)}: {result.bottlenecks[s]}" for s in STAGES]
    lines += [f"- {translate('funnel.status_word.healthy', lang)}: {result.healthy}", ""]
    if (note := fmt.value_note(result, lang)) is not None:
        lines += [note, ""]
    view = result.replicate
    if view.traits:
        lines += [f"## {translate('funnel.replicate_header', lang)}", ""]
        lines += [translate("funnel.replicate_intro", lang, top=", ".join(view.top[:10])), ""]
        for trait in view.traits:
            lines.append(
                "- "
                + translate(
                    "funnel.trait_line",
                    lang,
                    column=column_label(trait.column, lang),
                    value=trait.value,
                    top=fmt.percent(trait.top_share, lang),
                    rest=fmt.percent(trait.rest_share, lang),
                )
            )
        lines.append("")
    common = result.headline.stage
    if common is not None:
        lines += [f"## {translate('funnel.common_fix_header', lang, stage=fmt.stage_name(common, lang))}", ""]
        lines += [translate(ADVICE[common].meaning, lang), ""]
        lines += [f"- {translate(key, lang)}" for key in (*ADVICE[common].fixes, *ADVICE[common].brief)]
        lines.append("")
    lines += [f"## {translate('funnel.videos_header', lang)}", ""]
    headers = ("video", "creator", "bottleneck", "gpm")
    lines += ["| " + " | ".join(column_label(h, lang) for h in headers) + " |", "| --- | --- | --- | --- |"]
    for row in result.table.head(BRIEF_VIDEOS).itertuples(index=False):
        stage = row.bottleneck
        verdict = (
            fmt.stage_name(stage, lang)
            if isinstance(stage, str)
            else translate("funnel.status_word.healthy", lang)
        )
        creator = row.creator if isinstance(row.creator, str) else ""
        lines.append(f"| {row.video} | {creator} | {verdict} | {fmt.measure('gpm', row.gpm, lang)} |")
    if result.videos > BRIEF_VIDEOS:
        lines.append(translate("funnel.more_in_csv", lang, count=result.videos - BRIEF_VIDEOS))
    lines += ["", f"_{translate('funnel.rules_of_thumb', lang)}_"]
    return "\n".join(lines) + "\n"


def summary_markdown(result: FunnelResult, lang: Language) -> str:
    """The contract's summary: the one video's brief, or the batch's."""
    return video_brief(result.single, lang) if result.mode == "single" else batch_brief(result, lang)


def table_csv(result: FunnelResult, lang: Language) -> bytes:
    """The contract's table: one row per stage for one video, one row per video for a batch."""
    return video_csv(result.single, lang) if result.mode == "single" else batch_csv(result, lang)


def result_json(result: FunnelResult, *, lang: Language = "en") -> dict[str, JsonValue]:
    """The command line's ``result``: ``videos`` as ``[{"label", "bottleneck", "failing", "judged"}]``
    (stage ids; ``bottleneck`` null when none; ``judged`` false for a video with nothing to judge;
    labels are the user's own and stage ids never change, so ``lang`` changes nothing)."""
    del lang
    table = result.table
    below = table[list(STATUS_COLUMNS)].to_numpy(dtype=object) == "below"
    judged = table[list(STATUS_COLUMNS)].to_numpy(dtype=object) != "unknown"
    videos: list[JsonValue] = []
    for index, (label, stage) in enumerate(zip(table["video"], table["bottleneck"], strict=True)):
        videos.append(
            {
                "label": str(label),
                "bottleneck": stage if isinstance(stage, str) else None,
                "failing": [s for s, flag in zip(STAGES, below[index], strict=True) if flag],
                "judged": bool(judged[index].any()),
            }
        )
    return {"videos": videos}


def room_summary(result: FunnelResult) -> FunnelSummary:
    """The anonymous summary shared with a room: verdicts and counts, never the numbers or names.

    ``bottleneck``: the one video's stage id, or the batch's headline stage (:func:`headline_of`'s tie
    rule), ``None`` when there is none; ``bottlenecks``: videos per stage id (all five, zeros
    included); ``videos``: how many videos were judged.
    """
    counts = {stage: int(result.bottlenecks.get(stage, 0)) for stage in STAGES}
    return FunnelSummary.model_validate(
        {"bottleneck": result.headline.stage, "bottlenecks": counts, "videos": int(result.videos)}
    )
