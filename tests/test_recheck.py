"""The 30-day re-check's pure rules: when it opens, and a cohort view that never shows a small group."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.workshop.cohort_text import cohort_lines
from content_logic.workshop.recheck import (
    MIN_GROUP,
    RULES,
    CohortData,
    RecheckRules,
    ThenNow,
    cohort,
    recheck_due,
)

CLOSED = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("closed", "days_later", "due"),
    [
        (None, 100, False),
        (CLOSED, 0, False),
        (CLOSED, RULES.after_days - 1, False),
        (CLOSED, RULES.after_days, True),
    ],
)
def test_the_recheck_opens_after_the_named_days(closed: datetime | None, days_later: int, due: bool) -> None:
    assert recheck_due(closed, CLOSED + timedelta(days=days_later)) is due


def test_the_minimum_group_is_five() -> None:
    assert MIN_GROUP == RecheckRules().min_group == 5


STABLE = st.booleans().map(lambda stable: {"has_stable_short_video": stable})
GAP = st.sampled_from([None, "content_direction", "scripting"]).map(lambda gap: {"headline_gap": gap})
STAGE = st.sampled_from([None, "retention", "conversion"]).map(lambda stage: {"bottleneck": stage})
PAIRS = st.one_of(
    st.tuples(STABLE, STABLE).map(lambda p: ThenNow(kind="channels", then=p[0], now=p[1])),
    st.tuples(GAP, GAP).map(lambda p: ThenNow(kind="team", then=p[0], now=p[1])),
    st.tuples(STAGE, STAGE).map(lambda p: ThenNow(kind="funnel", then=p[0], now=p[1])),
)


@given(st.lists(PAIRS, max_size=15))
def test_a_group_under_the_minimum_carries_no_figures(pairs: list[ThenNow]) -> None:
    view = cohort(CohortData(opted_in=len(pairs), pairs=tuple(pairs)))
    for group in view.groups:
        assert group.people == sum(pair.kind == group.kind for pair in pairs)
        figures = (group.stable_then, group.stable_now, group.top_then, group.top_now)
        if group.people < MIN_GROUP:
            assert group.hidden and figures == (None, None, None, None)
        else:
            assert not group.hidden
    for lang in ("en", "es"):
        assert len(cohort_lines(view, lang)) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("then", "now", "expected"),
    [
        ([False] * 4 + [True], [True] * 2 + [False] * 3, (0.2, 0.4)),
        ([True] * 5, [True] * 5, (1.0, 1.0)),
    ],
)
def test_stable_share_then_and_now(then: list[bool], now: list[bool], expected: tuple[float, float]) -> None:
    pairs = tuple(
        ThenNow(kind="channels", then={"has_stable_short_video": a}, now={"has_stable_short_video": b})
        for a, b in zip(then, now, strict=True)
    )
    group = cohort(CohortData(opted_in=5, pairs=pairs)).groups[0]
    assert (group.stable_then, group.stable_now) == pytest.approx(expected)


def test_the_stable_line_reads_then_arrow_now_in_each_language() -> None:
    pairs = tuple(
        ThenNow(
            kind="channels", then={"has_stable_short_video": n < 1}, now={"has_stable_short_video": n < 2}
        )
        for n in range(5)
    )
    view = cohort(CohortData(opted_in=5, pairs=pairs))
    assert "20% → 40%" in cohort_lines(view, "en")[0]
    assert "20\u00a0% → 40\u00a0%" in cohort_lines(view, "es")[0]
