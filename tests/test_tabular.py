"""Reading real spreadsheet exports: encodings, delimiters, Excel, and files that are not tables."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.problems import InputError
from content_logic.tabular import parse_number, read_table

ROWS = [["week", "Vídeo", "LIVE"], ["2026-W01", "12", "3,5"], ["2026-W02", "", "4"]]


def csv_bytes(delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(ROWS)  # quotes "3,5" when ',' delimits
    return text.getvalue().encode(encoding)


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (csv_bytes(","), "utf-8 comma"),
        (csv_bytes(";"), "semicolon from a Spanish spreadsheet"),
        (csv_bytes("\t"), "tab"),
        (b"\xef\xbb\xbf" + csv_bytes(";"), "utf-8 with BOM"),
        (csv_bytes(";", "latin-1"), "latin-1"),
        (csv_bytes(";", "cp1252"), "windows-1252"),
        (csv_bytes("\t", "utf-16"), "utf-16 with BOM"),
    ],
)
def test_csv_variants_read_the_same(data: bytes, label: str) -> None:
    frame = read_table(data, "sales.csv")
    assert list(frame.columns) == ["week", "Vídeo", "LIVE"], label
    assert frame.iloc[0].tolist() == ["2026-W01", "12", "3,5"]
    assert frame.iloc[1]["Vídeo"] is None


def test_xlsx_is_read_from_the_first_sheet() -> None:
    buffer = io.BytesIO()
    pd.DataFrame({"week": ["2026-W01"], "LIVE": [3]}).to_excel(buffer, index=False)
    frame = read_table(buffer.getvalue(), "sales.xlsx")
    assert frame.iloc[0].tolist() == ["2026-W01", "3"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b"  \n\n", "empty_file"),
        (b"\x00\x01\x02PNG\x00\x00binary", "binary_file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old_excel"),
        (b"PK\x03\x04not really a workbook", "unreadable_xlsx"),
        (b"a,b\n1,2\n3,4,5,6\n", "unreadable_csv"),
    ],
)
def test_unreadable_files_say_why(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        read_table(data, "upload.csv")
    (problem,) = caught.value.problems
    assert problem.code == code
    assert problem.file == "upload.csv"
    assert problem.describe("en").startswith("upload.csv: ")
    assert problem.describe("es") != problem.describe("en")


def test_a_file_over_the_limit_is_refused_before_reading() -> None:
    with pytest.raises(InputError) as caught:
        read_table(b"a,b\n" + b"1,2\n" * 100, "big.csv", max_bytes=100)
    assert caught.value.problems[0].code == "too_large"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12.0),
        ("12.5", 12.5),
        ("12,5", 12.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1 234", 1234.0),
        ("1.234", 1234.0),
        ("1.234.567", 1234567.0),
        ("0,125", 0.125),
        ("-1,5", -1.5),
        (",5", 0.5),
        ("35%", 35.0),
        (7, 7.0),
        ("abc", None),
        ("1.2.3", None),
        ("", None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_parse_number(text: object, expected: float | None) -> None:
    assert parse_number(text) == expected


@given(st.integers(min_value=0, max_value=10**9))
def test_whole_numbers_survive_any_thousands_style(value: int) -> None:
    english, spanish = f"{value:,}", f"{value:,}".replace(",", ".")
    assert parse_number(english) == value
    assert parse_number(spanish) == value
    assert parse_number(str(value)) == value


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_two_decimal_places_read_with_either_mark(units: int, cents: int) -> None:
    assert parse_number(f"{units}.{cents:02d}") == pytest.approx(units + cents / 100)
    assert parse_number(f"{units},{cents:02d}") == pytest.approx(units + cents / 100)


def test_rows_are_numbered_as_in_the_spreadsheet_past_title_and_blank_lines() -> None:
    data = b"Date range: 01/09/2026 - 30/09/2026\n\nweek,Video,LIVE\n2026-W01,3,4\n\n2026-W02,5,6\n"
    frame = read_table(data, "export.csv")
    assert list(frame.columns) == ["week", "Video", "LIVE"]
    assert list(frame.index) == [4, 6]  # the lines a spreadsheet shows them on


def test_rows_ending_in_a_delimiter_keep_their_first_column() -> None:
    frame = read_table(b"a,b\n1,2,\n3,4,\n", "trailing.csv")
    assert frame.to_dict("list") == {"a": ["1", "3"], "b": ["2", "4"]}


def test_blank_rows_in_a_workbook_keep_the_row_numbers_true() -> None:
    buffer = io.BytesIO()
    pd.DataFrame({"week": ["2026-W01", None, "2026-W03"], "LIVE": [3, None, 5]}).to_excel(buffer, index=False)
    assert list(read_table(buffer.getvalue(), "sales.xlsx").index) == [2, 4]
