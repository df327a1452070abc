"""Every refusal the store can make: a domain error with a code the page translates, and no harm done."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from content_logic.i18n import LANGUAGES, placeholders, translate
from content_logic.workshop import ERROR_CODES, Poll, Workshop, WorkshopError
from storage import WorkshopStore, make_engine
from tests.workshop.conftest import Backend, row_counts

UNREACHABLE_POSTGRES = "postgresql+psycopg://app_test:app_test@127.0.0.1:9/app_test"
"""Nothing listens on port 9: stands in for a database server that went away."""


def _unreachable_url(backend: Backend) -> str:
    """A database that can't be opened: for SQLite, a path that is a folder, not a file."""
    if backend.name == "sqlite":
        return backend.url.rsplit("/", 1)[0]
    return UNREACHABLE_POSTGRES


@dataclass
class Room:
    """A workshop mid-session: one attendee, an open and a closed poll, and a closed workshop."""

    store: WorkshopStore
    backend: Backend
    workshop: Workshop
    token: str
    poll: Poll
    closed_poll: Poll
    closed_workshop: Workshop
    closed_token: str
    monkeypatch: pytest.MonkeyPatch


@pytest.fixture
def room(store: WorkshopStore, backend: Backend, monkeypatch: pytest.MonkeyPatch) -> Room:
    """The room every error case acts on."""
    gone = store.open_workshop("Yesterday", "en")
    closed_token = store.join(gone.join_code, "Ana").resume_token
    gone = store.close_workshop(gone.id)
    workshop = store.open_workshop("Today", "en")
    token = store.join(workshop.join_code, "Luis").resume_token
    closed_poll = store.close_poll(store.open_poll(workshop.id, "shelf-vs-feed", 0, "Q1?", ["a", "b"]).id)
    poll = store.open_poll(workshop.id, "shelf-vs-feed", 1, "Q2?", ["a", "b", "c"])
    return Room(store, backend, workshop, token, poll, closed_poll, gone, closed_token, monkeypatch)


def _submit(room: Room, token: str | None = None, **overrides: object) -> None:
    values: dict[str, object] = {
        "submission_id": str(uuid.uuid4()),
        "kind": "channels",
        "summary": {"has_stable_short_video": True},
    }
    values.update(overrides)
    room.store.submit(token or room.token, **values)  # type: ignore[arg-type]


def _conflict(room: Room) -> None:
    sid = str(uuid.uuid4())
    _submit(room, submission_id=sid)
    other = room.store.join(room.workshop.join_code).resume_token
    room.store.submit(other, submission_id=sid, kind="channels", summary={"has_stable_short_video": False})


def _unreachable(room: Room) -> None:
    room.store.dispose()
    room.store.engine = make_engine(_unreachable_url(room.backend))
    room.store.join(room.workshop.join_code)


def _unreachable_at_start(room: Room) -> None:
    WorkshopStore(make_engine(_unreachable_url(room.backend)))


def _code_taken(room: Room) -> None:
    taken = room.workshop.join_code
    room.monkeypatch.setattr("storage.store.new_join_code", lambda: taken)
    room.store.open_workshop("Clash", "en")


def _reopen_taken(room: Room) -> None:
    taken = room.closed_workshop.join_code
    room.monkeypatch.setattr("storage.store.new_join_code", lambda: taken)
    room.store.open_workshop("Today's other room", "en")  # free while the old one is closed
    room.store.reopen_workshop(room.closed_workshop.id)


def _free_code(room: Room) -> str:
    taken = {room.workshop.join_code, room.closed_workshop.join_code}
    return next(code for code in ("ABC234", "XYZ789", "MNP456") if code not in taken)


CASES: list[tuple[str, str, Callable[[Room], object]]] = [
    ("unknown_code", "no such code", lambda r: r.store.join(_free_code(r))),
    ("malformed_code", "too short", lambda r: r.store.join("ABC")),
    ("malformed_code", "ambiguous letters", lambda r: r.store.join("OIL-012")),
    ("malformed_code", "markup", lambda r: r.store.join("<script>")),
    ("workshop_closed", "join a closed room", lambda r: r.store.join(r.closed_workshop.join_code)),
    ("workshop_closed", "share in a closed room", lambda r: _submit(r, r.closed_token)),
    (
        "workshop_closed",
        "poll in a closed room",
        lambda r: r.store.open_poll(r.closed_workshop.id, "shelf-vs-feed", 0, "Q?", ["a", "b"]),
    ),
    ("unknown_workshop", "get", lambda r: r.store.get_workshop("nope")),
    ("unknown_workshop", "close", lambda r: r.store.close_workshop("nope")),
    ("unknown_workshop", "snapshot", lambda r: r.store.room_snapshot("nope")),
    ("unknown_workshop", "export", lambda r: r.store.export_csv("nope")),
    ("unknown_workshop", "poll", lambda r: r.store.open_poll("nope", "shelf-vs-feed", 0, "Q?", ["a", "b"])),
    ("invalid_workshop_name", "blank", lambda r: r.store.open_workshop(" \n ", "en")),
    ("invalid_workshop_name", "too long", lambda r: r.store.open_workshop("x" * 81, "en")),
    ("invalid_language", "fr", lambda r: r.store.open_workshop("Paris", "fr")),
    ("code_generation_failed", "all codes taken", _code_taken),
    ("invalid_token", "made up", lambda r: r.store.resume("not-a-token")),
    ("invalid_token", "empty", lambda r: r.store.load_state("", "team")),
    ("invalid_token", "huge", lambda r: r.store.answer_poll("x" * 10_000, r.poll.id, 0)),
    ("code_taken", "reopen after the code was reused", _reopen_taken),
    ("invalid_slide", "bad lesson id", lambda r: r.store.set_screen(r.workshop.id, "../etc", 0, None)),
    (
        "invalid_slide",
        "negative slide",
        lambda r: r.store.set_screen(r.workshop.id, "shelf-vs-feed", -1, None),
    ),
    (
        "invalid_poll",
        "one option",
        lambda r: r.store.open_poll(r.workshop.id, "shelf-vs-feed", 0, "Q?", ["a"]),
    ),
    (
        "invalid_poll",
        "no question",
        lambda r: r.store.open_poll(r.workshop.id, "shelf-vs-feed", 0, " ", ["a", "b"]),
    ),
    (
        "invalid_poll",
        "blank option",
        lambda r: r.store.open_poll(r.workshop.id, "shelf-vs-feed", 0, "Q", ["a", ""]),
    ),
    (
        "invalid_poll",
        "bad lesson id",
        lambda r: r.store.open_poll(r.workshop.id, "../etc", 0, "Q?", ["a", "b"]),
    ),
    (
        "invalid_poll",
        "negative index",
        lambda r: r.store.open_poll(r.workshop.id, "shelf-vs-feed", -1, "Q", ["a", "b"]),
    ),
    ("unknown_poll", "answer", lambda r: r.store.answer_poll(r.token, 987_654, 0)),
    ("unknown_poll", "close", lambda r: r.store.close_poll(987_654)),
    ("unknown_poll", "another room's poll", lambda r: r.store.answer_poll(r.closed_token, r.poll.id, 0)),
    ("poll_closed", "answer", lambda r: r.store.answer_poll(r.token, r.closed_poll.id, 0)),
    ("invalid_option", "negative", lambda r: r.store.answer_poll(r.token, r.poll.id, -1)),
    ("invalid_option", "past the end", lambda r: r.store.answer_poll(r.token, r.poll.id, 3)),
    ("invalid_kind", "unknown", lambda r: _submit(r, kind="live")),
    ("invalid_submission_id", "not a uuid", lambda r: _submit(r, submission_id="1; DROP TABLE submissions")),
    ("invalid_summary", "missing field", lambda r: _submit(r, summary={"verdict": "stable"})),
    ("invalid_summary", "not a bool", lambda r: _submit(r, summary={"has_stable_short_video": "yes"})),
    ("invalid_summary", "not an object", lambda r: _submit(r, summary=[1, 2])),
    ("invalid_summary", "team without key", lambda r: _submit(r, kind="team", summary={"score": 1})),
    (
        "invalid_summary",
        "gap not an id",
        lambda r: _submit(r, kind="team", summary={"headline_gap": "<b>x</b>"}),
    ),
    ("invalid_summary", "funnel without stage", lambda r: _submit(r, kind="funnel", summary={"views": 10})),
    (
        "invalid_summary",
        "negative count",
        lambda r: _submit(r, kind="funnel", summary={"bottlenecks": {"hook": -1}}),
    ),
    ("submission_conflict", "someone else's id", _conflict),
    ("invalid_state_key", "spaces", lambda r: r.store.save_state(r.token, "my inputs", {})),
    ("invalid_state_key", "load", lambda r: r.store.load_state(r.token, "")),
    ("invalid_json", "nan", lambda r: r.store.save_state(r.token, "team", {"x": float("nan")})),
    ("invalid_json", "object", lambda r: r.store.save_state(r.token, "team", {"x": object()})),
    ("invalid_json", "raw", lambda r: _submit(r, raw={1j})),
    (
        "payload_too_large",
        "summary",
        lambda r: _submit(r, summary={"has_stable_short_video": True, "x": "y" * 20_000}),
    ),
    ("payload_too_large", "state", lambda r: r.store.save_state(r.token, "team", ["z" * 1024] * 600)),
    ("storage_unavailable", "database gone", _unreachable),
    ("storage_unavailable", "database gone at start", _unreachable_at_start),
]


@pytest.mark.parametrize(
    ("code", "action"), [(c, a) for c, _, a in CASES], ids=[f"{c}-{w}" for c, w, _ in CASES]
)
def test_each_refusal_has_its_code_and_changes_nothing(
    room: Room, code: str, action: Callable[[Room], object]
) -> None:
    before = row_counts(room.store)
    with pytest.raises(WorkshopError) as refused:
        action(room)
    assert refused.value.code == code
    if code not in {"submission_conflict", "storage_unavailable", "code_taken"}:  # these set the scene first
        assert row_counts(room.store) == before
    for lang in LANGUAGES:
        message = translate(refused.value.message_key, lang, **refused.value.values)
        assert message != refused.value.message_key and "{" not in message


def test_every_error_code_is_exercised() -> None:
    assert {code for code, _, _ in CASES} == set(ERROR_CODES)


@pytest.mark.parametrize("code", ERROR_CODES)
def test_every_error_code_has_a_message_in_each_language(code: str) -> None:
    texts = [translate(f"workshop.errors.{code}", lang) for lang in LANGUAGES]
    assert all(text != f"workshop.errors.{code}" for text in texts)
    assert len({frozenset(placeholders(text)) for text in texts}) == 1
