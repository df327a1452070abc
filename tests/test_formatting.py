"""The one number formatter: English and Spanish conventions, missing values, and round trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.formatting import (
    MISSING,
    format_count,
    format_decimal,
    format_money,
    format_percent,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1234, "en", "1,234"),
        (1234, "es", "1.234"),
        (1234.6, "en", "1,235"),
        (1_234_567, "es", "1.234.567"),
        (-1234, "en", "-1,234"),
        (0, "es", "0"),
        (None, "en", MISSING),
        (float("nan"), "es", MISSING),
    ],
)
def test_format_count(value: float | None, lang: str, expected: str) -> None:
    assert format_count(value, lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "lang", "options", "expected"),
    [
        (1234.5, "en", {}, "1,234.5"),
        (1234.5, "es", {}, "1.234,5"),
        (1234.0, "en", {}, "1,234"),
        (1234.0, "es", {"digits": 2, "fixed": True}, "1.234,00"),
        (0.125, "en", {"digits": 2}, "0.12"),
        (2.75, "es", {"digits": 1}, "2,8"),
        (12.3456, "en", {"digits": 3}, "12.346"),
        (float("inf"), "en", {}, MISSING),
    ],
)
def test_format_decimal(value: float, lang: str, options: dict[str, object], expected: str) -> None:
    assert format_decimal(value, lang, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("share", "lang", "options", "expected"),
    [
        (0.42, "en", {}, "42%"),
        (0.42, "es", {}, f"42{NBSP}%"),
        (0.0283, "en", {"digits": 2}, "2.83%"),
        (0.0283, "es", {"digits": 2}, f"2,83{NBSP}%"),
        (0.05, "en", {"signed": True}, "+5%"),
        (-0.05, "en", {"signed": True}, "-5%"),
        (0.001, "en", {"signed": True}, "0%"),
        (12.5, "es", {}, f"1.250{NBSP}%"),
        (None, "es", {}, MISSING),
    ],
)
def test_format_percent(share: float | None, lang: str, options: dict[str, object], expected: str) -> None:
    assert format_percent(share, lang, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "lang", "options", "expected"),
    [
        (5350, "en", {"currency": "USD"}, "$5,350.00"),
        (5350, "es", {"currency": "USD"}, f"5.350,00{NBSP}US$"),
        (1234.56, "es", {"currency": "EUR"}, f"1.234,56{NBSP}€"),
        (1234.56, "en", {"currency": "EUR"}, "€1,234.56"),
        (45230.5, "en", {"currency": "MXN"}, "MX$45,230.50"),
        (1234.567, "en", {}, "1,234.57"),
        (1234.5, "es", {"digits": 0}, "1.234"),
        (None, "en", {"currency": "USD"}, MISSING),
    ],
)
def test_format_money(value: float | None, lang: str, options: dict[str, object], expected: str) -> None:
    assert format_money(value, lang, **options) == expected  # type: ignore[arg-type]


def _as_english(spanish: str) -> str:
    return spanish.replace(".", "\0").replace(",", ".").replace("\0", ",").replace(NBSP, "")


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(0, 4))
def test_spanish_is_english_with_marks_swapped(value: float, digits: int) -> None:
    english = format_decimal(value, "en", digits=digits)
    assert _as_english(format_decimal(value, "es", digits=digits)) == english
    assert _as_english(format_percent(value / 1e6, "es", digits=digits)) == format_percent(
        value / 1e6, "en", digits=digits
    )


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_decimal_reads_back_within_its_rounding(value: float, digits: int) -> None:
    text = format_decimal(value, "en", digits=digits)
    assert abs(float(text.replace(",", "")) - value) <= 0.5 * 10**-digits + 1e-6 * abs(value)
