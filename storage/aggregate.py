"""The live room dashboard and the CSV export, each in a handful of grouped queries."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Integer, Select, String, cast, func, literal, null, select, union_all

from content_logic.workshop.export import export_rows_csv, flatten_summary
from content_logic.workshop.models import SUBMISSION_KINDS, PollCounts, RoomSnapshot, Workshop
from content_logic.workshop.ranking import rank_counts
from storage.rows import poll_from
from storage.schema import attendees, poll_answers, polls, submission_stages, submissions

RECENT_CLOSED_POLLS = 3
"""Closed polls the dashboard keeps showing after a new one opens, newest first."""


def _latest_ids(workshop_id: str) -> Select[tuple[int]]:
    """Row ids of each attendee's newest submission per calculator in this workshop."""
    return (
        select(func.max(submissions.c.id).label("id"))
        .where(submissions.c.workshop_id == workshop_id)
        .group_by(submissions.c.kind, submissions.c.attendee_id)
    )


def _poll_counts(conn: Connection, workshop_id: str) -> tuple[PollCounts | None, tuple[PollCounts, ...]]:
    query = select(polls).where(polls.c.workshop_id == workshop_id).order_by(polls.c.id.desc())
    recent = [poll_from(row) for row in conn.execute(query.limit(RECENT_CLOSED_POLLS + 1))]
    if not recent:
        return None, ()
    answers = (
        select(poll_answers.c.poll_id, poll_answers.c.option_index, func.count())
        .where(poll_answers.c.poll_id.in_([poll.id for poll in recent]))
        .group_by(poll_answers.c.poll_id, poll_answers.c.option_index)
    )
    tallies: dict[int, dict[int, int]] = defaultdict(dict)
    for poll_id, option, count in conn.execute(answers):
        tallies[poll_id][option] = count
    counted = [
        PollCounts(poll=poll, counts=tuple(tallies[poll.id].get(i, 0) for i in range(len(poll.options))))
        for poll in recent
    ]
    open_poll = counted[0] if counted[0].poll.is_open else None
    closed = tuple(item for item in counted if not item.poll.is_open)[:RECENT_CLOSED_POLLS]
    return open_poll, closed


def room_snapshot(conn: Connection, workshop: Workshop, now: datetime) -> RoomSnapshot:
    """The dashboard's figures: attendees, polls, and the latest shared result per attendee and kind."""
    attendee_count = conn.execute(
        select(func.count()).select_from(attendees).where(attendees.c.workshop_id == workshop.id)
    ).scalar_one()
    open_poll, closed_polls = _poll_counts(conn, workshop.id)

    totals = select(submissions.c.kind, func.count(), func.count(func.distinct(submissions.c.attendee_id)))
    totals = totals.where(submissions.c.workshop_id == workshop.id).group_by(submissions.c.kind)
    submitted: dict[str, int] = dict.fromkeys(SUBMISSION_KINDS, 0)
    sharers: dict[str, int] = dict.fromkeys(SUBMISSION_KINDS, 0)
    for kind, count, people in conn.execute(totals):
        submitted[kind], sharers[kind] = count, people

    latest = _latest_ids(workshop.id).cte("latest")  # computed once for the three figures below
    kinds = submissions.join(latest, latest.c.id == submissions.c.id)
    stable = (
        select(literal("stable").label("what"), cast(null(), String).label("id"), func.count().label("n"))
        .select_from(kinds)
        .where(submissions.c.kind == "channels", submissions.c.stable_short_video.is_(True))
    )
    gaps = (
        select(literal("gap"), submissions.c.headline_gap, func.count())
        .select_from(kinds)
        .where(submissions.c.headline_gap.is_not(None))
        .group_by(submissions.c.headline_gap)
    )
    stages = (
        select(
            literal("stage"), submission_stages.c.stage, cast(func.sum(submission_stages.c.count), Integer)
        )
        .select_from(submission_stages.join(latest, latest.c.id == submission_stages.c.submission_row))
        .group_by(submission_stages.c.stage)
    )
    ranked: dict[str, dict[str, int]] = {"gap": {}, "stage": {}}
    stable_count = 0
    for what, key, count in conn.execute(union_all(stable, gaps, stages)):
        if what == "stable":
            stable_count = int(count)
        else:
            ranked[what][key] = int(count)

    return RoomSnapshot.model_validate(
        {
            "workshop": workshop,
            "attendees": attendee_count,
            "open_poll": open_poll,
            "recent_polls": closed_polls,
            "submissions": submitted,
            "sharers": sharers,
            "stable_short_video": stable_count,
            "gaps": rank_counts(ranked["gap"]),
            "bottlenecks": rank_counts(ranked["stage"]),
            "taken_at": now,
        }
    )


def export_csv(conn: Connection, workshop: Workshop) -> bytes:
    """One CSV: a row per attendee, per poll answer and per submission (its summary flattened into
    ``summary.<field>`` columns); raw data is not exported, only whether it was shared."""
    number: dict[int, int] = {}
    names: dict[int, str | None] = {}
    rows: list[dict[str, Any]] = []
    query = select(attendees).where(attendees.c.workshop_id == workshop.id).order_by(attendees.c.id)
    for index, attendee in enumerate(conn.execute(query), start=1):
        number[attendee.id], names[attendee.id] = index, attendee.nickname
        rows.append(
            {
                "record": "attendee",
                "attendee_no": index,
                "nickname": attendee.nickname,
                "time": attendee.joined_at,
            }
        )

    answers = (
        select(poll_answers, polls.c.lesson_id, polls.c.question, polls.c.options)
        .join(polls, polls.c.id == poll_answers.c.poll_id)
        .where(polls.c.workshop_id == workshop.id)
        .order_by(poll_answers.c.poll_id, poll_answers.c.attendee_id)
    )
    for answer in conn.execute(answers):
        options = json.loads(answer.options)
        rows.append(
            {
                "record": "poll_answer",
                "attendee_no": number[answer.attendee_id],
                "nickname": names[answer.attendee_id],
                "time": answer.answered_at,
                "poll_id": answer.poll_id,
                "lesson_id": answer.lesson_id,
                "question": answer.question,
                "answer_index": answer.option_index,
                "answer": options[answer.option_index],
            }
        )

    latest = {row_id for (row_id,) in conn.execute(_latest_ids(workshop.id))}
    shared = select(submissions).where(submissions.c.workshop_id == workshop.id).order_by(submissions.c.id)
    for item in conn.execute(shared):
        row = {
            "record": "submission",
            "attendee_no": number[item.attendee_id],
            "nickname": names[item.attendee_id],
            "time": item.created_at,
            "kind": item.kind,
            "submission_id": item.submission_id,
            "latest": "yes" if item.id in latest else "no",
            "raw_shared": "yes" if item.raw is not None else "no",
        }
        row |= flatten_summary(json.loads(item.summary))
        rows.append(row)

    return export_rows_csv(rows)
