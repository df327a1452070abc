"""Downloads: the diagnosis as CSV (re-uploadable) and as a Markdown brief for the next video or creator."""

from __future__ import annotations

import pandas as pd

from content_logic.funnel import fmt
from content_logic.funnel.advice import ADVICE
from content_logic.funnel.batch import MEASURE_COLUMNS, STATUS_COLUMNS, BatchDiagnosis
from content_logic.funnel.diagnose import VideoDiagnosis
from content_logic.funnel.models import FUNNEL_FIELDS, LABEL_FIELDS, STAGES, most_common
from content_logic.i18n import Language, translate

CSV_FORMAT: dict[Language, tuple[str, str]] = {"en": (",", "."), "es": (";", ",")}
"""Delimiter and decimal mark per language, as each language's spreadsheets open CSV files."""

BRIEF_VIDEOS = 50
"""The Markdown brief lists at most this many videos; the CSV has them all."""


def column_label(name: str, lang: Language) -> str:
    """A table column's header in ``lang`` (the upload reader accepts these headers back)."""
    return translate(f"funnel.col.{name}", lang)


def _csv(frame: pd.DataFrame, lang: Language) -> bytes:
    sep, decimal = CSV_FORMAT[lang]
    return str(frame.to_csv(index=False, sep=sep, decimal=decimal)).encode("utf-8-sig")


def batch_csv(result: BatchDiagnosis, lang: Language) -> bytes:
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


def batch_brief(result: BatchDiagnosis, lang: Language) -> str:
    """A Markdown brief for many videos: bottlenecks, what top videos share, creators, videos, fixes."""
    lines = [f"# {translate('funnel.batch_brief_title', lang, videos=result.videos)}", ""]
    lines += [f"## {translate('funnel.distribution_header', lang)}", ""]
    lines += [f"- {fmt.stage_name(s, lang)}: {result.bottlenecks[s]}" for s in STAGES]
    lines += [f"- {translate('funnel.status_word.healthy', lang)}: {result.healthy}", ""]
    if result.sources.get("value") == "batch_median" and result.gpm_median is not None:
        lines += [
            translate("funnel.value_median_note", lang, median=fmt.measure("gpm", result.gpm_median, lang)),
            "",
        ]
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
                    column=trait.column,
                    value=trait.value,
                    top=fmt.percent(trait.top_share, lang),
                    rest=fmt.percent(trait.rest_share, lang),
                )
            )
        lines.append("")
    common = most_common(result.bottlenecks)
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


TEMPLATE_COLUMNS: tuple[str, ...] = (*LABEL_FIELDS, *FUNNEL_FIELDS)
"""Columns of the blank template; any extra column (format, hook type...) is read as a trait."""


def template_csv(lang: Language) -> bytes:
    """A CSV to fill in: our headers in ``lang`` and the lesson's worked example as the first row."""
    example = {"video": "lamp", "creator": "@creator", "date": "2026-03-02", "views": 300000, "hook_rate": 42,
               "avg_watch_seconds": 14, "video_seconds": 38, "completion_rate": 45, "product_clicks": 480,
               "orders": 12, "gmv": 348}  # fmt: skip
    frame = pd.DataFrame([example], columns=list(TEMPLATE_COLUMNS))
    return _csv(frame.rename(columns={c: column_label(c, lang) for c in TEMPLATE_COLUMNS}), lang)
