"""The room report's reads and the 30-day re-check's records, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from content_logic.course import load_course
from content_logic.workshop import WorkshopError
from content_logic.workshop.recheck import MIN_GROUP, RULES, cohort
from content_logic.workshop.report import room_report
from storage import WorkshopStore, make_engine
from tests.workshop.conftest import Backend

LESSONS = load_course(Path(__file__).resolve().parents[2] / "lessons").in_language("en")


class Clock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def timed(backend: Backend) -> Iterator[tuple[WorkshopStore, Clock]]:
    clock = Clock()
    opened = WorkshopStore(make_engine(backend.url, pg_schema=backend.pg_schema), clock=clock)
    yield opened, clock
    opened.dispose()


def _share(store: WorkshopStore, token: str, kind: str, summary: dict[str, object]) -> None:
    store.submit(token, submission_id=str(uuid.uuid4()), kind=kind, summary=summary)


def test_report_counts_attendance_polls_and_results(timed: tuple[WorkshopStore, Clock]) -> None:
    store, clock = timed
    workshop = store.open_workshop("Spring cohort", "en")
    tokens = []
    for minute in (0, 1, 12, 13, 14):
        clock.now = datetime(2026, 3, 2, 9, minute, tzinfo=UTC)
        tokens.append(store.join(workshop.join_code, f"shop {minute}").resume_token)
    lesson = next(item for item in LESSONS if item.meta.quiz)
    question = lesson.meta.quiz[0]
    poll = store.open_poll(workshop.id, lesson.meta.id, 0, question.question, question.options)
    wrong = (question.answer + 1) % len(question.options)
    for number, token in enumerate(tokens):
        store.answer_poll(token, poll.id, question.answer if number < 3 else wrong)
    _share(store, tokens[0], "channels", {"has_stable_short_video": True})
    _share(store, tokens[1], "channels", {"has_stable_short_video": False})
    _share(store, tokens[2], "team", {"headline_gap": "content_direction"})
    _share(store, tokens[3], "funnel", {"bottleneck": "retention"})

    report = room_report(store.room_report_data(workshop.id), LESSONS)

    assert report.attendees == 5
    assert [(p.joined, p.total) for p in report.attendance] == [(2, 2), (0, 2), (3, 5)]
    assert len(report.polls) == 1
    assert report.polls[0].right == question.answer
    assert report.polls[0].right_share == pytest.approx(3 / 5)
    assert (report.stable_count, report.stable_share) == (1, 0.5)
    assert [g.id for g in report.gaps] == ["content_direction"]
    assert [b.id for b in report.bottlenecks] == ["retention"]


def test_opt_in_only_after_close_and_rerun_only_when_due(timed: tuple[WorkshopStore, Clock]) -> None:
    store, clock = timed
    workshop = store.open_workshop("Closing", "es")
    token = store.join(workshop.join_code).resume_token
    with pytest.raises(WorkshopError) as refused:
        store.set_recheck(token, True)
    assert refused.value.code == "recheck_unavailable"
    store.close_workshop(workshop.id)
    status = store.set_recheck(token, True)
    assert status.opted_in_at == clock.now
    with pytest.raises(WorkshopError):  # not yet 30 days
        store.save_recheck(token, "channels", {"has_stable_short_video": True})
    clock.now += timedelta(days=RULES.after_days)
    assert store.save_recheck(token, "channels", {"has_stable_short_video": True}).rerun == ("channels",)
    assert store.set_recheck(token, False).rerun == ()
    assert store.recheck_status(token).opted_in_at is None


@pytest.mark.parametrize("rerunners", [MIN_GROUP - 1, MIN_GROUP])
def test_cohort_compares_then_and_now_only_from_five(
    timed: tuple[WorkshopStore, Clock], rerunners: int
) -> None:
    store, clock = timed
    workshop = store.open_workshop("Cohort", "en")
    tokens = [store.join(workshop.join_code).resume_token for _ in range(MIN_GROUP + 2)]
    for token in tokens:
        _share(store, token, "channels", {"has_stable_short_video": False})
        _share(store, token, "funnel", {"bottleneck": "retention"})
    store.close_workshop(workshop.id)
    for token in tokens:
        store.set_recheck(token, True)
    clock.now += timedelta(days=RULES.after_days + 1)
    for number, token in enumerate(tokens[:rerunners]):
        store.save_recheck(token, "channels", {"has_stable_short_video": number % 2 == 0})
        store.save_recheck(token, "funnel", {"bottleneck": "conversion"})

    view = cohort(store.cohort_data(workshop.id))

    assert view.opted_in == MIN_GROUP + 2
    channels, team, funnel = view.groups
    assert team.people == 0 and team.hidden
    assert channels.people == funnel.people == rerunners
    if rerunners < MIN_GROUP:
        assert channels.hidden and channels.stable_now is None and funnel.top_now is None
    else:
        assert channels.stable_then == 0.0
        assert channels.stable_now == pytest.approx(3 / 5)
        assert (funnel.top_then.id, funnel.top_now.id) == ("retention", "conversion")  # type: ignore[union-attr]


def test_deleting_the_workshop_deletes_the_recheck(timed: tuple[WorkshopStore, Clock]) -> None:
    store, _ = timed
    workshop = store.open_workshop("Gone", "en")
    token = store.join(workshop.join_code).resume_token
    store.close_workshop(workshop.id)
    store.set_recheck(token, True)
    assert store.delete_workshop(workshop.id)
    with pytest.raises(WorkshopError) as gone:
        store.recheck_status(token)
    assert gone.value.code == "invalid_token"
