"""A room under load, measured the way a room feels it: protocol phones and a few real Chromium phones
against the app on loopback, the instructor's dashboard session watching.

    .venv/bin/python bench/room_driver.py --phones 300                    # one process
    .venv/bin/python bench/room_driver.py --phones 600 --processes 2 --kill  # through HAProxy, one dies
    .venv/bin/python bench/room_driver.py --phones 30 --browsers 0 --check  # CI: exit 1 on error/loss

Each run starts its own servers and database, then: the dashboard signs in and keeps its 1 s timer;
the Chromium phones and the protocol phones join and keep their 5 s poll timers running the whole
time; a quiet window measures the poll checks; a poll opens (from another process, as the
presenter's would) and each phone notes when it shows; everyone answers within ``--answer-spread``
seconds; everyone shares a team result within ``--share-spread`` seconds; with ``--kill`` one app
process is SIGKILLed mid-answers and its phones come back through the proxy as the same attendees.
Prints p50/p95/max of answer → dashboard (from the tap to the dashboard session receiving a count
that includes it) and of poll opened → visible, server CPU per action, RSS and every error; the
database is checked for lost answers and shares. Bounded: ``--deadline`` seconds, then it stops.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from room_browsers import BrowserPhones  # noqa: E402
from room_phones import SAVED_TEXT, Dashboard, Phone  # noqa: E402
from room_protocol import ProtocolSession  # noqa: E402
from room_servers import PASSCODE, ROOT, Database, RoomServer, start  # noqa: E402

QUESTION = "Where do most of your buyers find you?"
OPTIONS = ("Search", "The feed", "Ads", "Creators")
CONNECT_PARALLEL = 25
"""Phones joining at the same time (a room fills over a minute; this is faster)."""
QUIET_WINDOW_S = 10.0
"""Only timers running: the poll checks' cost when nothing changed."""
VISIBLE_WAIT_S = 12.0
"""How long phones get to show the poll before everyone answers anyway."""
SETTLE_S = 12.0
"""How long the dashboard gets to show the last answer or share."""


def _stats(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p95": None, "max": None, "n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": statistics.median(ordered), "p95": p95, "max": ordered[-1], "n": len(ordered)}


def _store(app_dir: Path, url: str) -> Any:
    """The app's own store class, from this checkout or an older one (``--app-dir``)."""
    sys.path.insert(0, str(app_dir))
    try:
        from storage import WorkshopStore
    except ImportError:  # before the storage package existed
        from content_logic.workshop import WorkshopStore  # type: ignore[attr-defined,no-redef]
    return WorkshopStore.from_url(url)


async def _window(server: RoomServer, seconds: float, counter: Any) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and runs (``counter()``) over a window of ``seconds``."""
    cpu0, wall0, runs0 = server.cpu_seconds(), time.perf_counter(), counter()
    await asyncio.sleep(seconds)
    return server.cpu_seconds() - cpu0, time.perf_counter() - wall0, counter() - runs0


async def drive(args: argparse.Namespace, server: RoomServer, store: Any) -> dict[str, Any]:
    rng = random.Random(args.seed)
    workshop = store.open_workshop("Room driver", "en")
    join_path = f"/join?code={workshop.join_code}"
    stop = asyncio.Event()
    tasks: list[asyncio.Task[None]] = []
    result: dict[str, Any] = {"phones": args.phones, "browsers": args.browsers, "processes": args.processes}
    result["setup"] = args.setup
    rss_samples: list[float] = []

    dash_session = ProtocolSession(server.url, "/instructor")
    dashboard = Dashboard(dash_session)
    dash_session.on_element = dashboard.on_element
    await dashboard.open(PASSCODE)
    tasks.append(asyncio.create_task(dashboard.keep_timer(stop, PASSCODE)))
    cpu, wall, runs = await _window(server, 5.0, lambda: dashboard.runs)
    background = {"cpu_s": cpu, "wall_s": wall, "dashboard_runs": runs}

    browsers = BrowserPhones()
    try:
        await browsers.start(args.browsers, server.url + join_path, timeout_s=60)
        if args.browsers:
            cpu, wall, runs = await _window(server, 20.0, browsers.frames)
            result["browser_window"] = {"cpu_s": cpu, "wall_s": wall, "browser_runs": runs}

        phones = [
            Phone(ProtocolSession(server.url, "/join", f"code={workshop.join_code}"), f"p{n}")
            for n in range(args.phones)
        ]
        for phone in phones:
            phone.session.on_element = phone.on_element
            phone.question = QUESTION
        gate = asyncio.Semaphore(CONNECT_PARALLEL)
        join_errors: list[str] = []

        async def join(phone: Phone) -> None:
            async with gate:
                try:
                    await phone.join(phone.name)
                    tasks.append(asyncio.create_task(phone.keep_timer(stop, random.Random(rng.random()))))
                except Exception as error:  # noqa: BLE001
                    join_errors.append(f"{phone.name}: {error!r}"[:200])

        join_started = time.perf_counter()
        await asyncio.gather(*(join(phone) for phone in phones))
        result["join_s"] = time.perf_counter() - join_started
        joined = [phone for phone in phones if phone.session.has_widget("join_leave")]
        rss_samples.append(server.rss_mb())

        timer_runs = lambda: sum(p.timer_runs for p in joined) + browsers.frames()  # noqa: E731
        dash_runs = lambda: dashboard.runs  # noqa: E731
        cpu0, runs0, dash0 = server.cpu_seconds(), timer_runs(), dash_runs()
        await asyncio.sleep(QUIET_WINDOW_S)
        quiet_cpu, quiet_runs, quiet_dash = (
            server.cpu_seconds() - cpu0,
            timer_runs() - runs0,
            dash_runs() - dash0,
        )
        dash_cost = background["cpu_s"] / max(1, background["dashboard_runs"])
        result["quiet"] = {"cpu_s": quiet_cpu, "poll_checks": quiet_runs, "dashboard_runs": quiet_dash}
        result["cpu_ms_per_poll_check"] = (
            1000 * max(0.0, quiet_cpu - quiet_dash * dash_cost) / max(1, quiet_runs)
        )
        quiet_rate = quiet_cpu / QUIET_WINDOW_S

        # A poll opens from another process, as the presenter's would; phones find it with their timers.
        opened_at = time.perf_counter()
        store.open_poll(workshop.id, "intro-01", 0, QUESTION, list(OPTIONS))
        watch = asyncio.create_task(browsers.watch_poll(QUESTION, VISIBLE_WAIT_S + 10))
        deadline = opened_at + VISIBLE_WAIT_S
        while time.perf_counter() < deadline and sum(p.visible_at is not None for p in joined) < len(joined):
            await asyncio.sleep(0.1)
        await watch

        # Everyone answers within --answer-spread seconds, the timers still running; maybe a crash.
        burst0, cpu_burst0 = time.perf_counter(), server.cpu_seconds()
        choices = {phone.name: rng.choice(OPTIONS) for phone in joined}

        async def answer_later(phone: Phone) -> None:
            await asyncio.sleep(rng.uniform(0, args.answer_spread))
            await phone.answer(choices[phone.name])

        async def browser_answer_later(index: int) -> None:
            await asyncio.sleep(rng.uniform(0, args.answer_spread))
            await browsers.answer(browsers.phones[index], rng.choice(OPTIONS), SAVED_TEXT, 60)

        async def kill_later() -> None:
            await asyncio.sleep(args.answer_spread / 2)
            victim = sorted(server.apps)[0]
            server.kill(victim)
            result["killed"] = {"process": victim, "at_s": time.perf_counter() - burst0}

        work = [answer_later(p) for p in joined] + [
            browser_answer_later(i) for i in range(len(browsers.phones))
        ]
        if args.kill:
            work.append(kill_later())
        await asyncio.gather(*work)
        burst_end, cpu_burst1 = time.perf_counter(), server.cpu_seconds()
        expected = len(joined) + len(browsers.phones)
        settle_until = time.perf_counter() + SETTLE_S
        while time.perf_counter() < settle_until and dashboard.seen_at(dashboard.counts, expected) is None:
            await asyncio.sleep(0.1)
        answers = max(1, sum(p.answer_ack is not None for p in joined))
        burst_wall = burst_end - burst0
        if not args.kill:
            burst_cpu = cpu_burst1 - cpu_burst0 - quiet_rate * burst_wall
            result["cpu_ms_per_answer"] = 1000 * max(0.0, burst_cpu) / answers

        # Answer → dashboard: the k-th acknowledged answer is on the dashboard once it shows ≥ k.
        acked = sorted((p.answer_ack, p.answer_tap) for p in joined if p.answer_ack and p.answer_tap)
        to_dashboard = []
        for rank, (_ack, tap) in enumerate(acked, start=1):
            seen = dashboard.seen_at(dashboard.counts, rank)
            if seen is not None:
                to_dashboard.append(seen - tap)
        result["answer_to_dashboard_s"] = _stats(to_dashboard)
        result["answers_not_on_dashboard"] = len(acked) - len(to_dashboard)
        result["answer_ack_s"] = _stats(
            [p.answer_ack - p.answer_tap for p in joined if p.answer_ack and p.answer_tap]
        )
        visible = [p.visible_at - opened_at for p in joined if p.visible_at]
        result["poll_visible_s"] = _stats(visible)
        result["poll_visible_within_6s"] = sum(v <= 6.0 for v in visible) / max(1, len(joined))
        result["browsers_poll_visible_s"] = _stats(
            [b.visible_at - opened_at for b in browsers.phones if b.visible_at]
        )
        result["browsers_answer_ack_s"] = _stats(
            [b.answered[1] - b.answered[0] for b in browsers.phones if b.answered]
        )
        rss_samples.append(server.rss_mb())

        # Everyone shares a team result within --share-spread seconds.
        if args.share_spread > 0:
            share0, cpu_share0 = time.perf_counter(), server.cpu_seconds()

            async def share_later(phone: Phone) -> None:
                await asyncio.sleep(rng.uniform(0, args.share_spread))
                await phone.share()

            await asyncio.gather(*(share_later(p) for p in joined))
            share_wall, share_cpu = time.perf_counter() - share0, server.cpu_seconds() - cpu_share0
            shared = sorted((p.share_ack, p.share_tap) for p in joined if p.share_ack and p.share_tap)
            settle_until = time.perf_counter() + SETTLE_S
            while (
                time.perf_counter() < settle_until
                and dashboard.seen_at(dashboard.shares, len(shared)) is None
            ):
                await asyncio.sleep(0.1)
            share_latency = []
            for rank, (_ack, tap) in enumerate(shared, start=1):
                seen = dashboard.seen_at(dashboard.shares, rank)
                if seen is not None:
                    share_latency.append(seen - tap)
            result["share_to_dashboard_s"] = _stats(share_latency)
            result["cpu_ms_per_share"] = (
                1000 * max(0.0, share_cpu - quiet_rate * share_wall) / max(1, len(shared))
            )
        rss_samples.append(server.rss_mb())
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        await browsers.stop()

    # What the database holds: nothing acknowledged may be missing.
    snapshot = store.room_snapshot(workshop.id)
    counted = snapshot.open_poll.counts if snapshot.open_poll else (0,)
    stored_answers = sum(counted)
    acknowledged = sum(p.answer_ack is not None for p in joined) + sum(
        b.answered is not None for b in browsers.phones
    )
    result["answers"] = {"expected": expected, "acknowledged": acknowledged, "stored": stored_answers}
    result["lost_answers"] = max(0, acknowledged - stored_answers)
    result["unanswered_phones"] = expected - acknowledged
    if args.share_spread > 0:
        result["shares"] = {
            "acknowledged": sum(p.share_ack is not None for p in joined),
            "stored": snapshot.sharers["team"],
        }
        result["lost_shares"] = max(0, result["shares"]["acknowledged"] - snapshot.sharers["team"])
    errors = join_errors + [e for p in phones for e in p.errors] + dashboard.errors
    errors += [e for b in browsers.phones for e in b.errors] + [
        e for p in phones for e in p.session.exceptions
    ]
    result["errors"] = len(errors)
    result["error_samples"] = errors[:5]
    result["reconnected_phones"] = sum(p.reconnects > 0 for p in phones)
    result["rss_mb"] = {"after_join": rss_samples[0], "end": rss_samples[-1]}
    if args.browsers and "browser_window" in result:
        window = result["browser_window"]
        cost = window["cpu_s"] - background["cpu_s"] / background["wall_s"] * window["wall_s"]
        result["cpu_ms_per_poll_check_chromium"] = 1000 * max(0.0, cost) / max(1, window["browser_runs"])
    return result


def _print(result: dict[str, Any]) -> None:
    def line(name: str, stats: dict[str, Any]) -> str:
        if not stats or stats.get("p50") is None:
            return f"  {name:<34} (none)"
        figures = f"p50 {stats['p50']:.2f}  p95 {stats['p95']:.2f}  max {stats['max']:.2f}"
        return f"  {name:<34} {figures}  (n={stats['n']})"

    def fact(name: str, value: object) -> str:
        return f"  {name:<34} {value}"

    phones = f"{result['phones']} protocol + {result['browsers']} Chromium phones"
    print(f"room of {phones}, {result['setup']}, K={result['processes']}")
    print(line("answer → dashboard (s)", result["answer_to_dashboard_s"]))
    print(line("answer acknowledged (s)", result["answer_ack_s"]))
    print(line("poll opened → visible (s)", result["poll_visible_s"]))
    print(fact("poll visible within 6 s", f"{100 * result['poll_visible_within_6s']:.1f} % of phones"))
    print(line("Chromium: poll visible (s)", result["browsers_poll_visible_s"]))
    print(line("Chromium: answer acknowledged (s)", result["browsers_answer_ack_s"]))
    if "share_to_dashboard_s" in result:
        print(line("share → dashboard (s)", result["share_to_dashboard_s"]))
    for key in (
        "cpu_ms_per_poll_check",
        "cpu_ms_per_poll_check_chromium",
        "cpu_ms_per_answer",
        "cpu_ms_per_share",
    ):
        if key in result:
            print(fact(f"server CPU {key[7:].replace('_', ' ')}", f"{result[key]:.1f} ms"))
    rss = result["rss_mb"]
    print(fact("RSS", f"{rss['after_join']:.0f} MB after joining, {rss['end']:.0f} MB at the end"))
    print(fact("answers", f"{result['answers']}  lost {result['lost_answers']}"))
    if "shares" in result:
        print(fact("shares", f"{result['shares']}  lost {result['lost_shares']}"))
    if "killed" in result:
        print(fact("killed", f"{result['killed']}, phones reconnected: {result['reconnected_phones']}"))
    print(fact("errors", f"{result['errors']} {result['error_samples']}"))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--phones", type=int, default=300, help="protocol phones (at most 1000)")
    parser.add_argument("--browsers", type=int, default=3, help="real Chromium phones (at most 6)")
    parser.add_argument("--processes", type=int, default=1, help="app processes (>1: HAProxy and PostgreSQL)")
    parser.add_argument("--setup", choices=("uvicorn", "streamlit-run"), default="uvicorn")
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="the checkout to serve (streamlit-run)")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="")
    parser.add_argument("--answer-spread", type=float, default=1.0, help="everyone answers within this (s)")
    parser.add_argument(
        "--share-spread", type=float, default=5.0, help="everyone shares within this; 0: no shares"
    )
    parser.add_argument("--kill", action="store_true", help="SIGKILL one app process mid-answers (K > 1)")
    parser.add_argument("--deadline", type=float, default=600.0, help="the whole run stops after this (s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--check", action="store_true", help="exit 1 on any error or lost answer/share")
    args = parser.parse_args()
    args.phones = min(args.phones, 1000)
    args.browsers = min(args.browsers, 6)
    args.database = args.database or ("postgres" if args.processes > 1 else "sqlite")
    if args.processes > 1 and args.database != "postgres":
        parser.error("several processes share PostgreSQL: --database postgres")
    return args


async def _main(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="room-driver.") as folder:
        database = Database.create(args.database, Path(folder))
        server = None
        store = None
        try:
            server = await asyncio.to_thread(
                start, args.setup, args.processes, database, args.app_dir, Path(folder)
            )
            store = _store(args.app_dir, database.url)
            return await asyncio.wait_for(drive(args, server, store), args.deadline)
        finally:
            if store is not None:
                store.dispose()
            if server is not None:
                server.stop()
            database.drop()


def main() -> int:
    args = _arguments()
    result = asyncio.run(_main(args))
    _print(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    failed = (
        result["errors"] or result["lost_answers"] or result.get("lost_shares") or result["unanswered_phones"]
    )
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
