"""The presenter's shared screen and the instructor's access records, inside the caller's transaction."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import IntegrityError

from content_logic.lessons import LESSON_ID_PATTERN
from content_logic.workshop.errors import WorkshopError
from content_logic.workshop.models import Workshop
from content_logic.workshop.screen import ScreenState
from storage.rows import insert_ignore, load_workshop, upsert
from storage.schema import instructor_access, presenter_screens, workshops
from storage.versions import bump

GENERATION = "generation"
"""``instructor_access`` row counting sign-outs: a session issued in an older generation is over."""

SIGNIN_PREFIX = "signin:"
"""``instructor_access`` rows of sign-in links already used (``signin:<nonce>``)."""


def write_screen(
    conn: Connection,
    workshop_id: str,
    lesson_id: str,
    slide: int,
    revealed_poll_id: int | None,
    now: datetime,
) -> None:
    """Record where the presenter is (replacing what was there)."""
    values = {
        "workshop_id": workshop_id,
        "lesson_id": lesson_id,
        "slide": slide,
        "revealed_poll_id": revealed_poll_id,
        "updated_at": now,
    }
    upsert(conn, presenter_screens, values, ("workshop_id",))


def read_screen(conn: Connection, workshop_id: str) -> ScreenState | None:
    """Where the presenter is in this workshop, if they have presented anything yet."""
    row = conn.execute(
        select(presenter_screens).where(presenter_screens.c.workshop_id == workshop_id)
    ).first()
    return None if row is None else ScreenState.model_validate(dict(row._mapping))


def read_generation(conn: Connection) -> int:
    """The current instructor session generation (0 before anyone signed out)."""
    query = select(instructor_access.c.value).where(instructor_access.c.name == GENERATION)
    return int(conn.execute(query).scalar_one_or_none() or 0)


def bump_generation(conn: Connection, now: datetime) -> int:
    """Move the generation on (every session issued before is over); returns the new one."""
    current = read_generation(conn)
    if current == 0:
        values = {"name": GENERATION, "value": 0, "updated_at": now}
        insert_ignore(conn, instructor_access, values, ("name",), instructor_access.c.name)
    conn.execute(
        update(instructor_access)
        .where(instructor_access.c.name == GENERATION)
        .values(value=instructor_access.c.value + 1, updated_at=now)
    )
    return read_generation(conn)


def record_signin(conn: Connection, nonce: str, now: datetime) -> bool:
    """Record a sign-in link as used; False when it was used before."""
    values = {"name": f"{SIGNIN_PREFIX}{nonce}"[:64], "value": 1, "updated_at": now}
    return insert_ignore(conn, instructor_access, values, ("name",), instructor_access.c.name) is not None


class PresenterAccess:
    """The store's verbs for the presenter's shared screen, reopening, and instructor access; mixed
    into ``WorkshopStore``, whose transactions (``_write``, ``_read``) and clock they use."""

    _write: Callable[[], AbstractContextManager[Connection]]
    _read: Callable[[], AbstractContextManager[Connection]]
    _now: Callable[[], datetime]

    def reopen_workshop(self, workshop_id: str) -> Workshop:
        """Open a closed workshop again with the same code and attendees (``code_taken`` when another
        open workshop has that code now). Idempotent."""
        try:
            with self._write() as conn:
                load_workshop(conn, workshop_id)
                conn.execute(update(workshops).where(workshops.c.id == workshop_id).values(closed_at=None))
                bump(conn, workshop_id, poll=True)  # phones learn it is open again
                return load_workshop(conn, workshop_id)
        except IntegrityError:
            raise WorkshopError("code_taken") from None

    def set_screen(self, workshop_id: str, lesson_id: str, slide: int, revealed_poll_id: int | None) -> None:
        """Record the presenter's lesson, slide and revealed poll for the audience screen to follow."""
        if not re.fullmatch(LESSON_ID_PATTERN, lesson_id) or slide < 0:
            raise WorkshopError("invalid_slide")
        with self._write() as conn:
            load_workshop(conn, workshop_id)
            write_screen(conn, workshop_id, lesson_id, slide, revealed_poll_id, self._now())

    def screen(self, workshop_id: str) -> ScreenState | None:
        """Where the presenter is in this workshop, if anywhere yet."""
        with self._read() as conn:
            return read_screen(conn, workshop_id)

    def instructor_generation(self) -> int:
        """The instructor session generation that valid sessions must carry."""
        with self._read() as conn:
            return read_generation(conn)

    def end_instructor_sessions(self) -> int:
        """Sign the instructor out everywhere (the generation moves on); returns the new generation."""
        with self._write() as conn:
            return bump_generation(conn, self._now())

    def redeem_signin(self, nonce: str) -> bool:
        """Use up a one-time sign-in link; False when it was used before."""
        with self._write() as conn:
            return record_signin(conn, nonce, self._now())
