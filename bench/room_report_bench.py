"""Room report figures: the instructor's report (PDF and CSV) from a seeded workshop of 200 attendees.

    .venv/bin/python bench/room_report_bench.py                 # SQLite in a temp folder
    .venv/bin/python bench/room_report_bench.py --postgres URL  # PostgreSQL, in a throwaway schema
    .venv/bin/python bench/room_report_bench.py --keep report   # also writes report-<lang>.pdf/.csv

Target (issue 15): a room report from a seeded workshop of 200 attendees in ≤ 2 s (read, build, draw).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text  # noqa: E402

from content_logic.course import LESSONS_DIR, load_course  # noqa: E402
from content_logic.handouts import render_pdf  # noqa: E402
from content_logic.workshop.report import room_report  # noqa: E402
from content_logic.workshop.report_document import report_csv, report_handout  # noqa: E402
from storage import WorkshopStore, make_engine  # noqa: E402

ATTENDEES = 200
"""The largest room the issue names."""

POLLS = 8
"""A day's workshop: about one quiz question per lesson."""

RUNS = 5
"""Reports timed per language; the median and the slowest are printed."""

TARGET_SECONDS = 2.0
"""Issue 15's budget for one room report."""

GAPS = ("content_direction", "scripting", "on_camera", "filming_editing")
STAGES = ("attention", "retention", "interest", "conversion")


class Clock:
    """The seeded workshop's time: joins spread over the first 40 minutes, polls every 20."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def seed(store: WorkshopStore, clock: Clock, rng: random.Random) -> str:
    """A workshop of 200 attendees: everyone answers the polls, most share each calculator's result."""
    workshop = store.open_workshop("Bench room", "en")
    tokens = []
    for number in range(ATTENDEES):
        clock.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC) + timedelta(seconds=12 * number)
        tokens.append(store.join(workshop.join_code, f"shop {number}").resume_token)
    lessons = [lesson for lesson in load_course(LESSONS_DIR).in_language("en") if lesson.meta.quiz]
    for number in range(POLLS):
        lesson = lessons[number % len(lessons)]
        question = lesson.meta.quiz[0]
        clock.now += timedelta(minutes=20)
        poll = store.open_poll(workshop.id, lesson.meta.id, 0, question.question, question.options)
        for token in tokens:
            store.answer_poll(token, poll.id, rng.randrange(len(question.options)))
    for token in tokens:
        summaries = {
            "channels": {"has_stable_short_video": rng.random() < 0.3},
            "team": {"headline_gap": rng.choice(GAPS)},
            "funnel": {"bottleneck": rng.choice(STAGES)},
        }
        for kind, summary in summaries.items():
            if rng.random() < 0.8:
                store.submit(token, submission_id=str(uuid.uuid4()), kind=kind, summary=summary)
    return workshop.id


def measure(store: WorkshopStore, workshop_id: str, keep: Path | None) -> None:
    lessons = load_course(LESSONS_DIR).in_language("en")
    for lang in ("en", "es"):
        times: list[float] = []
        for _ in range(RUNS):
            started = time.perf_counter()
            report = room_report(store.room_report_data(workshop_id), lessons)
            pdf = render_pdf(report_handout(report, lang))
            csv = report_csv(report, lang)
            times.append(time.perf_counter() - started)
        verdict = "within" if max(times) <= TARGET_SECONDS else "OVER"
        print(
            f"  {lang}: median {statistics.median(times):.3f} s, slowest {max(times):.3f} s "
            f"({verdict} the {TARGET_SECONDS:.0f} s budget); "
            f"PDF {len(pdf) / 1024:.0f} KB, CSV {len(csv)} bytes"
        )
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            Path(f"{keep}-{lang}.pdf").write_bytes(pdf)
            Path(f"{keep}-{lang}.csv").write_bytes(csv)


def run(store: WorkshopStore, name: str, keep: Path | None) -> None:
    clock = Clock()
    store._now = clock  # the seeded workshop's own time
    started = time.perf_counter()
    workshop_id = seed(store, clock, random.Random(15))
    print(f"{name}: seeded {ATTENDEES} attendees, {POLLS} polls in {time.perf_counter() - started:.1f} s")
    measure(store, workshop_id, keep)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", help="a PostgreSQL URL to measure too (a throwaway schema is used)")
    parser.add_argument("--keep", type=Path, help="write the reports as <KEEP>-<lang>.pdf and .csv")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = WorkshopStore(make_engine(f"sqlite:///{folder}/bench.sqlite3"))
        try:
            run(store, "SQLite", args.keep)
        finally:
            store.dispose()
    if args.postgres:
        schema = f"bench_report_{uuid.uuid4().hex[:12]}"
        admin = create_engine(args.postgres)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        store = WorkshopStore(make_engine(args.postgres, pg_schema=schema))
        try:
            run(store, "PostgreSQL", None)
        finally:
            store.dispose()
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


if __name__ == "__main__":
    main()
