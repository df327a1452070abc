"""Reading videos from uploads and typed tables: headers in two languages, per-row problems, the corpus."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd
import pytest

from content_logic.funnel import diagnose_batch, prepare_videos, read_videos
from content_logic.funnel.aliases import IGNORED, field_for
from content_logic.i18n import LANGUAGES, catalog
from content_logic.problems import InputError

DATA = Path(__file__).parent / "data" / "funnel"
EXPECTED = tomllib.loads((DATA / "expected.toml").read_text(encoding="utf-8"))


def read(name: str):  # type: ignore[no-untyped-def]
    return read_videos((DATA / name).read_bytes(), name)


@pytest.mark.parametrize("name", sorted(EXPECTED["errors"]))
def test_files_that_cannot_be_analysed_say_why(name: str) -> None:
    with pytest.raises(InputError) as raised:
        read(name)
    assert [p.describe("en") for p in raised.value.problems] == EXPECTED["errors"][name]


@pytest.mark.parametrize("name", sorted(EXPECTED["skipped"]))
def test_bad_rows_are_skipped_with_row_column_and_fix(name: str) -> None:
    upload = read(name)
    found = {str(s.row): [p.describe("en") for p in s.problems] for s in upload.skipped}
    assert found == EXPECTED["skipped"][name]
    assert len(upload.videos) == EXPECTED["analysed"][name]


@pytest.mark.parametrize("name", sorted(EXPECTED["analysed"]))
def test_good_rows_are_still_analysed(name: str) -> None:
    upload = read(name)
    assert len(upload.videos) == EXPECTED["analysed"][name]
    assert [n.describe("en") for n in upload.notes] == EXPECTED["notes"].get(name, [])
    result = diagnose_batch(upload.videos)
    assert result.videos == EXPECTED["analysed"][name]


def test_every_corpus_file_has_an_expectation() -> None:
    listed = set(EXPECTED["errors"]) | set(EXPECTED["analysed"])
    assert listed == {p.name for p in DATA.iterdir() if p.name != "expected.toml"}


def test_a_spanish_export_reads_like_the_english_one() -> None:
    upload = read("spanish_export.csv")
    first = upload.videos.iloc[0]
    assert (first["views"], first["hook_rate"], first["avg_watch_seconds"], first["gmv"]) == (
        300_000,
        42,
        14,
        348,
    )
    assert upload.videos.iloc[1]["avg_watch_seconds"] == 13.5
    assert "Formato" in upload.videos.columns  # an unknown column is kept as a trait
    assert diagnose_batch(upload.videos).table.loc[0, "bottleneck"] == "interest"


def test_counts_become_rates() -> None:
    first = read("counts_export.csv").videos.iloc[0]
    assert first["hook_rate"] == pytest.approx(159_600 / 420_000 * 100)
    assert first["completion_rate"] == pytest.approx(65_436 / 159_600 * 100)


def test_excel_percent_cells_are_read_as_percentages() -> None:
    videos = read("percent_cells.xlsx").videos
    assert list(videos["hook_rate"]) == pytest.approx([42, 36])


def test_fractions_with_a_percent_sign_are_not_rescaled() -> None:
    frame = pd.DataFrame({"views": ["1000"], "hook rate": ["0.5%"]})
    upload = prepare_videos(frame)
    assert upload.videos.loc[0, "hook_rate"] == 0.5
    assert upload.notes == ()


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
        ("Cuello de botella", IGNORED),
        ("Product click-through (%)", IGNORED),
        ("Format", None),
        ("Likes", None),
    ],
)
def test_headers_in_either_language(header: str, field: str | None) -> None:
    assert field_for(header) == field


def test_a_typed_table_numbers_rows_from_one() -> None:
    frame = pd.DataFrame(
        {
            "video": ["a", "b"],
            "views": [1000.0, 500.0],
            "product_clicks": [10.0, 900.0],
            "format": [None, None],
        }
    )
    upload = prepare_videos(frame, first_row=1)
    assert [s.row for s in upload.skipped] == [2]
    assert upload.skipped[0].video == "b"
    assert list(upload.videos["video"]) == ["a"]


@pytest.mark.parametrize(
    ("cell", "value"),
    [("$1,234.50", 1234.5), ("1.234,50 €", 1234.5), ("US$ 99", 99.0), ("348", 348.0), ("", None)],
)
def test_money_with_currency_signs(cell: str, value: float | None) -> None:
    upload = prepare_videos(pd.DataFrame({"views": ["1000"], "orders": ["3"], "gmv": [cell or None]}))
    found = upload.videos.loc[0, "gmv"]
    assert (None if pd.isna(found) else found) == value


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_funnel_problem_has_a_message(lang: str) -> None:
    codes = {
        "funnel_missing_views", "funnel_no_stage_columns", "funnel_duplicate_column", "funnel_no_rows",
        "funnel_not_a_number", "funnel_negative", "funnel_not_whole", "funnel_rate_range", "funnel_zero_length",
        "funnel_clicks_over_views", "funnel_orders_over_clicks", "funnel_watch_over_length",
        "funnel_two_second_over_views", "funnel_full_over_two_second", "funnel_row_empty",
        "funnel_rates_as_fractions", "funnel_saved_inputs",
    }  # fmt: skip
    assert sorted(f"problems.{c}" for c in codes if f"problems.{c}" not in catalog(lang)) == []  # type: ignore[arg-type]


def test_messages_read_in_spanish_too() -> None:
    upload = read("bad_rows.csv")
    text = upload.skipped[0].problems[0].describe("es")
    assert text.startswith("bad_rows.csv, fila 3, columna «product clicks»: hay 6000 clics en el producto")


def test_a_bad_row_after_a_blank_line_is_named_by_its_spreadsheet_row() -> None:
    from content_logic.funnel.batch_io import read_videos

    upload = read_videos(b"video,views,orders\na,1000,3\n\nb,abc,2\n", "videos.csv")
    assert [skipped.row for skipped in upload.skipped] == [4]  # header 1, a 2, blank 3, b 4
