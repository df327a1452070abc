"""The instructor's room report: attendance over time, every poll's answers (with the share right for
quiz polls) and the room's calculator aggregates, built from counts only: no attendee's data in it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field

from content_logic.lessons import Lesson
from content_logic.workshop.models import SUBMISSION_KINDS, PollCounts, Ranked, RoomSnapshot, SubmissionKind
from content_logic.workshop.screen import quiz_question

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class ReportRules(BaseModel):
    """How the report groups time."""

    model_config = _FROZEN

    bucket_minutes: int = Field(default=5, ge=1)
    """Joins are counted per 5 minutes: fine enough to see the room fill up in a 1–3 h workshop."""
    max_points: int = Field(default=48, ge=2)
    """At most 48 points on the attendance chart; a longer workshop gets wider buckets instead."""


RULES = ReportRules()


class RoomReportData(BaseModel):
    """What the store reads for a report: the live snapshot's aggregates, every poll's counts (oldest
    first) and the join times (the only per-person field used, and only as a count per bucket)."""

    model_config = _FROZEN

    snapshot: RoomSnapshot
    polls: tuple[PollCounts, ...]
    joined_at: tuple[datetime, ...]


class AttendancePoint(BaseModel):
    """One bucket of the attendance chart: when it starts, joins in it, and everyone in so far."""

    model_config = _FROZEN

    start: datetime
    joined: int
    total: int


class ReportPoll(BaseModel):
    """A poll's question, options and answers per option; ``right`` is the quiz answer's index."""

    model_config = _FROZEN

    lesson_id: str
    question: str
    opened_at: datetime
    options: tuple[str, ...]
    counts: tuple[int, ...]
    right: int | None
    """``None`` when the poll's quiz question no longer exists in the course."""

    @property
    def total(self) -> int:
        """Attendees who answered."""
        return sum(self.counts)

    @property
    def right_share(self) -> float | None:
        """Share (0–1) of those who answered that chose the right option; ``None`` if unknown or nobody."""
        if self.right is None or not self.total or self.right >= len(self.counts):
            return None
        return self.counts[self.right] / self.total


class RoomReport(BaseModel):
    """Everything the report's PDF and CSV print, in no language yet (ids, counts, times)."""

    model_config = _FROZEN

    name: str
    display_code: str
    created_at: datetime
    closed_at: datetime | None
    made_at: datetime
    attendees: int
    attendance: tuple[AttendancePoint, ...]
    polls: tuple[ReportPoll, ...]
    sharers: dict[SubmissionKind, int]
    stable_count: int
    stable_share: float | None
    gaps: tuple[Ranked, ...]
    bottlenecks: tuple[Ranked, ...]


def bucket_width(first: datetime, last: datetime, rules: ReportRules = RULES) -> timedelta:
    """The bucket width: ``bucket_minutes``, or a whole multiple of it so at most ``max_points`` fit."""
    base = timedelta(minutes=rules.bucket_minutes)
    span = max(last - first, timedelta(0))
    return base * max(1, math.ceil(span / base / rules.max_points))


def attendance(joined_at: Sequence[datetime], rules: ReportRules = RULES) -> tuple[AttendancePoint, ...]:
    """Joins per bucket from the first join, with the running total (empty when nobody joined)."""
    if not joined_at:
        return ()
    times = sorted(joined_at)
    width = bucket_width(times[0], times[-1], rules)
    buckets = [0] * (int((times[-1] - times[0]) / width) + 1)
    for moment in times:
        buckets[int((moment - times[0]) / width)] += 1
    points, total = [], 0
    for index, joined in enumerate(buckets):
        total += joined
        points.append(AttendancePoint(start=times[0] + index * width, joined=joined, total=total))
    return tuple(points)


def report_poll(counted: PollCounts, lessons: list[Lesson]) -> ReportPoll:
    """One poll for the report, its right answer looked up in the lesson's quiz it came from."""
    poll = counted.poll
    question = quiz_question(lessons, poll.lesson_id, poll.question_index)
    right = question.answer if question is not None and len(question.options) == len(poll.options) else None
    return ReportPoll(
        lesson_id=poll.lesson_id,
        question=poll.question,
        opened_at=poll.opened_at,
        options=poll.options,
        counts=counted.counts,
        right=right,
    )


def room_report(data: RoomReportData, lessons: list[Lesson], rules: ReportRules = RULES) -> RoomReport:
    """The report from what the store read; ``lessons`` are the room's language's (for right answers)."""
    snapshot = data.snapshot
    workshop = snapshot.workshop
    return RoomReport(
        name=workshop.name,
        display_code=workshop.display_code,
        created_at=workshop.created_at,
        closed_at=workshop.closed_at,
        made_at=snapshot.taken_at,
        attendees=snapshot.attendees,
        attendance=attendance(data.joined_at, rules),
        polls=tuple(report_poll(item, lessons) for item in data.polls),
        sharers={kind: snapshot.sharers.get(kind, 0) for kind in SUBMISSION_KINDS},
        stable_count=snapshot.stable_short_video,
        stable_share=snapshot.stable_share,
        gaps=snapshot.gaps,
        bottlenecks=snapshot.bottlenecks,
    )
