"""Storage behind the room's workflow, on SQLite and PostgreSQL: reopening a closed workshop, an
attendee deleting their data, the presenter's shared screen, and instructor sign-out and links."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from content_logic.workshop import WorkshopError
from storage import WorkshopStore
from storage.schema import attendee_state, poll_answers, presenter_screens, submissions
from tests.workshop.conftest import Backend


def _count(store: WorkshopStore, table: object) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_a_closed_workshop_reopens_with_the_same_code_and_attendees(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "es")
    token = store.join(workshop.join_code, "Ana").resume_token
    store.close_workshop(workshop.id)
    with pytest.raises(WorkshopError, match="workshop_closed"):
        store.join(workshop.join_code)
    reopened = store.reopen_workshop(workshop.id)
    assert reopened.is_open and reopened.join_code == workshop.join_code
    assert store.reopen_workshop(workshop.id) == reopened  # idempotent
    view = store.resume(token)
    assert view.workshop.is_open and view.attendee.nickname == "Ana"
    assert store.join(workshop.join_code).attendee.number == 2  # the same room, counting on


def test_reopening_a_deleted_workshop_says_it_is_gone(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "en")
    store.delete_workshop(workshop.id)
    with pytest.raises(WorkshopError, match="unknown_workshop"):
        store.reopen_workshop(workshop.id)


def test_an_attendee_deletes_their_data_and_only_theirs(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "en")
    mine, theirs = (store.join(workshop.join_code, name).resume_token for name in ("Ana", "Luis"))
    poll = store.open_poll(workshop.id, "shelf-vs-feed", 0, "Where?", ["a", "b"])
    for token in (mine, theirs):
        store.answer_poll(token, poll.id, 1)
        store.save_state(token, "inputs.team", {"rows": [token]})
        store.submit(token, submission_id=str(uuid.uuid4()), kind="team", summary={"headline_gap": "editing"})
    assert store.delete_attendee(mine) is True
    assert store.delete_attendee(mine) is False
    with pytest.raises(WorkshopError, match="invalid_token"):
        store.resume(mine)
    assert [_count(store, t) for t in (poll_answers, attendee_state, submissions)] == [1, 1, 1]
    assert store.load_state(theirs, "inputs.team") == {"rows": [theirs]}
    assert store.room_snapshot(workshop.id).attendees == 1


@pytest.mark.parametrize("token", ["", "x" * 10_000, "not-a-token"])
def test_deleting_with_a_token_that_names_nobody_deletes_nothing(store: WorkshopStore, token: str) -> None:
    workshop = store.open_workshop("Day 1", "en")
    store.join(workshop.join_code)
    assert store.delete_attendee(token) is False
    assert store.room_snapshot(workshop.id).attendees == 1


def test_the_presenters_screen_is_shared_replaced_and_deleted_with_the_workshop(
    store: WorkshopStore, backend: Backend
) -> None:
    workshop = store.open_workshop("Day 1", "en")
    assert store.screen(workshop.id) is None
    store.set_screen(workshop.id, "shelf-vs-feed", 2, None)
    store.set_screen(workshop.id, "five-channels", 4, 17)
    other = backend.open()  # another app process sees the same place
    try:
        shown = other.screen(workshop.id)
    finally:
        other.dispose()
    assert shown is not None and (shown.lesson_id, shown.slide, shown.revealed_poll_id) == (
        "five-channels",
        4,
        17,
    )
    store.delete_workshop(workshop.id)
    assert store.screen(workshop.id) is None and _count(store, presenter_screens) == 0


def test_a_screen_for_a_workshop_that_doesnt_exist_is_refused(store: WorkshopStore) -> None:
    with pytest.raises(WorkshopError, match="unknown_workshop"):
        store.set_screen("nope", "shelf-vs-feed", 0, None)


def test_signing_out_moves_the_generation_on_for_every_process_and_restart(
    store: WorkshopStore, backend: Backend
) -> None:
    assert store.instructor_generation() == 0
    assert store.end_instructor_sessions() == 1
    restarted = backend.open()
    try:
        assert restarted.instructor_generation() == 1
        assert restarted.end_instructor_sessions() == 2
    finally:
        restarted.dispose()
    assert store.instructor_generation() == 2


def test_a_signin_link_works_once_across_processes(store: WorkshopStore, backend: Backend) -> None:
    nonce = uuid.uuid4().hex
    other = backend.open()
    try:
        assert store.redeem_signin(nonce) is True
        assert other.redeem_signin(nonce) is False
        assert other.redeem_signin(uuid.uuid4().hex) is True
    finally:
        other.dispose()
