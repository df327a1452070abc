"""Where a script run's CPU goes, from a py-spy profile of the running app server.

    py-spy record -p <server pid> -r 400 -d 15 -f raw -o poll.txt   # while phones poll (room_driver)
    .venv/bin/python bench/profile_breakdown.py poll.txt

Each sample (a collapsed stack) goes to the bucket named by its deepest frame that names one, so
Streamlit's element code called from a page counts as the page's; threads waiting (Event.wait,
select) are left out, so the shares are of CPU time. The buckets follow one
attendee action through the server: the websocket message in, the script runner starting a thread
and running the page (our code apart), the deltas out, and the event loop in between.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

BUCKETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("idle waits (not CPU)", ("Event.wait (threading", "Condition.wait (threading", "EpollSelector.select")),
    ("room version reader (background)", ("VersionBoard._read_forever",)),
    (
        "our code: page, fragment, store (with the elements it draws)",
        ("(ui/", "(pages/", "(storage/", "(content_logic/", "(app.py"),
    ),
    ("new_session message (config, theme, pages)", ("_create_new_session_message",)),
    ("thread start per run", ("Thread.start (threading",)),
    ("deltas out: enqueue, websocket send", ("enqueue_message", "WebSocket.send", "_enqueue_forward_msg")),
    ("script runner: exec, fragment, widget states", ("ScriptRunner._run_script",)),
    ("websocket in: ASGI middlewares, BackMsg", ("_websocket_endpoint",)),
    ("waking the event loop from the script thread", ("_write_to_self", "_read_from_self")),
    ("event loop scheduling", ("call_soon_threadsafe", "_run_once", "Handle._run")),
)
"""A sample goes to the bucket of its deepest frame that names one (ties: the earlier bucket)."""


def _bucket(frames: list[str]) -> str:
    for frame in reversed(frames):
        for bucket, marks in BUCKETS:
            if any(mark in frame for mark in marks):
                return bucket
    return "other"


def breakdown(collapsed: str) -> dict[str, int]:
    """Samples per bucket (plus ``other``) from py-spy's raw (collapsed stack) output."""
    counts: Counter[str] = Counter()
    for line in collapsed.splitlines():
        stack, _, samples = line.rstrip().rpartition(" ")
        if not stack or not samples.isdigit():
            continue
        counts[_bucket(stack.split(";"))] += int(samples)
    return dict(counts)


def main() -> int:
    for path in sys.argv[1:]:
        counts = breakdown(Path(path).read_text())
        busy = sum(n for bucket, n in counts.items() if bucket != BUCKETS[0][0])
        print(f"{path}: {busy} CPU samples")
        for bucket, n in sorted(counts.items(), key=lambda item: -item[1]):
            if bucket != BUCKETS[0][0]:
                print(f"  {100 * n / max(1, busy):5.1f} %  {bucket}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
