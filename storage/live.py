"""Room data shared by every session of one app process, read again only when the room's version moves.

Three hundred phones checking for a poll every 5 seconds ask this cache, not the database: the check
is a version lookup and, while the poll version hasn't moved, a dictionary read. When it moves, the
first session to ask reads the room once and the others wait for that read instead of repeating it.
Attendee data (their token, answers, shares) is never kept here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from content_logic.workshop.models import Poll, RoomSnapshot, Workshop
from storage.versions import RoomVersion

if TYPE_CHECKING:
    from storage.store import WorkshopStore

MAX_ROOMS = 256
"""Rooms whose data one process keeps (least recently used go first); a venue runs a handful."""

Value = TypeVar("Value")


class LiveRoom:
    """The open poll and the dashboard snapshot of each room, keyed by the room's version numbers."""

    def __init__(self, store: WorkshopStore, max_rooms: int = MAX_ROOMS) -> None:
        self._store = store
        self._max_rooms = max_rooms
        self._entries: OrderedDict[tuple[str, str], tuple[int, Any]] = OrderedDict()
        self._loading: dict[tuple[str, str], threading.Lock] = {}
        self._lock = threading.Lock()

    def version(self, workshop_id: str) -> RoomVersion:
        """The room's version numbers as this process knows them (no database read)."""
        return self._store.versions.get(workshop_id)

    def open_poll(self, workshop_id: str) -> Poll | None:
        """The room's open poll, read from the database only after its poll version moved."""
        version = self.version(workshop_id).poll
        return self._cached(("poll", workshop_id), version, lambda: self._store.current_poll(workshop_id))

    def workshop(self, workshop_id: str) -> Workshop | None:
        """The workshop (None once deleted), read again only after its poll version moved: closing
        and reopening move it."""
        version = self.version(workshop_id).poll
        return self._cached(
            ("workshop", workshop_id), version, lambda: self._store.find_workshop(workshop_id)
        )

    def snapshot(self, workshop_id: str) -> RoomSnapshot:
        """The dashboard's figures, read from the database only after the room version moved."""
        version = self.version(workshop_id).room
        return self._cached(("room", workshop_id), version, lambda: self._store.room_snapshot(workshop_id))

    def forget(self) -> None:
        """Drop everything kept (the next look reads each room again)."""
        with self._lock:
            self._entries.clear()

    def _cached(self, key: tuple[str, str], version: int, load: Callable[[], Value]) -> Value:
        entry = self._entries.get(key)
        if entry is not None and entry[0] >= version:
            return entry[1]  # type: ignore[no-any-return]
        with self._lock:
            loading = self._loading.setdefault(key, threading.Lock())
        with loading:  # one read per version; the sessions arriving meanwhile wait for it
            entry = self._entries.get(key)
            if entry is not None and entry[0] >= version:
                return entry[1]  # type: ignore[no-any-return]
            value = load()  # read after the version was taken: at least as new as that version
            with self._lock:
                self._entries[key] = (version, value)
                self._entries.move_to_end(key)
                while len(self._entries) > self._max_rooms * 2:
                    self._entries.popitem(last=False)
            return value
