"""The reader on files shaped like real exports: where the header is, what was skipped, which sheet."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from content_logic.headers import Vocabulary
from content_logic.problems import InputError
from content_logic.sheets import parse_date_column, parse_number_column, parse_rate_column, read_sheet

SHEETS = Path(__file__).parent / "data" / "sheets"


def read(name: str, **options: object) -> object:
    return read_sheet((SHEETS / name).read_bytes(), name, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "header_row", "sheet", "first_columns", "rows", "notes"),
    [
        (
            "seller_center_videos.xlsx",
            3,
            "Video analytics",
            ["Video Info", "Video ID", "Time", "Creator name", "VV"],
            [4, 5, 6, 7],
            ["sheet_picked", "sheet_header_below_title"],
        ),
        (
            "affiliate_creators.xlsx",
            1,
            "Creators",
            ["Creator name", "Followers", "Affiliate GMV ($)"],
            [3, 4, 5],
            ["sheet_description_row"],
        ),
        (
            "gmv_two_level.xlsx",
            2,
            "Overview",
            ["Date", "All GMV", "All Orders", "All Buyers", "Seller Product card GMV"],
            [3, 4, 5],
            ["sheet_two_level_header"],
        ),
        (
            "spanish_wide.csv",
            2,
            None,
            ["Fecha", "GMV de LIVE (€)", "GMV de vídeos (€)", "Pedidos de LIVE"],
            [3, 4, 5],
            ["sheet_header_below_title"],
        ),
        (
            "mexican_videos.csv",
            1,
            None,
            ["Título del video", "Nombre del creador", "Visualizaciones"],
            [2, 3, 4],
            [],
        ),
        (
            "carrier_source_es.csv",
            1,
            None,
            ["Fecha", "Tipo de contenido", "Origen", "GMV", "Pedidos"],
            None,
            [],
        ),
        ("ads_manager_videos.csv", 1, None, ["Ad name", "Impressions", "Video views"], [2, 3], []),
    ],
)
def test_each_export_shape_is_read_from_its_header(
    name: str,
    header_row: int,
    sheet: str | None,
    first_columns: list[str],
    rows: list[int] | None,
    notes: list[str],
) -> None:
    read_back = read(name)
    assert read_back.header_row == header_row  # type: ignore[attr-defined]
    assert read_back.sheet == sheet  # type: ignore[attr-defined]
    frame = read_back.frame  # type: ignore[attr-defined]
    assert list(frame.columns)[: len(first_columns)] == first_columns
    if rows is not None:
        assert list(frame.index) == rows
    assert [note.code for note in read_back.notes] == notes  # type: ignore[attr-defined]
    for note in read_back.notes:  # type: ignore[attr-defined]
        assert note.describe("en").startswith(name)
        assert note.describe("es") != note.describe("en")


def test_seller_center_numbers_money_rates_and_dashes() -> None:
    frame = read("seller_center_videos.xlsx").frame  # type: ignore[attr-defined]
    revenue = parse_number_column(frame["Video Revenue ($)"])
    assert revenue.values.tolist()[:2] == [5350.0, 588.0]
    assert revenue.values.isna().tolist() == [False, False, True, False]  # "--": no shop, not an error
    assert (revenue.invalid, revenue.currency, revenue.decimal) == ({}, "$", ".")
    ctr = parse_rate_column(frame["CTR"])
    assert ctr.values[4] == pytest.approx(0.0283)
    assert parse_number_column(frame["VV"]).values.tolist() == [125000, 48200, 9100, 310500]


def test_spanish_amounts_dates_and_title_line() -> None:
    sheet = read("spanish_wide.csv")
    frame = sheet.frame  # type: ignore[attr-defined]
    assert (sheet.delimiter, sheet.title) == (";", ("Periodo: 01/10/2026 - 31/10/2026",))  # type: ignore[attr-defined]
    gmv = parse_number_column(frame["GMV de LIVE (€)"])
    assert (gmv.values.tolist(), gmv.decimal, gmv.currency) == ([1234.56, 0.0, 845.3], ",", "€")
    videos = parse_number_column(frame["GMV de vídeos (€)"])
    assert videos.values.isna().tolist() == [False, False, True]
    dates = parse_date_column(frame["Fecha"])
    assert (dates.day_first, dates.ambiguous) == (True, False)
    assert [d.strftime("%Y-%m-%d") for d in dates.values] == ["2026-10-01", "2026-10-02", "2026-10-13"]


def test_mexican_thousands_and_peso_amounts() -> None:
    frame = read("mexican_videos.csv").frame  # type: ignore[attr-defined]
    assert parse_number_column(frame["Visualizaciones"]).values.tolist() == [1234567, 88100, 5400]
    income = parse_number_column(frame["Ingresos"])
    assert (income.values.tolist()[:2], income.currency) == ([45230.5, 4070.0], "MX$")
    assert parse_rate_column(frame["Tasa de finalización"]).values.tolist() == pytest.approx(
        [0.215, 0.302, 0.44]
    )


def test_two_level_header_keeps_each_columns_segment() -> None:
    sheet = read("gmv_two_level.xlsx")
    assert sheet.segments["Seller Product card Orders"] == "Seller Product card"  # type: ignore[attr-defined]
    assert "Date" not in sheet.segments  # type: ignore[attr-defined]
    assert sheet.notes[0].values == {"top": 1, "example": "All GMV"}  # type: ignore[attr-defined]


def _book(*sheets: tuple[str, list[list[object]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


VOCABULARY = Vocabulary.from_table("columns", {"views": ["VV", "Views"], "orders": ["Orders", "Pedidos"]})


def test_the_sheet_with_known_labels_is_picked_or_the_one_asked_for() -> None:
    data = _book(
        ("Summary", [["Shop", "Region", "Manager"], ["Glow", "MX", "Ana"]]),
        ("Videos", [["Title", "VV", "Orders"], ["Hook A", 100, 3]]),
    )
    assert read_sheet(data, "x.xlsx", is_known_label=VOCABULARY.is_known).sheet == "Videos"
    assert read_sheet(data, "x.xlsx", sheet=" summary ").sheet == "Summary"
    with pytest.raises(InputError) as caught:
        read_sheet(data, "x.xlsx", sheet="Ads")
    (problem,) = caught.value.problems
    assert (problem.code, problem.values["sheets"]) == ("sheet_not_found", "Summary, Videos")


def test_known_labels_beat_a_wordy_title_row() -> None:
    data = b"Report for Glow Shop,exported by Ana,from Seller Center\nDate,VV,Orders\n2026-10-01,100,3\n"
    assert read_sheet(data, "x.csv").header_row == 1  # without a vocabulary the title has more words
    sheet = read_sheet(data, "x.csv", is_known_label=VOCABULARY.is_known)
    assert (sheet.header_row, list(sheet.frame.index)) == (2, [3])


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        (b"Periodo: 01/10/2026 - 31/10/2026\nFecha;GMV\n01/10/2026;1.234,56\n02/10/2026;12,50\n", ";"),
        (b"sep=;\nFecha;GMV\n01/10/2026;1,5\n", ";"),
        (b"Date\tTitle\tGMV\n2026-10-01\tHello, world\t1,234.50\n", "\t"),
        (b"role,headcount,capabilities\nother,1,scripting|filming|paid_media|live\n", ","),
    ],
)
def test_the_delimiter_is_found_on_the_header_line(data: bytes, delimiter: str) -> None:
    assert read_sheet(data, "x.csv").delimiter == delimiter


def test_utf16_without_a_byte_order_mark_is_text() -> None:
    frame = read_sheet("Fecha;Pedidos\n01/10/2026;3\n".encode("utf-16-le"), "x.csv").frame
    assert frame.to_dict("list") == {"Fecha": ["01/10/2026"], "Pedidos": ["3"]}


def test_workbook_numbers_keep_their_exact_value() -> None:
    data = _book(("Data", [["Video", "Watch time"], ["A", 1.234], ["B", 2.5], ["C", 1500], ["D", 0.00001]]))
    frame = read_sheet(data, "x.xlsx").frame
    assert parse_number_column(frame["Watch time"]).values.tolist() == [1.234, 2.5, 1500.0, 0.00001]
