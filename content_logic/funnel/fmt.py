"""Numbers and verdicts as a seller reads them, in English or Spanish (shared by the page and reports)."""

from __future__ import annotations

from collections.abc import Mapping

from content_logic.funnel.diagnose import Measure, StageCheck, VideoDiagnosis
from content_logic.funnel.models import STAGES
from content_logic.i18n import Language, translate

UNITS: Mapping[str, str] = {
    "hook_rate": "percent",
    "completion_rate": "percent",
    "watched_share": "percent",
    "click_through": "percent",
    "click_to_order": "percent",
    "avg_watch_seconds": "seconds",
    "video_seconds": "seconds",
    "gpm": "money",
    "gmv": "money",
}
"""How each number is written; anything else is a count."""


def number(value: float, lang: Language, decimals: int = 0) -> str:
    """``1,234.5`` in English, ``1.234,5`` in Spanish; trailing zeros after the mark dropped."""
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,")) if lang == "es" else text


def percent(value: float, lang: Language) -> str:
    """``0.16%``/``42%`` in English, ``0,16 %``/``42 %`` in Spanish (more decimals for small shares)."""
    decimals = 2 if abs(value) < 1 else 1 if abs(value) < 10 else 0
    return number(value, lang, decimals) + (" %" if lang == "es" else "%")


def measure(name: Measure | str, value: float | None, lang: Language) -> str:
    """A measure with its unit (``0.16%``, ``0,16 %``, ``5 s``, ``1.16``); an en dash when unknown."""
    if value is None or value != value:
        return "–"
    unit = UNITS.get(name, "count")
    if unit == "percent":
        return percent(value, lang)
    if unit == "seconds":
        return number(value, lang, 1) + " s"
    if unit == "money":
        return number(value, lang, 2)
    return number(value, lang)


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
