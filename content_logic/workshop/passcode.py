"""The instructor passcode: a constant-time check and a throttle that slows down repeated guesses."""

from __future__ import annotations

import hmac
import threading
from collections import OrderedDict
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

FREE_FAILURES = 5
"""Wrong passcodes allowed without waiting: enough for typos, too few for guessing."""

FIRST_DELAY_SECONDS = 2.0
"""Wait after the first failure past the free ones; it doubles with each further failure."""

MAX_DELAY_SECONDS = 300.0
"""The longest wait (5 minutes): guessing stays slow but a locked-out instructor can still get in."""

FORGET_AFTER_SECONDS = 3600.0
"""A client quiet for an hour starts again with its free failures."""

MAX_TRACKED_CLIENTS = 10_000
"""Memory bound: past this many clients the longest-quiet ones are forgotten first."""


def passcode_matches(given: str, expected: str) -> bool:
    """Whether ``given`` is the configured passcode, in constant time; never true if none is set."""
    if not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class ThrottlePolicy(BaseModel):
    """How the passcode throttle slows guessing down; the defaults are the documented constants."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    free_failures: int = Field(default=FREE_FAILURES, ge=0)
    first_delay_seconds: float = Field(default=FIRST_DELAY_SECONDS, gt=0)
    max_delay_seconds: float = Field(default=MAX_DELAY_SECONDS, gt=0)
    forget_after_seconds: float = Field(default=FORGET_AFTER_SECONDS, gt=0)
    max_tracked_clients: int = Field(default=MAX_TRACKED_CLIENTS, ge=1)

    def delay_after(self, failures: int) -> float:
        """Seconds to wait after ``failures`` wrong passcodes in a row: 0, then 2, 4, 8 … up to the cap."""
        extra = failures - self.free_failures
        if extra <= 0:
            return 0.0
        return min(self.first_delay_seconds * 2.0 ** (extra - 1), self.max_delay_seconds)


class PasscodeAttempt(BaseModel):
    """The outcome of one passcode attempt: let in, or not, and how long to wait before the next try."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ok: bool
    retry_after: float
    """Seconds until another attempt is considered; 0 when the client may try again now."""
    checked: bool
    """False when the attempt came while the client was locked out, so the passcode wasn't compared."""


@dataclass
class _Record:
    failures: int
    last_failure: float


class PasscodeThrottle:
    """Wrong passcodes per client key (e.g. an IP address), with a lockout that grows with each one.

    Pure apart from its own memory: every method takes ``now`` (seconds, e.g. ``time.monotonic()``).
    Thread-safe, so one instance can be shared by all sessions of the app process.
    """

    def __init__(self, policy: ThrottlePolicy | None = None) -> None:
        self.policy = policy or ThrottlePolicy()
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, client: str, now: float) -> float:
        """Seconds ``client`` must still wait before its next attempt (0 = may try now)."""
        with self._lock:
            record = self._current(client, now)
            if record is None:
                return 0.0
            ready_at = record.last_failure + self.policy.delay_after(record.failures)
            return max(0.0, ready_at - now)

    def record_failure(self, client: str, now: float) -> float:
        """Count a wrong passcode; returns the seconds the client must now wait."""
        with self._lock:
            record = self._current(client, now) or _Record(failures=0, last_failure=now)
            record.failures += 1
            record.last_failure = now
            self._records[client] = record
            self._records.move_to_end(client)
            while len(self._records) > self.policy.max_tracked_clients:
                self._records.popitem(last=False)
            return self.policy.delay_after(record.failures)

    def record_success(self, client: str) -> None:
        """Forget a client's failures after a right passcode."""
        with self._lock:
            self._records.pop(client, None)

    def failures(self, client: str, now: float) -> int:
        """Wrong passcodes counted for ``client`` (0 once forgotten)."""
        with self._lock:
            record = self._current(client, now)
            return record.failures if record else 0

    def attempt(self, client: str, given: str, expected: str, now: float) -> PasscodeAttempt:
        """Check a passcode unless the client is locked out, and update the count either way."""
        wait = self.retry_after(client, now)
        if wait > 0:
            return PasscodeAttempt(ok=False, retry_after=wait, checked=False)
        if passcode_matches(given, expected):
            self.record_success(client)
            return PasscodeAttempt(ok=True, retry_after=0.0, checked=True)
        return PasscodeAttempt(ok=False, retry_after=self.record_failure(client, now), checked=True)

    def _current(self, client: str, now: float) -> _Record | None:
        record = self._records.get(client)
        if record is not None and now - record.last_failure > self.policy.forget_after_seconds:
            del self._records[client]
            return None
        return record
