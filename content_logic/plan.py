"""My plan: what one person did in the app (lessons, quizzes, calculator results) turned into the
three most important next steps, each with the lesson to re-read.

The ranking reads the calculators' own verdicts, as their room summaries carry them (no stable
short-video channel, critical team gaps, the funnel's bottleneck), and orders them by how much
money each mistake costs in the course's logic: stocking up on no channel first, then nobody owning
content, then videos that lose their buyers.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from content_logic.calculator import CalculatorId
from content_logic.workshop.models import ChannelsSummary, FunnelSummary, TeamSummary

StepRule = Literal[
    "no_stable_channel",
    "content_direction_gap",
    "funnel_bottleneck",
    "founder_gap",
    "shelf_logic",
    "team_gap",
    "one_creator",
    "one_channel",
    "quiz_review",
    "run_calculator",
    "stable_channel",
    "read_next",
    "recheck",
]
"""Why a step is in the plan; each has its text in ``plan.toml`` (``plan.step.<rule>``)."""

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class PlanPolicy(BaseModel):
    """How steps are ranked: a priority per rule (higher first) and the lesson each sends to."""

    model_config = _FROZEN

    steps: Annotated[int, Field(ge=1, le=10)] = 3
    """Three steps: enough to act on this month, few enough to do all of them."""
    priorities: dict[StepRule, int] = {
        "no_stable_channel": 100,  # stocking up on no channel loses the most money, fastest
        "content_direction_gap": 95,  # nobody owns content: nothing else can be diagnosed or repeated
        "funnel_bottleneck": 90,  # the videos exist but lose their buyers at one known stage
        "founder_gap": 85,  # the founder doesn't oversee content: the rebuild has no owner
        "shelf_logic": 80,  # sales still come from search: the shop sells like a marketplace
        "team_gap": 75,  # another critical capability is missing
        "one_creator": 65,  # one creator carries the sales: a winner not yet replicated
        "one_channel": 60,  # one channel carries the sales
        "quiz_review": 55,  # a lesson's check went badly: the idea behind a verdict isn't there yet
        "run_calculator": 50,  # no result yet: the plan can't see this part of the shop
        "stable_channel": 30,  # a stable channel: size stock on its baseline, not on a good week
        "read_next": 20,  # the course isn't finished
        "recheck": 10,  # everything above is done: run the calculators again in a month
    }
    """Higher first; ties keep the order rules are listed in."""
    lessons: dict[StepRule, str] = {
        "no_stable_channel": "stock-up-trap",
        "content_direction_gap": "content-multiplier",
        "funnel_bottleneck": "views-no-sales",
        "founder_gap": "founder-owns-content",
        "shelf_logic": "shelf-vs-feed",
        "team_gap": "content-multiplier",
        "one_creator": "replicate-winners",
        "one_channel": "five-channels",
        "stable_channel": "stock-up-trap",
        "recheck": "content-logic-first",
    }
    """The lesson behind each rule (``quiz_review``, ``read_next`` and ``run_calculator`` name their own)."""
    calculator_lessons: dict[CalculatorId, str] = {
        "channels": "five-channels",
        "team": "content-multiplier",
        "funnel": "views-no-sales",
    }
    """The lesson to read before running each calculator."""
    run_order: dict[CalculatorId, int] = {"channels": 2, "team": 1, "funnel": 0}
    """Among calculators not run yet, the channel checker first (stock-up is the costliest mistake)."""
    quiz_pass_share: Annotated[float, Field(gt=0, le=1)] = 2 / 3
    """Fewer than two in three right on a finished quiz sends the lesson back for a re-read."""


DEFAULT_POLICY = PlanPolicy()
"""The ranking every page uses unless told otherwise."""


class LessonRecord(BaseModel):
    """One lesson's progress this session: read or not, and the quiz score."""

    model_config = _FROZEN

    lesson_id: str
    read: bool = False
    correct: Annotated[int, Field(ge=0)] = 0
    answered: Annotated[int, Field(ge=0)] = 0
    total: Annotated[int, Field(ge=0)] = 0


class PlanInputs(BaseModel):
    """What the person did: each calculator's latest verdicts (``None`` = not run) and the lessons."""

    model_config = ConfigDict(frozen=True)

    channels: ChannelsSummary | None = None
    team: TeamSummary | None = None
    funnel: FunnelSummary | None = None
    lessons: list[LessonRecord] = []
    """In course order."""


class Step(BaseModel):
    """One next step: the rule behind it, its rank, the lesson to re-read and the ids its text names."""

    model_config = _FROZEN

    rule: StepRule
    priority: int
    lesson_id: str
    calculator: CalculatorId | None = None
    """The calculator whose result raised it (or that should be run)."""
    subject: str = ""
    """The id the text names: a funnel stage, a team capability, a lesson; empty when none."""
    correct: int = 0
    total: int = 0


class ActionPlan(BaseModel):
    """The top steps, most important first, and every calculator the plan could see."""

    model_config = _FROZEN

    steps: list[Step]
    calculators_run: list[CalculatorId]


WARNING_RULES: tuple[StepRule, ...] = ("shelf_logic", "one_creator", "one_channel")
"""The channel checker's warnings that become steps (its warning codes carry the same names)."""


def _ids(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list | tuple) else []


def _fields(summary: object) -> dict[str, object]:
    """A summary's fields, its extra ones included (older summaries carry fewer)."""
    return summary.model_dump() if isinstance(summary, BaseModel) else {}


def _channel_steps(summary: ChannelsSummary) -> list[tuple[StepRule, str]]:
    fields = _fields(summary)
    warnings = set(fields.get("warnings") or ())  # type: ignore[call-overload]
    found: list[tuple[StepRule, str]] = []
    found.append(("stable_channel" if summary.has_stable_short_video else "no_stable_channel", ""))
    for code, rule in (
        ("shelf_logic", "shelf_logic"),
        ("one_creator", "one_creator"),
        ("one_channel", "one_channel"),
    ):
        if code in warnings:
            found.append((rule, ""))  # type: ignore[arg-type]
    return found


def _team_steps(summary: TeamSummary) -> list[tuple[StepRule, str]]:
    fields = _fields(summary)
    gaps = _ids(fields.get("critical_gaps"))
    if summary.headline_gap and summary.headline_gap not in gaps:
        gaps.insert(0, summary.headline_gap)
    found: list[tuple[StepRule, str]] = []
    for gap in gaps:
        if gap == "content_direction":
            found.append(("content_direction_gap", gap))
        elif gap == "founder_oversight":
            found.append(("founder_gap", gap))
    others = [gap for gap in gaps if gap not in ("content_direction", "founder_oversight")]
    if others:
        found.append(("team_gap", others[0]))  # the most urgent other gap; the page lists the rest
    return found


def _funnel_steps(summary: FunnelSummary) -> list[tuple[StepRule, str]]:
    counts = summary.stage_counts()
    stage = summary.bottleneck or (max(counts, key=counts.__getitem__) if counts else None)
    return [("funnel_bottleneck", stage)] if stage else []


def _calculator_steps(inputs: PlanInputs) -> list[tuple[StepRule, str, CalculatorId]]:
    """``(rule, subject, calculator)`` for each verdict, or a "run it" step for a calculator not run."""
    found: list[tuple[StepRule, str, CalculatorId]] = []
    if inputs.channels is None:
        found.append(("run_calculator", "channels", "channels"))
    else:
        found += [(rule, subject, "channels") for rule, subject in _channel_steps(inputs.channels)]
    if inputs.team is None:
        found.append(("run_calculator", "team", "team"))
    else:
        found += [(rule, subject, "team") for rule, subject in _team_steps(inputs.team)]
    if inputs.funnel is None:
        found.append(("run_calculator", "funnel", "funnel"))
    else:
        found += [(rule, subject, "funnel") for rule, subject in _funnel_steps(inputs.funnel)]
    return found


def rank_steps(inputs: PlanInputs, *, policy: PlanPolicy = DEFAULT_POLICY) -> list[Step]:
    """Every step the inputs call for, most important first (ties: rule order, then course order)."""
    steps: list[Step] = []
    for rule, subject, calculator in _calculator_steps(inputs):
        lesson = policy.calculator_lessons[calculator] if rule == "run_calculator" else policy.lessons[rule]
        steps.append(
            Step(
                rule=rule,
                priority=policy.priorities[rule],
                lesson_id=lesson,
                calculator=calculator,
                subject=subject,
            )
        )
    for record in inputs.lessons:
        finished = record.total > 0 and record.answered == record.total
        if finished and record.correct < policy.quiz_pass_share * record.total:
            steps.append(
                Step(
                    rule="quiz_review",
                    priority=policy.priorities["quiz_review"],
                    lesson_id=record.lesson_id,
                    subject=record.lesson_id,
                    correct=record.correct,
                    total=record.total,
                )
            )
    unread = next((r for r in inputs.lessons if not r.read), None)
    if unread is not None:
        steps.append(
            Step(
                rule="read_next",
                priority=policy.priorities["read_next"],
                lesson_id=unread.lesson_id,
                subject=unread.lesson_id,
            )
        )
    steps.append(
        Step(rule="recheck", priority=policy.priorities["recheck"], lesson_id=policy.lessons["recheck"])
    )
    rules = list(policy.priorities)
    lesson_rank = {record.lesson_id: number for number, record in enumerate(inputs.lessons)}

    def rank(step: Step) -> tuple[int, int, int, int]:
        run_first = policy.run_order.get(step.calculator, 0) if step.calculator else 0
        return (
            -step.priority,
            rules.index(step.rule),
            -run_first,
            lesson_rank.get(step.lesson_id, len(lesson_rank)),
        )

    return sorted(steps, key=rank)


def action_plan(inputs: PlanInputs, *, policy: PlanPolicy = DEFAULT_POLICY) -> ActionPlan:
    """The plan: the top ``policy.steps`` steps and which calculators had a result."""
    ran: list[CalculatorId] = []
    if inputs.channels is not None:
        ran.append("channels")
    if inputs.team is not None:
        ran.append("team")
    if inputs.funnel is not None:
        ran.append("funnel")
    return ActionPlan(steps=rank_steps(inputs, policy=policy)[: policy.steps], calculators_run=ran)
