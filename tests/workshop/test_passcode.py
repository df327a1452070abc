"""The instructor passcode: constant-time comparison, and wrong guesses slowed down per client."""

from __future__ import annotations

import pytest

from content_logic.workshop import PasscodeThrottle, ThrottlePolicy, passcode_matches

START = 1_000.0
"""An arbitrary clock reading: the throttle only ever compares times it was given."""


@pytest.mark.parametrize(
    ("given", "expected", "matches"),
    [
        ("s3cret", "s3cret", True),
        ("s3cret ", "s3cret", False),
        ("S3CRET", "s3cret", False),
        ("", "s3cret", False),
        ("", "", False),  # no passcode configured: the instructor area stays closed
        ("año-ñandú", "año-ñandú", True),
        ("año", "ano", False),
    ],
)
def test_passcode_matches(given: str, expected: str, matches: bool) -> None:
    assert passcode_matches(given, expected) is matches


def test_five_wrong_passcodes_are_free_then_the_wait_doubles_up_to_five_minutes() -> None:
    throttle = PasscodeThrottle()
    waits = []
    now = START
    for _ in range(14):
        waits.append(throttle.record_failure("10.0.0.7", now))
        now += waits[-1]
    assert waits == [0, 0, 0, 0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300]
    assert throttle.failures("10.0.0.7", now) == 14


def test_a_locked_out_client_is_not_even_checked_and_others_are_unaffected() -> None:
    throttle = PasscodeThrottle()
    for _ in range(6):
        throttle.attempt("phone", "guess", "s3cret", START)
    locked = throttle.attempt("phone", "s3cret", "s3cret", START + 1)
    assert (locked.ok, locked.checked, locked.retry_after) == (False, False, 1.0)
    assert throttle.failures("phone", START + 1) == 6, "a refused attempt doesn't extend the count"
    assert throttle.attempt("laptop", "s3cret", "s3cret", START + 1).ok
    assert throttle.retry_after("phone", START + 2) == 0
    let_in = throttle.attempt("phone", "s3cret", "s3cret", START + 2)
    assert (let_in.ok, let_in.checked) == (True, True)
    assert throttle.failures("phone", START + 2) == 0, "the right passcode clears the count"


def test_wrong_attempt_reports_the_wait_it_caused() -> None:
    throttle = PasscodeThrottle()
    results = [throttle.attempt("x", "no", "s3cret", START + 10 * n) for n in range(6)]
    assert [r.retry_after for r in results] == [0, 0, 0, 0, 0, 2]
    assert all(r.checked and not r.ok for r in results)


def test_a_quiet_client_is_forgotten_after_an_hour() -> None:
    throttle = PasscodeThrottle()
    for _ in range(8):
        throttle.record_failure("x", START)
    assert throttle.retry_after("x", START) == 8
    assert throttle.retry_after("x", START + 3601) == 0 and throttle.failures("x", START + 3601) == 0


def test_memory_is_bounded_by_forgetting_the_quietest_clients() -> None:
    throttle = PasscodeThrottle(ThrottlePolicy(max_tracked_clients=3, free_failures=0))
    for n in range(5):
        throttle.record_failure(f"client-{n}", START + n)
    assert [throttle.failures(f"client-{n}", START + 5) for n in range(5)] == [0, 0, 1, 1, 1]
