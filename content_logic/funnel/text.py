"""Numbers, verdicts and the batch headline as a seller reads them, in English or Spanish (one text
for the page, the downloads and the command line)."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "LENGTH_BAND", "MAPPING_CHOICES", "check_text", "column_label", "csv_bytes", "definitions_text",
    "headline_text", "measure", "measure_name", "percent", "sources", "stage_name", "template_csv",
    "value_note", "verdict",
]  # fmt: skip

import pandas as pd

from content_logic.formatting import MISSING, format_count, format_decimal, format_money, format_percent
from content_logic.funnel.judge import StageCheck, VideoDiagnosis
from content_logic.funnel.models import LABEL_FIELDS, MEASURES, STAGES, Measure
from content_logic.funnel.policy import SOURCES
from content_logic.funnel.replicate import LENGTH_BAND
from content_logic.funnel.result import FunnelResult
from content_logic.funnel.vocabulary import MAPPING_CHOICES
from content_logic.i18n import Language, translate

UNITS: Mapping[str, str] = {
    **{name: spec.unit for name, spec in MEASURES.items()},
    "video_seconds": "seconds",
    "gmv": "money",
}
"""How each number is written; anything else is a count."""


def percent(value: float, lang: Language) -> str:
    """A rate given in percent: ``0.16%``/``42%`` in English, ``0,16 %``/``42 %`` in Spanish (more
    decimals for small shares), through the one formatter."""
    digits = 2 if abs(value) < 1 else 1 if abs(value) < 10 else 0
    return _trimmed_percent(value, lang, digits)


def _trimmed_percent(value: float, lang: Language, digits: int) -> str:
    for shown in range(digits, 0, -1):  # 2.50 → 2.5, 42.0 → 42: no trailing zeros
        if round(value, shown) != round(value, shown - 1):
            return format_percent(value / 100, lang, digits=shown)
    return format_percent(value / 100, lang, digits=0)


def measure(name: Measure | str, value: float | None, lang: Language) -> str:
    """A measure with its unit (``0.16%``, ``0,16 %``, ``5 s``, ``1.16``); a dash when unknown."""
    if value is None or value != value:
        return MISSING
    unit = UNITS.get(name, "count")
    if unit == "percent":
        return percent(value, lang)
    if unit == "seconds":
        return format_decimal(value, lang, digits=1) + " s"
    if unit == "money":
        return format_money(value, lang)
    return format_count(value, lang)


def stage_name(stage: str, lang: Language) -> str:
    """The stage's name (Attention, Retention...)."""
    return translate(f"funnel.stage.{stage}", lang)


def measure_name(name: str, lang: Language) -> str:
    """The measure's name (2-second rate, completion...)."""
    return translate(f"funnel.measure.{name}", lang)


def check_text(check: StageCheck, lang: Language) -> str:
    """One stage in a sentence: its number against its benchmark, or why it could not be judged."""
    name = measure_name(check.measure, lang)
    if check.status == "unknown":
        if check.gap == "missing":
            fields = ", ".join(translate(f"funnel.field.{f}", lang) for f in check.missing)
            return translate("funnel.gap.missing", lang, fields=fields)
        return translate(f"funnel.gap.{check.gap}", lang)
    return translate(
        f"funnel.check.{check.status}",
        lang,
        measure=name,
        value=measure(check.measure, check.value, lang),
        threshold=measure(check.measure, check.threshold, lang),
        source=translate(f"funnel.source.{check.source}", lang),
    )


def verdict(diagnosis: VideoDiagnosis, lang: Language) -> str:
    """The headline: the bottleneck and its numbers, or why there is none."""
    if diagnosis.bottleneck is not None:
        check = diagnosis.stages[STAGES.index(diagnosis.bottleneck)]
        return translate(
            "funnel.verdict.bottleneck",
            lang,
            stage=stage_name(diagnosis.bottleneck, lang),
            measure=measure_name(check.measure, lang),
            value=measure(check.measure, check.value, lang),
            threshold=measure(check.measure, check.threshold, lang),
        )
    judged = len(STAGES) - len(diagnosis.not_judged)
    if not judged:
        return translate("funnel.verdict.nothing", lang)
    if diagnosis.not_judged:
        return translate("funnel.verdict.healthy_partial", lang, judged=judged, total=len(STAGES))
    return translate("funnel.verdict.healthy", lang)


def definition_name(measure: str, lang: Language) -> str:
    """What a measure divides by what (``full watches ÷ views``), so a reader knows its definition."""
    return translate(f"funnel.definition.{MEASURES[measure].definition}", lang)  # type: ignore[index]


def definitions_text(result: FunnelResult, lang: Language) -> str:
    """The definitions the data gave, one per measure used: ``Retention: finish rate (full watches ÷
    views), benchmark 5%``."""
    parts = []
    for name, count in result.measures_used.items():
        spec = MEASURES[name]
        benchmark = getattr(result.benchmarks, spec.benchmark)
        parts.append(
            translate(
                "funnel.definition_line",
                lang,
                measure=measure_name(name, lang),
                definition=definition_name(name, lang),
                benchmark=measure(name, benchmark, lang),
                videos=count,
            )
        )
    return "; ".join(parts)


def headline_text(result: FunnelResult, lang: Language) -> str:
    """The batch verdict in one sentence, by the one tie rule (``assess.headline_of``)."""
    head = result.headline
    if head.stage is None:
        return translate("funnel.batch_healthy", lang, videos=result.videos)
    text = translate(
        "funnel.batch_verdict",
        lang,
        count=head.count,
        videos=result.videos,
        stage=stage_name(head.stage, lang),
    )
    if head.tied:
        tied = ", ".join(stage_name(s, lang) for s in head.tied)
        text += " " + translate("funnel.batch_tied", lang, stages=tied)
    return text


def sources(benchmark: str) -> tuple[str, ...]:
    """Where a benchmark's default comes from (addresses), for the benchmark editor's help."""
    return tuple(SOURCES.get(benchmark, ()))


CSV_FORMAT: dict[Language, tuple[str, str]] = {"en": (",", "."), "es": (";", ",")}
"""Delimiter and decimal mark per language, as each language's spreadsheets open CSV files."""


def column_label(name: str, lang: Language) -> str:
    """A table or trait column's header: ours translated (the reader accepts them back), the user's own
    as they wrote them."""
    key = f"funnel.col.{name}"
    label = translate(key, lang)
    return name if label == key else label


def csv_bytes(frame: pd.DataFrame, lang: Language) -> bytes:
    """A table as the language's spreadsheets open a CSV (UTF-8 with BOM)."""
    sep, decimal = CSV_FORMAT[lang]
    return str(frame.to_csv(index=False, sep=sep, decimal=decimal)).encode("utf-8-sig")


TEMPLATE_COLUMNS: tuple[str, ...] = (
    *LABEL_FIELDS, "views", "hook_rate", "avg_watch_seconds", "video_seconds", "completion_rate",
    "product_clicks", "orders", "gmv", "format", "hook_type",
)  # fmt: skip
"""Columns of the blank template: the course's definitions and two content traits."""


def template_csv(lang: Language) -> bytes:
    """A CSV to fill in: our headers in ``lang`` and the lesson's worked example as the first row."""
    example = {"video": "lamp", "creator": "@creator", "date": "2026-03-02", "views": 300000, "hook_rate": 42,
               "avg_watch_seconds": 14, "video_seconds": 38, "completion_rate": 45, "product_clicks": 480,
               "orders": 12, "gmv": 348, "format": "vlog", "hook_type": "face"}  # fmt: skip
    frame = pd.DataFrame([example], columns=list(TEMPLATE_COLUMNS))
    return csv_bytes(frame.rename(columns={c: column_label(c, lang) for c in TEMPLATE_COLUMNS}), lang)


def value_note(result: FunnelResult, lang: Language) -> str | None:
    """How value was judged when the batch's own median stood in for a GPM benchmark; else ``None``."""
    if result.sources.get("value") != "batch_median" or result.gpm_median is None:
        return None
    share = percent(result.benchmarks.median_share, lang)
    return translate(
        "funnel.value_median_note", lang, share=share, median=measure("gpm", result.gpm_median, lang)
    )
