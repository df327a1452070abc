"""Nothing acknowledged is lost: a room submitting at once from threads, and an app killed mid-write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import func, select

from content_logic.workshop import SubmissionReceipt
from storage import WorkshopStore
from storage.schema import submissions
from tests.workshop.conftest import Backend

ROOM_SIZE = 200
"""The largest room the issue names."""

ROOT = Path(__file__).resolve().parents[2]

ACKS_BEFORE_KILL = 25
"""Acknowledged submissions the child reports before it is killed mid-stream."""

CHILD_DEADLINE_SECONDS = 120.0
"""A child that hangs instead of writing is killed by this watchdog, so the test fails, not hangs."""

CHILD = """
import sys, uuid
from storage import WorkshopStore
url, schema = sys.argv[1], sys.argv[2] or None
store = WorkshopStore.from_url(url, pg_schema=schema)
workshop = store.open_workshop("Killed", "en")
token = store.join(workshop.join_code, "Ana").resume_token
sys.stdout.write(f"workshop {workshop.id} {token}\\n")
sys.stdout.flush()
while True:  # share results until killed; a line is written only after the store acknowledged it
    sid = str(uuid.uuid4())
    store.submit(token, submission_id=sid, kind="funnel", summary={"bottleneck": "hook"})
    sys.stdout.write(f"ack {sid}\\n")
    sys.stdout.flush()
"""


def test_a_room_of_200_submitting_at_once_is_stored_exactly_once(store: WorkshopStore) -> None:
    workshop = store.open_workshop("Full room", "en")
    start = threading.Barrier(ROOM_SIZE)

    def join(n: int) -> str:
        start.wait()
        return store.join(workshop.join_code, f"attendee {n}").resume_token

    with ThreadPoolExecutor(max_workers=ROOM_SIZE) as pool:
        tokens = list(pool.map(join, range(ROOM_SIZE)))
    ids = [str(uuid.uuid4()) for _ in tokens]
    calls = [(token, sid) for token, sid in zip(tokens, ids, strict=True)] * 2  # every share sent twice
    start = threading.Barrier(len(calls))

    def share(call: tuple[str, str]) -> SubmissionReceipt:
        token, sid = call
        start.wait()
        summary = {"has_stable_short_video": sid < "8"}
        return store.submit(token, submission_id=sid, kind="channels", summary=summary)

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        receipts = list(pool.map(share, calls))

    assert sorted(r.submission_id for r in receipts if r.stored) == sorted(ids)
    assert sum(not r.stored for r in receipts) == ROOM_SIZE
    with store.engine.connect() as conn:
        stored = conn.execute(select(submissions.c.submission_id)).scalars().all()
    assert sorted(stored) == sorted(ids)
    snapshot = store.room_snapshot(workshop.id)
    assert snapshot.attendees == ROOM_SIZE and snapshot.sharers["channels"] == ROOM_SIZE
    assert snapshot.stable_short_video == sum(sid < "8" for sid in ids)


def test_every_acknowledged_submission_survives_a_killed_app(backend: Backend) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, backend.url, backend.pg_schema or ""],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    watchdog = threading.Timer(CHILD_DEADLINE_SECONDS, child.kill)
    watchdog.start()
    try:
        _, workshop_id, token = child.stdout.readline().split()
        acked = [child.stdout.readline().split()[1] for _ in range(ACKS_BEFORE_KILL)]
        child.send_signal(signal.SIGKILL)  # no clean shutdown: mid-write, pool and file left as they are
        acked += [line.split()[1] for line in child.stdout if line.startswith("ack ")]
    finally:
        watchdog.cancel()
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL

    restarted = backend.open()
    try:
        with restarted.engine.connect() as conn:
            stored = set(conn.execute(select(submissions.c.submission_id)).scalars())
            if backend.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        assert set(acked) <= stored
        assert len(stored) - len(acked) <= 1, "at most the one in flight was stored but not acknowledged"
        assert restarted.resume(token).workshop.id == workshop_id
        snapshot = restarted.room_snapshot(workshop_id)
        assert snapshot.submissions["funnel"] == len(stored) and snapshot.attendees == 1
        with restarted.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(submissions)).scalar_one() == len(stored)
    finally:
        restarted.dispose()
