"""The cohort view's lines in a language: each calculator's then → now, or why it is hidden."""

from __future__ import annotations

from content_logic.formatting import format_count, format_percent
from content_logic.i18n import Language, translate
from content_logic.workshop.board import GAP_LABELS, STAGE_LABELS, id_label
from content_logic.workshop.models import Ranked
from content_logic.workshop.recheck import Cohort, CohortGroup


def _t(lang: Language, key: str, **values: object) -> str:
    return translate(f"report.cohort.{key}", lang, **values)


def _name(item: Ranked | None, prefix: str, lang: Language) -> str:
    return _t(lang, "none") if item is None else id_label(item.id, lang, (prefix,))


def group_line(group: CohortGroup, lang: Language, min_group: int) -> str:
    """One calculator's line: its figures then → now, or only how many re-ran when under the minimum."""
    count = format_count(group.people, lang)
    if group.hidden:
        calculator = translate(f"{group.kind}.nav_title", lang)
        return _t(lang, "hidden", calculator=calculator, count=count, min=format_count(min_group, lang))
    if group.kind == "channels":
        then, now = format_percent(group.stable_then, lang), format_percent(group.stable_now, lang)
        return _t(lang, "stable", then=then, now=now, count=count)
    prefix, key = (GAP_LABELS, "gap") if group.kind == "team" else (STAGE_LABELS, "bottleneck")
    then, now = _name(group.top_then, prefix, lang), _name(group.top_now, prefix, lang)
    return _t(lang, key, then=then, now=now, count=count)


def cohort_lines(view: Cohort, lang: Language) -> list[str]:
    """Every calculator's line, in the dashboard's order."""
    return [group_line(group, lang, view.min_group) for group in view.groups]
