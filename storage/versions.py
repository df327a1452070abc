"""Room version numbers: bumped with every write to a room, read by every screen before anything else.

Each write (a join, an answer, a share, a poll opened or closed, the workshop closed) bumps the
room's ``room_version`` in the same transaction; poll changes also bump ``poll_version``. A screen
compares these integers with what it last drew and touches nothing more when they match. Every app
process keeps the numbers in memory: its own writes update them at once, and a background reader
picks up other processes' writes from the ``room_versions`` table every :data:`REFRESH_SECONDS`.
"""

from __future__ import annotations

import contextlib
import threading
from typing import NamedTuple

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import SQLAlchemyError

from storage.rows import insert_statement
from storage.schema import READ_ONLY_OPTION, room_versions

REFRESH_SECONDS = 0.25
"""How often each process reads every room's numbers (one small query): other processes' writes are
seen within this, well inside the 2 s the dashboard has."""


class RoomVersion(NamedTuple):
    """A room's version numbers: ``poll`` changes when a poll opens or closes, ``room`` on any write."""

    poll: int
    room: int


UNSEEN = RoomVersion(0, 0)
"""The numbers of a room nothing was written to yet (and of an unknown room)."""

WRITTEN_KEY = "room_versions_written"
"""``Connection.info`` key: the numbers bumped in the open transaction, taken by the store at commit."""


def bump(conn: Connection, workshop_id: str, *, poll: bool = False) -> RoomVersion:
    """Count one more write to the room (and a poll change when ``poll``) inside the caller's
    transaction; the new numbers."""
    statement = insert_statement(conn, room_versions).values(
        workshop_id=workshop_id, poll_version=1, room_version=1
    )
    added = 1 if poll else 0
    statement = statement.on_conflict_do_update(
        index_elements=["workshop_id"],
        set_={
            "poll_version": room_versions.c.poll_version + added,
            "room_version": room_versions.c.room_version + 1,
        },
    ).returning(room_versions.c.poll_version, room_versions.c.room_version)
    polled, roomed = conn.execute(statement).one()
    version = RoomVersion(int(polled), int(roomed))
    conn.info.setdefault(WRITTEN_KEY, []).append((workshop_id, version))
    return version


def take_written(conn: Connection) -> list[tuple[str, RoomVersion]]:
    """The numbers bumped in this connection's transaction so far, forgotten on the connection."""
    written: list[tuple[str, RoomVersion]] = conn.info.pop(WRITTEN_KEY, [])
    return written


class VersionBoard:
    """This process's copy of every room's version numbers; thread-safe, refreshed in the background
    once someone reads it."""

    def __init__(self, engine: Engine, refresh_seconds: float = REFRESH_SECONDS) -> None:
        self._engine = engine
        self._refresh_seconds = refresh_seconds
        self._known: dict[str, RoomVersion] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._reader: threading.Thread | None = None

    def get(self, workshop_id: str) -> RoomVersion:
        """The room's numbers as this process knows them (a dictionary lookup)."""
        if self._reader is None:
            self._start()
        return self._known.get(workshop_id, UNSEEN)

    def note(self, workshop_id: str, version: RoomVersion) -> None:
        """Take numbers this process just wrote, keeping the larger of each (they only grow)."""
        with self._lock:
            known = self._known.get(workshop_id, UNSEEN)
            self._known[workshop_id] = RoomVersion(
                max(known.poll, version.poll), max(known.room, version.room)
            )

    def refresh(self) -> None:
        """Read every room's numbers from the database now."""
        query = select(
            room_versions.c.workshop_id, room_versions.c.poll_version, room_versions.c.room_version
        )
        with self._engine.connect() as conn, conn.execution_options(**{READ_ONLY_OPTION: True}).begin():
            rows = conn.execute(query).all()
        for workshop_id, polled, roomed in rows:
            self.note(workshop_id, RoomVersion(int(polled), int(roomed)))

    def _start(self) -> None:
        with self._lock:
            if self._reader is not None:
                return
            self._reader = threading.Thread(target=self._read_forever, name="room-versions", daemon=True)
        with contextlib.suppress(SQLAlchemyError):  # unreachable now: the reader tries again
            self.refresh()
        self._reader.start()

    def _read_forever(self) -> None:
        while not self._stop.wait(self._refresh_seconds):
            try:
                self.refresh()
            except SQLAlchemyError:
                continue  # database briefly unreachable: keep the last numbers, try again

    def stop(self) -> None:
        """Stop the background reader (when the store is disposed)."""
        self._stop.set()
        if self._reader is not None and self._reader.is_alive():
            self._reader.join(timeout=2 * self._refresh_seconds + 1)
