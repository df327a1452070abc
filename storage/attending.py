"""What attendees do, each step inside the caller's transaction: join, resume, answer, share, save."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel, JsonValue
from sqlalchemy import Connection, delete, select

from content_logic.workshop.codes import CleanedText, token_digest
from content_logic.workshop.errors import WorkshopError
from content_logic.workshop.models import (
    Attendee,
    AttendeeView,
    ChannelsSummary,
    FunnelSummary,
    JoinResult,
    SubmissionKind,
    SubmissionReceipt,
    TeamSummary,
)
from storage.rows import (
    TOKEN_MAX_CHARS,
    attendee_by_token,
    attendee_number,
    insert_ignore,
    open_poll_row,
    poll_from,
    upsert,
    workshop_from,
)
from storage.schema import (
    attendee_state,
    attendees,
    poll_answers,
    polls,
    submission_stages,
    submissions,
    workshops,
)
from storage.versions import bump


def join(conn: Connection, join_code: str, nickname: CleanedText, token: str, now: datetime) -> JoinResult:
    """Add an attendee to the open workshop with this (normalised) code."""
    query = select(workshops).where(workshops.c.join_code == join_code)
    rows = conn.execute(query.order_by(workshops.c.created_at.desc())).all()
    if not rows:
        raise WorkshopError("unknown_code")
    workshop = next((w for w in map(workshop_from, rows) if w.is_open), None)
    if workshop is None:
        raise WorkshopError("workshop_closed")
    values = {"workshop_id": workshop.id, "nickname": nickname.value, "joined_at": now}
    insert = attendees.insert().values(**values, token_digest=token_digest(token))
    attendee_id = conn.execute(insert.returning(attendees.c.id)).scalar_one()
    attendee = Attendee(
        id=attendee_id,
        workshop_id=workshop.id,
        number=attendee_number(conn, workshop.id, attendee_id),
        nickname=nickname.value,
        joined_at=now,
    )
    return JoinResult(
        attendee=attendee, workshop=workshop, resume_token=token, nickname_changes=nickname.changes
    )


def resume(conn: Connection, token: str) -> AttendeeView:
    """The attendee's record, workshop, the open poll and their answer to it."""
    attendee, workshop = attendee_by_token(conn, token)
    row = open_poll_row(conn, workshop.id)
    poll = poll_from(row) if row is not None else None
    answer = None
    if poll is not None:
        query = select(poll_answers.c.option_index).where(
            poll_answers.c.poll_id == poll.id, poll_answers.c.attendee_id == attendee.id
        )
        answer = conn.execute(query).scalar_one_or_none()
    return AttendeeView(attendee=attendee, workshop=workshop, open_poll=poll, my_answer=answer)


def answer_poll(conn: Connection, token: str, poll_id: int, option_index: int, now: datetime) -> str:
    """Record or change the attendee's answer while the poll is open; the workshop's id."""
    attendee, _ = attendee_by_token(conn, token)
    query = select(polls).where(polls.c.id == poll_id, polls.c.workshop_id == attendee.workshop_id)
    row = conn.execute(query).first()
    if row is None:
        raise WorkshopError("unknown_poll")
    poll = poll_from(row)
    if not poll.is_open:
        raise WorkshopError("poll_closed")
    if not 0 <= option_index < len(poll.options):
        raise WorkshopError("invalid_option", count=len(poll.options))
    values = {
        "poll_id": poll_id,
        "attendee_id": attendee.id,
        "option_index": option_index,
        "answered_at": now,
    }
    upsert(conn, poll_answers, values, ("poll_id", "attendee_id"))
    return attendee.workshop_id


def _already_stored(conn: Connection, submission_id: str, attendee_id: int) -> bool:
    query = select(submissions.c.attendee_id).where(submissions.c.submission_id == submission_id)
    owner = conn.execute(query).scalar_one_or_none()
    if owner is not None and owner != attendee_id:
        raise WorkshopError("submission_conflict")
    return owner is not None


def submit(
    conn: Connection,
    token: str,
    *,
    submission_id: str,
    kind: SubmissionKind,
    summary: tuple[str, BaseModel],
    raw_json: str | None,
    now: datetime,
) -> SubmissionReceipt:
    """Store a checked submission once per ``submission_id``; a replay is acknowledged, not stored."""
    summary_json, contract = summary
    attendee, workshop = attendee_by_token(conn, token)
    replay = SubmissionReceipt(submission_id=submission_id, kind=kind, stored=False)
    if _already_stored(conn, submission_id, attendee.id):
        return replay
    if not workshop.is_open:
        raise WorkshopError("workshop_closed")
    values: dict[str, Any] = {
        "submission_id": submission_id,
        "workshop_id": workshop.id,
        "attendee_id": attendee.id,
        "kind": kind,
        "summary": summary_json,
        "raw": raw_json,
        "created_at": now,
        "stable_short_video": contract.has_stable_short_video
        if isinstance(contract, ChannelsSummary)
        else None,
        "headline_gap": contract.headline_gap if isinstance(contract, TeamSummary) else None,
    }
    row_id = insert_ignore(conn, submissions, values, ("submission_id",), submissions.c.id)
    if row_id is None:  # a concurrent replay committed first
        _already_stored(conn, submission_id, attendee.id)
        return replay
    if isinstance(contract, FunnelSummary) and (stages := contract.stage_counts()):
        rows = [{"submission_row": row_id, "stage": stage, "count": n} for stage, n in stages.items()]
        conn.execute(submission_stages.insert(), rows)
    bump(conn, workshop.id)
    return SubmissionReceipt(submission_id=submission_id, kind=kind, stored=True)


def save_state(conn: Connection, token: str, key: str, encoded: str, now: datetime) -> None:
    """Keep the attendee's JSON text under ``key``, replacing what was there."""
    attendee, _ = attendee_by_token(conn, token)
    values = {"attendee_id": attendee.id, "key": key, "value": encoded, "updated_at": now}
    upsert(conn, attendee_state, values, ("attendee_id", "key"))


def load_state(conn: Connection, token: str, key: str) -> JsonValue | None:
    """The attendee's JSON value under ``key``, or None."""
    attendee, _ = attendee_by_token(conn, token)
    query = select(attendee_state.c.value).where(
        attendee_state.c.attendee_id == attendee.id, attendee_state.c.key == key
    )
    encoded = conn.execute(query).scalar_one_or_none()
    return None if encoded is None else json.loads(encoded)


def delete_attendee(conn: Connection, token: str) -> str | None:
    """Delete the attendee holding this token with everything they sent (rows cascade); the id of
    their workshop, or None when the token names nobody."""
    if not token or len(token) > TOKEN_MAX_CHARS:
        return None
    query = delete(attendees).where(attendees.c.token_digest == token_digest(token))
    return conn.execute(query.returning(attendees.c.workshop_id)).scalar_one_or_none()
