"""The presenter's shared screen and the instructor's access records, inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, select, update

from content_logic.workshop.screen import ScreenState
from storage.rows import insert_ignore, upsert
from storage.schema import instructor_access, presenter_screens

GENERATION = "generation"
"""``instructor_access`` row counting sign-outs: a session issued in an older generation is over."""

SIGNIN_PREFIX = "signin:"
"""``instructor_access`` rows of sign-in links already used (``signin:<nonce>``)."""


def set_screen(
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


def screen(conn: Connection, workshop_id: str) -> ScreenState | None:
    """Where the presenter is in this workshop, if they have presented anything yet."""
    row = conn.execute(
        select(presenter_screens).where(presenter_screens.c.workshop_id == workshop_id)
    ).first()
    return None if row is None else ScreenState.model_validate(dict(row._mapping))


def generation(conn: Connection) -> int:
    """The current instructor session generation (0 before anyone signed out)."""
    query = select(instructor_access.c.value).where(instructor_access.c.name == GENERATION)
    return int(conn.execute(query).scalar_one_or_none() or 0)


def next_generation(conn: Connection, now: datetime) -> int:
    """Move the generation on (every session issued before is over); returns the new one."""
    current = generation(conn)
    if current == 0:
        values = {"name": GENERATION, "value": 0, "updated_at": now}
        insert_ignore(conn, instructor_access, values, ("name",), instructor_access.c.name)
    conn.execute(
        update(instructor_access)
        .where(instructor_access.c.name == GENERATION)
        .values(value=instructor_access.c.value + 1, updated_at=now)
    )
    return generation(conn)


def redeem_signin(conn: Connection, nonce: str, now: datetime) -> bool:
    """Record a sign-in link as used; False when it was used before."""
    values = {"name": f"{SIGNIN_PREFIX}{nonce}"[:64], "value": 1, "updated_at": now}
    return insert_ignore(conn, instructor_access, values, ("name",), instructor_access.c.name) is not None
