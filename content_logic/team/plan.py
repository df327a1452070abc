"""From coverage to decisions: gaps ranked by severity, the plan's steps, and what to stop doing."""

from __future__ import annotations

import math

from content_logic.team.models import DiagnosticAnswers, RosterEntry
from content_logic.team.policy import TeamPolicy
from content_logic.team.reference import SEVERITIES, Capability, RoleId, Severity, TeamReference
from content_logic.team.result import CapabilityCoverage, Gap, GapRule, PlanStep, StopItem

EPSILON = 1e-9
"""Coverage within this of the minimum counts as reaching it (float sums)."""

OUTREACH_ROLES: tuple[RoleId, ...] = ("influencer_manager", "other")
"""Roles that send creators samples: the "same vague brief" stop applies when one of them does."""

AD_ROLES: tuple[RoleId, ...] = ("paid_media_buyer", "other")
"""Roles that spend an ad budget: the "undiagnosed videos" stop applies when one of them does."""


def _milder(severity: Severity) -> Severity:
    return SEVERITIES[min(SEVERITIES.index(severity) + 1, len(SEVERITIES) - 1)]


def _gap(
    cover: CapabilityCoverage, capability: Capability, answers: DiagnosticAnswers, policy: TeamPolicy
) -> Gap:
    partial = cover.coverage + EPSILON >= policy.partial_fraction * cover.minimum
    rule: GapRule
    answer: str | None
    if capability.measured_by == "founder_hours":
        rule, answer = "founder_hours", None
    elif cover.adjusted_by is not None and cover.coverage < cover.roster_coverage:
        rule = "capped_by_answer"
        answer = (
            answers.explain_views_no_sales
            if cover.adjusted_by == "diagnosis_answer"
            else answers.winner_replicated
        )
    else:
        rule, answer = "below_minimum", None
    return Gap(
        rank=0,
        capability=cover.capability,
        group=cover.group,
        severity=_milder(capability.severity) if partial else capability.severity,
        base_severity=capability.severity,
        partial=partial,
        coverage=cover.coverage,
        roster_coverage=cover.roster_coverage,
        minimum=cover.minimum,
        rule=rule,
        answer=answer,
        shortfall_fte=(cover.minimum - cover.coverage) / 100 * capability.full_fte,
        founder_hours=answers.founder_content_hours if rule == "founder_hours" else None,
        target_hours=policy.founder_target_hours if rule == "founder_hours" else None,
    )


def rank_gaps(
    coverage: tuple[CapabilityCoverage, ...],
    answers: DiagnosticAnswers,
    *,
    reference: TeamReference,
    policy: TeamPolicy,
) -> tuple[Gap, ...]:
    """Every capability below its minimum, most urgent first (severity, then the reference's priority)."""
    found = []
    for cover in coverage:
        if cover.coverage + EPSILON >= cover.minimum:
            continue
        capability = reference.capability(cover.capability)
        found.append((_gap(cover, capability, answers, policy), capability.priority))
    found.sort(key=lambda pair: (SEVERITIES.index(pair[0].severity), pair[1], pair[0].coverage))
    return tuple(gap.model_copy(update={"rank": n}) for n, (gap, _) in enumerate(found, start=1))


def _half_steps(fte: float) -> float:
    """Round up to the next half person: 0.3 → 0.5, 1.2 → 1.5."""
    return max(0.5, math.ceil(fte * 2 - EPSILON) / 2)


def _step(
    number: int,
    gap: Gap,
    cover: CapabilityCoverage,
    present: set[RoleId],
    busy: set[tuple[str, str]],
    answers: DiagnosticAnswers,
    *,
    reference: TeamReference,
    policy: TeamPolicy,
) -> PlanStep:
    """One step; ``busy`` holds the people already given a training step, so nobody gets three."""
    capability = reference.capability(gap.capability)
    base = {"step": number, "capability": gap.capability, "severity": gap.severity}
    if capability.measured_by == "founder_hours":
        hours = max(0.0, policy.founder_target_hours - answers.founder_content_hours)
        return PlanStep.model_validate({**base, "action": "founder_time", "role": "founder", "hours": hours})
    if gap.partial or gap.rule == "capped_by_answer":
        # Someone already does part of it (or is paid to): grow them before adding people.
        free = [c for c in cover.contributors if (c.role, c.name) not in busy]
        if free:
            busy.add((free[0].role, free[0].name))
            return PlanStep.model_validate(
                {**base, "action": "train", "role": free[0].role, "name": free[0].name}
            )
        if not cover.contributors:
            return PlanStep.model_validate({**base, "action": "train", "role": None})
    trainee = next((r for r in capability.trainable_from if r in present and (r, "") not in busy), None)
    if trainee is not None:
        busy.add((trainee, ""))
        return PlanStep.model_validate({**base, "action": "train", "role": trainee})
    weight = reference.role(capability.hire_role).covers.get(gap.capability, 0.0) or 1.0
    fte = _half_steps((100 - gap.coverage) / 100 * capability.full_fte / weight)
    return PlanStep.model_validate({**base, "action": "hire", "role": capability.hire_role, "fte": fte})


def plan_steps(
    gaps: tuple[Gap, ...],
    coverage: tuple[CapabilityCoverage, ...],
    entries: list[RosterEntry],
    answers: DiagnosticAnswers,
    *,
    reference: TeamReference,
    policy: TeamPolicy,
) -> tuple[PlanStep, ...]:
    """The first ``policy.plan_steps`` gaps as actions: founder time, train someone, or hire."""
    present = {entry.role for entry in entries if entry.headcount > 0}
    by_capability = {cover.capability: cover for cover in coverage}
    busy: set[tuple[str, str]] = set()
    return tuple(
        _step(
            n, gap, by_capability[gap.capability], present, busy, answers, reference=reference, policy=policy
        )
        for n, gap in enumerate(gaps[: policy.plan_steps], start=1)
    )


def stop_items(
    gaps: tuple[Gap, ...],
    coverage: tuple[CapabilityCoverage, ...],
    answers: DiagnosticAnswers,
    *,
    reference: TeamReference,
    policy: TeamPolicy,
) -> tuple[StopItem, ...]:
    """What the team can stop doing to free time and money for the gaps, each with its numbers."""
    items: list[StopItem] = []
    by_capability = {cover.capability: cover for cover in coverage}
    gap_ids = {gap.capability for gap in gaps}
    if any(gap.group == "content_core" for gap in gaps):
        for cover in coverage:
            if (
                cover.group in ("channels", "commerce_ops")
                and cover.staffing_ratio >= policy.overstaffed_ratio
            ):
                level = reference.capability(cover.capability).full_fte
                values = {
                    "ratio": round(cover.staffing_ratio, 1),
                    "spare": round((cover.staffing_ratio - 1) * level, 1),
                }
                items.append(StopItem(code="overstaffed", capability=cover.capability, values=values))
    networking = answers.founder_networking_hours
    if "founder_oversight" in gap_ids and networking > policy.networking_hours_max:
        move = networking - policy.networking_hours_max
        values = {"hours": networking, "max": policy.networking_hours_max, "move": move}
        items.append(StopItem(code="networking", capability="founder_oversight", values=values))
    outreach = any(c.role in OUTREACH_ROLES for c in by_capability["influencer_briefing"].contributors)
    if answers.winner_replicated == "no" and outreach:
        items.append(StopItem(code="samples_without_brief", capability="influencer_briefing"))
    undiagnosed = any(g.capability == "content_diagnosis" and g.severity == "critical" for g in gaps)
    if undiagnosed and any(c.role in AD_ROLES for c in by_capability["paid_media"].contributors):
        items.append(StopItem(code="ads_on_undiagnosed", capability="paid_media"))
    return tuple(items)
