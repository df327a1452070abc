"""Workshop store figures: 200 concurrent shares into SQLite, and the room dashboard over 5,000 shares.

    .venv/bin/python bench/store_bench.py                 # SQLite in a temp folder
    .venv/bin/python bench/store_bench.py --postgres URL  # also PostgreSQL, in a throwaway schema

Target (issue 6): all 200 stored; the dashboard aggregate under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, func, select, text  # noqa: E402

from storage import WorkshopStore, make_engine  # noqa: E402
from storage.schema import submissions  # noqa: E402

ROOM = 200
"""Attendees sharing at the same moment (the largest room the issue names)."""

SHARES = 5_000
"""Submissions behind the dashboard aggregate."""

SNAPSHOT_RUNS = 25
"""Dashboard aggregates timed; the median is reported."""

TARGET_MS = 50.0
"""The issue's budget for one dashboard aggregate."""

GAPS = ["content_direction", "scripting", "on_camera", "editing", "data_diagnosis", "live_hosting"]
STAGES = ["hook", "hold", "completion", "click", "order"]


def summary_for(n: int) -> tuple[str, dict[str, Any]]:
    """A calculator result of each kind in turn, like a room sharing all three calculators."""
    kind = ("channels", "team", "funnel")[n % 3]
    if kind == "channels":
        return kind, {
            "has_stable_short_video": n % 5 < 2,
            "verdicts": {"self_video": "emerging"},
            "score": n % 100,
        }
    if kind == "team":
        return kind, {"headline_gap": GAPS[n % len(GAPS)], "coverage": {g: (n * 7 % 10) / 10 for g in GAPS}}
    if n % 2:
        return kind, {"bottleneck": STAGES[n % len(STAGES)], "views": 1000 + n}
    return kind, {"bottlenecks": {stage: (n + i) % 4 for i, stage in enumerate(STAGES)}}


def stored(store: WorkshopStore) -> int:
    """Submissions in the database, counted by the database."""
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(submissions)).scalar_one())


def concurrent_shares(store: WorkshopStore) -> None:
    """200 threads released together, each sharing one result; prints writes per second."""
    workshop = store.open_workshop("Bench room", "en")
    tokens = [store.join(workshop.join_code, f"attendee {n}").resume_token for n in range(ROOM)]
    gate = threading.Barrier(ROOM + 1)

    def share(n: int) -> bool:
        gate.wait()
        kind, summary = summary_for(n)
        return store.submit(tokens[n], submission_id=str(uuid.uuid4()), kind=kind, summary=summary).stored

    with ThreadPoolExecutor(max_workers=ROOM) as pool:
        futures = [pool.submit(share, n) for n in range(ROOM)]
        gate.wait()
        started = time.perf_counter()
        acknowledged = sum(future.result() for future in futures)
        elapsed = time.perf_counter() - started
    count = stored(store)
    print(
        f"  {ROOM} concurrent shares: {acknowledged} acknowledged, {count} stored (counted) "
        f"in {elapsed * 1000:.0f} ms = {ROOM / elapsed:,.0f} writes/s"
    )
    assert acknowledged == count == ROOM, "every concurrent share must be stored exactly once"


def dashboard(store: WorkshopStore, attendees: int) -> None:
    """5,000 shares from ``attendees`` people, then the median dashboard aggregate."""
    workshop = store.open_workshop(f"Bench {attendees}", "en")
    tokens = [store.join(workshop.join_code).resume_token for _ in range(attendees)]
    poll = store.open_poll(
        workshop.id, "shelf-vs-feed", 0, "Where do buyers come from?", ["Search", "Feed", "Ads"]
    )
    for n, token in enumerate(tokens):
        store.answer_poll(token, poll.id, n % 3)
    started = time.perf_counter()
    for n in range(SHARES):
        kind, summary = summary_for(n)
        store.submit(tokens[n % attendees], submission_id=str(uuid.uuid4()), kind=kind, summary=summary)
    writing = time.perf_counter() - started
    times = []
    for _ in range(SNAPSHOT_RUNS):
        started = time.perf_counter()
        snapshot = store.room_snapshot(workshop.id)
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    verdict = "OK" if median < TARGET_MS else "OVER BUDGET"
    print(
        f"  dashboard over {SHARES:,} shares from {attendees:,} attendees: median {median:.1f} ms "
        f"(min {min(times):.1f}, max {max(times):.1f}, {SNAPSHOT_RUNS} runs); "
        f"target < {TARGET_MS:.0f} ms: {verdict}"
    )
    print(
        f"    (setup: {SHARES:,} sequential shares at {SHARES / writing:,.0f} writes/s; "
        f"sharers {dict(snapshot.sharers)}, top gap {snapshot.headline_gap}, "
        f"top bottleneck {snapshot.bottleneck})"
    )


@contextmanager
def sqlite_store() -> Iterator[Callable[[], WorkshopStore]]:
    """Fresh SQLite files in a temp folder, one per call."""
    with tempfile.TemporaryDirectory() as folder:
        paths = iter(range(1_000))
        yield lambda: WorkshopStore(make_engine(f"sqlite:///{folder}/bench{next(paths)}.sqlite3"))


@contextmanager
def postgres_store(url: str) -> Iterator[Callable[[], WorkshopStore]]:
    """Fresh schemas on a PostgreSQL server, dropped afterwards."""
    admin = create_engine(url)
    schemas: list[str] = []

    def make() -> WorkshopStore:
        schemas.append(f"bench_{uuid.uuid4().hex[:12]}")
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schemas[-1]}"'))
        return WorkshopStore(make_engine(url, pg_schema=schemas[-1]))

    try:
        yield make
    finally:
        with admin.begin() as conn:
            for schema in schemas:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def run(name: str, make: Callable[[], WorkshopStore]) -> None:
    """All figures on one backend, each on a fresh database."""
    print(name)
    for step in (concurrent_shares, lambda s: dashboard(s, ROOM), lambda s: dashboard(s, SHARES)):
        store = make()
        try:
            step(store)
        finally:
            store.dispose()


def main() -> None:
    """Print the figures for SQLite, and for PostgreSQL when a URL is given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("TEST_DATABASE_URL"), help="a PostgreSQL URL")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with sqlite_store() as make:
        run("SQLite (WAL, synchronous=FULL, temp folder)", make)
    if args.postgres:
        with postgres_store(args.postgres) as make:
            run("PostgreSQL", make)


if __name__ == "__main__":
    main()
