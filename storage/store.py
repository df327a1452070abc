"""The workshop store: every read and write of workshops, attendees, polls and shared results."""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, JsonValue
from sqlalchemy import Connection, Engine, delete, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from content_logic.i18n import LANGUAGES
from content_logic.lessons import LESSON_ID_PATTERN
from content_logic.workshop import payloads
from content_logic.workshop.codes import (
    clean_nickname,
    clean_workshop_name,
    new_join_code,
    new_resume_token,
    normalize_join_code,
)
from content_logic.workshop.errors import WorkshopError
from content_logic.workshop.models import (
    AttendeeView,
    JoinResult,
    Poll,
    RoomSnapshot,
    SubmissionReceipt,
    Workshop,
)
from storage import aggregate, attending
from storage.live import LiveRoom
from storage.presenting import PresenterAccess
from storage.rows import load_workshop, open_poll_row, poll_from, workshop_from
from storage.schema import (
    READ_ONLY_OPTION,
    ensure_schema,
    make_engine,
    polls,
    resolve_database_url,
    workshops,
)
from storage.versions import RoomVersion, VersionBoard, bump, take_written

WORKSHOP_ID_BYTES = 16
"""Random bytes in a workshop's instructor-side id (32 hex characters)."""

CODE_ATTEMPTS = 20
"""Fresh codes tried when one is taken by another open workshop (odds of a clash: about 1 in 10⁸)."""

POLL_OPTIONS = (2, 6)
"""A poll has between 2 and 6 options, like the lesson quizzes it comes from."""

POLL_TEXT_MAX_CHARS = 1000
"""Longest question or option text a poll stores."""


def _utcnow() -> datetime:
    return datetime.now(UTC)


class WorkshopStore(PresenterAccess):
    """Workshops on SQLite or PostgreSQL through SQLAlchemy Core; safe to share across threads."""

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = _utcnow) -> None:
        try:
            ensure_schema(engine)
        except OperationalError as error:
            raise WorkshopError("storage_unavailable") from error
        self.engine = engine
        self._now = clock
        self.versions = VersionBoard(engine)
        """Every room's version numbers as this process knows them."""
        self.live = LiveRoom(self)
        """Room data shared by every session of this process, read again only when a version moves."""
        # SQLite takes one writer at a time anyway; queueing this process's writers on a lock hands
        # the turn over at once, where SQLite's busy handler would poll with sleeps.
        self._writers = threading.Lock() if engine.dialect.name == "sqlite" else contextlib.nullcontext()

    @classmethod
    def from_url(cls, url: str | None = None, *, pg_schema: str | None = None) -> WorkshopStore:
        """Open the store at ``url``, else ``$COMPANION_DATABASE_URL``, else ``data/companion.sqlite3``."""
        return cls(make_engine(resolve_database_url(url), pg_schema=pg_schema))

    def dispose(self) -> None:
        """Stop the version reader and close the pooled connections (the store can't be used afterwards)."""
        self.versions.stop()
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        written: list[tuple[str, RoomVersion]] = []
        try:
            with self._writers, self.engine.begin() as conn:
                try:
                    yield conn
                finally:
                    written = take_written(conn)
        except OperationalError as error:
            raise WorkshopError("storage_unavailable") from error
        for workshop_id, version in written:  # committed: this process's screens see it at once
            self.versions.note(workshop_id, version)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        options: dict[str, Any] = {READ_ONLY_OPTION: True}
        if self.engine.dialect.name == "postgresql":
            options |= {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        try:
            with self.engine.connect() as conn, conn.execution_options(**options).begin():
                yield conn
        except OperationalError as error:
            raise WorkshopError("storage_unavailable") from error

    # Instructor -------------------------------------------------------------------------------

    def open_workshop(self, name: str, language: str) -> Workshop:
        """Start a workshop with a fresh join code unique among open workshops."""
        if language not in LANGUAGES:
            raise WorkshopError("invalid_language", languages=", ".join(LANGUAGES))
        values = {"name": clean_workshop_name(name), "language": language, "created_at": self._now()}
        for _ in range(CODE_ATTEMPTS):
            workshop_id = secrets.token_hex(WORKSHOP_ID_BYTES)
            values |= {"id": workshop_id, "join_code": new_join_code()}
            try:
                with self._write() as conn:
                    conn.execute(workshops.insert().values(**values))
                    bump(conn, workshop_id, poll=True)
            except IntegrityError:
                continue
            return Workshop.model_validate(values)
        raise WorkshopError("code_generation_failed")

    def get_workshop(self, workshop_id: str) -> Workshop:
        """The workshop with this instructor-side id, or ``unknown_workshop``."""
        with self._read() as conn:
            return load_workshop(conn, workshop_id)

    def find_workshop(self, workshop_id: str) -> Workshop | None:
        """The workshop with this id, or None when there is none (deleted)."""
        try:
            return self.get_workshop(workshop_id)
        except WorkshopError as error:
            if error.code == "unknown_workshop":
                return None
            raise

    def list_workshops(self) -> list[Workshop]:
        """Every workshop, newest first (open and closed)."""
        with self._read() as conn:
            rows = conn.execute(select(workshops).order_by(workshops.c.created_at.desc(), workshops.c.id))
            return [workshop_from(row) for row in rows]

    def close_workshop(self, workshop_id: str) -> Workshop:
        """Close a workshop and its open poll: no more joins, answers or shares. Idempotent."""
        now = self._now()
        with self._write() as conn:
            load_workshop(conn, workshop_id)
            conn.execute(
                update(workshops)
                .where(workshops.c.id == workshop_id, workshops.c.closed_at.is_(None))
                .values(closed_at=now)
            )
            conn.execute(
                update(polls)
                .where(polls.c.workshop_id == workshop_id, polls.c.closed_at.is_(None))
                .values(closed_at=now)
            )
            bump(conn, workshop_id, poll=True)
            return load_workshop(conn, workshop_id)

    def delete_workshop(self, workshop_id: str) -> bool:
        """Delete a workshop with all its attendees, answers and shares; False if it didn't exist."""
        with self._write() as conn:
            deleted = conn.execute(delete(workshops).where(workshops.c.id == workshop_id)).rowcount
            return bool(deleted)

    def open_poll(
        self, workshop_id: str, lesson_id: str, question_index: int, question: str, options: Sequence[str]
    ) -> Poll:
        """Put a lesson's quiz question to the room, closing the poll that was open before."""
        texts = [str(option).strip() for option in options]
        low, high = POLL_OPTIONS
        if (
            not re.fullmatch(LESSON_ID_PATTERN, lesson_id)
            or question_index < 0
            or not question.strip()
            or not low <= len(texts) <= high
            or any(not text or len(text) > POLL_TEXT_MAX_CHARS for text in texts + [question.strip()])
        ):
            raise WorkshopError("invalid_poll", low=low, high=high)
        now = self._now()
        with self._write() as conn:
            if not load_workshop(conn, workshop_id).is_open:
                raise WorkshopError("workshop_closed")
            conn.execute(
                update(polls)
                .where(polls.c.workshop_id == workshop_id, polls.c.closed_at.is_(None))
                .values(closed_at=now)
            )
            values = {
                "workshop_id": workshop_id,
                "lesson_id": lesson_id,
                "question_index": question_index,
                "question": question.strip(),
                "options": json.dumps(texts, ensure_ascii=False),
                "opened_at": now,
            }
            bump(conn, workshop_id, poll=True)
            return poll_from(conn.execute(polls.insert().values(**values).returning(*polls.c)).one())

    def close_poll(self, poll_id: int) -> Poll:
        """Stop accepting answers to a poll (idempotent); ``unknown_poll`` if there is none."""
        with self._write() as conn:
            conn.execute(
                update(polls)
                .where(polls.c.id == poll_id, polls.c.closed_at.is_(None))
                .values(closed_at=self._now())
            )
            row = conn.execute(select(polls).where(polls.c.id == poll_id)).first()
            if row is None:
                raise WorkshopError("unknown_poll")
            closed = poll_from(row)
            bump(conn, closed.workshop_id, poll=True)
            return closed

    def current_poll(self, workshop_id: str) -> Poll | None:
        """The workshop's open poll, if any."""
        with self._read() as conn:
            row = open_poll_row(conn, workshop_id)
            return poll_from(row) if row is not None else None

    def room_snapshot(self, workshop_id: str) -> RoomSnapshot:
        """The live dashboard's figures for one workshop, read in one consistent transaction."""
        with self._read() as conn:
            return aggregate.room_snapshot(conn, load_workshop(conn, workshop_id), self._now())

    def export_csv(self, workshop_id: str) -> bytes:
        """The workshop's attendees, poll answers and shared summaries as one UTF-8 CSV file."""
        with self._read() as conn:
            return aggregate.export_csv(conn, load_workshop(conn, workshop_id))

    # Attendee ---------------------------------------------------------------------------------

    def join(self, code: str, nickname: str | None = None) -> JoinResult:
        """Join the open workshop with this code (typed any way); the result holds the resume token."""
        join_code = normalize_join_code(code)
        cleaned = clean_nickname(nickname)
        with self._write() as conn:
            joined = attending.join(conn, join_code, cleaned, new_resume_token(), self._now())
            bump(conn, joined.workshop.id)
            return joined

    def resume(self, token: str) -> AttendeeView:
        """An attendee's record, workshop, the open poll and their answer to it, from their resume token."""
        with self._read() as conn:
            return attending.resume(conn, token)

    def answer_poll(self, token: str, poll_id: int, option_index: int) -> None:
        """Record or change this attendee's answer while the poll is open (``poll_closed`` after)."""
        with self._write() as conn:
            workshop_id = attending.answer_poll(conn, token, poll_id, option_index, self._now())
            bump(conn, workshop_id)

    def submit(
        self,
        token: str,
        *,
        submission_id: str,
        kind: str,
        summary: BaseModel | Mapping[str, Any],
        raw: payloads.JsonInput = None,
    ) -> SubmissionReceipt:
        """Share a calculator result with the room, exactly once per ``submission_id`` (a replay is
        acknowledged with ``stored=False``); ``raw`` only when the attendee ticked the box."""
        checked_kind = payloads.check_kind(kind)
        sid = payloads.check_submission_id(submission_id)
        summary_checked = payloads.check_summary(checked_kind, summary)
        raw_json = None if raw is None else payloads.to_json(raw, limit=payloads.RAW_MAX_BYTES)
        with self._write() as conn:
            return attending.submit(
                conn,
                token,
                submission_id=sid,
                kind=checked_kind,
                summary=summary_checked,
                raw_json=raw_json,
                now=self._now(),
            )

    def save_state(self, token: str, key: str, value: payloads.JsonInput) -> None:
        """Keep a JSON value for this attendee under ``key`` (e.g. a calculator's inputs), replacing it."""
        encoded = payloads.to_json(value, limit=payloads.STATE_MAX_BYTES)
        checked = payloads.check_state_key(key)
        with self._write() as conn:
            attending.save_state(conn, token, checked, encoded, self._now())

    def load_state(self, token: str, key: str) -> JsonValue | None:
        """The JSON value saved under ``key`` for this attendee, or None if nothing was saved."""
        checked = payloads.check_state_key(key)
        with self._read() as conn:
            return attending.load_state(conn, token, checked)

    def delete_attendee(self, token: str) -> bool:
        """Delete an attendee with their answers, shares and saved work; False if already gone."""
        with self._write() as conn:
            workshop_id = attending.delete_attendee(conn, token)
            if workshop_id is not None:
                bump(conn, workshop_id)  # the room's counts changed
            return workshop_id is not None
