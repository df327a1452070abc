"""The room report's downloads and the 30-day re-check through the real app (AppTest): opting in on the
personal link's page, running a calculator again, and the instructor's cohort view hiding small groups."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from content_logic.workshop import Workshop
from content_logic.workshop.recheck import MIN_GROUP, RULES
from storage.schema import workshops
from tests.conftest import ROOT
from tests.room_support import Room, alerts, login, make_room, texts, tr
from ui.report_view import report_pdf

LANGS = ["en", "es"]
THEN = {"headline_gap": "content_direction"}
NOW = {"headline_gap": "scripting"}

CALCULATOR = """
import streamlit as st
from ui.share import calculator_sharing


def calculator():
    calculator_sharing("team", lambda: {summary!r}, lambda: {{}})


st.navigation([st.Page(calculator, default=True), st.Page("pages/join.py", url_path="join")]).run()
"""
"""A stand-in calculator page: a team result and the sharing panel under it, as the team page has."""


@pytest.fixture
def room(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Room:
    return make_room(monkeypatch, tmp_path)


def _age(room: Room, workshop: Workshop, days: int) -> None:
    """Pretend the workshop closed ``days`` ago."""
    with room.store.engine.begin() as conn:
        closed = datetime.now(UTC) - timedelta(days=days)
        conn.execute(update(workshops).where(workshops.c.id == workshop.id).values(closed_at=closed))


def _personal_page(app: Callable[..., AppTest], token: str, lang: str) -> AppTest:
    at = app(lang=lang, page="pages/join.py", me=token)
    assert not at.exception
    return at


def _calculator(room: Room, token: str, lang: str) -> AppTest:
    script = room.folder / "calculator.py"
    if not script.exists():
        script.write_text(CALCULATOR.format(summary=NOW))
        (room.folder / "pages").symlink_to(ROOT / "pages")
    at = AppTest.from_file(str(script), default_timeout=30)
    at.query_params["lang"] = lang
    view = room.store.resume(token)
    at.session_state["workshop_token"] = token
    at.session_state["workshop_attendee"] = {
        "workshop_id": view.workshop.id,
        "workshop": view.workshop.name,
        "code": view.workshop.display_code,
        "nickname": None,
        "number": view.attendee.number,
    }
    at.run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_opt_in_wait_run_again_and_save(app: Callable[..., AppTest], room: Room, lang: str) -> None:
    workshop = room.workshop()
    token = room.store.join(workshop.join_code).resume_token
    room.store.submit(token, submission_id="6f1c1d56-52a3-4f3e-8d7f-0a8f7f6b0001", kind="team", summary=THEN)
    at = _personal_page(app, token, lang)
    assert not [b for b in at.button if b.key == "recheck_opt_in"]  # open workshop: no re-check yet

    room.store.close_workshop(workshop.id)
    at = _personal_page(app, token, lang)
    assert tr("report.recheck.offer", lang, days=RULES.after_days) in texts(at)
    at.button(key="recheck_opt_in").click().run()
    assert room.store.recheck_status(token).opted_in_at is not None
    assert any(tr("report.recheck.waiting", lang, date="")[:20] in text for text in alerts(at, "info"))

    calculator = _calculator(room, token, lang)  # not due yet: the usual share panel (refused)
    assert not [b for b in calculator.button if b.key == "recheck_team_save"]

    _age(room, workshop, RULES.after_days + 1)
    at = _personal_page(app, token, lang)
    labels = [link.label for link in at.page_link]
    assert tr("report.recheck.todo", lang, calculator=tr("team.nav_title", lang)) in labels

    calculator = _calculator(room, token, lang)
    calculator.button(key="recheck_team_save").click().run()
    assert alerts(calculator, "success") == [tr("report.recheck.saved", lang)]
    assert room.store.recheck_status(token).rerun == ("team",)
    at = _personal_page(app, token, lang)
    assert tr("report.recheck.done", lang, calculator=tr("team.nav_title", lang)) in [
        link.label for link in at.page_link
    ]

    at.button(key="recheck_opt_out").click().run()
    assert room.store.recheck_status(token).opted_in_at is None


def _cohort(room: Room, rerunners: int) -> Workshop:
    workshop = room.workshop()
    tokens = [room.store.join(workshop.join_code).resume_token for _ in range(MIN_GROUP + 1)]
    for number, token in enumerate(tokens):
        sid = f"6f1c1d56-52a3-4f3e-8d7f-0a8f7f6b{number:04d}"
        room.store.submit(token, submission_id=sid, kind="team", summary=THEN)
    room.store.close_workshop(workshop.id)
    for token in tokens:
        room.store.set_recheck(token, True)
    _age(room, workshop, RULES.after_days + 1)
    for token in tokens[:rerunners]:
        room.store.save_recheck(token, "team", NOW)
    return workshop


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rerunners", [MIN_GROUP - 1, MIN_GROUP])
def test_the_cohort_view_hides_groups_under_five(
    app: Callable[..., AppTest], room: Room, lang: str, rerunners: int
) -> None:
    workshop = _cohort(room, rerunners)
    at = login(app, lang)
    at.query_params["w"] = workshop.id
    at.switch_page("pages/room.py").run()
    assert not at.exception
    shown = texts(at)
    then, now = tr("team.cap.content_direction", lang), tr("team.cap.scripting", lang)
    line = tr("report.cohort.gap", lang, then=then, now=now, count=rerunners)
    hidden = tr(
        "report.cohort.hidden", lang, calculator=tr("team.nav_title", lang), count=rerunners, min=MIN_GROUP
    )
    if rerunners < MIN_GROUP:
        assert hidden in shown and now not in shown
    else:
        assert line in shown and hidden not in shown


@pytest.mark.parametrize("lang", LANGS)
def test_the_dashboard_offers_the_room_report_while_the_workshop_runs(
    app: Callable[..., AppTest], room: Room, lang: str
) -> None:
    workshop = room.workshop()
    for number in range(3):
        token = room.store.join(workshop.join_code, f"Shop {number}").resume_token
        sid = f"6f1c1d56-52a3-4f3e-8d7f-0a8f7f6c{number:04d}"
        room.store.submit(token, submission_id=sid, kind="team", summary=THEN)
    at = login(app, lang)
    at.query_params["w"] = workshop.id
    at.switch_page("pages/room.py").run()
    assert not at.exception
    assert at.download_button(key="room_report_pdf").label == tr("report.download_pdf", lang)
    assert at.download_button(key="room_report_csv").label == tr("report.download_csv", lang)
    assert tr("report.cohort.closed_only", lang, days=RULES.after_days) in texts(at)
    pdf = report_pdf(room.store.get_workshop(workshop.id), lang)  # what the button's click makes
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert tr("report.title", lang, name="Madrid") in text
    assert tr("team.cap.content_direction", lang) in text
    assert "Shop" not in text  # no nickname in the report
