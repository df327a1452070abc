"""Assess a team (``assess``): coverage per capability, the content vs operations ratio, then gaps and a plan.

Coverage of a capability is the sum, over roster lines, of ``weight × min(headcount, level) /
level`` (capped at 100 %): each role brings at most its weight, so ten outreach managers still
don't make a content brief. Founder oversight is the founder's content hours against a target.
The diagnostic answers then raise or cap two capabilities (``TeamPolicy``'s bounds). Sums use
``math.fsum`` over lines merged by role, so the roster's order never changes the result.
"""

from __future__ import annotations

import math

from content_logic.team.models import DiagnosticAnswers, Roster, RosterEntry, TeamInputs
from content_logic.team.plan import plan_steps, rank_gaps, stop_items
from content_logic.team.policy import Bounds, TeamPolicy
from content_logic.team.reference import Capability, CapabilityId, TeamReference
from content_logic.team.result import (
    Adjustment,
    CapabilityCoverage,
    ContentRatio,
    Contributor,
    TeamResult,
)
from content_logic.team.validate import build_team


def _merged(roster: Roster) -> list[RosterEntry]:
    """One entry per role (per name for "other"), in a fixed order, whatever order the roster has."""
    groups: dict[tuple[str, str], list[RosterEntry]] = {}
    for entry in roster.entries:
        groups.setdefault(entry.key, []).append(entry)
    merged = []
    for key in sorted(groups):
        group = groups[key]
        capabilities = tuple(sorted({c for e in group for c in e.capabilities}))
        name = min(e.name for e in group)
        total = math.fsum(e.headcount for e in group)
        merged.append(RosterEntry(role=group[0].role, headcount=total, name=name, capabilities=capabilities))
    return merged


def _weight(
    entry: RosterEntry, capability: CapabilityId, *, reference: TeamReference, policy: TeamPolicy
) -> float:
    if entry.role == "other":
        return policy.other_role_weight if capability in entry.capabilities else 0.0
    return reference.role(entry.role).covers.get(capability, 0.0)


def _coverage(
    capability: Capability,
    entries: list[RosterEntry],
    answers: DiagnosticAnswers,
    *,
    reference: TeamReference,
    policy: TeamPolicy,
) -> CapabilityCoverage:
    contributors: list[Contributor] = []
    supply: list[float] = []
    if capability.measured_by == "founder_hours":
        raw = round(min(100.0, 100 * answers.founder_content_hours / policy.founder_target_hours), 6)
        staffing = answers.founder_content_hours / policy.founder_target_hours
    else:
        level = capability.full_fte
        for entry in entries:
            weight = _weight(entry, capability.id, reference=reference, policy=policy)
            if weight <= 0 or entry.headcount <= 0:
                continue
            points = 100 * weight * min(entry.headcount, level) / level
            contributors.append(
                Contributor(role=entry.role, name=entry.name, headcount=entry.headcount, points=points)
            )
            supply.append(weight * entry.headcount)
        raw = round(min(100.0, math.fsum(c.points for c in contributors)), 6)
        staffing = math.fsum(supply) / level
    bounds: Bounds | None = None
    adjustment: Adjustment | None = None
    if capability.id == "content_diagnosis":
        bounds, adjustment = policy.diagnosis_bounds[answers.explain_views_no_sales], "diagnosis_answer"
    elif capability.id == "influencer_briefing":
        bounds, adjustment = policy.replication_bounds[answers.winner_replicated], "replication_answer"
    coverage = bounds.apply(raw) if bounds is not None else raw
    contributors.sort(key=lambda c: (-c.points, c.role, c.name))
    return CapabilityCoverage(
        capability=capability.id,
        group=capability.group,
        coverage=coverage,
        roster_coverage=raw,
        minimum=capability.minimum,
        staffing_ratio=staffing,
        adjusted_by=adjustment if coverage != raw else None,
        contributors=tuple(contributors),
    )


def _ratio(entries: list[RosterEntry], *, reference: TeamReference, policy: TeamPolicy) -> ContentRatio:
    groups = {c.id: c.group for c in reference.capabilities}
    content: list[float] = []
    operations: list[float] = []
    for entry in entries:
        if entry.role != "other":
            side = reference.role(entry.role).side
            if side == "content":
                content.append(entry.headcount)
            elif side == "operations":
                operations.append(entry.headcount)
            continue
        # An "other" role counts on each side by the share of its capabilities in that group.
        named = entry.capabilities or ()
        in_content = sum(1 for c in named if groups[c] == "content_core") / len(named) if named else 0.0
        in_leadership = sum(1 for c in named if groups[c] == "leadership") / len(named) if named else 0.0
        content.append(entry.headcount * in_content)
        operations.append(entry.headcount * (1 - in_content - in_leadership))
    content_fte, operations_fte = math.fsum(content), math.fsum(operations)
    both = content_fte + operations_fte
    share = content_fte / both if both > 0 else 0.0
    return ContentRatio(
        content=content_fte,
        operations=operations_fte,
        share=share,
        ratio=content_fte / operations_fte if operations_fte > 0 else None,
        minimum_share=policy.min_content_share,
        below_minimum=share < policy.min_content_share,
    )


def assess(inputs: TeamInputs) -> TeamResult:
    """Validate the page's inputs and assess the team; ``InputError`` lists every problem at once."""
    roster, answers = build_team(inputs)
    return assess_roster(roster, answers, reference=inputs.reference, policy=inputs.policy)


def assess_roster(
    roster: Roster,
    answers: DiagnosticAnswers,
    *,
    reference: TeamReference | None = None,
    policy: TeamPolicy | None = None,
) -> TeamResult:
    """Coverage per capability, ranked gaps, the content ratio, a prioritised plan and what to stop."""
    reference = reference or TeamReference()
    policy = policy or TeamPolicy()
    entries = _merged(roster)
    coverage = tuple(
        _coverage(capability, entries, answers, reference=reference, policy=policy)
        for capability in reference.capabilities
    )
    gaps = rank_gaps(coverage, answers, reference=reference, policy=policy)
    return TeamResult(
        coverage=coverage,
        gaps=gaps,
        plan=plan_steps(gaps, coverage, entries, answers, reference=reference, policy=policy),
        stop=stop_items(gaps, coverage, answers, reference=reference, policy=policy),
        ratio=_ratio(entries, reference=reference, policy=policy),
        headcount=math.fsum(entry.headcount for entry in entries),
        roster=tuple(entries),
        lines=roster.lines,
        answers=answers,
        notes=roster.notes,
    )
