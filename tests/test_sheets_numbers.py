"""Numbers, rates and dates as sellers' files write them, decided per column."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.sheets import (
    parse_date_column,
    parse_number,
    parse_number_column,
    parse_rate,
    parse_rate_column,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$5,350.00", 5350.0),
        ("1.234,56 €", 1234.56),
        ("€1.234,56", 1234.56),
        ("MX$45,230.50", 45230.5),
        ("US$ 1,234", 1234.0),
        ("R$ 1.234,50", 1234.5),
        ("RM12.50", 12.5),
        ("COP 1.234.567", 1234567.0),
        ("S/ 25.50", 25.5),
        ("£3.10", 3.1),
        ("-$5.00", -5.0),
        ("$-5.00", -5.0),
        ("(1,234.00)", -1234.0),
        ("1 234,5", 1234.5),
        ("2.83%", 2.83),
        ("--", None),
        ("-", None),
        ("—", None),
        ("N/A", None),
        ("", None),
        ("USD", None),
        ("12 orders", None),
    ],
)
def test_parse_number_reads_currency_marks_and_missing_marks(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("cells", "values", "decimal", "ambiguous"),
    [
        (["$5,350.00", "--", "$12.50"], [5350.0, None, 12.5], ".", False),
        (["1.234,56 €", "12,5 €", ""], [1234.56, 12.5, None], ",", False),
        (["1.234", "12,5"], [1234.0, 12.5], ",", False),  # the comma decimal settles "1.234"
        (["1.234", "0.5"], [1.234, 0.5], ".", False),  # the point decimal settles it the other way
        (["1.234.567", "2.500"], [1234567.0, 2500.0], ",", False),
        (["1,234", "2,500"], [1234.0, 2500.0], ".", True),  # thousands, but said
        (["1.234", "2.500"], [1234.0, 2500.0], ",", True),
        (["12", "13"], [12.0, 13.0], None, False),
        (["1,234.5", "12,5"], [1234.5, 12.5], ".", True),  # cells disagree: majority, and said
    ],
)
def test_the_decimal_mark_is_decided_per_column(
    cells: list[str], values: list[float | None], decimal: str | None, ambiguous: bool
) -> None:
    column = parse_number_column(cells)
    assert [None if math.isnan(v) else v for v in column.values] == values
    assert (column.decimal, column.ambiguous, column.invalid) == (decimal, ambiguous, {})
    note = column.ambiguity_note(file="x.csv", column="GMV")
    assert (note is not None) is ambiguous
    if note is not None:
        assert column.example in note.describe("es")


def test_the_files_convention_decides_an_unclear_column() -> None:
    assert parse_number_column(["1.234", "2.500"], prefer=".").values.tolist() == [1.234, 2.5]


def test_words_are_invalid_with_their_row_and_missing_marks_are_not() -> None:
    column = parse_number_column(pd.Series(["12", "twelve", "--", None, "1.2.3"], index=[4, 5, 6, 7, 8]))
    assert column.invalid == {5: "twelve", 8: "1.2.3"}
    assert column.values.index.tolist() == [4, 5, 6, 7, 8]


@pytest.mark.parametrize(
    ("cells", "shares"),
    [
        (["2.83%", "10%", "--"], [0.0283, 0.1, None]),
        (["42", "5"], [0.42, 0.05]),
        (["0.42", "0.05"], [0.42, 0.05]),
        (["21,5 %", "30 %"], [0.215, 0.3]),
    ],
)
def test_rate_columns_are_shares(cells: list[str], shares: list[float | None]) -> None:
    values = parse_rate_column(cells).values
    assert [None if math.isnan(v) else pytest.approx(v) for v in values] == shares


@pytest.mark.parametrize(("text", "share"), [("2.83%", 0.0283), ("42", 0.42), ("0.42", 0.42), ("--", None)])
def test_parse_rate(text: str, share: float | None) -> None:
    assert parse_rate(text) == (None if share is None else pytest.approx(share))


@pytest.mark.parametrize(
    ("cells", "dates", "day_first", "ambiguous"),
    [
        (["01/10/2026", "13/10/2026"], ["2026-10-01", "2026-10-13"], True, False),
        (["10/01/2026", "10/13/2026"], ["2026-10-01", "2026-10-13"], False, False),
        (["01/10/2026", "02/10/2026"], ["2026-10-01", "2026-10-02"], True, True),
        (["2026-10-01", "2026-10-31 00:00:00", "--"], ["2026-10-01", "2026-10-31", None], None, False),
        (["01.10.2026 14:05", "31.10.2026"], ["2026-10-01", "2026-10-31"], True, False),
        (
            ["Oct 1, 2026", "1 October 2026", "20261002"],
            ["2026-10-01", "2026-10-01", "2026-10-02"],
            None,
            False,
        ),
    ],
)
def test_day_or_month_first_is_decided_per_column(
    cells: list[str], dates: list[str | None], day_first: bool | None, ambiguous: bool
) -> None:
    column = parse_date_column(cells)
    assert [None if pd.isna(d) else d.strftime("%Y-%m-%d") for d in column.values] == dates
    assert (column.day_first, column.ambiguous) == (day_first, ambiguous)
    assert (column.ambiguity_note(file=None, column="Fecha") is not None) is ambiguous


def test_an_unclear_date_column_follows_the_callers_convention() -> None:
    column = parse_date_column(["01/10/2026", "02/10/2026"], day_first=False)
    assert [d.strftime("%m-%d") for d in column.values] == ["01-10", "02-10"]
    assert parse_date_column(["2026-W02", "01/10/2026"]).invalid == {0: "2026-W02"}


_amounts = st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=20)


def _write(cents: int, decimal: str, currency: str) -> str:
    whole, part = divmod(cents, 100)
    grouped = f"{whole:,}".replace(",", "." if decimal == "," else ",")
    number = f"{grouped}{decimal}{part:02d}"
    return currency.replace("#", number)


@given(
    _amounts,
    st.sampled_from([".", ","]),
    st.sampled_from(["#", "$#", "# €", "MX$#", "US$ #", "COP #", "R$ #", "#%", "RM#", "S/ #"]),
)
def test_any_notation_of_the_same_amounts_reads_the_same(
    cents: list[int], decimal: str, currency: str
) -> None:
    column = parse_number_column([_write(c, decimal, currency) for c in cents])
    assert column.values.tolist() == pytest.approx([c / 100 for c in cents])
    assert column.invalid == {}


@given(
    st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=20),
    st.sampled_from([".", ",", " "]),
)
def test_whole_counts_read_the_same_with_any_thousands_mark(counts: list[int], mark: str) -> None:
    column = parse_number_column([f"{c:,}".replace(",", mark) for c in counts])
    assert column.values.tolist() == counts
