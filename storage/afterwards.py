"""The store's verbs for after (and around) the workshop: the room report and the 30-day re-check.

Re-check records live in ``attendee_state`` (keys ``recheck`` and ``recheck.<calculator>``), so they
go with the attendee, and with the workshop when the instructor deletes it, like everything else.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, delete, func, select

from content_logic.workshop import payloads
from content_logic.workshop.errors import WorkshopError
from content_logic.workshop.models import SUBMISSION_KINDS, SubmissionKind
from content_logic.workshop.recheck import (
    RECHECK_RESULT_PREFIX,
    RECHECK_STATE_KEY,
    RULES,
    CohortData,
    RecheckStatus,
    ThenNow,
    recheck_due,
    recheck_key,
)
from content_logic.workshop.report import RoomReportData
from storage.report import report_data
from storage.rows import attendee_by_token, load_workshop, upsert
from storage.schema import attendee_state, attendees, submissions


def _state_rows(conn: Connection, attendee_id: int) -> dict[str, Any]:
    query = select(attendee_state.c.key, attendee_state.c.value).where(
        attendee_state.c.attendee_id == attendee_id,
        (attendee_state.c.key == RECHECK_STATE_KEY) | attendee_state.c.key.startswith(RECHECK_RESULT_PREFIX),
    )
    return {key: json.loads(value) for key, value in conn.execute(query)}


def _status(conn: Connection, token: str, now: datetime) -> tuple[int, RecheckStatus]:
    attendee, workshop = attendee_by_token(conn, token)
    rows = _state_rows(conn, attendee.id)
    opted = rows.get(RECHECK_STATE_KEY)
    rerun = tuple(kind for kind in SUBMISSION_KINDS if recheck_key(kind) in rows)
    opted_at = datetime.fromisoformat(opted["opted_in_at"]) if isinstance(opted, dict) else None
    due = opted_at is not None and recheck_due(workshop.closed_at, now)
    return attendee.id, RecheckStatus(
        closed_at=workshop.closed_at, opted_in_at=opted_at, rerun=rerun, due=due
    )


def cohort_data(conn: Connection, workshop_id: str) -> CohortData:
    """Each re-run paired with the same attendee's latest result shared in the workshop (then), and how
    many opted in; the attendees themselves are not returned."""
    in_workshop = select(attendees.c.id).where(attendees.c.workshop_id == workshop_id)
    opted = conn.execute(
        select(func.count())
        .select_from(attendee_state)
        .where(attendee_state.c.attendee_id.in_(in_workshop), attendee_state.c.key == RECHECK_STATE_KEY)
    ).scalar_one()
    reruns = conn.execute(
        select(attendee_state.c.attendee_id, attendee_state.c.key, attendee_state.c.value).where(
            attendee_state.c.attendee_id.in_(in_workshop),
            attendee_state.c.key.startswith(RECHECK_RESULT_PREFIX),
        )
    )
    now_by: dict[tuple[int, str], Any] = {
        (person, key.removeprefix(RECHECK_RESULT_PREFIX)): json.loads(value) for person, key, value in reruns
    }
    latest = (
        select(func.max(submissions.c.id))
        .where(submissions.c.workshop_id == workshop_id)
        .group_by(submissions.c.kind, submissions.c.attendee_id)
    )
    then_rows = conn.execute(
        select(submissions.c.attendee_id, submissions.c.kind, submissions.c.summary).where(
            submissions.c.id.in_(latest)
        )
    )
    pairs = [
        ThenNow(kind=kind, then=json.loads(summary), now=now_by[(person, kind)])
        for person, kind, summary in then_rows
        if (person, kind) in now_by
    ]
    pairs.sort(key=lambda pair: (pair.kind, json.dumps(pair.now, sort_keys=True)))  # no join order
    return CohortData(opted_in=opted, pairs=tuple(pairs))


class AfterwardsAccess:
    """Mixed into ``WorkshopStore``, whose transactions (``_write``, ``_read``) and clock it uses."""

    _write: Callable[[], AbstractContextManager[Connection]]
    _read: Callable[[], AbstractContextManager[Connection]]
    _now: Callable[[], datetime]

    def room_report_data(self, workshop_id: str) -> RoomReportData:
        """The room report's counts for one workshop (open or closed), in one consistent read."""
        with self._read() as conn:
            return report_data(conn, load_workshop(conn, workshop_id), self._now())

    def recheck_status(self, token: str) -> RecheckStatus:
        """This attendee's re-check: opted in or not, the workshop's close, the calculators re-run."""
        with self._read() as conn:
            return _status(conn, token, self._now())[1]

    def set_recheck(self, token: str, opted_in: bool) -> RecheckStatus:
        """Opt in to the re-check (only once the workshop has closed), or out: opting out deletes the
        re-run results too."""
        with self._write() as conn:
            attendee, workshop = attendee_by_token(conn, token)
            if opted_in:
                if workshop.is_open:
                    raise WorkshopError("recheck_unavailable", days=RULES.after_days)
                value = json.dumps({"opted_in_at": self._now().isoformat()})
                row = {
                    "attendee_id": attendee.id,
                    "key": RECHECK_STATE_KEY,
                    "value": value,
                    "updated_at": self._now(),
                }
                if RECHECK_STATE_KEY not in _state_rows(conn, attendee.id):
                    upsert(conn, attendee_state, row, ("attendee_id", "key"))
            else:
                conn.execute(
                    delete(attendee_state).where(
                        attendee_state.c.attendee_id == attendee.id,
                        (attendee_state.c.key == RECHECK_STATE_KEY)
                        | attendee_state.c.key.startswith(RECHECK_RESULT_PREFIX),
                    )
                )
            return _status(conn, token, self._now())[1]

    def save_recheck(self, token: str, kind: str, summary: BaseModel | Mapping[str, Any]) -> RecheckStatus:
        """Keep a re-run result (its summary only, checked like a share), replacing an earlier re-run;
        ``recheck_unavailable`` unless opted in and the re-check has opened."""
        checked_kind: SubmissionKind = payloads.check_kind(kind)
        encoded, _ = payloads.check_summary(checked_kind, summary)
        with self._write() as conn:
            attendee_id, status = _status(conn, token, self._now())
            if not status.due:
                raise WorkshopError("recheck_unavailable", days=RULES.after_days)
            row = {"attendee_id": attendee_id, "key": recheck_key(checked_kind), "value": encoded}
            upsert(conn, attendee_state, row | {"updated_at": self._now()}, ("attendee_id", "key"))
            return _status(conn, token, self._now())[1]

    def cohort_data(self, workshop_id: str) -> CohortData:
        """The cohort view's pairs (then, now) for one workshop."""
        with self._read() as conn:
            load_workshop(conn, workshop_id)
            return cohort_data(conn, workshop_id)
