"""Warm AppTest reruns of the workshop screens against an empty page (budget: under 25 ms).

    .venv/bin/python bench/room_bench.py

Each screen runs on a temp SQLite room with 40 attendees, an open poll with answers and shared
results: the attendee's join page (joined, poll open), the live dashboard and the presenter.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

from rerun_timing import ROOT, compare_with_empty_page, open_page
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(ROOT))

from storage import WorkshopStore  # noqa: E402

PASSCODE = "bench-passcode"
BUDGET_MS = 25.0


def _room(folder: Path) -> tuple[str, str]:
    url = f"sqlite:///{folder / 'room.sqlite3'}"
    os.environ["COMPANION_DATABASE_URL"] = url
    os.environ["COMPANION_INSTRUCTOR_PASSCODE"] = PASSCODE
    store = WorkshopStore.from_url(url)
    workshop = store.open_workshop("Bench room", "en")
    poll = store.open_poll(workshop.id, "shelf-vs-feed", 0, "Where?", ["Search", "Feed", "Ads"])
    tokens = [store.join(workshop.join_code, f"P{n}").resume_token for n in range(40)]
    for n, token in enumerate(tokens):
        store.answer_poll(token, poll.id, n % 3)
        summary = {"has_stable_short_video": n % 2 == 0}
        store.submit(token, submission_id=str(uuid.uuid4()), kind="channels", summary=summary)
    store.dispose()
    return workshop.join_code, tokens[0]


def _app(page: str, **query: str) -> AppTest:
    return open_page(page, **query)


def join_page(token: str) -> AppTest:
    return _app("pages/join.py", me=token)


def instructor_page(page: str) -> AppTest:
    at = _app("pages/instructor.py")
    at.text_input(key="instructor_passcode").set_value(PASSCODE)
    at.button(key="instructor_enter").click().run()
    return at.switch_page(page).run()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        code, token = _room(Path(folder))
        results = [
            compare_with_empty_page("join page (attendee, poll open)", lambda: join_page(token)),
            compare_with_empty_page(
                "live dashboard (40 attendees)", lambda: instructor_page("pages/room.py")
            ),
            compare_with_empty_page(
                "presenter (slide + poll controls)", lambda: instructor_page("pages/presenter.py")
            ),
        ]
    worst = max(page_ms for page_ms, _ in results)
    verdict = "met" if worst < BUDGET_MS else "MISSED"
    print(f"  budget: warm rerun under {BUDGET_MS:.0f} ms -> {verdict} (worst {worst:.1f} ms)")
