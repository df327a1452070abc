"""Attendee phones and the instructor's dashboard as bench/room_driver.py drives them (protocol level).

A phone joins with the code, keeps its poll fragment's timer running (as the browser does, every
5 s), notes when the poll shows up, answers, shares a team result, and comes back as the same
attendee through ``?me=`` when its app process dies. The dashboard signs in, opens the room page,
keeps its 1-second timer and notes every answer count and share count it receives, with the time.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any

from room_protocol import ProtocolSession

ANSWERED = re.compile(r"^(\d+) answered$")
"""The dashboard's caption under the open poll (``room.poll_answers``, English)."""
SAVED_TEXT = "Your answer is in"
"""Start of the phone's message after a stored answer (``room.join.answer_saved``)."""
SHARED_TEXT = "Shared with"
"""Start of the share panel's message after a stored share (``room.share.stored``)."""
ALREADY_SHARED_TEXT = "Already shared with"
"""Start of its message when the same result was shared before (``room.share.already``): acknowledged."""
TEAM_SHARERS_LABEL = "Shared: "
"""The dashboard's metric of people who shared, one per calculator (``room.sharers``)."""
RUN_TIMEOUT_S = 60.0
"""One run's limit before it counts as an error."""
RECONNECT_ATTEMPTS = 5
RECONNECT_PAUSE_S = 0.5
"""A dropped phone tries to reconnect this many times, this far apart, before it counts as an error."""


@dataclass
class Phone:
    """One protocol phone and what happened to it."""

    session: ProtocolSession
    name: str
    question: str = ""
    visible_at: float | None = None
    alerts: list[str] = field(default_factory=list)
    answer_tap: float | None = None
    answer_ack: float | None = None
    share_tap: float | None = None
    share_ack: float | None = None
    shown_choice: str | None = None
    """The option the poll shows as this phone's answer (after a reload it comes from the database)."""
    personal_query: str = ""
    """The join page's query string once in (``me=<token>``): the attendee's personal link."""
    reconnects: int = 0
    timer_runs: int = 0
    errors: list[str] = field(default_factory=list)

    def on_element(self, _session: ProtocolSession, etype: str, proto: Any, _fragment: str) -> None:
        if etype == "radio" and self.question and proto.label == self.question:
            if self.visible_at is None:
                self.visible_at = time.perf_counter()
            if proto.set_value and proto.HasField("raw_value"):
                self.shown_choice = proto.raw_value
            elif proto.HasField("default"):
                self.shown_choice = proto.options[proto.default]
        elif etype == "alert":
            self.alerts.append(proto.body)

    async def _resume_after_drop(self) -> None:
        """The socket dropped (its process died): open the personal link (``?me=``) through the proxy,
        which lands on another process as the same attendee."""
        self.reconnects += 1
        self.session.path, self.session.query_string = "/join", self.personal_query
        self.shown_choice = None
        for attempt in range(RECONNECT_ATTEMPTS):  # the frontend retries too, with a pause
            try:
                await self.session.reconnect(RUN_TIMEOUT_S)
                return
            except (ConnectionError, OSError):
                if attempt == RECONNECT_ATTEMPTS - 1:
                    raise
                await asyncio.sleep(RECONNECT_PAUSE_S)

    async def run(self, **kwargs: Any) -> float:
        """One run; a dropped socket is reopened once and the run repeated (a user tapping again)."""
        try:
            return await self.session.run(timeout=RUN_TIMEOUT_S, **kwargs)
        except (ConnectionError, OSError):
            await self._resume_after_drop()
            if kwargs.get("fragment") is not None:
                return 0.0  # the timer's run: the reload already drew the fragment
            return await self.session.run(timeout=RUN_TIMEOUT_S, **kwargs)

    async def join(self, nickname: str) -> None:
        await self.session.connect(RUN_TIMEOUT_S)
        await self.session.run(
            values={"join_nickname": nickname}, trigger="join_submit", timeout=RUN_TIMEOUT_S
        )
        if not self.session.has_widget("join_leave") or "me=" not in self.session.query_string:
            raise RuntimeError(f"{self.name} did not get in: {self.alerts[-1:] or self.session.exceptions}")
        self.personal_query = self.session.query_string

    async def keep_timer(self, stop: asyncio.Event, rng: random.Random) -> None:
        """Rerun the poll fragment every interval the server announced, like the frontend's timer."""
        await asyncio.sleep(rng.uniform(0, 5.0))
        while not stop.is_set():
            timers = dict(self.session.timers)
            if timers and not self.session.busy and self.session.path == "/join":
                fragment_id, interval = next(iter(timers.items()))
                try:
                    await self.run(fragment=fragment_id)
                    self.timer_runs += 1
                except Exception as error:  # noqa: BLE001 - counted, the timer keeps going
                    self.errors.append(f"timer: {error!r}"[:200])
                    interval = 5.0
            else:
                interval = 5.0
            try:
                await asyncio.wait_for(stop.wait(), interval)
            except TimeoutError:
                continue

    async def answer(self, option: str) -> None:
        """Tap an option of the open poll; acknowledged when the saved message comes back."""
        self.answer_tap, self.answer_ack = time.perf_counter(), None
        self.alerts.clear()
        try:
            if not self.session.has_widget("join_poll_*"):
                await self.run(page="join")  # reloaded and not drawn yet: draw the page first
            await self.run(values={"join_poll_*": option})
            if not any(alert.startswith(SAVED_TEXT) for alert in self.alerts) and self.shown_choice != option:
                await self.run(values={"join_poll_*": option})  # came back on another process: tap again
            saved = any(alert.startswith(SAVED_TEXT) for alert in self.alerts)
            if saved or self.shown_choice == option:  # saved now, or shown as chosen after the reload
                self.answer_ack = time.perf_counter()
            else:
                self.errors.append(f"answer not saved: {self.alerts[-1:]}")
        except Exception as error:  # noqa: BLE001
            self.errors.append(f"answer: {error!r}"[:200])

    async def share(self) -> None:
        """Open the team calculator (its demo result), press share, then go back to the join page."""
        self.share_tap, self.share_ack = time.perf_counter(), None
        self.alerts.clear()
        problem = ""
        for _attempt in range(2):  # a reload in between lands on the join page: go to the calculator again
            try:
                await self.run(page="team")
                await self.run(trigger="share_team_send")
            except Exception as error:  # noqa: BLE001 - a reload in between, or a refusal: try once more
                problem = f"share: {error!r}"[:200]
                continue
            if any(alert.startswith((SHARED_TEXT, ALREADY_SHARED_TEXT)) for alert in self.alerts):
                self.share_ack = time.perf_counter()
                problem = ""
                break
            problem = f"share not stored: {self.alerts[-1:]}"
        if problem:
            self.errors.append(problem)
        try:
            await self.run(page="join")
        except Exception as error:  # noqa: BLE001
            self.errors.append(f"back to join: {error!r}"[:200])


@dataclass
class Dashboard:
    """The instructor's room page: every answer count and share count it receives, with the time."""

    session: ProtocolSession
    counts: list[tuple[float, int]] = field(default_factory=list)
    shares: list[tuple[float, int]] = field(default_factory=list)
    runs: int = 0
    drops: int = 0
    errors: list[str] = field(default_factory=list)

    def on_element(self, _session: ProtocolSession, etype: str, proto: Any, _fragment: str) -> None:
        now = time.perf_counter()
        if etype == "markdown" and (found := ANSWERED.match(proto.body)):
            count = int(found.group(1))
            if not self.counts or count > self.counts[-1][1]:
                self.counts.append((now, count))
        elif etype == "metric" and proto.label.startswith(TEAM_SHARERS_LABEL) and "Team" in proto.label:
            count = int(proto.body or 0)
            if not self.shares or count > self.shares[-1][1]:
                self.shares.append((now, count))

    async def open(self, passcode: str) -> None:
        await self.session.connect(RUN_TIMEOUT_S)
        await self.session.run(values={"instructor_passcode": passcode}, trigger="instructor_enter")
        await self.session.run(page="room")
        if not self.session.timers:
            raise RuntimeError(f"the dashboard did not open: {self.session.exceptions}")

    async def keep_timer(self, stop: asyncio.Event, passcode: str) -> None:
        while not stop.is_set():
            interval = 1.0
            try:
                if self.session.closed:  # its process died: sign in again on another one
                    self.session.path, self.session.query_string = "/instructor", ""
                    await self.session.reconnect(RUN_TIMEOUT_S)
                    await self.session.run(
                        values={"instructor_passcode": passcode}, trigger="instructor_enter"
                    )
                    await self.session.run(page="room")
                if self.session.timers:
                    fragment_id, interval = next(iter(self.session.timers.items()))
                    await self.session.run(fragment=fragment_id, timeout=RUN_TIMEOUT_S)
                    self.runs += 1
            except (ConnectionError, OSError):
                self.drops += 1  # its process died mid-run: it signs in again on the next tick
            except Exception as error:  # noqa: BLE001 - counted; a dead process's dashboard reopens
                self.errors.append(f"dashboard: {error!r}"[:200])
            try:
                await asyncio.wait_for(stop.wait(), interval)
            except TimeoutError:
                continue

    def seen_at(self, series: list[tuple[float, int]], count: int) -> float | None:
        """When the dashboard first received a figure of at least ``count``."""
        return next((at for at, seen in series if seen >= count), None)
