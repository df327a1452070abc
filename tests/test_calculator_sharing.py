"""Each calculator, for an attendee who joined a workshop: share the result, and get inputs back later."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.room_support import Room, alerts, make_room, texts, tr

PAGES = {"channels": "pages/channels.py", "team": "pages/team.py", "funnel": "pages/funnel.py"}


@pytest.fixture
def room(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Room:
    return make_room(monkeypatch, tmp_path)


def joined(app: Callable[..., AppTest], room: Room, lang: str = "en") -> tuple[AppTest, str]:
    """An attendee session that joined a fresh workshop through the join page."""
    workshop = room.workshop()
    at = app(lang=lang, page="pages/join.py")
    at.text_input(key="join_code").set_value(workshop.join_code)
    at.button(key="join_submit").click().run()
    assert not at.exception
    return at, workshop.id


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_without_joining_each_calculator_only_offers_to_join(app: Callable[..., AppTest], kind: str) -> None:
    at = app(lang="es", page=PAGES[kind])
    assert not at.exception
    assert [link.label for link in at.page_link if link.label == tr("room.share.join_first", "es")]
    assert not [b for b in at.button if b.key == f"share_{kind}_send"]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_a_joined_attendee_shares_the_result_with_the_room(
    app: Callable[..., AppTest], room: Room, kind: str, lang: str
) -> None:
    at, workshop_id = joined(app, room, lang)
    at.switch_page(PAGES[kind]).run()
    assert not at.exception
    assert tr("room.share.title", lang) in texts(at)
    assert at.checkbox(key=f"share_{kind}_raw").value is False
    at.button(key=f"share_{kind}_send").click().run()
    assert tr("room.share.stored", lang, workshop="Madrid") in alerts(at, "success")
    at.button(key=f"share_{kind}_send").click().run()  # a double tap stores nothing new
    assert tr("room.share.already", lang, workshop="Madrid") in alerts(at, "success")
    snapshot = room.store.room_snapshot(workshop_id)
    assert snapshot.submissions[kind] == 1
    assert snapshot.sharers[kind] == 1


def test_the_room_sees_the_demo_verdicts(app: Callable[..., AppTest], room: Room) -> None:
    at, workshop_id = joined(app, room)
    for kind in ("channels", "team", "funnel"):
        at.switch_page(PAGES[kind]).run()
        at.button(key=f"share_{kind}_send").click().run()
    snapshot = room.store.room_snapshot(workshop_id)
    assert snapshot.stable_short_video == 1  # the default channels story has a stable self-video channel
    assert snapshot.headline_gap is not None
    assert snapshot.bottleneck is not None and snapshot.bottleneck.id == "interest"  # the lesson's video


def test_saved_inputs_come_back_in_a_new_session(app: Callable[..., AppTest], room: Room) -> None:
    at, _ = joined(app, room)
    at.switch_page(PAGES["funnel"]).run()
    token = at.session_state["workshop_token"]
    assert room.store.load_state(token, "inputs.funnel") is None  # kept only if the attendee chooses
    at.checkbox(key="share_funnel_keep").check().run()
    at.number_input(key="funnel_single_orders").set_value(30).run()
    assert not at.exception
    saved = room.store.load_state(token, "inputs.funnel")
    assert isinstance(saved, dict)

    phone = app(lang="en", page="pages/join.py", me=token)  # the personal link, on another device
    assert not phone.exception
    phone.switch_page(PAGES["funnel"]).run()
    assert not phone.exception
    assert phone.number_input(key="funnel_single_orders").value == 30


def test_a_damaged_save_is_reported_and_the_page_starts_fresh(
    app: Callable[..., AppTest], room: Room
) -> None:
    at, _ = joined(app, room)
    token = at.session_state["workshop_token"]
    at.session_state["workshop_keep_inputs"] = True  # the attendee chose to keep their inputs
    room.store.save_state(token, "inputs.team", {"version": 99, "rows": "not rows"})
    at.switch_page(PAGES["team"]).run()
    assert not at.exception
    assert [toast.value for toast in at.toast] == [tr("room.share.restore_failed", "en")]
