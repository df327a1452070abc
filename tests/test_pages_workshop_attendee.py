"""Attendee screens through the real app (AppTest): joining, bad input, the resume link, polls, progress,
and the calculators' share panel and saved inputs."""

from __future__ import annotations

import tomllib
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from content_logic.course import LESSONS_DIR, load_course
from storage.schema import submissions
from tests.conftest import ROOT
from tests.room_support import Room, alerts, make_room, texts, tr

LANGS = ["en", "es"]
CASES = tomllib.loads((Path(__file__).parent / "data" / "room" / "join_inputs.toml").read_text())["case"]
COURSE = load_course(LESSONS_DIR)


@pytest.fixture
def room(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Room:
    return make_room(monkeypatch, tmp_path)


def me(at: AppTest) -> str:
    """The resume token this session holds (a browser keeps it in a cookie, not the URL)."""
    return str(at.session_state["workshop_token"])


def join(app: Callable[..., AppTest], code: str, nickname: str = "", lang: str = "en") -> AppTest:
    at = app(lang=lang, page="pages/join.py")
    at.text_input(key="join_code").set_value(code)
    at.text_input(key="join_nickname").set_value(nickname)
    at.button(key="join_submit").click().run()
    assert not at.exception
    return at


def _submissions(room: Room) -> int:
    with room.store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(submissions)).scalar_one())


@pytest.mark.parametrize("lang", LANGS)
def test_joining_by_link_fills_the_code_and_shows_the_personal_link(
    app: Callable[..., AppTest], room: Room, lang: str
) -> None:
    workshop = room.workshop("Madrid")
    link_code = f"{workshop.join_code[:3].lower()}-{workshop.join_code[3:]}"  # as typed from a screen
    at = app(lang=lang, page="pages/join.py", code=link_code)
    assert at.text_input(key="join_code").value == link_code
    at.text_input(key="join_nickname").set_value("Ana")
    at.button(key="join_submit").click().run()
    assert alerts(at, "success") == [tr("room.join.welcome", lang, workshop="Madrid", name="Ana")]
    token = me(at)
    assert "code" not in at.query_params and at.query_params["me"] in (token, [token])  # the page is the link
    assert room.store.resume(token).attendee.nickname == "Ana"
    assert any(
        c.value.endswith(f"/join?me={token}&lang=en") for c in at.code
    )  # the link, in the room's language
    assert len(at.get("image")) == 1  # and its QR code
    assert tr("room.join.no_poll", lang) in texts(at)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_join_input_gets_a_clear_message_and_keeps_what_was_typed(
    app: Callable[..., AppTest], room: Room, lang: str, case: dict[str, Any]
) -> None:
    workshop = room.workshop()
    if case["workshop"] == "closed":
        room.store.close_workshop(workshop.id)
    code = case["code"].replace("{code}", workshop.join_code)
    nickname = case["nickname"] * case.get("repeat", 1)
    at = join(app, code, nickname, lang)
    assert alerts(at, "error") == [tr(case["message"], lang, **case.get("values", {}))]
    assert at.text_input(key="join_code").value == code
    assert at.text_input(key="join_nickname").value == nickname
    assert "me" not in at.query_params
    assert room.store.room_snapshot(workshop.id).attendees == 0  # no harm done


def test_a_nickname_with_html_is_shown_as_plain_text(app: Callable[..., AppTest], room: Room) -> None:
    workshop = room.workshop()
    at = join(app, workshop.join_code, '<img src=x onerror="alert(1)">[me](http://x)')
    [welcome] = alerts(at, "success")
    assert "<img" not in welcome and "&lt;img" in welcome
    assert "\\[me\\]\\(http\u2060\\:" in welcome  # a link that can't become a link (cut at 40 characters)
    assert room.store.resume(me(at)).attendee.nickname.startswith("<img")  # stored as typed


def test_a_long_nickname_meets_one_rule_a_40_character_limit_said_on_the_form(
    app: Callable[..., AppTest], room: Room
) -> None:
    workshop = room.workshop()
    at = app(lang="es", page="pages/join.py")
    assert at.text_input(key="join_nickname").max_chars == 40  # the phone stops typing there
    assert "40" in str(at.text_input(key="join_nickname").help)
    at = join(app, workshop.join_code, "N" * 500, "es")
    assert room.store.resume(me(at)).attendee.nickname == "N" * 40


def test_the_resume_link_brings_back_the_attendee_progress_and_shares(
    app: Callable[..., AppTest], room: Room
) -> None:
    workshop = room.workshop()
    first = join(app, workshop.join_code, "Ana")
    token = me(first)
    lesson = COURSE.in_language("en")[0]
    first.query_params["lesson"] = lesson.meta.id
    first.switch_page("pages/lesson.py").run()
    first.radio(key=f"quiz_{lesson.meta.id}_0").set_value(lesson.meta.quiz[0].answer).run()
    first.checkbox(key=f"read_{lesson.meta.id}").check().run()
    saved = room.store.load_state(token, "progress")
    assert saved[lesson.meta.id] == {"read": True, "answers": {"0": lesson.meta.quiz[0].answer}}  # type: ignore[index]

    # Another day, another device: only the link.
    again = app(lang="en", page="pages/join.py", me=token)
    assert alerts(again, "success") == [tr("room.join.welcome", "en", workshop="Madrid", name="Ana")]
    again.query_params["lesson"] = lesson.meta.id
    again.switch_page("pages/lesson.py").run()
    assert again.radio(key=f"quiz_{lesson.meta.id}_0").value == lesson.meta.quiz[0].answer
    assert again.checkbox(key=f"read_{lesson.meta.id}").value is True
    assert room.store.room_snapshot(workshop.id).attendees == 1  # the same attendee, not a new one


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_that_no_longer_works_says_so_and_offers_the_join_form(
    app: Callable[..., AppTest], room: Room, lang: str
) -> None:
    at = app(lang=lang, page="pages/join.py", me="not-a-real-token")
    assert alerts(at, "error") == [tr("workshop.errors.invalid_token", lang)]
    assert at.text_input(key="join_code") is not None and not at.exception


def test_a_deleted_workshop_ends_the_attendee_session_with_a_message(
    app: Callable[..., AppTest], room: Room
) -> None:
    workshop = room.workshop()
    at = join(app, workshop.join_code)
    room.store.delete_workshop(workshop.id)
    at.run()
    assert alerts(at, "error") == [tr("workshop.errors.invalid_token", "en")]
    at.run()
    assert not alerts(at, "error") and at.text_input(key="join_code") is not None


def test_answering_a_poll_changing_the_answer_and_the_poll_closing(
    app: Callable[..., AppTest], room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop = room.workshop()
    poll = room.store.open_poll(workshop.id, "shelf-vs-feed", 0, "Where?", ["Search", "Feed", "Ads"])
    at = join(app, workshop.join_code, "Ana")
    radio = at.radio(key=f"join_poll_{poll.id}")
    assert radio.options == ["Search", "Feed", "Ads"] and radio.value is None
    radio.set_value(2).run()
    assert tr("room.join.answer_saved", "en") in alerts(at, "success")
    at.radio(key=f"join_poll_{poll.id}").set_value(1).run()
    assert room.store.room_snapshot(workshop.id).open_poll.counts == (0, 1, 0)  # type: ignore[union-attr]

    # The poll closes while the phone still shows it (its next look is seconds away; the process
    # learns of the close within a quarter second, so the stale view is pinned here): the late
    # answer is refused, clearly.
    room.store.close_poll(poll.id)
    with monkeypatch.context() as stale:
        stale.setattr("ui.join_view.open_poll", lambda _workshop_id: poll)
        at.radio(key=f"join_poll_{poll.id}").set_value(0).run()
    assert tr("workshop.errors.poll_closed", "en") in alerts(at, "error")
    assert room.store.room_snapshot(workshop.id).recent_polls[0].counts == (0, 1, 0)

    # Once the process has seen the close, the phone says the poll closed and what was kept.
    from ui.workshop_state import room_changed

    room_changed()
    at.run()
    assert tr("room.join.poll_closed", "en", question="Where?", answer="Feed") in alerts(at, "info")


def test_attendees_dont_see_each_others_data(app: Callable[..., AppTest], room: Room) -> None:
    workshop = room.workshop()
    ana = join(app, workshop.join_code, "Ana")
    room.store.submit(me(ana), submission_id=str(uuid.uuid4()), kind="team",
                      summary={"headline_gap": "scripting"})  # fmt: skip
    room.store.save_state(me(ana), "inputs.team", {"rows": ["secret"]})
    luis = join(app, workshop.join_code, "Luis")
    shown = texts(luis)
    assert "Ana" not in shown and "secret" not in shown
    assert tr("room.join.shared_none", "en") in shown
    assert room.store.load_state(me(luis), "inputs.team") is None


# The share panel and saved inputs, as a calculator page uses them ---------------------------------

SUMMARY = {"headline_gap": "content_direction", "critical_gaps": ["content_direction"], "content_ratio": 0.5}
RAW = {"rows": [{"role": "founder", "headcount": 1}]}


CALCULATOR = """
import streamlit as st
from ui.share import share_panel


def calculator():
    share_panel("team", {summary!r}, {raw!r})


st.navigation([st.Page(calculator, default=True), st.Page("pages/join.py", url_path="join")]).run()
"""
"""A stand-in calculator page: its result's summary, its raw inputs, and the share panel under them."""


def _panel(room: Room, token: str | None, lang: str = "en") -> AppTest:
    # The script sits beside a link to the app's pages/ folder and lists the join page in its menu,
    # so the panel's link to the join page resolves as it does in the app.
    script = room.folder / "calculator.py"
    if not script.exists():
        script.write_text(CALCULATOR.format(summary=SUMMARY, raw=RAW))
        (room.folder / "pages").symlink_to(ROOT / "pages")
    at = AppTest.from_file(str(script), default_timeout=30)
    at.query_params["lang"] = lang
    if token is not None:
        view = room.store.resume(token)
        at.session_state["workshop_token"] = token
        at.session_state["workshop_attendee"] = {
            "workshop_id": view.workshop.id,
            "workshop": view.workshop.name,
            "code": view.workshop.display_code,
            "nickname": view.attendee.nickname,
            "number": view.attendee.number,
        }
    at.run()
    assert not at.exception
    return at


def test_not_joined_the_share_panel_is_one_line_with_a_link(room: Room) -> None:
    at = _panel(room, None)
    assert [link.label for link in at.page_link] == [tr("room.share.join_first", "en")]
    assert len(at.button) == 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_share_panel_shows_what_is_sent_and_stores_a_double_click_once(room: Room, lang: str) -> None:
    workshop = room.workshop()
    token = room.store.join(workshop.join_code).resume_token
    at = _panel(room, token, lang)
    shown = texts(at)
    assert (
        tr("room.field.team.headline_gap", lang) in shown and tr("team.cap.content_direction", lang) in shown
    )
    assert at.checkbox(key="share_team_raw").value is False  # raw data stays unless ticked
    at.button(key="share_team_send").click().run()
    assert alerts(at, "success") == [tr("room.share.stored", lang, workshop="Madrid")]
    at.button(key="share_team_send").click().run()  # a double click, a retry
    assert alerts(at, "success") == [tr("room.share.already", lang, workshop="Madrid")]
    assert _submissions(room) == 1
    with room.store.engine.connect() as conn:
        assert conn.execute(select(submissions.c.raw)).scalar_one() is None
    assert room.store.load_state(token, "shared")[0]["summary"] == SUMMARY  # type: ignore[index]


def test_ticking_the_box_sends_the_raw_inputs_as_a_new_share(room: Room) -> None:
    workshop = room.workshop()
    token = room.store.join(workshop.join_code).resume_token
    at = _panel(room, token)
    at.button(key="share_team_send").click().run()
    at.checkbox(key="share_team_raw").check().run()
    assert tr("room.share.raw_on", "en") in texts(at)
    at.button(key="share_team_send").click().run()
    assert _submissions(room) == 2
    csv = room.store.export_csv(workshop.id).decode("utf-8-sig")
    assert csv.count(",yes,") >= 1  # raw_shared on the second share


def test_sharing_into_a_closed_workshop_is_refused_with_a_message(room: Room) -> None:
    workshop = room.workshop()
    token = room.store.join(workshop.join_code).resume_token
    room.store.close_workshop(workshop.id)
    at = _panel(room, token)
    at.button(key="share_team_send").click().run()
    assert alerts(at, "error") == [tr("workshop.errors.workshop_closed", "en")]
    assert _submissions(room) == 0


def _inputs_script(value):  # type: ignore[no-untyped-def]  # run as a script: no annotations
    import streamlit as st

    from ui.share import load_inputs, save_inputs

    st.write(save_inputs("channels", value))
    st.write(save_inputs("channels", value))  # unchanged: no second write
    st.write(load_inputs("channels"))


def test_saved_calculator_inputs_come_back_for_the_attendee_only(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop = room.workshop()
    token = room.store.join(workshop.join_code).resume_token
    from storage import WorkshopStore

    writes: list[str] = []
    original = WorkshopStore.save_state
    monkeypatch.setattr(
        WorkshopStore, "save_state", lambda self, t, k, v: (writes.append(k), original(self, t, k, v))[1]
    )
    undecided = AppTest.from_function(_inputs_script, args=({"weeks": 8},), default_timeout=30)
    undecided.session_state["workshop_token"] = token
    undecided.session_state["workshop_attendee"] = {"workshop_id": workshop.id, "workshop": "Madrid"}
    undecided.run()
    assert [m.value for m in undecided.markdown][:2] == ["`False`", "`False`"] and writes == []  # not chosen

    at = AppTest.from_function(_inputs_script, args=({"weeks": 8},), default_timeout=30)
    at.session_state["workshop_token"] = token
    at.session_state["workshop_keep_inputs"] = True  # the attendee ticked "keep my inputs"
    at.session_state["workshop_attendee"] = {
        "workshop_id": workshop.id,
        "workshop": "Madrid",
        "code": "",
        "nickname": None,
        "number": 1,
    }
    at.run()
    assert not at.exception and writes == ["inputs.channels"]
    assert room.store.load_state(token, "inputs.channels") == {"weeks": 8}
    alone = AppTest.from_function(_inputs_script, args=({"weeks": 8},), default_timeout=30).run()
    assert [m.value for m in alone.markdown][:2] == ["`False`", "`False`"]  # not joined: nothing saved
