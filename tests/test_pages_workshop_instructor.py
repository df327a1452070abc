"""Instructor screens through the real app (AppTest): passcode gate, workshops, join code and QR,
presenter, live dashboard, close and delete; and that nobody else gets in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content_logic.course import LESSONS_DIR, load_course
from storage import WorkshopStore
from tests.conftest import APP
from tests.room_support import PASSCODE, Room, alerts, charts, login, make_room, texts, tr

LANGS = ["en", "es"]
COURSE = load_course(LESSONS_DIR)
INSTRUCTOR_ONLY = ["pages/presenter.py", "pages/room.py"]


@pytest.fixture
def room(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Room:
    return make_room(monkeypatch, tmp_path)


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_passcode_the_area_explains_how_to_set_one_and_stays_closed(
    app: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str
) -> None:
    make_room(monkeypatch, tmp_path, passcode=None)
    at = app(lang=lang, page="pages/instructor.py")
    assert not at.exception
    assert alerts(at, "info") == [tr("room.instructor.not_configured", lang)]
    assert "COMPANION_INSTRUCTOR_PASSCODE" in at.code[0].value and "instructor_passcode" in at.code[0].value
    assert len(at.text_input) == 0  # nothing to guess at
    for page in INSTRUCTOR_ONLY:
        at.switch_page(page).run()
        assert alerts(at, "warning") == [tr("room.instructor.only", lang)] and not at.exception


@pytest.mark.parametrize("lang", LANGS)
def test_wrong_passcodes_are_refused_then_slowed_down(
    app: Callable[..., AppTest], room: Room, lang: str
) -> None:
    at = app(lang=lang, page="pages/instructor.py")
    for _ in range(5):  # the free failures: typos
        at.text_input(key="instructor_passcode").set_value("guess")
        at.button(key="instructor_enter").click().run()
        assert alerts(at, "error") == [tr("workshop.passcode.wrong", lang)]
    at.text_input(key="instructor_passcode").set_value("guess")
    at.button(key="instructor_enter").click().run()
    locked = tr("workshop.passcode.locked", lang, seconds=2)
    assert alerts(at, "error") == [tr("workshop.passcode.wrong", lang) + " " + locked]
    # While locked, even the right passcode isn't compared.
    at.text_input(key="instructor_passcode").set_value(PASSCODE)
    at.button(key="instructor_enter").click().run()
    assert len(alerts(at, "error")) == 1 and alerts(at, "error")[0].startswith(locked[:12])
    assert at.text_input(key="instructor_passcode").value == PASSCODE  # what was typed stays
    assert not at.exception


def test_instructor_pages_check_the_passcode_on_every_run(
    app: Callable[..., AppTest], room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    room.workshop()
    at = login(app)
    at.switch_page("pages/room.py").run()
    assert not alerts(at, "warning")
    monkeypatch.setenv("COMPANION_INSTRUCTOR_PASSCODE", "a new passcode")
    at.run()
    assert alerts(at, "warning") == [tr("room.instructor.only", "en")]
    assert len(at.get("plotly_chart")) == 0 and len(at.metric) == 0


@pytest.mark.parametrize("lang", LANGS)
def test_opening_a_workshop_shows_its_code_big_a_qr_code_and_the_join_link(
    app: Callable[..., AppTest], room: Room, lang: str
) -> None:
    at = login(app, lang)
    assert tr("room.instructor.none_yet", lang) in texts(at)
    at.text_input(key="instructor_new_name").set_value("Madrid <b>día 1</b>")
    at.button(key="instructor_open").click().run()
    assert not at.exception
    [workshop] = room.store.list_workshops()
    assert workshop.language == lang
    assert alerts(at, "success") == [
        tr("room.instructor.opened", lang, name="Madrid &lt;b&gt;día 1&lt;/b&gt;", code=workshop.display_code)
    ]
    assert workshop.display_code in [m.value for m in at.markdown]
    assert len(at.get("image")) == 1  # the QR code
    join_links = [c.value for c in at.code if "/join?code=" in c.value]
    assert join_links and all(
        link.endswith(f"/join?code={workshop.join_code}&lang={lang}") for link in join_links
    )
    assert at.selectbox(key="instructor_pick").value == workshop.id


def test_opened_on_localhost_it_says_so_and_offers_the_laptops_network_addresses(
    app: Callable[..., AppTest], room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "ui.workshop_state._interfaces",
        lambda: [("lo", "127.0.0.1"), ("wlan0", "192.168.1.20"), ("docker0", "172.17.0.1")],
    )
    room.workshop()
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = "en"
    at.context["url"] = "http://localhost:8501/instructor"
    at.run()
    at.switch_page("pages/instructor.py").run()
    at.text_input(key="instructor_passcode").set_value(PASSCODE)
    at.button(key="instructor_enter").click().run()
    assert alerts(at, "warning")[0].startswith("You opened the app as **localhost**")
    links = [c.value for c in at.code if "/join?code=" in c.value]
    assert links and links[0].startswith("http://192.168.1.20:8501/join?code=")
    assert not any("localhost" in link or "127.0.0.1" in link or "172.17." in link for link in links)


@pytest.mark.parametrize(
    ("public_url", "shown", "warning"),
    [
        ("https://course.example.org/", "https://course.example.org/join?code=", None),
        ("course.example.org", None, "room.links.invalid_public_url"),
    ],
)
def test_a_configured_public_address_is_used_or_flagged(
    app: Callable[..., AppTest],
    room: Room,
    monkeypatch: pytest.MonkeyPatch,
    public_url: str,
    shown: str | None,
    warning: str | None,
) -> None:
    monkeypatch.setenv("COMPANION_PUBLIC_URL", public_url)
    room.workshop()
    at = login(app)
    links = [c.value for c in at.code if "/join?code=" in c.value]
    if shown:
        assert links[0].startswith(shown) and not alerts(at, "warning")
    if warning:
        assert tr(warning, "en", env="COMPANION_PUBLIC_URL") in alerts(at, "warning")


@pytest.mark.parametrize("lang", LANGS)
def test_presenter_shows_slides_in_the_rooms_language_with_notes_and_runs_a_poll(
    app: Callable[..., AppTest], room: Room, lang: str
) -> None:
    workshop = room.workshop(lang=lang)
    at = login(app, "en")  # the instructor's screens in English, the room in `lang`
    at.switch_page("pages/presenter.py").run()
    assert not at.exception
    lesson = COURSE.in_language(lang)[0]  # type: ignore[arg-type]
    count = len(lesson.slides)
    assert f"**1 / {count}**" in [m.value for m in at.markdown]
    assert f"## {lesson.slides[0].title}" in [m.value for m in at.markdown]
    assert lesson.slides[0].notes and lesson.slides[0].notes in [m.value for m in at.markdown]
    assert at.button(key="presenter_previous").disabled
    at.button(key="presenter_next").click().run()
    assert f"**2 / {count}**" in [m.value for m in at.markdown]
    assert f"## {lesson.slides[1].title}" in [m.value for m in at.markdown]

    at.selectbox(key="presenter_question").set_value(1).run()
    at.button(key="presenter_open_poll").click().run()
    poll = room.store.current_poll(workshop.id)
    assert poll is not None and poll.question == lesson.meta.quiz[1].question
    assert poll.options == tuple(lesson.meta.quiz[1].options) and poll.lesson_id == lesson.meta.id
    assert alerts(at, "success") == [tr("room.presenter.poll_open", "en", question=poll.question)]
    at.button(key="presenter_close_poll").click().run()
    assert room.store.current_poll(workshop.id) is None and not at.exception


def test_speaker_notes_never_reach_the_attendees_lesson_page(app: Callable[..., AppTest]) -> None:
    lesson = COURSE.in_language("en")[0]
    at = app(lang="en", page="pages/lesson.py", lesson=lesson.meta.id)
    shown = texts(at)
    assert all(note not in shown for note in lesson.notes if note)


@pytest.mark.parametrize(("lang", "gap"), [("en", "Content direction"), ("es", "Dirección de contenido")])
def test_the_live_dashboard_shows_attendees_answers_and_the_rooms_results(
    app: Callable[..., AppTest], room: Room, lang: str, gap: str
) -> None:
    workshop = room.workshop()
    poll = room.store.open_poll(workshop.id, "shelf-vs-feed", 0, "Where?", ["Search", "Feed"])
    tokens = [room.store.join(workshop.join_code, f"A{n}").resume_token for n in range(3)]
    for token, option in zip(tokens, [1, 1, 0], strict=True):
        room.store.answer_poll(token, poll.id, option)
    room.store.submit(tokens[0], submission_id="6f1c1d56-52a3-4f3e-8d7f-0a8f7f6b0001", kind="team",
                      summary={"headline_gap": "content_direction"})  # fmt: skip
    at = login(app, lang)
    at.switch_page("pages/room.py").run()
    assert not at.exception
    assert [m.value for m in at.metric][:2] == ["3", "0"]
    bars = charts(at)[0]["data"][0]
    assert bars["y"] == ["Search", "Feed"] and bars["x"] == [1, 2]
    assert tr("room.gap_line", lang, gap=gap, count=1) in texts(at)
    assert tr("room.poll_answers", lang, count=3) in texts(at)
    assert at.download_button(key="room_export").label == tr("room.manage.export", lang)


def test_many_dashboards_share_one_database_read(
    app: Callable[..., AppTest], room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    room.workshop()
    calls: list[str] = []
    original = WorkshopStore.room_snapshot

    def counting(self: WorkshopStore, workshop_id: str) -> object:
        calls.append(workshop_id)
        return original(self, workshop_id)

    monkeypatch.setattr(WorkshopStore, "room_snapshot", counting)
    screens = [login(app) for _ in range(3)]
    for at in screens:
        at.switch_page("pages/room.py").run()
        at.run()
    assert len(calls) == 1  # six dashboard runs within the cache's 2 seconds


def test_closing_and_deleting_a_workshop(app: Callable[..., AppTest], room: Room) -> None:
    workshop = room.workshop()
    token = room.store.join(workshop.join_code).resume_token
    at = login(app)
    at.switch_page("pages/room.py").run()
    at.button(key="room_close").click().run()
    assert room.store.get_workshop(workshop.id).is_open  # a misclick on the projector closes nothing
    at.button(key="room_close_no").click().run()
    assert room.store.get_workshop(workshop.id).is_open and at.button(key="room_close") is not None
    at.button(key="room_close").click().run()
    assert tr("room.manage.close_question", "en", name="Madrid") in alerts(at, "warning")
    at.button(key="room_close_yes").click().run()
    assert not room.store.get_workshop(workshop.id).is_open
    assert tr("room.manage.closed", "en", name="Madrid") in alerts(at, "success")
    at.button(key="room_reopen").click().run()  # same code, same attendees
    reopened = room.store.get_workshop(workshop.id)
    assert reopened.is_open and reopened.join_code == workshop.join_code
    assert room.store.resume(token).workshop.is_open
    assert tr("room.manage.reopened", "en", name="Madrid", code=workshop.display_code) in alerts(
        at, "success"
    )
    assert at.button(key="room_delete").disabled  # nothing is deleted without the confirmation
    at.checkbox(key="room_delete_confirm").check().run()
    at.button(key="room_delete").click().run()
    assert room.store.list_workshops() == []
    assert tr("room.manage.deleted", "en") in alerts(at, "success")
    assert tr("room.presenter.no_workshop", "en") in alerts(at, "info")
    with pytest.raises(Exception, match="invalid_token"):
        room.store.resume(token)


def test_a_joined_attendee_still_cant_open_instructor_screens(
    app: Callable[..., AppTest], room: Room
) -> None:
    workshop = room.workshop()
    at = app(lang="en", page="pages/join.py", code=workshop.join_code)
    at.button(key="join_submit").click().run()
    for page in INSTRUCTOR_ONLY:
        at.switch_page(page).run()
        assert alerts(at, "warning") == [tr("room.instructor.only", "en")]
        assert workshop.display_code not in texts(at)
    at.switch_page("pages/instructor.py").run()
    assert len(at.text_input) == 1 and workshop.display_code not in texts(at)


def test_a_database_that_cant_be_opened_is_a_message_not_a_traceback(
    app: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    make_room(monkeypatch, tmp_path)
    monkeypatch.setenv("COMPANION_DATABASE_URL", f"sqlite:///{tmp_path}")  # a folder, not a file
    at = login(app)
    assert alerts(at, "error") == [tr("workshop.errors.storage_unavailable", "en")]
    assert not at.exception
