"""Small SQL helpers shared by the store and the aggregate: dialect upserts, lookups, rows → models."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Row, Table, and_, func, select
from sqlalchemy.dialects import postgresql, sqlite

from content_logic.workshop.codes import token_digest
from content_logic.workshop.errors import WorkshopError
from content_logic.workshop.models import Attendee, Poll, Workshop
from storage.schema import attendees, polls, workshops

SUPPORTED_DIALECTS = ("sqlite", "postgresql")
"""Both have ``INSERT … ON CONFLICT``, which idempotent submissions and answer upserts rely on."""

TOKEN_MAX_CHARS = 200
"""Anything longer than this can't be a resume token; it is refused before hashing."""


def insert_statement(conn: Connection, table: Table) -> Any:
    """The dialect's ``INSERT`` for ``table`` (it has ``on_conflict_do_nothing``/``_do_update``)."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise RuntimeError(f"unsupported database {conn.dialect.name!r}: use one of {SUPPORTED_DIALECTS}")


def insert_ignore(
    conn: Connection, table: Table, values: Mapping[str, Any], conflict: Sequence[str], returning: Column[Any]
) -> Any | None:
    """Insert a row unless one with the same ``conflict`` key exists; the new ``returning`` value or None."""
    stmt = (
        insert_statement(conn, table).values(**values).on_conflict_do_nothing(index_elements=list(conflict))
    )
    return conn.execute(stmt.returning(returning)).scalar_one_or_none()


def upsert(conn: Connection, table: Table, values: Mapping[str, Any], conflict: Sequence[str]) -> None:
    """Insert a row, or update its non-key columns when one with the same ``conflict`` key exists."""
    stmt = insert_statement(conn, table).values(**values)
    updates = {name: stmt.excluded[name] for name in values if name not in conflict}
    conn.execute(stmt.on_conflict_do_update(index_elements=list(conflict), set_=updates))


def workshop_from(row: Row[Any] | Any) -> Workshop:
    """A workshop model from a ``workshops`` row (or labelled ``w_*`` columns)."""
    values = row._mapping
    prefix = "w_" if "w_id" in values else ""
    return Workshop(
        id=values[f"{prefix}id"],
        name=values[f"{prefix}name"],
        language=values[f"{prefix}language"],
        join_code=values[f"{prefix}join_code"],
        created_at=values[f"{prefix}created_at"],
        closed_at=values[f"{prefix}closed_at"],
    )


def poll_from(row: Row[Any] | Any) -> Poll:
    """A poll model from a ``polls`` row."""
    values = row._mapping
    return Poll(
        id=values["id"],
        workshop_id=values["workshop_id"],
        lesson_id=values["lesson_id"],
        question_index=values["question_index"],
        question=values["question"],
        options=tuple(json.loads(values["options"])),
        opened_at=values["opened_at"],
        closed_at=values["closed_at"],
    )


def load_workshop(conn: Connection, workshop_id: str) -> Workshop:
    """The workshop with this id, or ``WorkshopError("unknown_workshop")``."""
    row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).first()
    if row is None:
        raise WorkshopError("unknown_workshop")
    return workshop_from(row)


def attendee_number(conn: Connection, workshop_id: str, attendee_id: int) -> int:
    """An attendee's join order in their workshop (1 for the first)."""
    query = select(func.count()).where(attendees.c.workshop_id == workshop_id, attendees.c.id <= attendee_id)
    return int(conn.execute(query).scalar_one())


_WORKSHOP_COLUMNS = [column.label(f"w_{column.name}") for column in workshops.c]


def attendee_by_token(conn: Connection, token: str) -> tuple[Attendee, Workshop]:
    """The attendee holding this resume token and their workshop, or ``WorkshopError("invalid_token")``."""
    if not token or len(token) > TOKEN_MAX_CHARS:
        raise WorkshopError("invalid_token")
    query = (
        select(attendees, *_WORKSHOP_COLUMNS)
        .join(workshops, workshops.c.id == attendees.c.workshop_id)
        .where(attendees.c.token_digest == token_digest(token))
    )
    row = conn.execute(query).first()
    if row is None:
        raise WorkshopError("invalid_token")
    values = row._mapping
    attendee = Attendee(
        id=values["id"],
        workshop_id=values["workshop_id"],
        number=attendee_number(conn, values["workshop_id"], values["id"]),
        nickname=values["nickname"],
        joined_at=values["joined_at"],
    )
    return attendee, workshop_from(row)


def open_poll_row(conn: Connection, workshop_id: str) -> Row[Any] | None:
    """The workshop's open poll row, if one is open."""
    query = select(polls).where(and_(polls.c.workshop_id == workshop_id, polls.c.closed_at.is_(None)))
    return conn.execute(query).first()
