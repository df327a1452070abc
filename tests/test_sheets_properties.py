"""Properties of the reader (issue 11): title rows above the header, a description row under it, the
delimiter, the decimal convention and the currency notation never change the values read."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from content_logic.sheets import parse_date_column, parse_number_column, read_sheet

HEADER = ["Date", "Video orders", "LIVE orders", "GMV"]
DESCRIPTION = ["The day of the orders", "Orders from videos", "Orders from LIVE", "Revenue of all orders"]
TITLES = ["2026-10-01 ~ 2026-10-31", "", "Periodo: 01/10/2026 - 31/10/2026", "Report: sales, by day"]

_rows = st.lists(
    st.tuples(
        st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31)),
        st.integers(0, 5_000_000),
        st.integers(0, 900),
        st.integers(0, 10**9),  # cents
    ),
    min_size=1,
    max_size=12,
)


def _amount(cents: int, decimal: str, currency: str) -> str:
    whole, part = divmod(cents, 100)
    grouped = f"{whole:,}".replace(",", "." if decimal == "," else ",")
    return currency.replace("#", f"{grouped}{decimal}{part:02d}")


def _count(value: int, decimal: str, grouped: bool) -> str:
    return f"{value:,}".replace(",", "." if decimal == "," else ",") if grouped else str(value)


def _table(
    rows: list[tuple[dt.date, int, int, int]], decimal: str, currency: str, grouped: bool, iso: bool
) -> list[list[object]]:
    return [
        [
            day.isoformat() if iso else day.strftime("%d/%m/%Y"),
            _count(video, decimal, grouped),
            _count(live, decimal, grouped),
            _amount(cents, decimal, currency),
        ]
        for day, video, live, cents in rows
    ]


def _csv(lines: list[list[object]], delimiter: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for line in lines:
        if len(line) == 1:
            buffer.write(f"{line[0]}\n")  # a title line is written as is, like the exports do
        else:
            writer.writerow(line)
    return buffer.getvalue().encode("utf-8")


def _xlsx(lines: list[list[object]]) -> bytes:
    book = Workbook()
    for line in lines:
        book.active.append([cell if cell != "" else None for cell in line])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=_rows,
    titles=st.lists(st.sampled_from(TITLES), max_size=4),
    described=st.booleans(),
    delimiter=st.sampled_from([",", ";", "\t", "xlsx"]),
    decimal=st.sampled_from([".", ","]),
    currency=st.sampled_from(["#", "$#", "# €", "MX$#", "US$ #", "COP #", "R$ #", "RM#"]),
    grouped=st.booleans(),
    iso=st.booleans(),
)
def test_layout_and_notation_never_change_the_values(
    rows: list[tuple[dt.date, int, int, int]],
    titles: list[str],
    described: bool,
    delimiter: str,
    decimal: str,
    currency: str,
    grouped: bool,
    iso: bool,
) -> None:
    if titles and not titles[-1]:
        titles = [*titles, TITLES[0]]  # a blank line right above a header is fine; keep one title last
    lines: list[list[object]] = [[title] for title in titles]
    lines += [HEADER, *([DESCRIPTION] if described else []), *_table(rows, decimal, currency, grouped, iso)]
    data = _xlsx(lines) if delimiter == "xlsx" else _csv(lines, delimiter)
    sheet = read_sheet(data, "export.xlsx" if delimiter == "xlsx" else "export.csv")

    assert list(sheet.frame.columns) == HEADER
    assert sheet.header_row == len(titles) + 1
    first_data_row = sheet.header_row + (2 if described else 1)
    assert list(sheet.frame.index) == list(range(first_data_row, first_data_row + len(rows)))
    dates = parse_date_column(sheet.frame["Date"])
    expected_dates = [day for day, *_ in rows]
    assert [d.date() for d in dates.values] == expected_dates  # an unclear dd/mm column is read day first
    assert parse_number_column(sheet.frame["Video orders"]).values.tolist() == [v for _, v, _, _ in rows]
    assert parse_number_column(sheet.frame["LIVE orders"]).values.tolist() == [v for _, _, v, _ in rows]
    gmv = parse_number_column(sheet.frame["GMV"])
    assert gmv.values.tolist() == pytest.approx([c / 100 for *_, c in rows])
    assert gmv.ambiguous is False
