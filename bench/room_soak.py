"""A whole workshop's memory: protocol phones polling and answering for many minutes, RSS sampled.

    .venv/bin/python bench/room_soak.py --phones 300 --minutes 30 --output soak.json

One app process (uvicorn, as shipped), a dashboard session, N phones whose 5 s poll timers run
throughout; every ``--poll-every`` seconds a poll opens and everyone answers within 10 s; every
third poll (the first one too, before the warm-up ends) everyone also shares a team result.
RSS is sampled every 15 s and the file rewritten after each sample, so a run cut short still
leaves its figures. Growth is the last minute's median RSS against the median of the minute after
``--warmup`` minutes. Bounded: it stops after ``--minutes`` (plus the time to join and to stop).
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

from room_phones import Dashboard, Phone  # noqa: E402
from room_protocol import ProtocolSession  # noqa: E402
from room_servers import PASSCODE, ROOT, Database, RoomServer, start  # noqa: E402

OPTIONS = ("Search", "The feed", "Ads", "Creators")
SAMPLE_EVERY_S = 15.0
"""How often RSS is read."""
ANSWER_SPREAD_S = 10.0
"""Everyone answers within this after a poll opened and showed."""
SHARE_SPREAD_S = 30.0
"""Everyone shares within this, every third poll."""


def _summary(samples: list[tuple[float, float]], warmup_s: float) -> dict[str, Any]:
    after = [rss for at, rss in samples if warmup_s <= at < warmup_s + 60]
    end = samples[-1][0] if samples else 0.0
    last = [rss for at, rss in samples if at >= end - 60]
    if not after or not last:
        return {}
    base, final = statistics.median(after), statistics.median(last)
    return {"rss_after_warmup_mb": base, "rss_last_minute_mb": final, "growth": final / base - 1}


async def soak(args: argparse.Namespace, server: RoomServer, store: Any) -> dict[str, Any]:
    rng = random.Random(args.seed)
    workshop = store.open_workshop("Soak", "en")
    stop = asyncio.Event()
    tasks: list[asyncio.Task[None]] = []
    dashboard = Dashboard(ProtocolSession(server.url, "/instructor"))
    dashboard.session.on_element = dashboard.on_element
    await dashboard.open(PASSCODE)
    tasks.append(asyncio.create_task(dashboard.keep_timer(stop, PASSCODE)))
    phones = [
        Phone(ProtocolSession(server.url, "/join", f"code={workshop.join_code}"), f"s{n}")
        for n in range(args.phones)
    ]
    gate = asyncio.Semaphore(25)

    async def join(phone: Phone) -> None:
        phone.session.on_element = phone.on_element
        async with gate:
            try:
                await phone.join(phone.name)
            except Exception as error:  # noqa: BLE001
                phone.errors.append(f"join: {error!r}"[:200])
                return
        tasks.append(asyncio.create_task(phone.keep_timer(stop, random.Random(rng.random()))))

    await asyncio.gather(*(join(phone) for phone in phones))
    joined = [phone for phone in phones if not phone.errors]
    result: dict[str, Any] = {
        "phones": args.phones,
        "joined": len(joined),
        "minutes": args.minutes,
        "samples": [],
    }
    started = time.perf_counter()
    end = started + args.minutes * 60

    async def sampler() -> None:
        while not stop.is_set():
            result["samples"].append((time.perf_counter() - started, server.rss_mb()))
            result.update(_summary(result["samples"], args.warmup * 60))
            result["errors"] = sum(len(p.errors) for p in phones) + len(dashboard.errors)
            result["error_samples"] = ([e for p in phones for e in p.errors] + dashboard.errors)[:5]
            args.output.write_text(json.dumps(result, indent=1))
            try:
                await asyncio.wait_for(stop.wait(), SAMPLE_EVERY_S)
            except TimeoutError:
                continue

    tasks.append(asyncio.create_task(sampler()))
    polls = answered = 0
    while time.perf_counter() + args.poll_every < end:
        question = f"Soak question {polls + 1}?"
        for phone in joined:
            phone.question, phone.visible_at = question, None
        store.open_poll(workshop.id, "intro-01", polls % 5, question, list(OPTIONS))
        await asyncio.sleep(6.0)

        async def answer_later(phone: Phone) -> None:
            await asyncio.sleep(rng.uniform(0, ANSWER_SPREAD_S))
            await phone.answer(rng.choice(OPTIONS))

        await asyncio.gather(*(answer_later(p) for p in joined))
        answered += sum(p.answer_ack is not None for p in joined)
        if polls % 3 == 0:

            async def share_later(phone: Phone) -> None:
                await asyncio.sleep(rng.uniform(0, SHARE_SPREAD_S))
                await phone.share()

            await asyncio.gather(*(share_later(p) for p in joined))
        polls += 1
        await asyncio.sleep(max(0.0, started + polls * args.poll_every - time.perf_counter()))
    await asyncio.sleep(max(0.0, end - time.perf_counter()))
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    result["polls"] = polls
    result["answers_acknowledged"] = answered
    result["done"] = True
    args.output.write_text(json.dumps(result, indent=1))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=5.0, help="minutes before the RSS baseline")
    parser.add_argument("--poll-every", type=float, default=120.0, help="seconds between polls")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, default=Path("room_soak.json"))
    args = parser.parse_args()
    args.phones = min(args.phones, 1000)
    args.minutes = min(args.minutes, 120.0)

    async def run() -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="room-soak.") as folder:
            database = Database.create("sqlite", Path(folder))
            server = await asyncio.to_thread(start, "uvicorn", 1, database, ROOT, Path(folder))
            sys.path.insert(0, str(ROOT))
            from storage import WorkshopStore

            store = WorkshopStore.from_url(database.url)
            try:
                return await soak(args, server, store)
            finally:
                store.dispose()
                server.stop()

    result = asyncio.run(run())
    growth = result.get("growth")
    before, after = result.get("rss_after_warmup_mb", 0), result.get("rss_last_minute_mb", 0)
    print(
        f"soak: {result['joined']} phones, {args.minutes:g} min, {result['polls']} polls, "
        f"{result['answers_acknowledged']} answers; RSS {before:.0f} MB after warm-up → {after:.0f} MB "
        f"({'n/a' if growth is None else f'{100 * growth:+.1f} %'}); errors {result.get('errors')}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
