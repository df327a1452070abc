"""The team result in words, in either language: shared by the page and the downloadable report."""

from __future__ import annotations

from collections.abc import Iterable

from content_logic.formatting import format_decimal, format_percent
from content_logic.i18n import Language, translate
from content_logic.problems import Problem
from content_logic.team.reference import CAPABILITY_IDS, ROLE_IDS, CapabilityId, RoleId
from content_logic.team.result import Gap, PlanStep, StopItem
from content_logic.team.validate import COLUMNS


def number(value: float, lang: Language, *, digits: int = 1) -> str:
    """A number as people read it, through the shared formatter: ``1,234.5`` / ``1.234,5``."""
    return format_decimal(value, lang, digits=digits)


def percent(points: float, lang: Language) -> str:
    """Coverage points (0–100) as a whole percentage: ``42%`` / ``42 %``."""
    return format_percent(points / 100, lang)


def capability_label(capability: CapabilityId, lang: Language) -> str:
    """The capability's name."""
    return translate(f"team.cap.{capability}", lang)


def role_label(role: RoleId, lang: Language) -> str:
    """The role's name."""
    return translate(f"team.role.{role}", lang)


def gap_reason(gap: Gap, lang: Language) -> str:
    """Why this capability is a gap: the rule and its numbers."""
    values = {
        "coverage": percent(gap.coverage, lang),
        "roster": percent(gap.roster_coverage, lang),
        "minimum": percent(gap.minimum, lang),
    }
    if gap.rule == "founder_hours":
        target = gap.target_hours or 0.0
        text = translate(
            "team.reason.founder_hours",
            lang,
            hours=number(gap.founder_hours or 0.0, lang),
            target=number(target, lang),
            minimum_hours=number(target * gap.minimum / 100, lang),
        )
    elif gap.rule == "capped_by_answer":
        kind = "answer" if gap.capability == "content_diagnosis" else "replication"
        answer = translate(f"team.{kind}.{gap.answer}", lang)
        text = translate(f"team.reason.capped_{gap.capability}", lang, answer=answer, **values)
    else:
        text = translate("team.reason.below_minimum", lang, **values)
    if gap.partial and gap.severity != gap.base_severity:
        text += " " + translate("team.reason.partial", lang)
    return text


def gap_cost(gap: Gap, lang: Language) -> str:
    """What the gap costs, in the course's terms."""
    return translate(f"team.cost.{gap.capability}", lang)


def gap_title(gap: Gap, lang: Language) -> str:
    """``1. Content direction: critical · 20 % (minimum 60 %)`` (Markdown)."""
    return translate(
        "team.gap_line",
        lang,
        rank=gap.rank,
        capability=capability_label(gap.capability, lang),
        severity=translate(f"team.severity.{gap.severity}", lang),
        coverage=percent(gap.coverage, lang),
        minimum=percent(gap.minimum, lang),
    )


def plan_text(step: PlanStep, lang: Language) -> str:
    """One plan step as a sentence (Markdown)."""
    capability = capability_label(step.capability, lang)
    if step.action == "founder_time":
        return translate("team.plan.founder_time", lang, step=step.step, hours=number(step.hours, lang))
    if step.action == "hire" and step.role is not None:
        role = role_label(step.role, lang)
        return translate(
            "team.plan.hire",
            lang,
            step=step.step,
            capability=capability,
            fte=number(step.fte, lang),
            role=role,
        )
    if step.role is None:
        return translate("team.plan.train_anyone", lang, step=step.step, capability=capability)
    who = step.name if step.role == "other" and step.name else role_label(step.role, lang)
    return translate("team.plan.train", lang, step=step.step, capability=capability, who=who)


def stop_text(item: StopItem, lang: Language) -> str:
    """One thing the team can stop doing, with its numbers."""
    values = {key: number(value, lang) for key, value in item.values.items()}
    capability = capability_label(item.capability, lang) if item.capability else ""
    return translate(f"team.stop.{item.code}", lang, capability=capability, **values)


def _listed(labels: Iterable[str], lang: Language) -> str:
    """Labels quoted as each language quotes (some labels hold commas): “Yes”, “No” / «Sí», «No»."""
    opening, closing = ("«", "»") if lang == "es" else ("“", "”")
    return ", ".join(f"{opening}{label}{closing}" for label in labels)


def problem_text(problem: Problem, lang: Language) -> str:
    """A roster problem in words, with role and capability ids shown as labels in ``lang``."""
    values = dict(problem.values)
    role = values.get("role")
    if isinstance(role, str) and role in ROLE_IDS:
        values["role"] = translate(f"team.role.{role}", lang)
    if problem.code == "team_unknown_role":  # never English ids in a Spanish message
        values["accepted"] = _listed((role_label(r, lang) for r in ROLE_IDS if r != "other"), lang)
    elif problem.code == "team_unknown_answer" and isinstance(question := values.pop("question", None), str):
        ids = str(values["accepted"]).split(", ")
        values["accepted"] = _listed((translate(f"team.{question}.{i}", lang) for i in ids), lang)
    elif problem.code == "team_unknown_capability":
        values["accepted"] = _listed((capability_label(c, lang) for c in CAPABILITY_IDS), lang)
    for key in ("value", "max", "total", "content", "networking", "people"):
        if isinstance(values.get(key), float):
            values[key] = number(float(values[key]), lang, digits=2)
    column = problem.column
    if problem.file is None and column in COLUMNS:
        column = translate(f"team.col.{column}", lang)
    return problem.model_copy(update={"values": values, "column": column}).describe(lang)
