"""My plan's ranking: which calculator results and lesson records give which three steps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.plan import DEFAULT_POLICY, LessonRecord, PlanInputs, PlanPolicy, action_plan, rank_steps
from content_logic.workshop.models import ChannelsSummary, FunnelSummary, TeamSummary

LESSON_IDS = ["shelf-vs-feed", "five-channels", "stock-up-trap", "content-multiplier", "views-no-sales"]


def channels(stable: bool, *warnings: str) -> ChannelsSummary:
    return ChannelsSummary.model_validate({"has_stable_short_video": stable, "warnings": list(warnings)})


def team(*gaps: str) -> TeamSummary:
    return TeamSummary.model_validate(
        {"headline_gap": gaps[0] if gaps else None, "critical_gaps": list(gaps)}
    )


def funnel(stage: str | None = None, **counts: int) -> FunnelSummary:
    if counts:
        return FunnelSummary.model_validate({"bottleneck": stage, "bottlenecks": counts})
    return FunnelSummary.model_validate({"bottleneck": stage})


ALL_READ = [LessonRecord(lesson_id=i, read=True, correct=3, answered=3, total=3) for i in LESSON_IDS]


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        pytest.param(
            PlanInputs(),
            [("run_calculator", "channels", "five-channels"), ("run_calculator", "team", "content-multiplier"),
             ("run_calculator", "funnel", "views-no-sales")],
            id="nothing run: the three calculators, channels first",
        ),
        pytest.param(
            PlanInputs(channels=channels(False), team=team("content_direction", "scripting"), funnel=funnel("interest"),
                       lessons=ALL_READ),
            [("no_stable_channel", "", "stock-up-trap"), ("content_direction_gap", "content_direction", "content-multiplier"),
             ("funnel_bottleneck", "interest", "views-no-sales")],
            id="the seed's three: don't stock up, content direction, interest",
        ),
        pytest.param(
            PlanInputs(channels=channels(True, "shelf_logic"), team=team("scripting"), funnel=funnel(None),
                       lessons=ALL_READ),
            [("shelf_logic", "", "shelf-vs-feed"), ("team_gap", "scripting", "content-multiplier"),
             ("stable_channel", "", "stock-up-trap")],
            id="stable channel but shelf logic and a scripting gap",
        ),
        pytest.param(
            PlanInputs(channels=channels(True, "one_creator", "one_channel"), team=team("founder_oversight"),
                       funnel=funnel(None, attention=1, conversion=4), lessons=ALL_READ),
            [("funnel_bottleneck", "conversion", "views-no-sales"), ("founder_gap", "founder_oversight", "founder-owns-content"),
             ("one_creator", "", "replicate-winners")],
            id="a batch's most common stage; founder gap; one creator before one channel",
        ),
        pytest.param(
            PlanInputs(channels=channels(True), team=team(), funnel=funnel(None), lessons=ALL_READ),
            [("stable_channel", "", "stock-up-trap"), ("recheck", "", "content-logic-first")],
            id="all healthy and the course done: two steps only",
        ),
        pytest.param(
            PlanInputs(channels=channels(True), team=team(), funnel=funnel(None), lessons=[
                LessonRecord(lesson_id="shelf-vs-feed", read=True, correct=3, answered=3, total=3),
                LessonRecord(lesson_id="five-channels", read=False, correct=1, answered=3, total=3),
                LessonRecord(lesson_id="stock-up-trap", read=False, correct=0, answered=1, total=3),
            ]),
            [("quiz_review", "five-channels", "five-channels"), ("stable_channel", "", "stock-up-trap"),
             ("read_next", "five-channels", "five-channels")],
            id="a failed quiz comes back; a half-answered one doesn't; first unread next",
        ),
        pytest.param(
            PlanInputs(team=team("content_direction", "founder_oversight", "paid_media", "scripting")),
            [("content_direction_gap", "content_direction", "content-multiplier"),
             ("founder_gap", "founder_oversight", "founder-owns-content"), ("team_gap", "paid_media", "content-multiplier")],
            id="team gaps: content direction, founder, then the most urgent other gap",
        ),
    ],
)  # fmt: skip
def test_top_three(inputs: PlanInputs, expected: list[tuple[str, str, str]]) -> None:
    plan = action_plan(inputs)
    assert [(s.rule, s.subject, s.lesson_id) for s in plan.steps] == expected


def test_the_quiz_step_carries_the_score() -> None:
    record = LessonRecord(lesson_id="stock-up-trap", read=True, correct=1, answered=4, total=4)
    review = rank_steps(PlanInputs(lessons=[record]))[0]  # a failed check ranks above running a calculator
    assert (review.rule, review.correct, review.total) == ("quiz_review", 1, 4)


def test_the_policy_decides_the_order_and_the_length() -> None:
    inputs = PlanInputs(channels=channels(False), funnel=funnel("retention"))
    priorities = {**DEFAULT_POLICY.priorities, "funnel_bottleneck": 200}
    plan = action_plan(inputs, policy=PlanPolicy(priorities=priorities, steps=1))
    assert [s.rule for s in plan.steps] == ["funnel_bottleneck"]
    assert plan.calculators_run == ["channels", "funnel"]


summaries = st.fixed_dictionaries(
    {
        "channels": st.none() | st.builds(channels, st.booleans()),
        "team": st.none() | st.lists(st.sampled_from(["content_direction", "scripting", "founder_oversight"]),
                                     unique=True).map(lambda gaps: team(*gaps)),
        "funnel": st.none() | st.sampled_from([None, "attention", "conversion"]).map(funnel),
    }
)  # fmt: skip


@given(summaries)
def test_steps_are_ranked_and_a_stock_up_warning_always_leads(found: dict[str, object]) -> None:
    inputs = PlanInputs.model_validate(found)
    steps = rank_steps(inputs)
    assert [s.priority for s in steps] == sorted((s.priority for s in steps), reverse=True)
    assert 1 <= len(action_plan(inputs).steps) <= DEFAULT_POLICY.steps
    channel_result = found["channels"]
    if isinstance(channel_result, ChannelsSummary) and not channel_result.has_stable_short_video:
        assert steps[0].rule == "no_stable_channel"
