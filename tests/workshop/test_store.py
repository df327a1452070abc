"""The workshop store on SQLite and PostgreSQL: workshops, joining, resuming, polls, saved state, delete."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from content_logic.workshop import JOIN_CODE_ALPHABET, WorkshopError
from storage import WorkshopStore
from storage.schema import SCHEMA_VERSION, schema_version
from tests.workshop.conftest import Backend, row_counts

QUESTION = "Where do TikTok buyers come from?"
OPTIONS = ["Search", "The feed", "Ads only"]


def test_open_workshop_gives_a_clean_name_and_a_fresh_code(store: WorkshopStore) -> None:
    first = store.open_workshop("  Madrid\n day 1 ", "es")
    second = store.open_workshop("Lima", "en")
    assert first.name == "Madrid day 1" and first.language == "es" and first.is_open
    assert len(first.join_code) == 6 and set(first.join_code) <= set(JOIN_CODE_ALPHABET)
    assert first.display_code == f"{first.join_code[:3]}-{first.join_code[3:]}"
    assert first.id != second.id and first.join_code != second.join_code
    assert store.get_workshop(first.id) == first
    assert [w.id for w in store.list_workshops()] == [second.id, first.id]


def test_join_code_is_unique_among_open_workshops_only(
    store: WorkshopStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storage.store.new_join_code", lambda: "ABC234")
    first = store.open_workshop("Day 1", "en")
    with pytest.raises(WorkshopError) as refused:
        store.open_workshop("Day 1 again", "en")
    assert refused.value.code == "code_generation_failed"
    store.close_workshop(first.id)
    second = store.open_workshop("Day 2", "en")
    assert second.join_code == first.join_code
    assert store.join("abc 234").workshop.id == second.id  # the open one wins over the closed one


@pytest.mark.parametrize("typed", ["ABC-234", "abc234", " abc 234 ", "a-b-c-2-3-4", "Abc–234"])
def test_join_accepts_the_code_typed_any_way(
    store: WorkshopStore, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    monkeypatch.setattr("storage.store.new_join_code", lambda: "ABC234")
    workshop = store.open_workshop("Day 1", "en")
    assert store.join(typed).workshop.id == workshop.id


def test_join_numbers_attendees_and_gives_each_a_distinct_secret(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "en")
    joined = [store.join(workshop.join_code, name) for name in ("Ana", None, "Luis")]
    assert [j.attendee.number for j in joined] == [1, 2, 3]
    assert [j.attendee.nickname for j in joined] == ["Ana", None, "Luis"]
    tokens = {j.resume_token for j in joined}
    assert len(tokens) == 3 and all(len(token) >= 32 for token in tokens)
    with store.engine.connect() as conn:
        stored = " ".join(str(row) for row in conn.exec_driver_sql("SELECT * FROM attendees"))
    assert not any(token in stored for token in tokens), "only a hash of the token is kept"


def test_nickname_with_html_is_kept_as_plain_text(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "en")
    typed = '<script>alert("x")</script><b>Ana</b>'
    joined = store.join(workshop.join_code, typed)
    assert joined.attendee.nickname == typed[:40]
    assert store.resume(joined.resume_token).attendee.nickname == typed[:40]
    assert joined.nickname_changes == ()


def test_nickname_of_500_characters_is_shortened_and_says_so(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "en")
    joined = store.join(workshop.join_code, "ñ" * 500)
    assert joined.attendee.nickname == "ñ" * 40
    assert joined.nickname_changes == ("shortened",)


@pytest.mark.parametrize(
    ("typed", "kept", "changes"),
    [
        ("  Ana  ", "Ana", ("trimmed",)),
        ("Ana \n\t María", "Ana María", ("collapsed_whitespace",)),
        ("A\x00n\x1ba\u202e", "Ana", ("removed_control_chars",)),
        (" \u200b\x07 ", None, ("trimmed", "removed_control_chars", "blank")),
        ("", None, ()),
        ("   ", None, ()),
        (None, None, ()),
    ],
)
def test_join_reports_each_change_to_the_nickname(
    store: WorkshopStore, typed: str | None, kept: str | None, changes: tuple[str, ...]
) -> None:
    workshop = store.open_workshop("Day 1", "en")
    joined = store.join(workshop.join_code, typed)
    assert (joined.attendee.nickname, joined.nickname_changes) == (kept, changes)


def test_resume_brings_back_the_attendee_the_open_poll_and_their_answer(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "en")
    joined = store.join(workshop.join_code, "Ana")
    view = store.resume(joined.resume_token)
    assert (view.attendee, view.workshop, view.open_poll, view.my_answer) == (
        joined.attendee,
        workshop,
        None,
        None,
    )
    poll = store.open_poll(workshop.id, "shelf-vs-feed", 0, QUESTION, OPTIONS)
    store.answer_poll(joined.resume_token, poll.id, 1)
    view = store.resume(joined.resume_token)
    assert view.open_poll == poll and view.my_answer == 1


def test_a_second_day_with_a_restarted_app_resumes_progress_and_inputs(backend: Backend) -> None:
    day1 = backend.open()
    workshop = day1.open_workshop("Day 1", "en")
    joined = day1.join(workshop.join_code, "Ana")
    day1.save_state(joined.resume_token, "progress", {"shelf-vs-feed": {"read": True, "answers": {"0": 1}}})
    day1.save_state(joined.resume_token, "channels", {"rows": [["2025-01-06", "LIVE", 12]]})
    day1.close_workshop(workshop.id)
    day1.dispose()
    day2 = backend.open()
    try:
        assert day2.resume(joined.resume_token).attendee == joined.attendee
        assert day2.load_state(joined.resume_token, "progress") == {
            "shelf-vs-feed": {"read": True, "answers": {"0": 1}}
        }
        day2.save_state(joined.resume_token, "channels", {"rows": []})  # personal work outlives the room
        assert day2.load_state(joined.resume_token, "channels") == {"rows": []}
    finally:
        day2.dispose()


def test_saved_state_is_per_attendee_and_per_key(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "en")
    ana, luis = (store.join(workshop.join_code, name).resume_token for name in ("Ana", "Luis"))
    store.save_state(ana, "team", {"roster": ["editor"]})
    store.save_state(ana, "team", {"roster": ["editor", "host"]})
    store.save_state(ana, "funnel", [1, 2.5, "x", None, True])
    assert store.load_state(ana, "team") == {"roster": ["editor", "host"]}
    assert store.load_state(ana, "funnel") == [1, 2.5, "x", None, True]
    assert store.load_state(luis, "team") is None
    assert store.load_state(ana, "channels") is None


def test_opening_a_poll_closes_the_one_before(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "en")
    first = store.open_poll(workshop.id, "shelf-vs-feed", 0, QUESTION, OPTIONS)
    second = store.open_poll(workshop.id, "stock-up-trap", 2, "  Stable yet? ", ["Yes", "No"])
    assert second.question == "Stable yet?" and second.options == ("Yes", "No") and second.is_open
    assert store.current_poll(workshop.id) == second
    snapshot = store.room_snapshot(workshop.id)
    assert snapshot.open_poll is not None and snapshot.open_poll.poll.id == second.id
    assert [p.poll.id for p in snapshot.recent_polls] == [first.id]
    assert not snapshot.recent_polls[0].poll.is_open


def test_poll_answer_changes_while_open_and_is_refused_once_closed(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "en")
    ana, luis = (store.join(workshop.join_code, name).resume_token for name in ("Ana", "Luis"))
    poll = store.open_poll(workshop.id, "shelf-vs-feed", 0, QUESTION, OPTIONS)
    store.answer_poll(ana, poll.id, 0)
    store.answer_poll(luis, poll.id, 0)
    store.answer_poll(ana, poll.id, 2)  # changed her mind: still one answer
    snapshot = store.room_snapshot(workshop.id)
    assert snapshot.open_poll is not None and snapshot.open_poll.counts == (1, 0, 1)
    assert snapshot.open_poll.total == 2
    closed = store.close_poll(poll.id)
    assert not closed.is_open and store.close_poll(poll.id) == closed  # idempotent
    with pytest.raises(WorkshopError) as refused:
        store.answer_poll(ana, poll.id, 1)
    assert refused.value.code == "poll_closed"
    after = store.room_snapshot(workshop.id)
    assert after.open_poll is None and after.recent_polls[0].counts == (1, 0, 1)
    assert store.resume(ana).open_poll is None and store.current_poll(workshop.id) is None


def test_an_attendee_cannot_answer_another_workshops_poll(store: WorkshopStore) -> None:
    mine, other = store.open_workshop("Mine", "en"), store.open_workshop("Other", "en")
    token = store.join(mine.join_code).resume_token
    poll = store.open_poll(other.id, "shelf-vs-feed", 0, QUESTION, OPTIONS)
    with pytest.raises(WorkshopError) as refused:
        store.answer_poll(token, poll.id, 0)
    assert refused.value.code == "unknown_poll"


def test_closing_a_workshop_closes_its_poll_and_stops_joins(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Day 1", "en")
    token = store.join(workshop.join_code).resume_token
    poll = store.open_poll(workshop.id, "shelf-vs-feed", 0, QUESTION, OPTIONS)
    closed = store.close_workshop(workshop.id)
    assert not closed.is_open and store.close_workshop(workshop.id) == closed
    assert store.current_poll(workshop.id) is None
    for action in (lambda: store.join(workshop.join_code), lambda: store.answer_poll(token, poll.id, 0)):
        with pytest.raises(WorkshopError) as refused:
            action()
        assert refused.value.code in {"workshop_closed", "poll_closed"}
    assert store.resume(token).workshop.is_open is False


def test_delete_removes_everything_of_that_workshop_only(
    store: WorkshopStore, new_id: Callable[[], str]
) -> None:
    keep = store.open_workshop("Keep", "en")
    kept = store.join(keep.join_code, "Kept").resume_token
    store.save_state(kept, "team", {"x": 1})
    baseline = row_counts(store)
    gone = store.open_workshop("Gone", "en")
    token = store.join(gone.join_code, "Ana").resume_token
    poll = store.open_poll(gone.id, "shelf-vs-feed", 0, QUESTION, OPTIONS)
    store.answer_poll(token, poll.id, 1)
    store.save_state(token, "channels", {"rows": [1]})
    store.submit(token, submission_id=new_id(), kind="funnel", summary={"bottleneck": "hook"})
    store.submit(token, submission_id=new_id(), kind="team", summary={"headline_gap": "editing"})
    assert all(count > baseline[name] for name, count in row_counts(store).items())

    assert store.delete_workshop(gone.id) is True
    assert row_counts(store) == baseline
    assert store.delete_workshop(gone.id) is False
    with pytest.raises(WorkshopError) as refused:
        store.resume(token)
    assert refused.value.code == "invalid_token"
    assert store.load_state(kept, "team") == {"x": 1}


def test_schema_is_created_once_and_versioned(backend: Backend) -> None:
    first, second = backend.open(), backend.open()  # a second start finds the tables and keeps them
    try:
        with second.engine.connect() as conn:
            assert conn.execute(select(schema_version.c.version)).scalars().all() == [SCHEMA_VERSION]
    finally:
        first.dispose()
        second.dispose()


def test_a_database_from_a_newer_app_is_refused(backend: Backend) -> None:
    store = backend.open()
    with store.engine.begin() as conn:
        conn.execute(schema_version.update().values(version=99))
    store.dispose()
    with pytest.raises(RuntimeError, match="newer than this app"):
        backend.open()
