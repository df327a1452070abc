"""Room version numbers and the per-process room cache: every write moves them, nothing else does,
other processes see them through the database, and the cache reads a room once per version."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import inspect, select, text

from content_logic.workshop import WorkshopError
from storage import WorkshopStore
from storage.schema import SCHEMA_VERSION, room_versions, schema_version
from storage.versions import UNSEEN, RoomVersion
from tests.workshop.conftest import Backend

OPTIONS = ["Search", "The feed", "Ads only"]


def _open_room(store: WorkshopStore) -> tuple[str, str, str, int]:
    """A workshop with one attendee and an open poll: (workshop id, code, token, poll id)."""
    workshop = store.open_workshop("Day 1", "en")
    token = store.join(workshop.join_code, "Ana").resume_token
    poll = store.open_poll(workshop.id, "intro-01", 0, "Where?", OPTIONS)
    return workshop.id, workshop.join_code, token, poll.id


ACTIONS: dict[str, tuple[Callable[[WorkshopStore, str, str, str, int], object], RoomVersion]] = {
    "join": (lambda s, w, code, tok, p: s.join(code, "Luis"), RoomVersion(0, 1)),
    "answer": (lambda s, w, code, tok, p: s.answer_poll(tok, p, 1), RoomVersion(0, 1)),
    "share": (
        lambda s, w, code, tok, p: s.submit(
            tok, submission_id=str(uuid.uuid4()), kind="team", summary={"headline_gap": "editing"}
        ),
        RoomVersion(0, 1),
    ),
    "open a poll": (
        lambda s, w, code, tok, p: s.open_poll(w, "intro-01", 1, "Why?", OPTIONS),
        RoomVersion(1, 1),
    ),
    "close the poll": (lambda s, w, code, tok, p: s.close_poll(p), RoomVersion(1, 1)),
    "close the workshop": (lambda s, w, code, tok, p: s.close_workshop(w), RoomVersion(1, 1)),
    "save progress": (lambda s, w, code, tok, p: s.save_state(tok, "progress", {"a": 1}), RoomVersion(0, 0)),
    "read the room": (lambda s, w, code, tok, p: s.room_snapshot(w), RoomVersion(0, 0)),
}


@pytest.mark.parametrize("action", list(ACTIONS))
def test_each_write_moves_the_room_version_by_what_it_changed(store: WorkshopStore, action: str) -> None:
    workshop_id, code, token, poll_id = _open_room(store)
    before = store.versions.get(workshop_id)
    do, moved = ACTIONS[action]
    do(store, workshop_id, code, token, poll_id)
    after = store.versions.get(workshop_id)
    assert RoomVersion(after.poll - before.poll, after.room - before.room) == moved


def test_a_refused_write_moves_nothing(store: WorkshopStore) -> None:
    workshop_id, _, token, poll_id = _open_room(store)
    store.close_poll(poll_id)
    before = store.versions.get(workshop_id)
    with pytest.raises(WorkshopError):
        store.answer_poll(token, poll_id, 0)
    assert store.versions.get(workshop_id) == before


def test_another_process_sees_the_writes_through_the_database(backend: Backend) -> None:
    writer, reader = backend.open(), backend.open()  # two app processes on one database
    try:
        workshop_id, _, token, poll_id = _open_room(writer)
        assert reader.live.open_poll(workshop_id) is not None
        seen = reader.versions.get(workshop_id)
        writer.answer_poll(token, poll_id, 2)
        writer.close_poll(poll_id)
        reader.versions.refresh()  # what its background reader does every REFRESH_SECONDS
        assert reader.versions.get(workshop_id) == writer.versions.get(workshop_id)
        assert reader.versions.get(workshop_id) > seen
        assert reader.live.open_poll(workshop_id) is None
        assert reader.live.snapshot(workshop_id).recent_polls[0].counts == (0, 0, 1)
    finally:
        writer.dispose()
        reader.dispose()


def test_the_room_cache_reads_a_room_once_per_version(
    store: WorkshopStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop_id, _, token, poll_id = _open_room(store)
    reads: list[str] = []
    current_poll, room_snapshot = store.current_poll, store.room_snapshot
    monkeypatch.setattr(store, "current_poll", lambda w: reads.append("poll") or current_poll(w))
    monkeypatch.setattr(store, "room_snapshot", lambda w: reads.append("room") or room_snapshot(w))
    for _ in range(5):
        assert store.live.open_poll(workshop_id) is not None
        assert store.live.snapshot(workshop_id).open_poll is not None
    assert reads == ["poll", "room"]
    store.answer_poll(token, poll_id, 0)  # the room moved, the poll did not
    assert store.live.open_poll(workshop_id) is not None
    counted = store.live.snapshot(workshop_id).open_poll
    assert counted is not None and counted.counts == (1, 0, 0)
    assert reads == ["poll", "room", "room"]


def test_an_unknown_room_has_no_version(store: WorkshopStore) -> None:
    assert store.versions.get("no-such-workshop") == UNSEEN


def test_a_version_1_database_is_upgraded_and_keeps_its_rooms(backend: Backend) -> None:
    store = backend.open()
    workshop_id, _, token, poll_id = _open_room(store)
    with store.engine.begin() as conn:  # back to how version 1 left it
        room_versions.drop(conn)
        conn.execute(schema_version.delete())
        conn.execute(text("INSERT INTO schema_version (version, applied_at) VALUES (1, CURRENT_TIMESTAMP)"))
    store.dispose()
    upgraded = backend.open()
    try:
        with upgraded.engine.connect() as conn:
            assert inspect(conn).has_table("room_versions")
            assert max(conn.execute(select(schema_version.c.version)).scalars()) == SCHEMA_VERSION
        assert upgraded.versions.get(workshop_id) == UNSEEN  # no writes since the upgrade
        upgraded.answer_poll(token, poll_id, 1)
        assert upgraded.versions.get(workshop_id) == RoomVersion(1, 1)
    finally:
        upgraded.dispose()
