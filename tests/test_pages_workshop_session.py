"""The instructor's session and the room's flow through the real app (AppTest): a second tab or a
restart stays signed in on the chosen workshop, sign-out ends it everywhere, the one-time link, the
throttle per client, the presenter's shared screen, the audience screen and a revealed answer.

A browser's cookie is what a new tab brings; here a new AppTest session gets it through
``ui.workshop_browser.read_cookie``, the one place the app reads cookies.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from content_logic.course import LESSONS_DIR, load_course
from content_logic.workshop.access import issue_signin_link_token
from tests.room_support import PASSCODE, Room, alerts, charts, login, make_room, texts, tr
from ui.instructor_session import INSTRUCTOR_COOKIE, SESSION_KEY

LANGS = ["en", "es"]
COURSE = load_course(LESSONS_DIR)


@pytest.fixture
def room(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Room:
    return make_room(monkeypatch, tmp_path)


def _browser_cookies(monkeypatch: pytest.MonkeyPatch, cookies: dict[str, str]) -> None:
    monkeypatch.setattr("ui.workshop_browser.read_cookie", cookies.get)
    monkeypatch.setattr("ui.instructor_session.read_cookie", cookies.get)
    monkeypatch.setattr("ui.attendee.read_cookie", cookies.get)


def _new_tab(app: Callable[..., AppTest], page: str, **query: str) -> AppTest:
    at = app(lang="en", page=page, **query)
    assert not at.exception
    return at


def test_a_second_tab_and_a_restart_stay_signed_in_on_the_chosen_workshop(
    app: Callable[..., AppTest], room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    running = room.workshop("Running")
    room.workshop("Newer, not running")  # the newest open one: must not be picked instead
    first = login(app)
    first.selectbox(key="instructor_pick").set_value(running.id).run()
    assert first.query_params["w"] in (running.id, [running.id])  # the choice is in the URL
    token = str(first.session_state[SESSION_KEY])
    _browser_cookies(monkeypatch, {INSTRUCTOR_COOKIE: token})

    second = _new_tab(app, "pages/room.py", w=running.id)  # the projector's tab
    assert not alerts(second, "warning") and tr("room.dashboard_title", "en", name="Running") in texts(second)
    st.cache_data.clear()  # a restart: nothing the process held survives, the cookie does
    st.cache_resource.clear()
    third = _new_tab(app, "pages/instructor.py", w=running.id)
    assert "instructor_passcode" not in [widget.key for widget in third.text_input]
    assert third.selectbox(key="instructor_pick").value == running.id


def test_sign_out_ends_the_session_in_every_tab(
    app: Callable[..., AppTest], room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop = room.workshop()
    first = login(app)
    _browser_cookies(monkeypatch, {INSTRUCTOR_COOKIE: str(first.session_state[SESSION_KEY])})
    second = _new_tab(app, "pages/room.py", w=workshop.id)
    assert not alerts(second, "warning")
    first.button(key="instructor_sign_out").click().run()
    assert first.text_input(key="instructor_passcode") is not None
    from ui.instructor_session import _generation

    _generation.clear()  # the 2-second cache every tab shares has moved on
    second.run()
    assert alerts(second, "warning") == [tr("room.instructor.only", "en")]
    assert len(second.metric) == 0


def test_the_one_time_link_signs_in_once_and_leaves_the_url(app: Callable[..., AppTest], room: Room) -> None:
    link = issue_signin_link_token(PASSCODE, time.time())
    at = app(lang="en", page="pages/instructor.py", signin=link)
    assert "signin" not in at.query_params and SESSION_KEY in at.session_state
    assert tr("room.instructor.none_yet", "en") in texts(at)
    again = app(lang="en", page="pages/instructor.py", signin=link)  # a photo of the projector's URL bar
    assert alerts(again, "warning") == [tr("room.instructor.signin_used", "en")]
    assert again.text_input(key="instructor_passcode") is not None
    forged = app(lang="en", page="pages/instructor.py", signin=link[:-3] + "xyz")
    assert alerts(forged, "warning") == [tr("room.instructor.signin_invalid", "en")]


def test_wrong_passcodes_from_one_client_dont_lock_out_another(
    app: Callable[..., AppTest], room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.instructor_session.this_client", lambda: "192.168.1.66")
    guesser = app(lang="en", page="pages/instructor.py")
    for _ in range(20):
        guesser.text_input(key="instructor_passcode").set_value("guess")
        guesser.button(key="instructor_enter").click().run()
    assert "Try again" in alerts(guesser, "error")[0]
    monkeypatch.setattr("ui.instructor_session.this_client", lambda: "192.168.1.10")
    instructor = login(app)
    assert SESSION_KEY in instructor.session_state and not alerts(instructor, "error")


@pytest.mark.parametrize(("lang", "seconds", "key"), [("en", 1, "locked_one"), ("es", 1, "locked_one"),
                                                       ("en", 2, "locked"), ("es", 2, "locked")])  # fmt: skip
def test_the_lockout_message_says_second_or_seconds(
    app: Callable[..., AppTest],
    room: Room,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    seconds: int,
    key: str,
) -> None:
    from content_logic.workshop import PasscodeAttempt

    monkeypatch.setattr(
        "ui.instructor_view.try_passcode",
        lambda given: PasscodeAttempt(ok=False, retry_after=seconds - 0.4, checked=False),
    )
    at = app(lang=lang, page="pages/instructor.py")
    at.button(key="instructor_enter").click().run()
    assert alerts(at, "error") == [tr(f"workshop.passcode.{key}", lang, seconds=seconds)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_audience_screen_follows_the_presenter_without_notes(
    app: Callable[..., AppTest], room: Room, lang: str
) -> None:
    workshop = room.workshop(lang=lang)
    lesson = COURSE.in_language(lang)[0]  # type: ignore[arg-type]
    presenter = login(app)
    presenter.switch_page("pages/presenter.py").run()
    presenter.button(key="presenter_next").click().run()
    presenter.button(key="presenter_next").click().run()
    shown = room.store.screen(workshop.id)
    assert shown is not None and (shown.lesson_id, shown.slide) == (lesson.meta.id, 2)
    assert f"**{lesson.slides[3].title}**" in [m.value for m in presenter.markdown]  # the next slide's title

    presenter.switch_page("pages/audience.py").run()
    assert not presenter.exception
    shown_text = texts(presenter)
    assert f"## {lesson.slides[2].title}" in shown_text and workshop.display_code in shown_text
    assert all(note not in shown_text for note in (s.notes for s in lesson.slides) if note)
    assert len(presenter.selectbox) == 0 and len(presenter.button) == 0  # slide and join code only


def test_a_revealed_quiz_answer_shows_with_its_explanation(app: Callable[..., AppTest], room: Room) -> None:
    workshop = room.workshop()
    lesson = COURSE.in_language("en")[0]
    question = lesson.meta.quiz[0]
    at = login(app)
    at.switch_page("pages/presenter.py").run()
    at.button(key="presenter_open_poll").click().run()
    at.button(key="presenter_reveal").click().run()
    poll = room.store.current_poll(workshop.id)
    assert poll is not None and room.store.screen(workshop.id).revealed_poll_id == poll.id  # type: ignore[union-attr]
    at.switch_page("pages/room.py").run()
    right = tr("room.audience.right_answer", "en", answer=question.options[question.answer])
    assert right in texts(at) and question.explanation in texts(at)
    bars = charts(at)[0]["data"][0]
    colors = bars["marker"]["color"]
    assert colors[question.answer] != colors[(question.answer + 1) % len(colors)]  # the right bar stands out
    assert charts(at)[0]["layout"]["font"]["size"] >= 20  # readable from the back of a room


def test_a_reload_on_a_calculator_page_keeps_the_attendee(
    app: Callable[..., AppTest], room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop = room.workshop()
    token = room.store.join(workshop.join_code, "Ana").resume_token
    _browser_cookies(monkeypatch, {"companion_attendee": token})
    reloaded = _new_tab(app, "pages/channels.py")
    assert reloaded.session_state["workshop_token"] == token
    assert room.store.room_snapshot(workshop.id).attendees == 1
    joined = _new_tab(app, "pages/join.py", code=workshop.join_code)  # scanning the QR again
    assert tr("room.join.welcome", "en", workshop="Madrid", name="Ana") in alerts(joined, "success")
    assert room.store.room_snapshot(workshop.id).attendees == 1  # the same attendee, never a second


def test_an_attendee_deletes_their_data_from_the_join_page(app: Callable[..., AppTest], room: Room) -> None:
    workshop = room.workshop()
    at = app(lang="en", page="pages/join.py", code=workshop.join_code)
    at.button(key="join_submit").click().run()
    assert at.button(key="join_delete").disabled
    at.checkbox(key="join_delete_confirm").check().run()
    at.button(key="join_delete").click().run()
    assert room.store.room_snapshot(workshop.id).attendees == 0
    assert (
        tr("room.join.deleted", "en") in alerts(at, "success") and at.text_input(key="join_code") is not None
    )


def test_a_phone_sees_the_workshop_close_without_reloading(app: Callable[..., AppTest], room: Room) -> None:
    workshop = room.workshop()
    at = app(lang="es", page="pages/join.py", code=workshop.join_code)
    at.button(key="join_submit").click().run()
    room.store.close_workshop(workshop.id)
    from ui.workshop_state import room_changed

    room_changed()  # the shared few-second cache moved on; the phone's fragment reads it
    at.run()
    assert tr("room.join.workshop_closed", "es") in alerts(at, "warning")


@pytest.mark.parametrize("lang", LANGS)
def test_a_server_listening_on_loopback_shows_no_qr_and_says_how_to_fix_it(
    app: Callable[..., AppTest], room: Room, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    from streamlit import config

    monkeypatch.setattr(
        "ui.workshop_state._interfaces", lambda: [("lo", "127.0.0.1"), ("wlan0", "192.168.1.20")]
    )
    room.workshop()
    config.set_option("server.address", "127.0.0.1")
    try:
        at = login(app, lang)
    finally:
        config.set_option("server.address", None)
    command = "ADDRESS=0.0.0.0 bash scripts/run.sh"
    assert alerts(at, "error") == [tr("room.links.loopback", lang, command=command)]
    assert command in [c.value for c in at.code]
    assert len(at.get("image")) == 0 and not any("192.168.1.20" in c.value for c in at.code)
