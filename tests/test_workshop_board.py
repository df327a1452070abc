"""The room dashboard's figures from a real store snapshot, labelled in each language."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from content_logic.workshop.board import id_label, room_board
from storage import WorkshopStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[WorkshopStore]:
    opened = WorkshopStore.from_url(f"sqlite:///{tmp_path / 'room.sqlite3'}")
    yield opened
    opened.dispose()


def _share(store: WorkshopStore, token: str, kind: str, summary: dict[str, object]) -> None:
    store.submit(token, submission_id=str(uuid.uuid4()), kind=kind, summary=summary)


def test_an_empty_room(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Lima", "es")
    board = room_board(store.room_snapshot(workshop.id), "es")
    assert (board.name, board.display_code, board.is_open, board.attendees) == (
        "Lima",
        workshop.display_code,
        True,
        0,
    )
    assert board.open_poll is None and board.recent_polls == ()
    assert board.stable_share is None and board.headline_gap is None and board.bottleneck is None
    assert board.sharers == {"channels": 0, "team": 0, "funnel": 0}


@pytest.mark.parametrize(
    ("lang", "gap", "stage"),
    [("en", "Content direction", "Retention"), ("es", "Dirección de contenido", "Retención")],
)
def test_a_busy_room_in_each_language(store: WorkshopStore, lang: str, gap: str, stage: str) -> None:
    workshop = store.open_workshop("Madrid", "en")
    poll = store.open_poll(workshop.id, "shelf-vs-feed", 0, "Where?", ["Search", "Feed", "Ads"])
    tokens = [store.join(workshop.join_code).resume_token for _ in range(5)]
    for token, option in zip(tokens, [1, 1, 0, 1, 2], strict=True):
        store.answer_poll(token, poll.id, option)
    for token, stable in zip(tokens[:4], [True, False, True, True], strict=True):
        _share(store, token, "channels", {"has_stable_short_video": stable})
    for token, headline in zip(
        tokens[:3], ["content_direction", "content_direction", "scripting"], strict=True
    ):
        _share(store, token, "team", {"headline_gap": headline})
    _share(store, tokens[0], "funnel", {"bottlenecks": {"retention": 3, "attention": 1}})

    board = room_board(store.room_snapshot(workshop.id), lang)  # type: ignore[arg-type]
    assert board.attendees == 5
    assert board.open_poll is not None
    assert [(bar.label, bar.count) for bar in board.open_poll.bars] == [
        ("Search", 1),
        ("Feed", 3),
        ("Ads", 1),
    ]
    assert board.open_poll.total == 5 and board.open_poll.bars[1].share == pytest.approx(0.6)
    assert (board.stable_count, board.stable_share) == (3, 0.75)
    assert board.headline_gap is not None and (board.headline_gap.label, board.headline_gap.count) == (gap, 2)
    assert board.headline_gap.share == pytest.approx(2 / 3)
    assert board.bottleneck is not None and (board.bottleneck.label, board.bottleneck.count) == (stage, 3)
    assert board.bottleneck.share == pytest.approx(0.75)


def test_closed_polls_move_to_recent(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Madrid", "en")
    first = store.open_poll(workshop.id, "shelf-vs-feed", 0, "One?", ["a", "b"])
    store.open_poll(workshop.id, "shelf-vs-feed", 1, "Two?", ["a", "b"])
    board = room_board(store.room_snapshot(workshop.id), "en")
    assert board.open_poll is not None and board.open_poll.question == "Two?"
    assert [p.poll_id for p in board.recent_polls] == [first.id] and not board.recent_polls[0].is_open


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("self_video", "en", "Self-video"),
        ("product_card", "es", "Tarjeta de producto"),
        ("stable", "en", "Stable"),
        ("founder_oversight", "en", "Founder oversight of content"),
        ("conversion", "es", "Conversión"),
        ("shelf_logic", "en", "shelf logic"),
        ("from_a_newer_calculator", "es", "from_a_newer_calculator"),
    ],
)
def test_id_labels(value: str, lang: str, expected: str) -> None:
    assert id_label(value, lang) == expected  # type: ignore[arg-type]
