"""Tables (SQLAlchemy Core), the engine for SQLite or PostgreSQL, and schema creation on start."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Dialect,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    select,
    text,
)
from sqlalchemy.types import TypeDecorator

DATABASE_URL_ENV = "COMPANION_DATABASE_URL"
"""Environment variable with a SQLAlchemy URL (``postgresql+psycopg://…``); unset means SQLite."""

DEFAULT_SQLITE_PATH = Path(__file__).resolve().parents[1] / "data" / "companion.sqlite3"
"""The embedded database: a file in the git-ignored ``data/`` folder, created on first start."""

SQLITE_BUSY_TIMEOUT_MS = 10_000
"""How long a SQLite writer waits for another one: a burst of 200 phones queues instead of failing."""

SQLITE_SYNCHRONOUS = "FULL"
"""fsync the WAL on every commit, so a submission acknowledged to a phone survives even a power cut."""

READ_ONLY_OPTION = "companion_read_only"
"""Connection execution option: SQLite begins a deferred (reading) transaction instead of IMMEDIATE."""

SCHEMA_VERSION = 3
"""Bump with a new entry in :data:`MIGRATIONS` whenever a table changes."""

SCHEMA_LOCK_ID = 0x436F6D70  # "Comp"
"""PostgreSQL advisory lock taken while creating tables, so app processes starting together don't race."""

CODE_LENGTH = 8
"""Column width of join codes (6 characters today, room to grow)."""
TEXT_ID_LENGTH = 64
"""Column width of random ids, lesson/capability/stage ids and state keys."""
NAME_LENGTH = 200
"""Column width of workshop names and nicknames, above what cleaning lets through."""
KIND_LENGTH = 16
"""Column width of a submission's calculator id."""
UUID_LENGTH = 36
"""A client-generated submission id in canonical UUID form."""
DIGEST_LENGTH = 64
"""SHA-256 hex digest of a resume token."""


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as naive UTC on every backend and returned timezone-aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Aware → naive UTC on the way in."""
        return value.astimezone(UTC).replace(tzinfo=None) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Naive UTC → aware on the way out."""
        return value.replace(tzinfo=UTC) if value is not None else None


metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", UTCDateTime, nullable=False),
)

workshops = Table(
    "workshops",
    metadata,
    Column("id", String(TEXT_ID_LENGTH), primary_key=True),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("language", String(8), nullable=False),
    Column("join_code", String(CODE_LENGTH), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime),
    Index(
        "uq_workshops_open_code",
        "join_code",
        unique=True,
        sqlite_where=text("closed_at IS NULL"),
        postgresql_where=text("closed_at IS NULL"),
    ),
    Index("ix_workshops_code", "join_code", "created_at"),
)


def _parent(column: str) -> ForeignKey:
    """A reference whose rows go when the parent row is deleted (deleting a workshop deletes it all)."""
    return ForeignKey(column, ondelete="CASCADE")


attendees = Table(
    "attendees",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", _parent("workshops.id"), nullable=False),
    Column("token_digest", String(DIGEST_LENGTH), nullable=False, unique=True),
    Column("nickname", String(NAME_LENGTH)),
    Column("joined_at", UTCDateTime, nullable=False),
    Index("ix_attendees_workshop", "workshop_id", "id"),
)

attendee_state = Table(
    "attendee_state",
    metadata,
    Column("attendee_id", _parent("attendees.id"), primary_key=True),
    Column("key", String(TEXT_ID_LENGTH), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

polls = Table(
    "polls",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", _parent("workshops.id"), nullable=False),
    Column("lesson_id", String(TEXT_ID_LENGTH), nullable=False),
    Column("question_index", Integer, nullable=False),
    Column("question", Text, nullable=False),
    Column("options", Text, nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime),
    Index(
        "uq_polls_one_open",
        "workshop_id",
        unique=True,
        sqlite_where=text("closed_at IS NULL"),
        postgresql_where=text("closed_at IS NULL"),
    ),
    Index("ix_polls_workshop", "workshop_id", "id"),
    sqlite_autoincrement=True,
)

poll_answers = Table(
    "poll_answers",
    metadata,
    Column("poll_id", _parent("polls.id"), primary_key=True),
    Column("attendee_id", _parent("attendees.id"), primary_key=True),
    Column("option_index", Integer, nullable=False),
    Column("answered_at", UTCDateTime, nullable=False),
    Index("ix_poll_answers_attendee", "attendee_id"),
)

submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("submission_id", String(UUID_LENGTH), nullable=False, unique=True),
    Column("workshop_id", _parent("workshops.id"), nullable=False),
    Column("attendee_id", _parent("attendees.id"), nullable=False),
    Column("kind", String(KIND_LENGTH), nullable=False),
    Column("summary", Text, nullable=False),
    Column("raw", Text),
    Column("created_at", UTCDateTime, nullable=False),
    # Copied out of the summary when stored, so the dashboard aggregates in SQL without parsing JSON.
    Column("stable_short_video", Boolean),
    Column("headline_gap", String(TEXT_ID_LENGTH)),
    Index("ix_submissions_latest", "workshop_id", "kind", "attendee_id", "id"),
    Index("ix_submissions_attendee", "attendee_id"),
    sqlite_autoincrement=True,
)

submission_stages = Table(
    "submission_stages",
    metadata,
    Column("submission_row", _parent("submissions.id"), primary_key=True),
    Column("stage", String(TEXT_ID_LENGTH), primary_key=True),
    Column("count", Integer, nullable=False),
)

presenter_screens = Table(
    "presenter_screens",
    metadata,
    Column("workshop_id", _parent("workshops.id"), primary_key=True),
    Column("lesson_id", String(TEXT_ID_LENGTH), nullable=False),
    Column("slide", Integer, nullable=False),
    Column("revealed_poll_id", Integer),
    Column("updated_at", UTCDateTime, nullable=False),
)
"""What the presenter shows (lesson, slide, a poll's revealed answer), followed by the audience screen."""

instructor_access = Table(
    "instructor_access",
    metadata,
    Column("name", String(TEXT_ID_LENGTH), primary_key=True),
    Column("value", Integer, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)
"""The instructor session generation (``name="generation"``) and used sign-in links (``"signin:<nonce>"``)."""

room_versions = Table(
    "room_versions",
    metadata,
    Column("workshop_id", _parent("workshops.id"), primary_key=True),
    # Bumped in the same transaction as every write to the room: a screen compares two integers
    # instead of reading the room, and other app processes learn of a change by reading this table.
    Column("poll_version", Integer, nullable=False),
    Column("room_version", Integer, nullable=False),
)


def _add_room_versions(conn: Connection) -> None:
    room_versions.create(conn, checkfirst=True)


def _add_presenter_and_instructor_tables(conn: Connection) -> None:
    presenter_screens.create(conn, checkfirst=True)
    instructor_access.create(conn, checkfirst=True)


MIGRATIONS: Mapping[int, Callable[[Connection], None]] = {
    2: _add_room_versions,
    3: _add_presenter_and_instructor_tables,
}
"""``{version: step}`` upgrading the schema from ``version - 1``."""

ALL_TABLES = (
    workshops,
    attendees,
    attendee_state,
    polls,
    poll_answers,
    submissions,
    submission_stages,
    room_versions,
)
"""Tables holding workshop data (``schema_version``, ``presenter_screens`` and ``instructor_access``
aside), in dependency order."""


def resolve_database_url(explicit: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """The URL to use: the one given (e.g. from secrets), else ``$COMPANION_DATABASE_URL``, else SQLite."""
    environment = os.environ if env is None else env
    url = explicit or environment.get(DATABASE_URL_ENV) or ""
    return url.strip() or f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take BEGIN away from the sqlite3 module (it would skip it for SELECT), see _sqlite_begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA synchronous={SQLITE_SYNCHRONOUS}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # Writers take the write lock up front: a deferred read-then-write transaction can fail with
    # SQLITE_BUSY without waiting when another writer committed in between.
    read_only = conn.get_execution_options().get(READ_ONLY_OPTION, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def make_engine(url: str, *, pg_schema: str | None = None) -> Engine:
    """An engine for ``url``: SQLite with WAL, busy timeout and foreign keys (its folder created), or
    PostgreSQL (``pg_schema`` puts the tables in that schema, e.g. one per test)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        database = engine.url.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    connect_args = {"options": f"-csearch_path={pg_schema}"} if pg_schema else {}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def ensure_schema(engine: Engine) -> int:
    """Create missing tables and apply pending migrations in one transaction; returns the version."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(SCHEMA_LOCK_ID)))
        metadata.create_all(conn)
        current = conn.execute(select(func.max(schema_version.c.version))).scalar_one_or_none()
        if current is None:
            conn.execute(schema_version.insert().values(version=SCHEMA_VERSION, applied_at=datetime.now(UTC)))
            return SCHEMA_VERSION
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"the database schema is version {current}, newer than this app's {SCHEMA_VERSION}: "
                "update the app before using this database"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[version](conn)
            conn.execute(schema_version.insert().values(version=version, applied_at=datetime.now(UTC)))
        return SCHEMA_VERSION
