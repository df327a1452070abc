"""Reads for the instructor's room report: the live aggregates, every poll's counts and join times."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection, func, select

from content_logic.workshop.models import PollCounts, Workshop
from content_logic.workshop.report import RoomReportData
from storage.aggregate import room_snapshot
from storage.rows import poll_from
from storage.schema import attendees, poll_answers, polls


def all_poll_counts(conn: Connection, workshop_id: str) -> tuple[PollCounts, ...]:
    """Every poll of the workshop, oldest first, with answers per option (two grouped queries)."""
    rows = conn.execute(select(polls).where(polls.c.workshop_id == workshop_id).order_by(polls.c.id))
    listed = [poll_from(row) for row in rows]
    answers = (
        select(poll_answers.c.poll_id, poll_answers.c.option_index, func.count())
        .join(polls, polls.c.id == poll_answers.c.poll_id)
        .where(polls.c.workshop_id == workshop_id)
        .group_by(poll_answers.c.poll_id, poll_answers.c.option_index)
    )
    tallies: dict[int, dict[int, int]] = defaultdict(dict)
    for poll_id, option, count in conn.execute(answers):
        tallies[poll_id][option] = count
    return tuple(
        PollCounts(poll=poll, counts=tuple(tallies[poll.id].get(i, 0) for i in range(len(poll.options))))
        for poll in listed
    )


def report_data(conn: Connection, workshop: Workshop, now: datetime) -> RoomReportData:
    """What the room report is built from, read in the caller's (one, consistent) transaction."""
    joined = conn.execute(select(attendees.c.joined_at).where(attendees.c.workshop_id == workshop.id))
    return RoomReportData(
        snapshot=room_snapshot(conn, workshop, now),
        polls=all_poll_counts(conn, workshop.id),
        joined_at=tuple(moment for (moment,) in joined),
    )
