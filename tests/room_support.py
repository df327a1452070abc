"""Shared set-up for the workshop screens' AppTests: a temp SQLite room and text helpers."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from content_logic.i18n import translate
from content_logic.workshop import Workshop
from storage import WorkshopStore

PASSCODE = "correct horse 42"


@dataclass
class Room:
    """The database the app under test uses (via the environment) and a store of our own on it."""

    url: str
    store: WorkshopStore
    monkeypatch: pytest.MonkeyPatch
    folder: Path
    """The test's own temp folder, for scripts a test writes."""

    def workshop(self, name: str = "Madrid", lang: str = "en") -> Workshop:
        """Open a workshop directly in the database."""
        return self.store.open_workshop(name, lang)


def make_room(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *, passcode: str | None = PASSCODE) -> Room:
    """Point the app at a fresh SQLite file and set (or unset) the instructor passcode."""
    url = f"sqlite:///{tmp_path / 'data' / 'room.sqlite3'}"
    monkeypatch.setenv("COMPANION_DATABASE_URL", url)
    monkeypatch.delenv("COMPANION_PUBLIC_URL", raising=False)
    if passcode is None:
        monkeypatch.delenv("COMPANION_INSTRUCTOR_PASSCODE", raising=False)
    else:
        monkeypatch.setenv("COMPANION_INSTRUCTOR_PASSCODE", passcode)
    return Room(url=url, store=WorkshopStore.from_url(url), monkeypatch=monkeypatch, folder=tmp_path)


def texts(at: AppTest) -> str:
    """Every piece of text on the screen (markdown, captions, alerts, headings, code), one per line."""
    found: list[str] = []
    for group in (at.title, at.header, at.subheader, at.markdown, at.caption, at.code):
        found += [str(element.value) for element in group]
    for group in (at.error, at.warning, at.info, at.success):
        found += [str(element.value) for element in group]
    found += [str(element.label) for element in at.expander]
    return "\n".join(found)


def alerts(at: AppTest, kind: str) -> list[str]:
    """The texts of one kind of alert (``error``, ``warning``, ``info``, ``success``)."""
    return [str(element.value) for element in getattr(at, kind)]


def tr(key: str, lang: str, **values: object) -> str:
    """The catalog text the screen should show."""
    return translate(key, lang, **values)  # type: ignore[arg-type]


def charts(at: AppTest) -> list[dict[str, Any]]:
    """The plotly figures on the screen, as their JSON specs."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def login(app: Callable[..., AppTest], lang: str = "en", passcode: str = PASSCODE) -> AppTest:
    """An instructor session on the instructor page, passcode entered."""
    at = app(lang=lang, page="pages/instructor.py")
    at.text_input(key="instructor_passcode").set_value(passcode)
    at.button(key="instructor_enter").click().run()
    assert not at.exception
    return at
