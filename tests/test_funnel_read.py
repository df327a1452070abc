"""Reading videos from uploads and typed tables: headers in two languages, per-row problems, the bad-input
corpus (the same clear messages as before the reader learnt real exports)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd
import pytest

from content_logic.calculator import Reading
from content_logic.funnel import FunnelInputs, assess, read_file, read_rows
from content_logic.funnel.assess import videos_frame
from content_logic.funnel.read import prepare
from content_logic.funnel.vocabulary import column_kind, field_for
from content_logic.i18n import LANGUAGES, catalog

DATA = Path(__file__).parent / "data" / "funnel"
EXPECTED = tomllib.loads((DATA / "expected.toml").read_text(encoding="utf-8"))
CORPUS = {*EXPECTED["errors"], *EXPECTED["analysed"]}
"""The bad-input corpus; the other files in the folder are the real-export fixtures (test_funnel_exports)."""


def read(name: str) -> Reading[FunnelInputs]:
    return read_file((DATA / name).read_bytes(), name)


def videos(reading: Reading[FunnelInputs]) -> pd.DataFrame:
    assert reading.inputs is not None
    return videos_frame(reading.inputs.videos)


def by_row(reading: Reading[FunnelInputs]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in reading.problems:
        found.setdefault(str(problem.row), []).append(problem.describe("en"))
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED["errors"]))
def test_files_that_cannot_be_analysed_say_why(name: str) -> None:
    reading = read(name)
    assert reading.inputs is None
    assert [p.describe("en") for p in reading.problems] == EXPECTED["errors"][name]


@pytest.mark.parametrize("name", sorted(EXPECTED["skipped"]))
def test_bad_rows_are_skipped_with_row_column_and_fix(name: str) -> None:
    reading = read(name)
    assert by_row(reading) == EXPECTED["skipped"][name]
    assert len(videos(reading)) == EXPECTED["analysed"][name]


@pytest.mark.parametrize("name", sorted(EXPECTED["analysed"]))
def test_good_rows_are_still_analysed(name: str) -> None:
    reading = read(name)
    assert len(videos(reading)) == EXPECTED["analysed"][name]
    assert [n.describe("en") for n in reading.notes] == EXPECTED["notes"].get(name, [])
    assert reading.inputs is not None
    assert assess(reading.inputs).videos == EXPECTED["analysed"][name]


EXPORTS = {"seller_center.xlsx", "seller_center_es.xlsx", "ads_manager.csv", "mexico_export.csv"}
"""The export-shaped fixtures (tests/funnel_exports.py writes them; test_funnel_exports checks them)."""


def test_every_file_has_an_expectation() -> None:
    assert {p.name for p in DATA.iterdir()} == {*CORPUS, *EXPORTS, "expected.toml"}


def test_a_spanish_export_reads_like_the_english_one() -> None:
    reading = read("spanish_export.csv")
    table = videos(reading)
    first = table.iloc[0]
    assert (first["views"], first["hook_rate"], first["avg_watch_seconds"], first["gmv"]) == (
        300_000,
        42,
        14,
        348,
    )
    assert table.iloc[1]["avg_watch_seconds"] == 13.5
    assert "Formato" in table.columns  # the vocabulary knows it as a content trait
    assert reading.inputs is not None
    assert assess(reading.inputs).table.loc[0, "bottleneck"] == "interest"


def test_counts_become_rates() -> None:
    first = videos(read("counts_export.csv")).iloc[0]
    assert first["hook_rate"] == pytest.approx(159_600 / 420_000 * 100)
    assert first["completion_rate"] == pytest.approx(65_436 / 159_600 * 100)


def test_excel_percent_cells_are_read_as_percentages() -> None:
    table = videos(read("percent_cells.xlsx"))
    assert list(table["hook_rate"]) == pytest.approx([42, 36])


def test_fractions_with_a_percent_sign_are_not_rescaled() -> None:
    frame = pd.DataFrame({"views": ["1000"], "hook rate": ["0.5%"]})
    reading = prepare(frame)
    assert videos(reading).loc[0, "hook_rate"] == 0.5
    assert reading.notes == ()


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Views", "views"),
        ("VISTAS", "views"),
        ("Reproducciones", "views"),
        ("Tasa de gancho (%)", "hook_rate"),
        ("2-second rate (%)", "hook_rate"),
        ("Avg. watch time (s)", "avg_watch_seconds"),
        ("Tiempo medio de visualización", "avg_watch_seconds"),
        ("Duración del vídeo", "video_seconds"),
        ("Completion rate", "completion_rate"),
        ("Finalización (%)", "completion_rate"),
        ("Clics en el producto", "product_clicks"),
        ("Product clicks", "product_clicks"),
        ("SKU orders", "orders"),
        ("Pedidos", "orders"),
        ("Gross revenue ($)", "gmv"),
        ("Facturación", "gmv"),
        ("Creator username", "creator"),
        ("Creadora", "creator"),
        ("Video views at 100%", "full_watches"),
        ("VV", "views"),
        ("Visualizaciones", "views"),
        ("Video Finish Rate", "finish_rate"),
        ("Tasa de finalización", "finish_rate"),  # Seller Center's Spanish label: per view
        ("Product Impressions", "product_impressions"),
        ("Video Revenue ($)", "gmv"),
        ("Clicks (destination)", "product_clicks"),
        ("2-second video views", "two_second_views"),
        ("Título del video", "video"),
        ("Nombre del creador", "creator"),
        ("Ad name", "video"),
        ("Cuello de botella", None),
        ("Product click-through (%)", None),
        ("Format", None),
        ("Likes", None),
    ],
)
def test_headers_in_either_language(header: str, field: str | None) -> None:
    assert field_for(header) == field


@pytest.mark.parametrize(
    ("header", "kind"),
    [("Cuello de botella", "output"), ("Product click-through (%)", "output"), ("Format", "trait"),
     ("Tipo de gancho", "trait"), ("Video ID", "id"), ("Likes", "metric"), ("Cost", "metric"),
     ("GPM ($)", "output"), ("CTR", "metric"), ("Shoppable video attributed GMV ($)", "metric"),
     ("Something else", None)],
)  # fmt: skip
def test_every_kind_of_column_is_known(header: str, kind: str | None) -> None:
    found = column_kind(header)
    assert (found[0] if found else None) == kind


def test_a_typed_table_numbers_rows_from_one() -> None:
    frame = pd.DataFrame(
        {
            "video": ["a", "b"],
            "views": [1000.0, 500.0],
            "product_clicks": [10.0, 900.0],
            "format": [None, None],
        }
    )
    reading = prepare(frame, first_row=1)
    assert [p.row for p in reading.problems] == [2]
    assert list(videos(reading)["video"]) == ["a"]


@pytest.mark.parametrize(
    ("cell", "value"),
    [("$1,234.50", 1234.5), ("1.234,50 €", 1234.5), ("US$ 99", 99.0), ("348", 348.0), ("", None),
     ("MX$45,230.50", 45230.5), ("RM7,988.80", 7988.8), ("R$ 1.234,50", 1234.5), ("COP 12.500", 12500.0),
     ("--", None)],
)  # fmt: skip
def test_money_with_currency_signs(cell: str, value: float | None) -> None:
    reading = prepare(pd.DataFrame({"views": ["1000"], "orders": ["3"], "gmv": [cell or None]}))
    found = videos(reading).loc[0, "gmv"]
    assert (None if pd.isna(found) else found) == value


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_funnel_problem_has_a_message(lang: str) -> None:
    codes = {
        "funnel_missing_views", "funnel_no_stage_columns", "funnel_duplicate_column", "funnel_no_rows",
        "funnel_not_a_number", "funnel_negative", "funnel_not_whole", "funnel_rate_range", "funnel_zero_length",
        "funnel_clicks_over_views", "funnel_orders_over_clicks", "funnel_watch_over_length",
        "funnel_two_second_over_views", "funnel_full_over_two_second", "funnel_row_empty",
        "funnel_rates_as_fractions", "funnel_saved_inputs", "funnel_clicks_over_impressions",
        "funnel_unmapped_column",
    }  # fmt: skip
    assert sorted(f"problems.{c}" for c in codes if f"problems.{c}" not in catalog(lang)) == []  # type: ignore[arg-type]


def test_messages_read_in_spanish_too() -> None:
    text = read("bad_rows.csv").problems[0].describe("es")
    assert text.startswith("bad_rows.csv, fila 3, columna «product clicks»: hay 6000 clics en el producto")


def test_a_bad_row_after_a_blank_line_is_named_by_its_spreadsheet_row() -> None:
    reading = read_file(b"video,views,orders\na,1000,3\n\nb,abc,2\n", "videos.csv")
    assert [problem.row for problem in reading.problems] == [4]  # header 1, a 2, blank 3, b 4


def test_the_typed_table_reads_its_traits() -> None:
    rows = [{"video": "a", "views": 1000, "product_clicks": 20, "format": "demo", "hook_type": "result"}]
    reading = read_rows(rows, ("video", "views", "product_clicks", "format", "hook_type"))
    assert reading.inputs is not None
    assert reading.inputs.videos[0].traits == {"format": "demo", "hook_type": "result"}
